import type { ListSearch, ListSpec } from '../../lib/list-state';

export type ProgramFilter = 'portfolioId' | 'officeId' | 'managerId';
export const programListSpec: ListSpec<ProgramFilter> = {
  sortFields: ['code', 'name', 'plannedStart', 'plannedFinish', 'updatedAt'],
  defaultSort: 'code',
  filters: { portfolioId: { kind: 'id' }, officeId: { kind: 'id' }, managerId: { kind: 'id' } },
};
export type ProgramSearch = ListSearch<ProgramFilter>;
