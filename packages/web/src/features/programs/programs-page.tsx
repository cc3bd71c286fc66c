import { Text } from '@mantine/core';
import { type Program, ProgramCreate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { formatDate } from '../../lib/format';
import { countFilters, nextSort, toListQuery, updateListSearch } from '../../lib/list-state';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { type Column, DataTable } from '../../ui/data-table';
import { EntitySelect } from '../../ui/entity-select';
import { AnchorLink } from '../../ui/links';
import { ArchivedToggle, FilterGroup, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { RefLink } from '../../ui/ref-link';
import { newProgramValues, ProgramFields } from './program-fields';
import { type ProgramSearch, programListSpec } from './program-list';

const route = getRouteApi('/app/programs');

export const programColumns: Column<Program>[] = [
  {
    key: 'code',
    label: 'Code',
    sort: 'code',
    nowrap: true,
    render: (p) => (
      <AnchorLink to="/programs/$id" params={{ id: p.id }} fw={500} size="sm">
        {p.code}
      </AnchorLink>
    ),
  },
  {
    key: 'name',
    label: 'Name',
    sort: 'name',
    render: (p) => (
      <AnchorLink to="/programs/$id" params={{ id: p.id }} size="sm" c="inherit">
        {p.name}
      </AnchorLink>
    ),
  },
  {
    key: 'portfolio',
    label: 'Portfolio',
    render: (p) => <RefLink entity="portfolios" id={p.portfolioId} short />,
  },
  {
    key: 'office',
    label: 'Office',
    wide: true,
    render: (p) => <RefLink entity="offices" id={p.officeId} short />,
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

export function ProgramsPage(): ReactNode {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (change: Partial<ProgramSearch>) =>
    navigate({ search: (prev) => updateListSearch(prev, change), replace: true });
  const query = toListQuery(programListSpec, search);
  const list = useEntityList('programs', query);
  const canCreate = useAbility('program.create');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Programs"
        subtitle="Groups of related projects managed together for benefits they cannot deliver alone."
        actions={canCreate && <NewButton noun="program" onClick={() => setCreating(true)} />}
      />
      <ListToolbar>
        <SearchBox value={search.q} onChange={(q) => update({ q })} label="Search programs" />
        <FilterGroup active={countFilters(programListSpec, search)}>
          <EntitySelect
            entity="portfolios"
            label="Portfolio"
            placeholder="Any"
            value={search.portfolioId ?? null}
            onChange={(portfolioId) => update({ portfolioId: portfolioId ?? undefined })}
            w={{ base: '100%', sm: 200 }}
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
            entity="users"
            label="Manager"
            placeholder="Any"
            value={search.managerId ?? null}
            onChange={(managerId) => update({ managerId: managerId ?? undefined })}
            w={{ base: '100%', sm: 200 }}
          />
        </FilterGroup>
        <ArchivedToggle value={search.archived} onChange={(archived) => update({ archived })} />
      </ListToolbar>
      <QueryState query={list} label="Loading programs">
        {() => (
          <DataTable
            caption="Programs"
            columns={programColumns}
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
            empty="No programs match these filters."
          />
        )}
      </QueryState>
      <CreateEntityModal
        entity="programs"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={ProgramCreate}
        initial={newProgramValues({
          portfolioId: search.portfolioId ?? null,
          officeId: search.officeId ?? null,
        })}
      >
        {(form) => <ProgramFields form={form} />}
      </CreateEntityModal>
    </>
  );
}
