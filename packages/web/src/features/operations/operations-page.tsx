import { Text } from '@mantine/core';
import { type Operation, OperationCreate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { formatDateTime } from '../../lib/format';
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
import { newOperationValues, OperationFields } from './operation-fields';
import { type OperationSearch, operationListSpec } from './operation-list';

const route = getRouteApi('/app/operations');

export const operationColumns: Column<Operation>[] = [
  {
    key: 'code',
    label: 'Code',
    sort: 'code',
    nowrap: true,
    render: (o) => (
      <AnchorLink to="/operations/$id" params={{ id: o.id }} fw={500} size="sm">
        {o.code}
      </AnchorLink>
    ),
  },
  {
    key: 'name',
    label: 'Name',
    sort: 'name',
    render: (o) => (
      <AnchorLink to="/operations/$id" params={{ id: o.id }} size="sm" c="inherit">
        {o.name}
      </AnchorLink>
    ),
  },
  {
    key: 'portfolio',
    label: 'Portfolio',
    render: (o) => <RefLink entity="portfolios" id={o.portfolioId} short />,
  },
  {
    key: 'office',
    label: 'Office',
    wide: true,
    render: (o) => <RefLink entity="offices" id={o.officeId} short />,
  },
  {
    key: 'owner',
    label: 'Owner',
    wide: true,
    render: (o) => <RefLink entity="users" id={o.ownerId} short />,
  },
  {
    key: 'updated',
    label: 'Last changed',
    sort: 'updatedAt',
    wide: true,
    render: (o) => <Text size="sm">{formatDateTime(o.updatedAt)}</Text>,
  },
];

export function OperationsPage(): ReactNode {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (change: Partial<OperationSearch>) =>
    navigate({ search: (prev) => updateListSearch(prev, change), replace: true });
  const query = toListQuery(operationListSpec, search);
  const list = useEntityList('operations', query);
  const canCreate = useAbility('operation.create');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Operations"
        subtitle="Ongoing, non-project work that sits in a portfolio."
        actions={canCreate && <NewButton noun="operation" onClick={() => setCreating(true)} />}
      />
      <ListToolbar>
        <SearchBox value={search.q} onChange={(q) => update({ q })} label="Search operations" />
        <FilterGroup active={countFilters(operationListSpec, search)}>
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
        </FilterGroup>
        <ArchivedToggle value={search.archived} onChange={(archived) => update({ archived })} />
      </ListToolbar>
      <QueryState query={list} label="Loading operations">
        {() => (
          <DataTable
            caption="Operations"
            columns={operationColumns}
            rows={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={query.page}
            pageSize={query.pageSize}
            sort={query.sort}
            onSort={(f) => update({ sort: nextSort(query.sort, f) })}
            onPage={(page) => update({ page })}
            onPageSize={(pageSize) => update({ pageSize })}
            loading={list.isFetching}
            rowMuted={(o) => o.archivedAt !== null}
            empty="No operations match these filters."
          />
        )}
      </QueryState>
      <CreateEntityModal
        entity="operations"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={OperationCreate}
        initial={newOperationValues({
          portfolioId: search.portfolioId ?? null,
          officeId: search.officeId ?? null,
        })}
      >
        {(form) => <OperationFields form={form} />}
      </CreateEntityModal>
    </>
  );
}
