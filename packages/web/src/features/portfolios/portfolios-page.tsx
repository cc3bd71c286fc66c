import type { Portfolio } from '@pharos/api';
import type { ReactNode } from 'react';
import type { Column } from '../../ui/data-table';
import { ArchivedToggle, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import {
  codeColumn,
  ListFilters,
  nameColumn,
  RegistryHeader,
  RegistryTable,
  refColumn,
  useListRoute,
} from '../../ui/registry-list';
import { ViewSwitch } from '../../ui/view-switch';
import { portfolioCreate } from './portfolio-fields';
import { type PortfolioFilter, type PortfolioSearch, portfolioListSpec } from './portfolio-list';
import { WorkTree } from './work-tree';

const columns: Column<Portfolio>[] = [
  codeColumn('/portfolios/$id'),
  nameColumn('/portfolios/$id'),
  refColumn('parent', 'Parent', 'portfolios', (p) => p.parentId, false),
  refColumn('office', 'Office', 'offices', (p) => p.officeId),
  refColumn('manager', 'Manager', 'users', (p) => p.managerId),
];

export function PortfoliosPage(): ReactNode {
  const { search, update, query } = useListRoute<PortfolioFilter, PortfolioSearch>(portfolioListSpec);
  const table = search.view === 'table';
  return (
    <>
      <RegistryHeader
        title="Portfolios"
        subtitle="Portfolios, the programs and projects in them, and operations."
        search={search}
        create={portfolioCreate}
        preset={(s) => ({ officeId: s.officeId ?? null, parentId: s.parentId ?? null })}
      />
      <ListToolbar>
        <ViewSwitch
          views={[
            { value: 'tree', label: 'Tree' },
            { value: 'table', label: 'Table' },
          ]}
        />
        {table && (
          <>
            <SearchBox value={search.q} onChange={(q) => update({ q })} label="Search portfolios" />
            <ListFilters
              w={200}
              search={search}
              update={update}
              filters={[
                { param: 'officeId', label: 'Office', entity: 'offices' },
                { param: 'parentId', label: 'Parent', entity: 'portfolios' },
              ]}
            />
          </>
        )}
        <ArchivedToggle value={search.archived} onChange={(archived) => update({ archived })} />
      </ListToolbar>
      {table ? (
        <RegistryTable entity="portfolios" query={query} update={update} columns={columns} />
      ) : (
        <WorkTree archived={search.archived ?? 'active'} />
      )}
    </>
  );
}
