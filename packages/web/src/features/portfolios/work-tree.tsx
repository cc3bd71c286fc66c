import { Badge, Paper, Text } from '@mantine/core';
import type { Portfolio, Program, Project } from '@pharos/api';
import { useMemo } from 'react';
import { useEntityAll, useEntityList } from '../../api/hooks';
import type { ArchivedFilter } from '../../lib/list-state';
import { allIds, buildTree, byCode, type TreeNode } from '../../lib/tree';
import { ArchivedBadge, StatusBadge } from '../../ui/badges';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/query-state';
import { ExpandCollapse, TreeRow, useExpansion } from '../../ui/tree-view';

const limit = 500;
type Kind = 'Portfolio' | 'Program' | 'Project' | 'Operation';
const kindColor: Record<Kind, string> = {
  Portfolio: 'pharos',
  Program: 'teal',
  Project: 'blue',
  Operation: 'gray',
};

function KindBadge({ kind }: { kind: Kind }) {
  return (
    <Badge size="xs" variant="light" color={kindColor[kind]} radius="sm" w={78}>
      {kind}
    </Badge>
  );
}

function More({ total, depth, what }: { total: number; depth: number; what: string }) {
  if (total <= limit) return null;
  return (
    <li>
      <Text size="xs" c="dimmed" pl={depth * 22 + 28}>
        Showing {limit} of {total} {what}; use the tables to see the rest.
      </Text>
    </li>
  );
}

function ProjectRow({ p, depth }: { p: Project; depth: number }) {
  return (
    <li>
      <TreeRow depth={depth} expandable={false} expanded={false} onToggle={() => {}} name={p.name}>
        <KindBadge kind="Project" />
        <AnchorLink to="/projects/$id" params={{ id: p.id }} size="sm">
          {p.code} · {p.name}
        </AnchorLink>
        <StatusBadge status={p.status} />
        {p.archivedAt && <ArchivedBadge />}
      </TreeRow>
    </li>
  );
}

function ProgramNode({ p, depth, archived }: { p: Program; depth: number; archived: ArchivedFilter }) {
  const { open, toggle } = useExpansion();
  const expanded = open.has(p.id);
  const projects = useEntityList(
    'projects',
    { programId: p.id, pageSize: limit, sort: 'code', archived },
    expanded,
  );
  return (
    <li>
      <TreeRow depth={depth} expandable expanded={expanded} onToggle={() => toggle(p.id)} name={p.name}>
        <KindBadge kind="Program" />
        <AnchorLink to="/programs/$id" params={{ id: p.id }} size="sm" fw={500}>
          {p.code} · {p.name}
        </AnchorLink>
        {p.archivedAt && <ArchivedBadge />}
      </TreeRow>
      {expanded && (
        <ul className="tree">
          {projects.isPending && <Loading depth={depth + 1} />}
          {projects.data?.items.length === 0 && (
            <Empty depth={depth + 1} text="No projects in this program" />
          )}
          {projects.data?.items.map((x) => (
            <ProjectRow key={x.id} p={x} depth={depth + 1} />
          ))}
          <More total={projects.data?.total ?? 0} depth={depth + 1} what="projects" />
        </ul>
      )}
    </li>
  );
}

function Loading({ depth }: { depth: number }) {
  return (
    <li>
      <Text size="xs" c="dimmed" pl={depth * 22 + 28} py={4} role="status">
        Loading…
      </Text>
    </li>
  );
}

function Empty({ depth, text }: { depth: number; text: string }) {
  return (
    <li>
      <Text size="xs" c="dimmed" pl={depth * 22 + 28} py={4}>
        {text}
      </Text>
    </li>
  );
}

/** What a portfolio holds besides sub-portfolios: programs, projects directly in it, operations. */
function PortfolioContents({ id, depth, archived }: { id: string; depth: number; archived: ArchivedFilter }) {
  const q = { portfolioId: id, pageSize: limit, sort: 'code', archived } as const;
  const programs = useEntityList('programs', q);
  const projects = useEntityList('projects', q);
  const operations = useEntityList('operations', q);
  const direct = (projects.data?.items ?? []).filter((p) => p.programId === null);
  if (programs.isPending || projects.isPending || operations.isPending) return <Loading depth={depth} />;
  return (
    <>
      {programs.data?.items.map((p) => (
        <ProgramNode key={p.id} p={p} depth={depth} archived={archived} />
      ))}
      <More total={programs.data?.total ?? 0} depth={depth} what="programs" />
      {direct.map((p) => (
        <ProjectRow key={p.id} p={p} depth={depth} />
      ))}
      <More total={projects.data?.total ?? 0} depth={depth} what="projects" />
      {operations.data?.items.map((o) => (
        <li key={o.id}>
          <TreeRow depth={depth} expandable={false} expanded={false} onToggle={() => {}} name={o.name}>
            <KindBadge kind="Operation" />
            <AnchorLink to="/operations/$id" params={{ id: o.id }} size="sm">
              {o.code} · {o.name}
            </AnchorLink>
            {o.archivedAt && <ArchivedBadge />}
          </TreeRow>
        </li>
      ))}
      <More total={operations.data?.total ?? 0} depth={depth} what="operations" />
    </>
  );
}

function PortfolioNodes({
  nodes,
  open,
  toggle,
  archived,
  label,
}: {
  label?: string;
  nodes: TreeNode<Portfolio>[];
  open: Set<string>;
  toggle: (id: string) => void;
  archived: ArchivedFilter;
}) {
  return (
    <ul className="tree" aria-label={label}>
      {nodes.map((n) => {
        const expanded = open.has(n.item.id);
        return (
          <li key={n.item.id}>
            <TreeRow
              depth={n.depth}
              expandable
              expanded={expanded}
              onToggle={() => toggle(n.item.id)}
              name={n.item.name}
            >
              <KindBadge kind="Portfolio" />
              <AnchorLink to="/portfolios/$id" params={{ id: n.item.id }} size="sm" fw={600}>
                {n.item.code} · {n.item.name}
              </AnchorLink>
              {n.item.archivedAt && <ArchivedBadge />}
            </TreeRow>
            {expanded && (
              <>
                {n.children.length > 0 && (
                  <PortfolioNodes nodes={n.children} open={open} toggle={toggle} archived={archived} />
                )}
                <ul className="tree">
                  <PortfolioContents id={n.item.id} depth={n.depth + 1} archived={archived} />
                </ul>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** Portfolios (nested) ⊃ programs ⊃ projects, and operations; children load when a node opens. */
export function WorkTree({ archived }: { archived: ArchivedFilter }) {
  const all = useEntityAll('portfolios', { archived, sort: 'name' });
  const roots = useMemo(() => buildTree(all.data ?? [], byCode), [all.data]);
  const { open, toggle, set } = useExpansion();
  return (
    <QueryState query={all} label="Loading portfolios">
      {() => (
        <Paper withBorder p="sm">
          <ExpandCollapse
            expandLabel="Expand portfolios"
            onExpand={() => set(allIds(roots))}
            onCollapse={() => set([])}
          />
          {roots.length === 0 ? (
            <Text c="dimmed" size="sm" ta="center" py="lg">
              No portfolios yet.
            </Text>
          ) : (
            <PortfolioNodes
              nodes={roots}
              open={open}
              toggle={toggle}
              archived={archived}
              label="Portfolio tree"
            />
          )}
        </Paper>
      )}
    </QueryState>
  );
}
