import type { EntityType } from './spec';

/** The table behind each entity type, for reading display names of references. */
export const tableNames: Record<EntityType, string> = {
  orgUnit: 'org_units',
  office: 'offices',
  objective: 'objectives',
  portfolio: 'portfolios',
  program: 'programs',
  project: 'projects',
  operation: 'operations',
  projectType: 'project_types',
  user: 'users',
};
