import { Paper, Text } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactNode, useEffect, useMemo } from 'react';
import { type DetailPath, entities } from '../api/entities';
import { useEntityAll } from '../api/hooks';
import type { TreeSearch } from '../lib/search';
import { buildTree, byCode, collectIds, countNodes, filterTree, type TreeNode } from '../lib/tree';
import type { CreateKit } from './create-entity-modal';
import { AnchorLink } from './links';
import { ArchivedToggle, ListToolbar, SearchBox } from './list-toolbar';
import { QueryState } from './query-state';
import { RegistryHeader } from './registry-list';
import { ExpandCollapse, TreeView, useExpansion } from './tree-view';

type TreeEntity = 'offices' | 'orgUnits' | 'objectives';
type TreeItem = { id: string; parentId: string | null; code: string; name: string };

export interface TreePageProps<T extends TreeItem, V extends object> {
  entity: TreeEntity;
  title: string;
  subtitle: string;
  /** The search box's accessible name, e.g. "Filter offices". */
  filterLabel: string;
  /** The tree's accessible name. */
  treeLabel: string;
  /** The empty texts: with a filter, and without. */
  noMatch: string;
  none: string;
  /** Sibling order; by code unless given. */
  order?: (a: T, b: T) => number;
  /** Start fully open (otherwise only a small tree does; a large one shows its top level). */
  openAll?: boolean;
  /** Makes the renderer of a node, given the whole (unfiltered) tree; keep it a stable function. */
  renderer: (tree: TreeNode<T>[]) => (item: T) => ReactNode;
  /** Extra toolbar controls, before the search box. */
  toolbar?: ReactNode;
  /** Another view of the (filtered) tree, which replaces the tree when given. */
  view?: (roots: TreeNode<T>[], search: TreeSearch) => ReactNode | undefined;
  create: CreateKit<TreeEntity, V>;
}

/** "CODE · Name", linking to the item's page (the first part of a tree row). */
export function TreeItemLink({ to, item }: { to: DetailPath; item: TreeItem }) {
  return (
    <AnchorLink to={to} params={{ id: item.id }} size="sm" fw={500}>
      {item.code} · {item.name}
    </AnchorLink>
  );
}

/** A page showing a whole registry as a tree: filter, archived toggle, expand/collapse, create. */
export function TreePage<T extends TreeItem, V extends object>(props: TreePageProps<T, V>): ReactNode {
  const { order = byCode, renderer } = props;
  const search: TreeSearch = useSearch({ strict: false });
  const navigate = useNavigate();
  const set = (change: TreeSearch) =>
    navigate({
      to: '.',
      search: ((prev: TreeSearch) => ({ ...prev, ...change })) as never,
      replace: true,
    });
  const all = useEntityAll(props.entity, { archived: search.archived ?? 'active', sort: 'code' });
  const full = useMemo(() => buildTree((all.data ?? []) as unknown as T[], order), [all.data, order]);
  const render = useMemo(() => renderer(full), [renderer, full]);
  const roots = useMemo(() => {
    const q = search.q?.toLowerCase();
    return q ? filterTree(full, (o) => `${o.code} ${o.name}`.toLowerCase().includes(q)) : full;
  }, [full, search.q]);
  // A small tree starts fully open, a large one at its top level; a filter opens all it kept.
  const expansion = useExpansion(() =>
    props.openAll || countNodes(roots) <= 60 ? collectIds(roots) : roots.map((r) => r.item.id),
  );
  const { open, toggle } = expansion;
  const setOpen = expansion.set;
  useEffect(() => {
    if (search.q) setOpen(collectIds(roots));
  }, [search.q, roots, setOpen]);
  const other = props.view?.(roots, search);

  return (
    <>
      <RegistryHeader title={props.title} subtitle={props.subtitle} search={{}} create={props.create} />
      <ListToolbar>
        {props.toolbar}
        <SearchBox value={search.q} onChange={(q) => set({ q })} label={props.filterLabel} />
        <ArchivedToggle value={search.archived} onChange={(archived) => set({ archived })} />
      </ListToolbar>
      <QueryState query={all} label={`Loading ${entities[props.entity].plural.toLowerCase()}`}>
        {() =>
          roots.length === 0 ? (
            <Paper withBorder p="lg">
              <Text c="dimmed" ta="center" size="sm">
                {search.q ? props.noMatch : props.none}
              </Text>
            </Paper>
          ) : other !== undefined ? (
            other
          ) : (
            <Paper withBorder p="sm">
              <ExpandCollapse onExpand={() => setOpen(collectIds(roots))} onCollapse={() => setOpen([])} />
              <TreeView<T>
                nodes={roots}
                label={props.treeLabel}
                open={open}
                onToggle={toggle}
                render={render}
              />
            </Paper>
          )
        }
      </QueryState>
    </>
  );
}
