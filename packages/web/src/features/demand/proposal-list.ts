import { proposalSortFields, proposalStatuses } from '@pharos/api';
import { type ListSearch, type ListSpec, parseListSearch } from '../../lib/list-state';

export type ProposalFilter = 'status' | 'officeId' | 'orgUnitId' | 'portfolioId';

export const proposalListSpec: ListSpec<ProposalFilter> = {
  sortFields: proposalSortFields,
  defaultSort: 'code',
  filters: {
    status: { kind: 'enum', values: proposalStatuses },
    officeId: { kind: 'id' },
    orgUnitId: { kind: 'id' },
    portfolioId: { kind: 'id' },
  },
};

export type ProposalSearch = ListSearch<ProposalFilter> & { view?: 'table'; closed?: 'show' };

/** The proposals page shows the board by default, the table with `view=table`. */
export function parseProposalSearch(raw: Record<string, unknown>): ProposalSearch {
  const s: ProposalSearch = parseListSearch(proposalListSpec, raw);
  if (raw.view === 'table') s.view = 'table';
  if (raw.closed === 'show') s.closed = 'show';
  return s;
}
