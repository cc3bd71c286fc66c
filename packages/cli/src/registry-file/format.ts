import {
  Charter,
  Code,
  Description,
  Email,
  IsoDate,
  Name,
  officeKinds,
  orgUnitKinds,
  projectPhases,
  projectStatuses,
  RoleSchema,
  ScopeTypeSchema,
  serviceClasses,
} from '@pharos/api';
import { z } from 'zod';

/**
 * The registry file of `pharos export` and `pharos import`: the whole registry as one JSON
 * document. Things refer to each other by code (people by e-mail address), never by database id,
 * so a file moves between installations. Built from the API's own field schemas, so a file
 * accepts exactly the values the API does. Unknown keys are errors: a typo must not be ignored.
 */
export const FORMAT = 'pharos-registry';
export const FORMAT_VERSION = 1;

const ref = Code.nullable().default(null);
const personRef = Email.nullable().default(null);
const description = Description.default('');
const archived = z.boolean().default(false);

function plannedDates(
  v: { plannedStart: string | null; plannedFinish: string | null },
  ctx: z.RefinementCtx,
) {
  if (v.plannedStart && v.plannedFinish && v.plannedFinish < v.plannedStart)
    ctx.addIssue({
      code: 'custom',
      path: ['plannedFinish'],
      message: 'Planned finish is before planned start',
    });
}

export const OrgUnitItem = z.strictObject({
  code: Code,
  name: Name,
  kind: z.enum(orgUnitKinds),
  parent: ref,
  description,
  archived,
});

export const ServiceItem = z.strictObject({
  name: Name,
  serviceClass: z.enum(serviceClasses),
  description,
  archived,
});

export const OfficeItem = z.strictObject({
  code: Code,
  name: Name,
  kind: z.enum(officeKinds),
  parent: ref,
  orgUnit: ref,
  charter: Charter.default({ mission: '', mandate: '', authorityLevel: 'supportive', kpis: [] }),
  description,
  archived,
  services: z.array(ServiceItem).default([]),
});

export const ObjectiveItem = z.strictObject({
  code: Code,
  name: Name,
  parent: ref,
  office: ref,
  weight: z.number().min(0).max(100),
  description,
  archived,
});

export const ProjectTypeItem = z.strictObject({ code: Code, name: Name, description, archived });

export const GrantItem = z
  .strictObject({ role: RoleSchema, scopeType: ScopeTypeSchema, scope: ref })
  .superRefine((g, ctx) => {
    if (g.scopeType === 'organization' && g.scope !== null)
      ctx.addIssue({ code: 'custom', path: ['scope'], message: 'An organization-wide grant has no scope' });
    if (g.scopeType !== 'organization' && g.scope === null)
      ctx.addIssue({
        code: 'custom',
        path: ['scope'],
        message: `A ${g.scopeType} grant needs the ${g.scopeType}'s code`,
      });
  });

export const UserItem = z.strictObject({
  email: Email,
  name: Name,
  title: z.string().trim().max(120).default(''),
  orgUnit: ref,
  archived,
  grants: z.array(GrantItem).max(500).default([]),
});

export const PortfolioItem = z.strictObject({
  code: Code,
  name: Name,
  parent: ref,
  office: Code,
  manager: personRef,
  description,
  archived,
});

export const ProgramItem = z
  .strictObject({
    code: Code,
    name: Name,
    portfolio: Code,
    office: Code,
    manager: personRef,
    sponsor: personRef,
    plannedStart: IsoDate.nullable().default(null),
    plannedFinish: IsoDate.nullable().default(null),
    description,
    archived,
  })
  .superRefine(plannedDates);

export const ProjectItem = z
  .strictObject({
    code: Code,
    name: Name,
    type: Code,
    phase: z.enum(projectPhases).default('initiation'),
    status: z.enum(projectStatuses).default('proposed'),
    office: Code,
    orgUnit: ref,
    portfolio: ref,
    program: ref,
    sponsor: personRef,
    manager: personRef,
    plannedStart: IsoDate.nullable().default(null),
    plannedFinish: IsoDate.nullable().default(null),
    objectives: z.array(Code).max(50).default([]),
    description,
    archived,
  })
  .superRefine(plannedDates);

export const OperationItem = z.strictObject({
  code: Code,
  name: Name,
  portfolio: Code,
  office: ref,
  orgUnit: ref,
  owner: personRef,
  description,
  archived,
});

export const RegistryFile = z.strictObject({
  format: z.literal(FORMAT, { error: `Not a Pharos registry file (expected "format": "${FORMAT}")` }),
  version: z.literal(FORMAT_VERSION, {
    error: `This Pharos reads version ${FORMAT_VERSION} of the registry file format`,
  }),
  orgUnits: z.array(OrgUnitItem).default([]),
  offices: z.array(OfficeItem).default([]),
  objectives: z.array(ObjectiveItem).default([]),
  projectTypes: z.array(ProjectTypeItem).default([]),
  users: z.array(UserItem).default([]),
  portfolios: z.array(PortfolioItem).default([]),
  programs: z.array(ProgramItem).default([]),
  projects: z.array(ProjectItem).default([]),
  operations: z.array(OperationItem).default([]),
});

export type RegistryFile = z.output<typeof RegistryFile>;
/** The lists of the file, in the order they are imported (each refers only to those before it). */
export const sections = [
  'orgUnits',
  'offices',
  'objectives',
  'projectTypes',
  'users',
  'portfolios',
  'programs',
  'projects',
  'operations',
] as const;
export type Section = (typeof sections)[number];
