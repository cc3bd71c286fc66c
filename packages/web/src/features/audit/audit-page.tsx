import { Button, Collapse, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type AuditEvent, auditActions, routes } from '@pharos/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { api } from '../../api/client';
import { entityByAuditType } from '../../api/entities';
import { keys } from '../../api/keys';
import { diffAudit, fieldLabel } from '../../lib/audit-diff';
import { formatDateTime, humanize } from '../../lib/format';
import { defaultPageSize, pageSizes } from '../../lib/list-state';
import { type Column, DataTable } from '../../ui/data-table';
import { DiffView } from '../../ui/diff-view';
import { ActionBadge, actionLabel } from '../../ui/history-tab';
import { FilterSelect, ListToolbar } from '../../ui/list-toolbar';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { RefLink } from '../../ui/ref-link';

export const auditEntityTypes = [
  'orgUnit',
  'office',
  'officeService',
  'objective',
  'portfolio',
  'program',
  'project',
  'operation',
  'projectType',
  'user',
] as const;

const typeLabels: Record<string, string> = {
  orgUnit: 'Organization unit',
  officeService: 'Office service',
  projectType: 'Project type',
};
const typeLabel = (t: string) => typeLabels[t] ?? humanize(t);

export interface AuditSearch {
  page?: number;
  pageSize?: number;
  entityType?: string;
  action?: (typeof auditActions)[number];
}

export function parseAuditSearch(raw: Record<string, unknown>): AuditSearch {
  const out: AuditSearch = {};
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1) out.page = page;
  const size = Number(raw.pageSize);
  if ((pageSizes as readonly number[]).includes(size) && size !== defaultPageSize) out.pageSize = size;
  if (typeof raw.entityType === 'string' && (auditEntityTypes as readonly string[]).includes(raw.entityType))
    out.entityType = raw.entityType;
  if (typeof raw.action === 'string' && (auditActions as readonly string[]).includes(raw.action))
    out.action = raw.action as AuditSearch['action'];
  return out;
}

const route = getRouteApi('/app/audit');

function Changes({ event }: { event: AuditEvent }) {
  const [opened, { toggle }] = useDisclosure(false);
  const changes = diffAudit(event.before, event.after);
  const own = entityByAuditType(event.entityType)?.key;
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <div>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" lineClamp={1} style={{ flex: 1, minWidth: 0 }}>
          {event.before === null
            ? `Initial values (${changes.length} fields)`
            : changes.map((c) => fieldLabel(c.field)).join(', ')}
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          onClick={toggle}
          aria-expanded={opened}
          style={{ flexShrink: 0 }}
        >
          {opened ? 'Hide' : 'Details'}
        </Button>
      </Group>
      <Collapse in={opened}>
        <div style={{ marginTop: 8, minWidth: 420 }}>
          <DiffView changes={changes} own={own} creation={event.before === null} />
        </div>
      </Collapse>
    </div>
  );
}

function serviceName(e: AuditEvent) {
  const name = e.after?.name ?? e.before?.name;
  return typeof name === 'string' ? name : 'A service';
}

function Item({ event }: { event: AuditEvent }) {
  const cfg = entityByAuditType(event.entityType);
  return (
    <div>
      <Text size="xs" c="dimmed">
        {typeLabel(event.entityType)}
      </Text>
      {cfg ? (
        <RefLink entity={cfg.key} id={event.entityId} />
      ) : event.entityType === 'officeService' ? (
        <Text size="sm" component="div">
          {serviceName(event)} in{' '}
          <RefLink
            entity="offices"
            id={String(event.after?.officeId ?? event.before?.officeId ?? '') || null}
          />
        </Text>
      ) : (
        <Text size="sm">
          {typeof event.after?.name === 'string' ? event.after.name : event.entityId.slice(0, 8)}
        </Text>
      )}
    </div>
  );
}

const columns: Column<AuditEvent>[] = [
  { key: 'at', label: 'When', render: (e) => <Text size="sm">{formatDateTime(e.at)}</Text>, width: 170 },
  { key: 'actor', label: 'Who', render: (e) => <Text size="sm">{e.actorName ?? 'System'}</Text> },
  { key: 'action', label: 'Action', render: (e) => <ActionBadge action={e.action} /> },
  { key: 'item', label: 'Item', render: (e) => <Item event={e} />, width: '26%' },
  { key: 'changes', label: 'Changes', render: (e) => <Changes event={e} /> },
];

export function AuditPage(): ReactNode {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (change: Partial<AuditSearch>) =>
    navigate({ search: (prev) => ({ ...prev, page: undefined, ...change }), replace: true });
  const query = {
    page: search.page ?? 1,
    pageSize: search.pageSize ?? defaultPageSize,
    entityType: search.entityType,
    action: search.action,
  };
  const list = useQuery({
    queryKey: keys.audit(query),
    queryFn: () => api.call(routes.audit, { query }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Audit trail"
        subtitle="Every change: who made it, when, and what it was before and after."
      />
      <ListToolbar>
        <FilterSelect
          label="Item type"
          value={search.entityType}
          onChange={(entityType) => update({ entityType })}
          data={auditEntityTypes.map((t) => ({ value: t, label: typeLabel(t) }))}
        />
        <FilterSelect
          label="Action"
          value={search.action}
          onChange={(action) => update({ action: action as AuditSearch['action'] })}
          data={auditActions.map((a) => ({ value: a, label: actionLabel(a) }))}
        />
      </ListToolbar>
      <QueryState query={list} label="Loading the audit trail">
        {() => (
          <DataTable
            caption="Audit events"
            columns={columns}
            rows={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={query.page}
            pageSize={query.pageSize}
            onPage={(page) =>
              navigate({ search: (prev) => ({ ...prev, page: page > 1 ? page : undefined }) })
            }
            onPageSize={(pageSize) =>
              update({ pageSize: pageSize === defaultPageSize ? undefined : pageSize })
            }
            loading={list.isFetching}
            empty="No events match these filters."
          />
        )}
      </QueryState>
    </>
  );
}
