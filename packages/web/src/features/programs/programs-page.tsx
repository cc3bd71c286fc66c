import type { Program } from '@pharos/api';
import type { ReactNode } from 'react';
import type { Column } from '../../ui/data-table';
import { codeColumn, dateColumn, nameColumn, RegistryListPage, refColumn } from '../../ui/registry-list';
import { programCreate } from './program-fields';
import { programListSpec } from './program-list';

export const programColumns: Column<Program>[] = [
  codeColumn('/programs/$id'),
  nameColumn('/programs/$id'),
  refColumn('portfolio', 'Portfolio', 'portfolios', (p) => p.portfolioId, false),
  refColumn('office', 'Office', 'offices', (p) => p.officeId),
  refColumn('manager', 'Manager', 'users', (p) => p.managerId),
  dateColumn('start', 'Start', 'plannedStart', (p) => p.plannedStart),
  dateColumn('finish', 'Finish', 'plannedFinish', (p) => p.plannedFinish),
];

export function ProgramsPage(): ReactNode {
  return (
    <RegistryListPage
      entity="programs"
      spec={programListSpec}
      title="Programs"
      subtitle="Groups of related projects managed together for benefits they cannot deliver alone."
      columns={programColumns}
      filters={[
        { param: 'portfolioId', label: 'Portfolio', entity: 'portfolios' },
        { param: 'officeId', label: 'Office', entity: 'offices' },
        { param: 'managerId', label: 'Manager', entity: 'users' },
      ]}
      create={programCreate}
      preset={(search) => ({ portfolioId: search.portfolioId ?? null, officeId: search.officeId ?? null })}
    />
  );
}
