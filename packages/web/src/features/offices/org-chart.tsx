import './org-chart.css';
import { Stack, Text } from '@mantine/core';
import type { Office } from '@pharos/api';
import type { TreeNode } from '../../lib/tree';
import { OfficeKindBadge, officeKindColor } from '../../ui/badges';
import { AnchorLink } from '../../ui/links';

function Box({ office }: { office: Office }) {
  return (
    <div
      className="org-chart-box"
      data-archived={office.archivedAt !== null}
      style={{ borderTopColor: `var(--mantine-color-${officeKindColor[office.kind]}-6)` }}
    >
      <Stack gap={4}>
        <AnchorLink to="/offices/$id" params={{ id: office.id }} size="sm" fw={600} c="inherit" lh={1.25}>
          {office.name}
        </AnchorLink>
        <Text size="xs" c="dimmed">
          {office.code}
          {office.archivedAt ? ' · archived' : ''}
        </Text>
        <div>
          <OfficeKindBadge kind={office.kind} />
        </div>
      </Stack>
    </div>
  );
}

function Level({ nodes }: { nodes: TreeNode<Office>[] }) {
  return (
    <ul>
      {nodes.map((n) => (
        <li key={n.item.id}>
          <Box office={n.item} />
          {n.children.length > 0 && <Level nodes={n.children} />}
        </li>
      ))}
    </ul>
  );
}

/** The office network as boxes joined by lines; colour and badge show each office's kind. */
export function OrgChart({ roots }: { roots: TreeNode<Office>[] }) {
  return (
    <figure className="org-chart" aria-label="Office network org chart" style={{ margin: 0 }}>
      <Level nodes={roots} />
    </figure>
  );
}
