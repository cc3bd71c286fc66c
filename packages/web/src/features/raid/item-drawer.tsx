import { Alert, Button, Drawer, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type RaidItem, type RaidKind, raidKindLabels } from '@pharos/api';
import { errorMessage } from '../../api/client';
import { formatDate } from '../../lib/format';
import { HistoryTab } from '../../ui/history-tab';
import { QueryState } from '../../ui/query-state';
import { EscalationPanel } from './escalation-panel';
import { ItemForm } from './item-form';
import { type RegisterScope, raidCalls, useRaidItem, useRaidMutation } from './raid-api';
import { Flags, KindBadge, RaidStatusBadge, Rating } from './raid-badges';
import { registerName } from './raid-table';

interface ItemDrawerProps {
  itemId: string | null;
  creating: { kind: RaidKind; scope: RegisterScope } | null;
  onCreated: (item: RaidItem) => void;
  onClose: () => void;
}

function ArchiveButton({ item }: { item: RaidItem }) {
  const run = useRaidMutation(raidCalls.archive);
  const restore = item.archivedAt !== null;
  return (
    <Button
      size="xs"
      variant="default"
      loading={run.isPending}
      onClick={() =>
        run.mutateAsync({ id: item.id, version: item.version, restore }).then(
          (saved) => notifications.show({ message: `${saved.code} ${restore ? 'restored' : 'archived'}.` }),
          (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
        )
      }
    >
      {restore ? 'Restore' : 'Archive'}
    </Button>
  );
}

/** Where a dependency stands between two projects, seen from either. */
function DependencySides({ item }: { item: RaidItem }) {
  if (item.kind !== 'dependency') return null;
  const target = item.labels.dependsOnProjectId ?? (item.details.externalParty || 'an outside party');
  return (
    <Alert color="cyan" variant="light" py={8}>
      <Text size="sm">
        <strong>{item.labels.projectId ?? registerName(item)}</strong> depends on <strong>{target}</strong>
        {item.dueOn ? `, needed by ${formatDate(item.dueOn)}` : ''}.{' '}
        {item.dependsOnProjectId && 'It shows in both projects’ registers.'}
      </Text>
    </Alert>
  );
}

function ItemView({ item, onClose }: { item: RaidItem; onClose: () => void }) {
  const escalates = item.kind === 'risk' || item.kind === 'issue';
  return (
    <Stack gap="md">
      <Stack gap={6}>
        <Group gap="xs" wrap="wrap">
          <KindBadge kind={item.kind} />
          <RaidStatusBadge item={item} />
          <Rating item={item} />
          <Flags item={item} />
        </Group>
        <Text size="sm" c="dimmed">
          {item.code} · in {registerName(item)}
          {item.escalationLevel > 0 && item.open ? ` · escalated to ${item.labels.escalatedToOfficeId}` : ''}
        </Text>
        <DependencySides item={item} />
      </Stack>
      <Tabs defaultValue="details" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="details">Details</Tabs.Tab>
          {escalates && <Tabs.Tab value="escalation">Escalation</Tabs.Tab>}
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="details">
          <ItemForm
            key={`${item.id}:${item.version}`}
            mode="edit"
            item={item}
            onSaved={() => {}}
            onCancel={onClose}
          />
          {item.abilities.archive && (
            <Group justify="flex-start" mt="lg">
              <ArchiveButton item={item} />
            </Group>
          )}
        </Tabs.Panel>
        {escalates && (
          <Tabs.Panel value="escalation">
            <EscalationPanel item={item} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="history">
          <HistoryTab entityType="raidItem" id={item.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** An item opened beside its register: its fields, its escalation trail and its history; or a new one. */
export function ItemDrawer({ itemId, creating, onCreated, onClose }: ItemDrawerProps) {
  const q = useRaidItem(creating ? null : itemId);
  const opened = Boolean(creating || itemId);
  const title = creating
    ? `New ${raidKindLabels[creating.kind].toLowerCase()}`
    : (q.data?.title ?? (q.isPending ? 'Loading…' : 'RAID item'));
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="xl"
      title={
        <Title order={2} fz="h4" fw={600}>
          {title}
        </Title>
      }
    >
      {creating ? (
        <ItemForm
          key={creating.kind}
          mode="create"
          kind={creating.kind}
          scope={creating.scope}
          onSaved={onCreated}
          onCancel={onClose}
        />
      ) : (
        itemId && <QueryState query={q}>{() => <ItemView item={q.data!} onClose={onClose} />}</QueryState>
      )}
    </Drawer>
  );
}
