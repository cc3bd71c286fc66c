import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { RaidItem } from '@pharos/api';
import { formatDate } from '../../lib/format';
import type { Column } from '../../ui/data-table';
import { Flags, KindBadge, RaidStatusBadge, Rating } from './raid-badges';

/** Where an item sits, by name: its project, program, portfolio or office. */
export function registerName(item: RaidItem): string {
  const l = item.labels;
  return (
    (item.projectId && l.projectId) ||
    (item.programId && l.programId) ||
    (item.portfolioId && l.portfolioId) ||
    (item.officeId && l.officeId) ||
    '—'
  );
}

/** The register's columns; `open` opens an item in the drawer, `showWhere` names each item's register. */
export function raidColumns(open: (item: RaidItem) => void, showWhere: boolean): Column<RaidItem>[] {
  const cols: Column<RaidItem>[] = [
    {
      key: 'code',
      label: 'Code',
      sort: 'code',
      nowrap: true,
      render: (i) => (
        <Stack gap={2}>
          <Anchor component="button" type="button" size="sm" fw={600} onClick={() => open(i)}>
            {i.code}
          </Anchor>
          <KindBadge kind={i.kind} />
        </Stack>
      ),
    },
    {
      key: 'title',
      label: 'Title',
      sort: 'title',
      render: (i) => (
        <Stack gap={4}>
          <Anchor component="button" type="button" size="sm" c="inherit" ta="left" onClick={() => open(i)}>
            {i.title}
          </Anchor>
          {showWhere && (
            <Text size="xs" c="dimmed">
              in {registerName(i)}
            </Text>
          )}
          {i.kind === 'dependency' && (
            <Text size="xs" c="dimmed">
              {i.relation === 'dependedOnBy'
                ? `${i.labels.projectId ?? 'Another project'} depends on this project`
                : `Depends on ${i.labels.dependsOnProjectId ?? (i.details.externalParty || 'an outside party')}`}
            </Text>
          )}
          <Flags item={i} />
        </Stack>
      ),
    },
  ];
  cols.push(
    {
      key: 'status',
      label: 'Status',
      sort: 'status',
      nowrap: true,
      render: (i) => <RaidStatusBadge item={i} />,
    },
    {
      key: 'rating',
      label: 'Score / severity',
      sort: 'score',
      nowrap: true,
      render: (i) => <Rating item={i} />,
    },
    {
      key: 'owner',
      label: 'Owner',
      wide: true,
      render: (i) => <Text size="sm">{i.labels.ownerId ?? '—'}</Text>,
    },
    {
      key: 'due',
      label: 'Due',
      sort: 'dueOn',
      nowrap: true,
      render: (i) => (
        <Group gap={4}>
          <Text size="sm" c={i.overdue ? 'red.8' : undefined} fw={i.overdue ? 600 : undefined}>
            {formatDate(i.dueOn)}
          </Text>
        </Group>
      ),
    },
  );
  return cols;
}
