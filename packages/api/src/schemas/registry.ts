import { z } from 'zod';
import {
  Abilities,
  Code,
  Description,
  entityMeta,
  Id,
  IsoDate,
  Labels,
  listQuery,
  Name,
  RefFilter,
  Version,
} from '../common';

// ---------- enumerations ----------
export const orgUnitKinds = ['holding', 'subsidiary', 'division', 'business_unit', 'department'] as const;
export const officeKinds = ['strategic', 'program', 'project', 'coe'] as const;
export const officeKindLabels = {
  strategic: 'Strategic / portfolio office',
  program: 'Program office',
  project: 'Project office',
  coe: 'Center of excellence',
} as const;
export const authorityLevels = ['supportive', 'controlling', 'directive'] as const;
export const serviceClasses = ['general', 'supportive', 'controlling', 'directive'] as const;
export const projectPhases = [
  'initiation',
  'planning',
  'execution',
  'monitoring',
  'closing',
  'closed',
] as const;
export const projectStatuses = ['proposed', 'active', 'on_hold', 'completed', 'cancelled'] as const;

const withAbilities = { abilities: Abilities, labels: Labels };

function checkDates<T extends { plannedStart?: string | null; plannedFinish?: string | null }>(
  v: T,
  ctx: z.RefinementCtx,
) {
  if (v.plannedStart && v.plannedFinish && v.plannedFinish < v.plannedStart) {
    ctx.addIssue({
      code: 'custom',
      path: ['plannedFinish'],
      message: 'Planned finish is before planned start',
    });
  }
}

// ---------- organization units ----------
const orgUnitFields = {
  code: Code,
  name: Name,
  kind: z.enum(orgUnitKinds),
  parentId: Id.nullable(),
  description: Description,
};
export const OrgUnit = z
  .object({ ...entityMeta, ...orgUnitFields, ...withAbilities })
  .meta({ id: 'OrgUnit' });
export const OrgUnitCreate = z.object({
  ...orgUnitFields,
  parentId: Id.nullable().default(null),
  description: Description.default(''),
});
export const OrgUnitUpdate = z.object(orgUnitFields).partial().extend({ version: Version });
export const OrgUnitListQuery = listQuery(['code', 'name', 'kind', 'updatedAt']).extend({
  parentId: RefFilter.optional(),
  kind: z.enum(orgUnitKinds).optional(),
});

// ---------- offices (PMOs) ----------
export const Kpi = z.object({
  name: Name,
  target: z.string().trim().max(100).default(''),
  unit: z.string().trim().max(40).default(''),
});
export const Charter = z.object({
  mission: Description.default(''),
  mandate: Description.default(''),
  authorityLevel: z.enum(authorityLevels).default('supportive'),
  kpis: z.array(Kpi).max(50).default([]),
});
const officeFields = {
  code: Code,
  name: Name,
  kind: z.enum(officeKinds),
  parentId: Id.nullable(),
  orgUnitId: Id.nullable(),
  charter: Charter,
  description: Description,
};
export const Office = z.object({ ...entityMeta, ...officeFields, ...withAbilities }).meta({ id: 'Office' });
export const OfficeCreate = z.object({
  ...officeFields,
  parentId: Id.nullable().default(null),
  orgUnitId: Id.nullable().default(null),
  charter: Charter.default({ mission: '', mandate: '', authorityLevel: 'supportive', kpis: [] }),
  description: Description.default(''),
});
export const OfficeUpdate = z.object(officeFields).partial().extend({ version: Version });
export const OfficeListQuery = listQuery(['code', 'name', 'kind', 'updatedAt']).extend({
  parentId: RefFilter.optional(),
  kind: z.enum(officeKinds).optional(),
  orgUnitId: RefFilter.optional(),
});

// ---------- office services (the service catalog) ----------
const serviceFields = {
  name: Name,
  serviceClass: z.enum(serviceClasses),
  description: Description,
};
export const OfficeService = z
  .object({ ...entityMeta, officeId: Id, ...serviceFields, ...withAbilities })
  .meta({ id: 'OfficeService' });
export const OfficeServiceCreate = z.object({ ...serviceFields, description: Description.default('') });
export const OfficeServiceUpdate = z.object(serviceFields).partial().extend({ version: Version });
export const OfficeServiceParams = z.object({ id: Id, serviceId: Id });

// ---------- strategic objectives ----------
const objectiveFields = {
  code: Code,
  name: Name,
  parentId: Id.nullable(),
  officeId: Id.nullable(),
  weight: z.number().min(0).max(100).describe('Relative weight among siblings, 0–100'),
  description: Description,
};
export const Objective = z
  .object({ ...entityMeta, ...objectiveFields, ...withAbilities })
  .meta({ id: 'Objective' });
export const ObjectiveCreate = z.object({
  ...objectiveFields,
  parentId: Id.nullable().default(null),
  officeId: Id.nullable().default(null),
  description: Description.default(''),
});
export const ObjectiveUpdate = z.object(objectiveFields).partial().extend({ version: Version });
export const ObjectiveListQuery = listQuery(['code', 'name', 'weight', 'updatedAt']).extend({
  parentId: RefFilter.optional(),
  officeId: RefFilter.optional(),
});

// ---------- portfolios ----------
const portfolioFields = {
  code: Code,
  name: Name,
  parentId: Id.nullable(),
  officeId: Id,
  managerId: Id.nullable(),
  description: Description,
};
export const Portfolio = z
  .object({ ...entityMeta, ...portfolioFields, ...withAbilities })
  .meta({ id: 'Portfolio' });
export const PortfolioCreate = z.object({
  ...portfolioFields,
  parentId: Id.nullable().default(null),
  managerId: Id.nullable().default(null),
  description: Description.default(''),
});
export const PortfolioUpdate = z.object(portfolioFields).partial().extend({ version: Version });
export const PortfolioListQuery = listQuery(['code', 'name', 'updatedAt']).extend({
  parentId: RefFilter.optional(),
  officeId: RefFilter.optional(),
});

// ---------- programs ----------
const programFields = {
  code: Code,
  name: Name,
  portfolioId: Id,
  officeId: Id,
  managerId: Id.nullable(),
  sponsorId: Id.nullable(),
  plannedStart: IsoDate.nullable(),
  plannedFinish: IsoDate.nullable(),
  description: Description,
};
export const Program = z
  .object({ ...entityMeta, ...programFields, ...withAbilities })
  .meta({ id: 'Program' });
export const ProgramCreate = z
  .object({
    ...programFields,
    managerId: Id.nullable().default(null),
    sponsorId: Id.nullable().default(null),
    plannedStart: IsoDate.nullable().default(null),
    plannedFinish: IsoDate.nullable().default(null),
    description: Description.default(''),
  })
  .superRefine(checkDates);
export const ProgramUpdate = z
  .object(programFields)
  .partial()
  .extend({ version: Version })
  .superRefine(checkDates);
export const ProgramListQuery = listQuery([
  'code',
  'name',
  'plannedStart',
  'plannedFinish',
  'updatedAt',
]).extend({
  portfolioId: RefFilter.optional(),
  officeId: RefFilter.optional(),
  managerId: Id.optional(),
});

// ---------- project types ----------
const projectTypeFields = { code: Code, name: Name, description: Description };
export const ProjectType = z
  .object({ ...entityMeta, ...projectTypeFields, ...withAbilities })
  .meta({ id: 'ProjectType' });
export const ProjectTypeCreate = z.object({ ...projectTypeFields, description: Description.default('') });
export const ProjectTypeUpdate = z.object(projectTypeFields).partial().extend({ version: Version });
export const ProjectTypeListQuery = listQuery(['code', 'name', 'updatedAt']);

// ---------- projects ----------
const projectFields = {
  code: Code,
  name: Name,
  typeId: Id,
  phase: z.enum(projectPhases),
  status: z.enum(projectStatuses),
  sponsorId: Id.nullable(),
  managerId: Id.nullable(),
  officeId: Id,
  orgUnitId: Id.nullable(),
  portfolioId: Id.nullable().describe('Set automatically from the program when programId is set'),
  programId: Id.nullable(),
  plannedStart: IsoDate.nullable(),
  plannedFinish: IsoDate.nullable(),
  objectiveIds: z.array(Id).max(50),
  description: Description,
};
export const Project = z
  .object({ ...entityMeta, ...projectFields, ...withAbilities })
  .meta({ id: 'Project' });
export const ProjectCreate = z
  .object({
    ...projectFields,
    phase: z.enum(projectPhases).default('initiation'),
    status: z.enum(projectStatuses).default('proposed'),
    sponsorId: Id.nullable().default(null),
    managerId: Id.nullable().default(null),
    orgUnitId: Id.nullable().default(null),
    portfolioId: Id.nullable().default(null),
    programId: Id.nullable().default(null),
    plannedStart: IsoDate.nullable().default(null),
    plannedFinish: IsoDate.nullable().default(null),
    objectiveIds: z.array(Id).max(50).default([]),
    description: Description.default(''),
  })
  .superRefine(checkDates);
export const ProjectUpdate = z
  .object(projectFields)
  .partial()
  .extend({ version: Version })
  .superRefine(checkDates);
export const projectSortFields = [
  'code',
  'name',
  'phase',
  'status',
  'plannedStart',
  'plannedFinish',
  'updatedAt',
] as const;
export const ProjectListQuery = listQuery(projectSortFields).extend({
  status: z.enum(projectStatuses).optional(),
  phase: z.enum(projectPhases).optional(),
  typeId: Id.optional(),
  officeId: RefFilter.optional(),
  orgUnitId: RefFilter.optional(),
  portfolioId: RefFilter.optional(),
  programId: RefFilter.optional(),
  managerId: Id.optional(),
  sponsorId: Id.optional(),
  objectiveId: Id.optional(),
});

// ---------- operations (non-project work) ----------
const operationFields = {
  code: Code,
  name: Name,
  portfolioId: Id,
  officeId: Id.nullable(),
  orgUnitId: Id.nullable(),
  ownerId: Id.nullable(),
  description: Description,
};
export const Operation = z
  .object({ ...entityMeta, ...operationFields, ...withAbilities })
  .meta({ id: 'Operation' });
export const OperationCreate = z.object({
  ...operationFields,
  officeId: Id.nullable().default(null),
  orgUnitId: Id.nullable().default(null),
  ownerId: Id.nullable().default(null),
  description: Description.default(''),
});
export const OperationUpdate = z.object(operationFields).partial().extend({ version: Version });
export const OperationListQuery = listQuery(['code', 'name', 'updatedAt']).extend({
  portfolioId: RefFilter.optional(),
  officeId: RefFilter.optional(),
});

export type OrgUnit = z.infer<typeof OrgUnit>;
export type Office = z.infer<typeof Office>;
export type OfficeService = z.infer<typeof OfficeService>;
export type Objective = z.infer<typeof Objective>;
export type Portfolio = z.infer<typeof Portfolio>;
export type Program = z.infer<typeof Program>;
export type ProjectType = z.infer<typeof ProjectType>;
export type Project = z.infer<typeof Project>;
export type Operation = z.infer<typeof Operation>;
