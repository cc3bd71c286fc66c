import type { Operation } from '@pharos/api';
import type { ReactNode } from 'react';
import type { Column } from '../../ui/data-table';
import { codeColumn, nameColumn, RegistryListPage, refColumn, updatedColumn } from '../../ui/registry-list';
import { operationCreate } from './operation-fields';
import { operationListSpec } from './operation-list';

export const operationColumns: Column<Operation>[] = [
  codeColumn('/operations/$id'),
  nameColumn('/operations/$id'),
  refColumn('portfolio', 'Portfolio', 'portfolios', (o) => o.portfolioId, false),
  refColumn('office', 'Office', 'offices', (o) => o.officeId),
  refColumn('owner', 'Owner', 'users', (o) => o.ownerId),
  updatedColumn(),
];

export function OperationsPage(): ReactNode {
  return (
    <RegistryListPage
      entity="operations"
      spec={operationListSpec}
      title="Operations"
      subtitle="Ongoing, non-project work that sits in a portfolio."
      columns={operationColumns}
      filters={[
        { param: 'portfolioId', label: 'Portfolio', entity: 'portfolios' },
        { param: 'officeId', label: 'Office', entity: 'offices' },
      ]}
      create={operationCreate}
      preset={(search) => ({ portfolioId: search.portfolioId ?? null, officeId: search.officeId ?? null })}
    />
  );
}
