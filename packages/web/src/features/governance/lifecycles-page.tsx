import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type Lifecycle, LifecycleCreate, lifecycleStatuses } from '@pharos/api';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useAbility } from '../../api/me';
import { formatDateTime, options } from '../../lib/format';
import { type ListSearch, type ListSpec, nextSort, parseListSearch } from '../../lib/list-state';
import { type Column, DataTable } from '../../ui/data-table';
import { FormEntitySelect, FormText } from '../../ui/form-fields';
import { AnchorLink } from '../../ui/links';
import { ArchivedToggle, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { ListFilters, useListRoute } from '../../ui/registry-list';
import { useZodForm } from '../../ui/use-zod-form';
import {
  governanceCalls,
  type LifecycleListQuery,
  useGovernanceMutation,
  useLifecycles,
} from './governance-api';
import { starterPhases } from './lifecycle-values';

type LifecycleFilter = 'status' | 'officeId' | 'projectTypeId';
const spec: ListSpec<LifecycleFilter> = {
  sortFields: ['code', 'name', 'revision', 'updatedAt'],
  defaultSort: 'code',
  filters: {
    status: { kind: 'enum', values: lifecycleStatuses },
    officeId: { kind: 'id' },
    projectTypeId: { kind: 'id' },
  },
};
export function parseLifecycleSearch(raw: Record<string, unknown>): ListSearch<LifecycleFilter> {
  return parseListSearch(spec, raw);
}

const statusColor = { draft: 'gray', published: 'green', retired: 'dark' } as const;
export function LifecycleStatusBadge({ status }: { status: Lifecycle['status'] }) {
  return (
    <Badge color={statusColor[status]} variant="light" radius="sm">
      {status === 'draft' ? 'Draft' : status === 'published' ? 'Published' : 'Retired'}
    </Badge>
  );
}

const link = (l: Lifecycle, text: string, fw?: number) => (
  <AnchorLink to="/lifecycles/$id" params={{ id: l.id }} size="sm" fw={fw} c={fw ? undefined : 'inherit'}>
    {text}
  </AnchorLink>
);
const columns: Column<Lifecycle>[] = [
  { key: 'code', label: 'Code', sort: 'code', nowrap: true, render: (l) => link(l, l.code, 500) },
  { key: 'name', label: 'Name', sort: 'name', render: (l) => link(l, l.name) },
  {
    key: 'revision',
    label: 'Revision',
    sort: 'revision',
    render: (l) => <Text size="sm">{l.revision}</Text>,
  },
  { key: 'status', label: 'Status', render: (l) => <LifecycleStatusBadge status={l.status} /> },
  {
    key: 'phases',
    label: 'Phases and gates',
    render: (l) => (
      <Text size="sm">
        {l.phases.length} phases · {l.phases.filter((p) => p.gate).length} gates
      </Text>
    ),
  },
  { key: 'types', label: 'Project types', render: (l) => <Text size="sm">{l.projectTypeIds.length}</Text> },
  {
    key: 'office',
    label: 'Office',
    wide: true,
    render: (l) => <Text size="sm">{l.labels.officeId ?? '—'}</Text>,
  },
  {
    key: 'updated',
    label: 'Last changed',
    sort: 'updatedAt',
    wide: true,
    render: (l) => <Text size="sm">{formatDateTime(l.updatedAt)}</Text>,
  },
];

function NewLifecycleModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useZodForm({ code: '', name: '', officeId: null as string | null });
  const create = useGovernanceMutation(governanceCalls.createLifecycle);
  const navigate = useNavigate();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { ...form.values, projectTypeIds: [], description: '', phases: starterPhases() };
    if (!form.validate(LifecycleCreate, body)) return;
    try {
      const l = await create.mutateAsync(body as never);
      notifications.show({ color: 'green', message: `Created ${l.code} · ${l.name} as a draft.` });
      onClose();
      void navigate({ to: '/lifecycles/$id', params: { id: l.id }, search: { tab: 'edit' } as never });
    } catch (err) {
      form.applyServerError(err);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>New lifecycle</Text>} size="md">
      <form onSubmit={submit} noValidate aria-label="New lifecycle">
        <Stack gap="md">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <FormText form={form} name="code" label="Code" required maxLength={32} />
          <FormText form={form} name="name" label="Name" required />
          <FormEntitySelect form={form} name="officeId" entity="offices" label="Owning office" required />
          <Text size="sm" c="dimmed">
            It starts as a draft with four phases and three common gates; change them, choose the project
            types it governs, then publish it.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending}>
              Create draft
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The lifecycles, each revision a row. */
export function LifecyclesPage(): ReactNode {
  const { search, update, query } = useListRoute<LifecycleFilter>(spec);
  const list = useLifecycles(query as LifecycleListQuery);
  const canCreate = useAbility('lifecycle.create');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Lifecycles"
        subtitle="The phases and stage gates projects go through, per project type. Each change is a new revision."
        actions={canCreate && <NewButton noun="lifecycle" onClick={() => setCreating(true)} />}
      />
      <NewLifecycleModal opened={creating} onClose={() => setCreating(false)} />
      <ListToolbar>
        <SearchBox value={search.q} onChange={(q) => update({ q })} label="Search lifecycles" />
        <ListFilters
          search={search}
          update={update}
          filters={[
            { param: 'status', label: 'Status', options: options(lifecycleStatuses) },
            { param: 'officeId', label: 'Office', entity: 'offices' },
            { param: 'projectTypeId', label: 'Project type', entity: 'projectTypes' },
          ]}
        />
        <ArchivedToggle value={search.archived} onChange={(archived) => update({ archived })} />
      </ListToolbar>
      <QueryState query={list} label="Loading lifecycles">
        {() => (
          <DataTable
            caption="Lifecycles"
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
            rowMuted={(l) => l.archivedAt !== null || l.status === 'retired'}
            empty="No lifecycles match these filters."
          />
        )}
      </QueryState>
    </>
  );
}
