import { ActionIcon, Box, Button, Group } from '@mantine/core';
import { type ReactNode, useCallback, useState } from 'react';
import type { TreeNode } from '../lib/tree';
import { ChevronDown, ChevronRight } from './icons';

/** Which nodes are open; until the user opens or closes one, the `defaults` are open. */
export function useExpansion(defaults: () => Iterable<string> = () => []) {
  const [open, setOpen] = useState<Set<string> | null>(null);
  const current = open ?? new Set(defaults());
  const toggle = (id: string) =>
    setOpen((prev) => {
      const next = new Set(prev ?? defaults());
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const set = useCallback((ids: Iterable<string>) => setOpen(new Set(ids)), []);
  return { open: current, toggle, set };
}

/** One row of a tree: indent, a disclosure button when it has children, and its content. */
export function TreeRow({
  depth,
  expandable,
  expanded,
  onToggle,
  name,
  children,
}: {
  depth: number;
  expandable: boolean;
  expanded: boolean;
  onToggle: () => void;
  name: string;
  children: ReactNode;
}) {
  return (
    <Group gap={6} wrap="nowrap" className="tree-row" pl={depth * 22} py={4}>
      {expandable ? (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="sm"
          onClick={onToggle}
          aria-expanded={expanded}
          aria-label={`${expanded ? 'Collapse' : 'Expand'} ${name}`}
        >
          {expanded ? <ChevronDown size={14} /> : <ChevronRight size={14} />}
        </ActionIcon>
      ) : (
        <Box w={22} style={{ flexShrink: 0 }} />
      )}
      <Group gap="xs" wrap="wrap" style={{ minWidth: 0, flex: 1 }}>
        {children}
      </Group>
    </Group>
  );
}

/** An indented tree with expand/collapse, as nested lists (a disclosure per node). */
export function TreeView<T extends { id: string; name: string }>({
  nodes,
  label,
  open,
  onToggle,
  render,
}: {
  nodes: TreeNode<T>[];
  label?: string;
  open: Set<string>;
  onToggle: (id: string) => void;
  render: (item: T, node: TreeNode<T>) => ReactNode;
}) {
  return (
    <ul className="tree" aria-label={label}>
      {nodes.map((n) => {
        const expanded = open.has(n.item.id);
        return (
          <li key={n.item.id}>
            <TreeRow
              depth={n.depth}
              expandable={n.children.length > 0}
              expanded={expanded}
              onToggle={() => onToggle(n.item.id)}
              name={n.item.name}
            >
              {render(n.item, n)}
            </TreeRow>
            {expanded && n.children.length > 0 && (
              <TreeView nodes={n.children} open={open} onToggle={onToggle} render={render} />
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** The "Expand all" / "Collapse all" buttons above a tree. */
export function ExpandCollapse({
  onExpand,
  onCollapse,
  expandLabel = 'Expand all',
}: {
  onExpand: () => void;
  onCollapse: () => void;
  expandLabel?: string;
}) {
  return (
    <Group justify="flex-end" gap="xs" mb="xs">
      <Button size="compact-sm" variant="subtle" onClick={onExpand}>
        {expandLabel}
      </Button>
      <Button size="compact-sm" variant="subtle" onClick={onCollapse}>
        Collapse all
      </Button>
    </Group>
  );
}
