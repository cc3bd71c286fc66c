import { Text } from '@mantine/core';
import { type ProjectType, ProjectTypeCreate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { formatDateTime } from '../../lib/format';
import {
  type ListSearch,
  type ListSpec,
  nextSort,
  toListQuery,
  updateListSearch,
} from '../../lib/list-state';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { type Column, DataTable } from '../../ui/data-table';
import { AnchorLink } from '../../ui/links';
import { ArchivedToggle, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { ProjectTypeFields } from './project-type-fields';

export const projectTypeListSpec: ListSpec<never> = {
  sortFields: ['code', 'name', 'updatedAt'],
  defaultSort: 'name',
  filters: {},
};

const route = getRouteApi('/app/project-types');

const columns: Column<ProjectType>[] = [
  {
    key: 'code',
    label: 'Code',
    sort: 'code',
    nowrap: true,
    width: 140,
    render: (t) => (
      <AnchorLink to="/project-types/$id" params={{ id: t.id }} fw={500} size="sm">
        {t.code}
      </AnchorLink>
    ),
  },
  {
    key: 'name',
    label: 'Name',
    sort: 'name',
    render: (t) => (
      <AnchorLink to="/project-types/$id" params={{ id: t.id }} size="sm" c="inherit">
        {t.name}
      </AnchorLink>
    ),
  },
  {
    key: 'description',
    label: 'Description',
    wide: true,
    render: (t) => (
      <Text size="sm" lineClamp={2} c="dimmed">
        {t.description || '—'}
      </Text>
    ),
  },
  {
    key: 'updated',
    label: 'Last changed',
    sort: 'updatedAt',
    wide: true,
    render: (t) => <Text size="sm">{formatDateTime(t.updatedAt)}</Text>,
  },
];

export function ProjectTypesPage(): ReactNode {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (change: Partial<ListSearch<never>>) =>
    navigate({ search: (prev) => updateListSearch(prev, change), replace: true });
  const query = toListQuery(projectTypeListSpec, search);
  const list = useEntityList('projectTypes', query);
  const canCreate = useAbility('projectType.create');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Project types"
        subtitle="A project's type drives its template, its lifecycle and its forecast formula."
        actions={canCreate && <NewButton noun="project type" onClick={() => setCreating(true)} />}
      />
      <ListToolbar>
        <SearchBox value={search.q} onChange={(q) => update({ q })} label="Search project types" />
        <ArchivedToggle value={search.archived} onChange={(archived) => update({ archived })} />
      </ListToolbar>
      <QueryState query={list} label="Loading project types">
        {() => (
          <DataTable
            caption="Project types"
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
            rowMuted={(t) => t.archivedAt !== null}
          />
        )}
      </QueryState>
      <CreateEntityModal
        entity="projectTypes"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={ProjectTypeCreate}
        initial={{ code: '', name: '', description: '' }}
      >
        {(form) => <ProjectTypeFields form={form} />}
      </CreateEntityModal>
    </>
  );
}
