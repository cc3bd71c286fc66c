import { Badge, Group, Progress, Text, Tooltip } from '@mantine/core';
import type { Objective } from '@pharos/api';
import type { ReactNode } from 'react';
import { percent } from '../../lib/format';
import { type TreeNode, weightShares } from '../../lib/tree';
import { ArchivedBadge } from '../../ui/badges';
import { TreeItemLink, TreePage } from '../../ui/tree-page';
import { objectiveCreate } from './objective-fields';

const byWeight = (a: Objective, b: Objective) => b.weight - a.weight || a.code.localeCompare(b.code);

/** Each objective with its weight and its share of the whole (computed on the unfiltered tree). */
function renderer(tree: TreeNode<Objective>[]) {
  const shares = weightShares(tree);
  return (o: Objective) => {
    const s = shares.get(o.id);
    return (
      <Group justify="space-between" wrap="nowrap" style={{ flex: 1 }} gap="sm">
        <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
          <TreeItemLink to="/objectives/$id" item={o} />
          {o.archivedAt && <ArchivedBadge />}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Badge variant="outline" color="gray" radius="sm" title="Weight">
            weight {o.weight}
          </Badge>
          <Tooltip
            label={`${percent(s?.local ?? 0)} of its siblings, ${percent(s?.global ?? 0)} of all objectives`}
          >
            <Group gap={6} wrap="nowrap" w={150} visibleFrom="sm">
              <Progress value={(s?.global ?? 0) * 100} w={80} size="sm" aria-hidden />
              <Text size="xs" c="dimmed">
                {percent(s?.global ?? 0)}
              </Text>
            </Group>
          </Tooltip>
        </Group>
      </Group>
    );
  };
}

export function ObjectivesPage(): ReactNode {
  return (
    <TreePage
      entity="objectives"
      title="Strategic objectives"
      subtitle="Objectives form a weighted tree; a weight counts relative to its siblings. Share of the whole multiplies down the tree."
      filterLabel="Filter objectives"
      treeLabel="Strategic objectives"
      noMatch="No objective matches this filter."
      none="No objectives yet."
      order={byWeight}
      openAll
      renderer={renderer}
      create={objectiveCreate}
    />
  );
}
