import { projectPhases, projectSortFields, projectStatuses } from '@pharos/api';
import type { ListSearch, ListSpec } from '../../lib/list-state';

export type ProjectFilter =
  | 'status'
  | 'phase'
  | 'typeId'
  | 'officeId'
  | 'orgUnitId'
  | 'portfolioId'
  | 'programId'
  | 'managerId'
  | 'sponsorId'
  | 'objectiveId';

export const projectListSpec: ListSpec<ProjectFilter> = {
  sortFields: projectSortFields,
  defaultSort: 'code',
  filters: {
    status: { kind: 'enum', values: projectStatuses },
    phase: { kind: 'enum', values: projectPhases },
    typeId: { kind: 'id' },
    officeId: { kind: 'id' },
    orgUnitId: { kind: 'id' },
    portfolioId: { kind: 'id' },
    programId: { kind: 'id' },
    managerId: { kind: 'id' },
    sponsorId: { kind: 'id' },
    objectiveId: { kind: 'id' },
  },
};
export type ProjectSearch = ListSearch<ProjectFilter>;
