import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type WorkRole, WorkRoleCreate } from '@pharos/api';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useAbility } from '../../api/me';
import { formatDateTime } from '../../lib/format';
import { type ListSearch, type ListSpec, nextSort, parseListSearch } from '../../lib/list-state';
import { type Column, DataTable } from '../../ui/data-table';
import { FormText, FormTextarea } from '../../ui/form-fields';
import { AnchorLink } from '../../ui/links';
import { ArchivedToggle, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { useListRoute } from '../../ui/registry-list';
import { useZodForm } from '../../ui/use-zod-form';
import { ViewSwitch } from '../../ui/view-switch';
import { CapacityTable, thisMonth } from './capacity-table';
import { demandCalls, useDemandMutation, useWorkRoles, type WorkRoleListQuery } from './demand-api';

const spec: ListSpec<never> = { sortFields: ['code', 'name', 'updatedAt'], defaultSort: 'code', filters: {} };
export type WorkRoleSearch = ListSearch<never> & { view?: 'capacity' };
export function parseWorkRoleSearch(raw: Record<string, unknown>): WorkRoleSearch {
  const s: WorkRoleSearch = parseListSearch(spec, raw);
  if (raw.view === 'capacity') s.view = 'capacity';
  return s;
}

/** Hours per month a role has now, summed over its org units. */
export function currentHours(r: WorkRole, month = thisMonth()): number {
  const latest = new Map<string, { from: string; h: number }>();
  for (const s of r.capacity)
    if (s.from <= month && (latest.get(s.orgUnitId)?.from ?? '') <= s.from)
      latest.set(s.orgUnitId, { from: s.from, h: s.hoursPerMonth });
  return [...latest.values()].reduce((a, b) => a + b.h, 0);
}

const columns: Column<WorkRole>[] = [
  {
    key: 'code',
    label: 'Code',
    sort: 'code',
    nowrap: true,
    render: (r) => (
      <AnchorLink to="/work-roles/$id" params={{ id: r.id }} size="sm" fw={500}>
        {r.code}
      </AnchorLink>
    ),
  },
  {
    key: 'name',
    label: 'Name',
    sort: 'name',
    render: (r) => (
      <AnchorLink to="/work-roles/$id" params={{ id: r.id }} size="sm" c="inherit">
        {r.name}
      </AnchorLink>
    ),
  },
  {
    key: 'description',
    label: 'Description',
    wide: true,
    render: (r) => (
      <Text size="sm" lineClamp={1}>
        {r.description || '—'}
      </Text>
    ),
  },
  {
    key: 'units',
    label: 'Org units',
    render: (r) => <Text size="sm">{new Set(r.capacity.map((s) => s.orgUnitId)).size}</Text>,
  },
  {
    key: 'hours',
    label: 'Hours / month now',
    render: (r) => (
      <Text size="sm" ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
        {Math.round(currentHours(r)).toLocaleString()}
      </Text>
    ),
  },
  {
    key: 'updated',
    label: 'Last changed',
    sort: 'updatedAt',
    wide: true,
    render: (r) => <Text size="sm">{formatDateTime(r.updatedAt)}</Text>,
  },
];

function NewWorkRoleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useZodForm({ code: '', name: '', description: '' });
  const create = useDemandMutation(demandCalls.createWorkRole);
  const navigate = useNavigate();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.validate(WorkRoleCreate, form.values)) return;
    try {
      const r = await create.mutateAsync(form.values);
      notifications.show({ color: 'green', message: `Created ${r.code} · ${r.name}.` });
      onClose();
      void navigate({ to: '/work-roles/$id', params: { id: r.id } });
    } catch (err) {
      form.applyServerError(err);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>New work role</Text>}>
      <form onSubmit={submit} noValidate aria-label="New work role">
        <Stack gap="md">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <FormText form={form} name="code" label="Code" required maxLength={32} />
          <FormText form={form} name="name" label="Name" required />
          <FormTextarea form={form} name="description" label="Description" minRows={2} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Save
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The work-role catalog (generic roles demand is expressed in) and their capacity. */
export function WorkRolesPage(): ReactNode {
  const { search, update, query } = useListRoute<never, WorkRoleSearch>(spec);
  const view = (useSearch({ strict: false }) as WorkRoleSearch).view;
  const list = useWorkRoles(query as WorkRoleListQuery, view !== 'capacity');
  const canCreate = useAbility('workRole.create');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Work roles"
        subtitle="The generic roles demand is asked in, and the hours each org unit has of them."
        actions={canCreate && <NewButton noun="work role" onClick={() => setCreating(true)} />}
      />
      <NewWorkRoleModal opened={creating} onClose={() => setCreating(false)} />
      <ListToolbar>
        <ViewSwitch
          views={[
            { value: 'roles', label: 'Roles' },
            { value: 'capacity', label: 'Capacity, 24 months' },
          ]}
        />
        {view !== 'capacity' && (
          <>
            <SearchBox value={search.q} onChange={(q) => update({ q })} label="Search work roles" />
            <ArchivedToggle value={search.archived} onChange={(archived) => update({ archived })} />
          </>
        )}
      </ListToolbar>
      {view === 'capacity' ? (
        <CapacityTable />
      ) : (
        <QueryState query={list} label="Loading work roles">
          {() => (
            <DataTable
              caption="Work roles"
              columns={columns}
              rows={list.data?.items ?? []}
              total={list.data?.total ?? 0}
              page={query.page}
              pageSize={query.pageSize}
              sort={query.sort}
              onSort={(f) => update({ sort: nextSort(query.sort, f) })}
              onPage={(page) => update({ page })}
              onPageSize={(pageSize) => update({ pageSize })}
              loading={list.isFetching}
              rowMuted={(r) => r.archivedAt !== null}
              empty="No work roles match."
            />
          )}
        </QueryState>
      )}
    </>
  );
}
