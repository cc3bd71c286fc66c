import { Alert, Badge, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { frameworkStatuses, type ScoringFramework, ScoringFrameworkCreate } from '@pharos/api';
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
import { demandCalls, type FrameworkListQuery, useDemandMutation, useFrameworks } from './demand-api';
import { starterCriteria } from './framework-values';

type FrameworkFilter = 'status' | 'officeId';
const spec: ListSpec<FrameworkFilter> = {
  sortFields: ['code', 'name', 'revision', 'updatedAt'],
  defaultSort: 'code',
  filters: { status: { kind: 'enum', values: frameworkStatuses }, officeId: { kind: 'id' } },
};
export function parseFrameworkSearch(raw: Record<string, unknown>): ListSearch<FrameworkFilter> {
  return parseListSearch(spec, raw);
}

const statusColor = { draft: 'gray', published: 'green', retired: 'dark' } as const;
export function FrameworkStatusBadge({ status }: { status: ScoringFramework['status'] }) {
  return (
    <Badge color={statusColor[status]} variant="light" radius="sm">
      {status === 'draft' ? 'Draft' : status === 'published' ? 'Published' : 'Retired'}
    </Badge>
  );
}

const columns: Column<ScoringFramework>[] = [
  {
    key: 'code',
    label: 'Code',
    sort: 'code',
    nowrap: true,
    render: (f) => (
      <AnchorLink to="/scoring-frameworks/$id" params={{ id: f.id }} size="sm" fw={500}>
        {f.code}
      </AnchorLink>
    ),
  },
  {
    key: 'name',
    label: 'Name',
    sort: 'name',
    render: (f) => (
      <AnchorLink to="/scoring-frameworks/$id" params={{ id: f.id }} size="sm" c="inherit">
        {f.name}
      </AnchorLink>
    ),
  },
  {
    key: 'revision',
    label: 'Revision',
    sort: 'revision',
    render: (f) => <Text size="sm">{f.revision}</Text>,
  },
  { key: 'status', label: 'Status', render: (f) => <FrameworkStatusBadge status={f.status} /> },
  {
    key: 'weighting',
    label: 'Weighting',
    render: (f) => <Text size="sm">{f.weighting === 'ahp' ? 'AHP (pairwise)' : 'Direct'}</Text>,
  },
  { key: 'criteria', label: 'Criteria', render: (f) => <Text size="sm">{f.criteria.length}</Text> },
  {
    key: 'office',
    label: 'Office',
    wide: true,
    render: (f) => <Text size="sm">{f.labels.officeId ?? '—'}</Text>,
  },
  {
    key: 'updated',
    label: 'Last changed',
    sort: 'updatedAt',
    wide: true,
    render: (f) => <Text size="sm">{formatDateTime(f.updatedAt)}</Text>,
  },
];

function NewFrameworkModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const form = useZodForm({ code: '', name: '', officeId: null as string | null });
  const create = useDemandMutation(demandCalls.createFramework);
  const navigate = useNavigate();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { ...form.values, criteria: starterCriteria() };
    if (!form.validate(ScoringFrameworkCreate, body)) return;
    try {
      const f = await create.mutateAsync(body as never);
      notifications.show({ color: 'green', message: `Created ${f.code} · ${f.name} as a draft.` });
      onClose();
      void navigate({
        to: '/scoring-frameworks/$id',
        params: { id: f.id },
        search: { tab: 'edit' } as never,
      });
    } catch (err) {
      form.applyServerError(err);
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={600}>New scoring framework</Text>} size="md">
      <form onSubmit={submit} noValidate aria-label="New scoring framework">
        <Stack gap="md">
          {form.formError && <Alert color="red">{form.formError}</Alert>}
          <FormText form={form} name="code" label="Code" required maxLength={32} />
          <FormText form={form} name="name" label="Name" required />
          <FormEntitySelect form={form} name="officeId" entity="offices" label="Owning office" required />
          <Text size="sm" c="dimmed">
            It starts as a draft with three common criteria; change them before publishing.
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

/** The scoring frameworks, each revision a row. */
export function FrameworksPage(): ReactNode {
  const { search, update, query } = useListRoute<FrameworkFilter>(spec);
  const list = useFrameworks(query as FrameworkListQuery);
  const canCreate = useAbility('scoringFramework.create');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Scoring frameworks"
        subtitle="The agreed criteria, scales and weights proposals are scored against. Each change is a new revision."
        actions={canCreate && <NewButton noun="framework" onClick={() => setCreating(true)} />}
      />
      <NewFrameworkModal opened={creating} onClose={() => setCreating(false)} />
      <ListToolbar>
        <SearchBox value={search.q} onChange={(q) => update({ q })} label="Search frameworks" />
        <ListFilters
          search={search}
          update={update}
          filters={[
            { param: 'status', label: 'Status', options: options(frameworkStatuses) },
            { param: 'officeId', label: 'Office', entity: 'offices' },
          ]}
        />
        <ArchivedToggle value={search.archived} onChange={(archived) => update({ archived })} />
      </ListToolbar>
      <QueryState query={list} label="Loading frameworks">
        {() => (
          <DataTable
            caption="Scoring frameworks"
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
            rowMuted={(f) => f.archivedAt !== null || f.status === 'retired'}
            empty="No scoring frameworks match these filters."
          />
        )}
      </QueryState>
    </>
  );
}
