import { Badge, Button, Collapse, Group, Pagination, Stack, Text, Timeline } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { AuditEvent } from '@pharos/api';
import { routes } from '@pharos/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import type { EntityKey } from '../api/entities';
import { keys } from '../api/keys';
import { diffAudit } from '../lib/audit-diff';
import { formatDateTime, humanize } from '../lib/format';
import { DiffView } from './diff-view';
import { QueryState } from './query-state';

const actionLabels: Record<string, string> = {
  create: 'Created',
  update: 'Changed',
  archive: 'Archived',
  restore: 'Restored',
  grant: 'Role granted',
  revoke: 'Role revoked',
  password_change: 'Password changed',
  import: 'Imported',
};
const actionColors: Record<string, string> = {
  create: 'green',
  archive: 'red',
  restore: 'teal',
  revoke: 'orange',
};

export function actionLabel(action: string) {
  return actionLabels[action] ?? humanize(action);
}

export function ActionBadge({ action }: { action: string }) {
  return (
    <Badge variant="light" radius="sm" color={actionColors[action] ?? 'blue'}>
      {actionLabel(action)}
    </Badge>
  );
}

function EventItem({ event, own }: { event: AuditEvent; own?: EntityKey }) {
  const changes = diffAudit(event.before, event.after);
  const creation = event.before === null;
  const [opened, { toggle }] = useDisclosure(!creation);
  return (
    <Stack gap={6}>
      <Group gap="xs" wrap="wrap">
        <ActionBadge action={event.action} />
        <Text size="sm">
          by <strong>{event.actorName ?? 'System'}</strong>
        </Text>
        <Text size="sm" c="dimmed">
          {formatDateTime(event.at)}
        </Text>
      </Group>
      {creation && changes.length > 0 && (
        <Button variant="subtle" size="compact-xs" onClick={toggle} aria-expanded={opened} w="fit-content">
          {opened ? 'Hide initial values' : 'Show initial values'}
        </Button>
      )}
      <Collapse in={opened}>
        <DiffView changes={changes} own={own} creation={creation} />
      </Collapse>
    </Stack>
  );
}

/** The History tab of a detail page: who changed what, when, from what to what. */
export function HistoryTab({ entityType, id, own }: { entityType: string; id: string; own?: EntityKey }) {
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const q = useQuery({
    queryKey: keys.history(entityType, id, page),
    queryFn: () => api.call(routes.history, { params: { entityType, id }, query: { page, pageSize } }),
    placeholderData: keepPreviousData,
  });
  return (
    <QueryState query={q} label="Loading history">
      {() => {
        const data = q.data;
        if (!data || data.items.length === 0)
          return (
            <Text c="dimmed" size="sm">
              No history recorded yet.
            </Text>
          );
        const pages = Math.ceil(data.total / pageSize);
        return (
          <Stack>
            <Timeline bulletSize={12} lineWidth={2}>
              {data.items.map((e) => (
                <Timeline.Item key={e.id}>
                  <EventItem event={e} own={own} />
                </Timeline.Item>
              ))}
            </Timeline>
            {pages > 1 && (
              <Pagination
                total={pages}
                value={page}
                onChange={setPage}
                size="sm"
                getItemProps={(p) => ({ 'aria-label': `History page ${p}` })}
              />
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
