import { Group, Text } from '@mantine/core';
import { type Project, ProjectCreate, projectPhases, projectStatuses } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import type { ListQueryOf } from '../../api/entities';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { formatDate, options } from '../../lib/format';
import { countFilters, nextSort, toListQuery, updateListSearch } from '../../lib/list-state';
import { PhaseBadge, StatusBadge } from '../../ui/badges';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { type Column, DataTable } from '../../ui/data-table';
import { EntitySelect } from '../../ui/entity-select';
import { AnchorLink } from '../../ui/links';
import { ArchivedToggle, FilterGroup, FilterSelect, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { RefLink } from '../../ui/ref-link';
import { newProjectValues, ProjectFields } from './project-fields';
import { type ProjectSearch, projectListSpec } from './project-list';

const route = getRouteApi('/app/projects');

export const projectColumns: Column<Project>[] = [
  {
    key: 'code',
    label: 'Code',
    sort: 'code',
    nowrap: true,
    render: (p) => (
      <AnchorLink to="/projects/$id" params={{ id: p.id }} fw={500} size="sm">
        {p.code}
      </AnchorLink>
    ),
  },
  {
    key: 'name',
    label: 'Name',
    sort: 'name',
    width: 220,
    render: (p) => (
      <AnchorLink to="/projects/$id" params={{ id: p.id }} size="sm" c="inherit">
        {p.name}
      </AnchorLink>
    ),
  },
  {
    key: 'status',
    label: 'Status',
    sort: 'status',
    nowrap: true,
    render: (p) => <StatusBadge status={p.status} />,
  },
  {
    key: 'phase',
    label: 'Phase',
    sort: 'phase',
    nowrap: true,
    render: (p) => <PhaseBadge phase={p.phase} />,
  },
  {
    key: 'type',
    label: 'Type',
    wide: true,
    render: (p) => <RefLink entity="projectTypes" id={p.typeId} short />,
  },
  {
    key: 'office',
    label: 'Office',
    wide: true,
    render: (p) => <RefLink entity="offices" id={p.officeId} short />,
  },
  {
    key: 'placement',
    label: 'Portfolio / program',
    wide: true,
    render: (p) =>
      p.programId ? (
        <RefLink entity="programs" id={p.programId} short />
      ) : (
        <RefLink entity="portfolios" id={p.portfolioId} short />
      ),
  },
  {
    key: 'manager',
    label: 'Manager',
    wide: true,
    render: (p) => <RefLink entity="users" id={p.managerId} short />,
  },
  {
    key: 'start',
    label: 'Start',
    sort: 'plannedStart',
    nowrap: true,
    render: (p) => <Text size="sm">{formatDate(p.plannedStart)}</Text>,
  },
  {
    key: 'finish',
    label: 'Finish',
    sort: 'plannedFinish',
    nowrap: true,
    render: (p) => <Text size="sm">{formatDate(p.plannedFinish)}</Text>,
  },
];

export function ProjectsPage(): ReactNode {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (change: Partial<ProjectSearch>) =>
    navigate({ search: (prev) => updateListSearch(prev, change), replace: true });
  const query = toListQuery(projectListSpec, search);
  const list = useEntityList('projects', query as ListQueryOf<'projects'>);
  const canCreate = useAbility('project.create');
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title="Projects"
        subtitle="Every project you may see, across offices and portfolios."
        actions={canCreate && <NewButton noun="project" onClick={() => setCreating(true)} />}
      />
      <ListToolbar>
        <SearchBox value={search.q} onChange={(q) => update({ q })} label="Search projects" />
        <FilterGroup active={countFilters(projectListSpec, search)}>
          <FilterSelect
            label="Status"
            value={search.status}
            onChange={(status) => update({ status })}
            data={options(projectStatuses)}
          />
          <FilterSelect
            label="Phase"
            value={search.phase}
            onChange={(phase) => update({ phase })}
            data={options(projectPhases)}
          />
          <EntitySelect
            entity="projectTypes"
            label="Type"
            placeholder="Any"
            value={search.typeId ?? null}
            onChange={(typeId) => update({ typeId: typeId ?? undefined })}
            w={{ base: '100%', sm: 180 }}
          />
          <EntitySelect
            entity="offices"
            label="Office"
            placeholder="Any"
            value={search.officeId ?? null}
            onChange={(officeId) => update({ officeId: officeId ?? undefined })}
            w={{ base: '100%', sm: 200 }}
          />
          <EntitySelect
            entity="portfolios"
            label="Portfolio"
            placeholder="Any"
            value={search.portfolioId ?? null}
            onChange={(portfolioId) => update({ portfolioId: portfolioId ?? undefined })}
            w={{ base: '100%', sm: 200 }}
          />
          <EntitySelect
            entity="programs"
            label="Program"
            placeholder="Any"
            value={search.programId ?? null}
            onChange={(programId) => update({ programId: programId ?? undefined })}
            where={{ portfolioId: search.portfolioId }}
            w={{ base: '100%', sm: 200 }}
          />
        </FilterGroup>
        <ArchivedToggle value={search.archived} onChange={(archived) => update({ archived })} />
      </ListToolbar>
      <QueryState query={list} label="Loading projects">
        {() => (
          <DataTable
            caption="Projects"
            columns={projectColumns}
            rows={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={query.page}
            pageSize={query.pageSize}
            sort={query.sort}
            onSort={(f) => update({ sort: nextSort(query.sort, f) })}
            onPage={(page) => update({ page })}
            onPageSize={(pageSize) => update({ pageSize })}
            loading={list.isFetching}
            rowMuted={(p) => p.archivedAt !== null}
            empty={
              <Group justify="center" gap={4}>
                No projects match these filters.
              </Group>
            }
          />
        )}
      </QueryState>
      <CreateEntityModal
        entity="projects"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={ProjectCreate}
        initial={newProjectValues({
          officeId: search.officeId ?? null,
          portfolioId: search.portfolioId ?? null,
          programId: search.programId ?? null,
          typeId: search.typeId ?? null,
        })}
      >
        {(form) => <ProjectFields form={form} />}
      </CreateEntityModal>
    </>
  );
}
