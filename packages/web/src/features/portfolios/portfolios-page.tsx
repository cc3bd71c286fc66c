import { SegmentedControl } from '@mantine/core';
import { type Portfolio, PortfolioCreate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { nextSort, toListQuery, updateListSearch } from '../../lib/list-state';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { type Column, DataTable } from '../../ui/data-table';
import { EntitySelect } from '../../ui/entity-select';
import { AnchorLink } from '../../ui/links';
import { ArchivedToggle, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { RefLink } from '../../ui/ref-link';
import { newPortfolioValues, PortfolioFields } from './portfolio-fields';
import { type PortfolioSearch, portfolioListSpec } from './portfolio-list';
import { WorkTree } from './work-tree';

const route = getRouteApi('/app/portfolios');

const columns: Column<Portfolio>[] = [
  {
    key: 'code',
    label: 'Code',
    sort: 'code',
    nowrap: true,
    render: (p) => (
      <AnchorLink to="/portfolios/$id" params={{ id: p.id }} fw={500} size="sm">
        {p.code}
      </AnchorLink>
    ),
  },
  {
    key: 'name',
    label: 'Name',
    sort: 'name',
    render: (p) => (
      <AnchorLink to="/portfolios/$id" params={{ id: p.id }} size="sm" c="inherit">
        {p.name}
      </AnchorLink>
    ),
  },
  { key: 'parent', label: 'Parent', render: (p) => <RefLink entity="portfolios" id={p.parentId} short /> },
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
];

function PortfolioTable({
  search,
  update,
}: {
  search: PortfolioSearch;
  update: (c: Partial<PortfolioSearch>) => void;
}) {
  const query = toListQuery(portfolioListSpec, search);
  const list = useEntityList('portfolios', query);
  return (
    <QueryState query={list} label="Loading portfolios">
      {() => (
        <DataTable
          caption="Portfolios"
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
          rowMuted={(p) => p.archivedAt !== null}
          empty="No portfolios match these filters."
        />
      )}
    </QueryState>
  );
}

export function PortfoliosPage(): ReactNode {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (change: Partial<PortfolioSearch>) =>
    navigate({ search: (prev) => updateListSearch(prev, change), replace: true });
  const canCreate = useAbility('portfolio.create');
  const [creating, setCreating] = useState(false);
  const table = search.view === 'table';
  return (
    <>
      <PageHeader
        title="Portfolios"
        subtitle="Portfolios, the programs and projects in them, and operations."
        actions={canCreate && <NewButton noun="portfolio" onClick={() => setCreating(true)} />}
      />
      <ListToolbar>
        <SegmentedControl
          aria-label="View"
          value={table ? 'table' : 'tree'}
          onChange={(v) =>
            navigate({ search: (prev) => ({ ...prev, view: v === 'table' ? 'table' : undefined }) })
          }
          data={[
            { value: 'tree', label: 'Tree' },
            { value: 'table', label: 'Table' },
          ]}
        />
        {table && (
          <>
            <SearchBox value={search.q} onChange={(q) => update({ q })} label="Search portfolios" />
            <EntitySelect
              entity="offices"
              label="Office"
              placeholder="Any"
              value={search.officeId ?? null}
              onChange={(officeId) => update({ officeId: officeId ?? undefined })}
              w={200}
            />
            <EntitySelect
              entity="portfolios"
              label="Parent"
              placeholder="Any"
              value={search.parentId ?? null}
              onChange={(parentId) => update({ parentId: parentId ?? undefined })}
              w={200}
            />
          </>
        )}
        <ArchivedToggle value={search.archived} onChange={(archived) => update({ archived })} />
      </ListToolbar>
      {table ? (
        <PortfolioTable search={search} update={update} />
      ) : (
        <WorkTree archived={search.archived ?? 'active'} />
      )}
      <CreateEntityModal
        entity="portfolios"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={PortfolioCreate}
        initial={newPortfolioValues({ officeId: search.officeId ?? null, parentId: search.parentId ?? null })}
      >
        {(form) => <PortfolioFields form={form} />}
      </CreateEntityModal>
    </>
  );
}
