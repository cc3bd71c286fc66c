import { type ListSearch, type ListSpec, parseListSearch } from '../../lib/list-state';

export type PortfolioFilter = 'officeId' | 'parentId';
export const portfolioListSpec: ListSpec<PortfolioFilter> = {
  sortFields: ['code', 'name', 'updatedAt'],
  defaultSort: 'code',
  filters: { officeId: { kind: 'id' }, parentId: { kind: 'id' } },
};
export type PortfolioSearch = ListSearch<PortfolioFilter> & { view?: 'table' };

/** The portfolios page shows a tree by default and a table with `view=table`. */
export function parsePortfolioSearch(raw: Record<string, unknown>): PortfolioSearch {
  const s: PortfolioSearch = parseListSearch(portfolioListSpec, raw);
  if (raw.view === 'table') s.view = 'table';
  return s;
}
