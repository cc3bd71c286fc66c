import { z } from 'zod';
import {
  Abilities,
  Code,
  Description,
  entityMeta,
  Id,
  Labels,
  listQuery,
  Name,
  RefFilter,
  Timestamp,
  Version,
} from '../common';

/*
 * Demand (C2): the work-role catalog with its capacity, proposals and their pipeline, business
 * cases, scoring frameworks (office-owned, versioned) and scores. Money is in integer minor units
 * of the organization's currency; months are `YYYY-MM`.
 */

export const YearMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM')
  .describe('A month, YYYY-MM');
const Money = z.int().min(0).max(1e15).describe('Money in integer minor units (cents)');
const Text = (max = 5000) => z.string().max(max);

// ---------- organization demand settings ----------
export const DemandSettings = z
  .object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code'),
    discountRate: z.number().min(0).max(1).describe('Yearly discount rate for NPV, e.g. 0.08'),
    cashFlowTiming: z.enum(['year-end', 'mid-year']),
    version: z.int(),
  })
  .meta({ id: 'DemandSettings' });
export const DemandSettingsUpdate = DemandSettings.omit({ version: true })
  .partial()
  .extend({ version: Version });

// ---------- work roles and their capacity ----------
export const RoleCapacityStep = z.object({
  orgUnitId: Id,
  from: YearMonth.describe('From this month on (until the next step of the same org unit)'),
  hoursPerMonth: z.number().finite().min(0).max(1_000_000),
});
const workRoleFields = {
  code: Code,
  name: Name,
  description: Description,
  capacity: z
    .array(RoleCapacityStep)
    .max(500)
    .describe('Hours per month available in each org unit, as steps over time'),
};
export const WorkRole = z
  .object({ ...entityMeta, ...workRoleFields, abilities: Abilities, labels: Labels })
  .meta({ id: 'WorkRole' });
export const WorkRoleCreate = z.object({
  ...workRoleFields,
  description: Description.default(''),
  capacity: workRoleFields.capacity.default([]),
});
export const WorkRoleUpdate = z.object(workRoleFields).partial().extend({ version: Version });
export const WorkRoleListQuery = listQuery(['code', 'name', 'updatedAt']);
export const CapacityQuery = z.object({
  from: YearMonth,
  months: z.coerce.number().int().min(1).max(120).default(36),
  orgUnitId: Id.optional().describe('Only this org unit and the units below it'),
});
export const CapacityTable = z
  .object({
    from: YearMonth,
    months: z.int(),
    roles: z.array(z.object({ id: Id, code: z.string(), name: z.string(), hours: z.array(z.number()) })),
  })
  .meta({ id: 'CapacityTable' });

// ---------- proposals ----------
export const proposalStatuses = [
  'draft',
  'submitted',
  'screening',
  'scored',
  'shortlisted',
  'approved',
  'converted',
  'rejected',
  'deferred',
] as const;
export type ProposalStatus = (typeof proposalStatuses)[number];
export const proposalStatusLabels: Record<ProposalStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  screening: 'Screening',
  scored: 'Scored',
  shortlisted: 'Shortlisted',
  approved: 'Approved',
  converted: 'Converted to a project',
  rejected: 'Rejected',
  deferred: 'Deferred',
};

/**
 * The pipeline's steps: from a status, to a status, and the permission that allows it. Rejecting
 * or deferring needs a reason; a deferred proposal may be submitted again.
 */
export const proposalSteps = [
  { from: 'draft', to: 'submitted', action: 'submit' },
  { from: 'submitted', to: 'draft', action: 'submit' },
  { from: 'submitted', to: 'screening', action: 'screen' },
  { from: 'screening', to: 'scored', action: 'screen' },
  { from: 'scored', to: 'screening', action: 'screen' },
  { from: 'scored', to: 'shortlisted', action: 'decide' },
  { from: 'shortlisted', to: 'scored', action: 'decide' },
  { from: 'shortlisted', to: 'approved', action: 'decide' },
  { from: 'submitted', to: 'rejected', action: 'decide' },
  { from: 'screening', to: 'rejected', action: 'decide' },
  { from: 'scored', to: 'rejected', action: 'decide' },
  { from: 'shortlisted', to: 'rejected', action: 'decide' },
  { from: 'approved', to: 'rejected', action: 'decide' },
  { from: 'screening', to: 'deferred', action: 'decide' },
  { from: 'scored', to: 'deferred', action: 'decide' },
  { from: 'shortlisted', to: 'deferred', action: 'decide' },
  { from: 'approved', to: 'deferred', action: 'decide' },
  { from: 'deferred', to: 'submitted', action: 'submit' },
] as const satisfies readonly { from: ProposalStatus; to: ProposalStatus; action: string }[];
/** Statuses that end the pipeline: a decision has been made. */
export const decidedStatuses: readonly ProposalStatus[] = ['approved', 'converted', 'rejected', 'deferred'];

export const BusinessCaseYear = z.object({
  capex: Money.default(0),
  opex: Money.default(0),
  benefits: Money.default(0).describe('Benefits (savings or revenue) that year'),
});
export const BusinessCaseInput = z.object({
  firstYear: z.int().min(2000).max(2100).describe('The calendar year of years[0]'),
  years: z.array(BusinessCaseYear).min(1).max(30),
});
export const BusinessCaseMeasures = z.object({
  totalCost: z.int(),
  totalBenefits: z.int(),
  npv: z.int().describe('Net present value at the organization discount rate (minor units)'),
  irr: z.number().nullable().describe('Internal rate of return, e.g. 0.12; null when there is none'),
  irrNote: z.string().nullable().describe('Why there is no IRR, or why it is not unique'),
  payback: z.number().nullable().describe('Years until the cumulative net flow turns positive'),
  discountedPayback: z.number().nullable(),
  roi: z.number().nullable().describe('(benefits − costs) / costs over the case'),
  discountRate: z.number(),
});
export const ProposalRisk = z.object({
  description: z.string().trim().min(1).max(1000),
  probability: z.int().min(1).max(5),
  impact: z.int().min(1).max(5),
});
export const RoleDemand = z.object({
  roleId: Id,
  fromMonth: z.int().min(0).max(599).describe('Months after the project start (0 = its first month)'),
  months: z.int().min(1).max(600),
  hoursPerMonth: z.number().finite().min(0).max(100_000),
});

const proposalFields = {
  code: Code,
  title: Name,
  problem: Text(),
  outcome: Text(),
  orgUnitId: Id.describe('The business unit asking for it'),
  officeId: Id.describe('The office that handles it'),
  portfolioId: Id.nullable().describe('The portfolio it is meant for'),
  sponsorId: Id.nullable(),
  typeId: Id.nullable().describe('The project type it would become'),
  objectiveIds: z.array(Id).max(50),
  mandatory: z.boolean().describe('Mandatory or regulatory: must be done'),
  mandatoryReason: Text(1000),
  businessCase: BusinessCaseInput,
  risks: z.array(ProposalRisk).max(50),
  demand: z.array(RoleDemand).max(200),
  earliestStart: YearMonth,
  latestStart: YearMonth,
  durationMonths: z.int().min(1).max(120),
  frameworkId: Id.nullable().describe('The scoring framework revision it is scored with'),
};

function checkWindow<T extends { earliestStart?: string; latestStart?: string }>(v: T, ctx: z.RefinementCtx) {
  if (v.earliestStart && v.latestStart && v.latestStart < v.earliestStart)
    ctx.addIssue({
      code: 'custom',
      path: ['latestStart'],
      message: 'The latest start is before the earliest start',
    });
}

export const ProposalTransitionEntry = z.object({
  from: z.enum(proposalStatuses).nullable(),
  to: z.enum(proposalStatuses),
  reason: z.string(),
  actorId: Id.nullable(),
  actorName: z.string().nullable(),
  at: Timestamp,
});

export const Proposal = z
  .object({
    ...entityMeta,
    ...proposalFields,
    status: z.enum(proposalStatuses),
    statusReason: z.string().describe('Why it was rejected or deferred'),
    requesterId: Id.nullable(),
    submittedAt: Timestamp.nullable(),
    decidedAt: Timestamp.nullable(),
    projectId: Id.nullable().describe('The project it became'),
    daysToDecision: z.number().nullable().describe('Days from submission to the decision'),
    daysWaiting: z.number().nullable().describe('Days since submission, while undecided'),
    measures: BusinessCaseMeasures,
    score: z.number().nullable().describe('Total score (0–100) with its framework, when fully scored'),
    scorers: z.int().describe('How many people scored it'),
    allowed: z.array(z.enum(proposalStatuses)).describe('The statuses the caller may move it to'),
    abilities: Abilities,
    labels: Labels,
  })
  .meta({ id: 'Proposal' });
export const ProposalDetail = Proposal.extend({ transitions: z.array(ProposalTransitionEntry) }).meta({
  id: 'ProposalDetail',
});
export const ProposalCreate = z
  .object({
    ...proposalFields,
    code: Code.optional().describe('Assigned (PR-0001, …) when left out'),
    problem: Text().default(''),
    outcome: Text().default(''),
    portfolioId: Id.nullable().default(null),
    sponsorId: Id.nullable().default(null),
    typeId: Id.nullable().default(null),
    objectiveIds: z.array(Id).max(50).default([]),
    mandatory: z.boolean().default(false),
    mandatoryReason: Text(1000).default(''),
    risks: z.array(ProposalRisk).max(50).default([]),
    demand: z.array(RoleDemand).max(200).default([]),
    frameworkId: Id.nullable().default(null),
  })
  .superRefine(checkWindow);
export const ProposalUpdate = z
  .object(proposalFields)
  .partial()
  .extend({ version: Version })
  .superRefine(checkWindow);
export const proposalSortFields = [
  'code',
  'title',
  'status',
  'earliestStart',
  'submittedAt',
  'updatedAt',
] as const;
export const ProposalListQuery = listQuery(proposalSortFields).extend({
  status: z.enum(proposalStatuses).optional(),
  officeId: Id.optional(),
  orgUnitId: Id.optional(),
  portfolioId: RefFilter.optional(),
  frameworkId: Id.optional(),
});
export const ProposalTransition = z.object({
  to: z.enum(proposalStatuses),
  reason: z.string().trim().max(2000).default(''),
  version: Version,
});
export const ProposalConvert = z.object({
  version: Version,
  code: Code.optional().describe("The project's code (the proposal's when left out)"),
  typeId: Id.optional().describe("The project's type (the proposal's when left out)"),
  portfolioId: Id.nullable().optional(),
  programId: Id.nullable().optional(),
  managerId: Id.nullable().optional(),
  start: YearMonth.optional().describe('Planned start month (the earliest start when left out)'),
});
export const PipelineQuery = z.object({
  officeId: Id.optional(),
  portfolioId: Id.optional(),
});
export const PipelineSummary = z
  .object({
    counts: z.record(z.enum(proposalStatuses), z.int()),
    decided: z.int(),
    medianDaysToDecision: z.number().nullable(),
    p90DaysToDecision: z.number().nullable(),
    waiting: z.int().describe('Submitted and not yet decided'),
    medianDaysWaiting: z.number().nullable(),
    oldestWaiting: z
      .array(z.object({ id: Id, code: z.string(), title: z.string(), status: z.string(), days: z.number() }))
      .max(10),
  })
  .meta({ id: 'PipelineSummary' });

export type WorkRole = z.infer<typeof WorkRole>;
export type Proposal = z.infer<typeof Proposal>;
export type ProposalDetail = z.infer<typeof ProposalDetail>;
export type PipelineSummary = z.infer<typeof PipelineSummary>;
export type DemandSettings = z.infer<typeof DemandSettings>;
