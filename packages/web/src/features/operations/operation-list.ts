import type { ListSearch, ListSpec } from '../../lib/list-state';

export type OperationFilter = 'portfolioId' | 'officeId';
export const operationListSpec: ListSpec<OperationFilter> = {
  sortFields: ['code', 'name', 'updatedAt'],
  defaultSort: 'code',
  filters: { portfolioId: { kind: 'id' }, officeId: { kind: 'id' } },
};
export type OperationSearch = ListSearch<OperationFilter>;
