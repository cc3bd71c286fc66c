import { z } from 'zod';
import { Description, entityMeta, Id, IsoDate, Name, Timestamp, Version } from '../common';
import { RoleSchema } from '../roles';

/*
 * Change control (C9): the project's approved values, the authority thresholds that route change
 * requests, change requests with their approval steps, and the PMO's recommendations to stop a
 * project. Lifecycles and gates are in governance.ts.
 */

// ---------- approved values ----------
const Currency = z.string().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO 4217 code');
export const ApprovedValues = z
  .object({
    projectId: Id,
    currency: z.string(),
    budget: z.int().describe('Minor units'),
    approvedStart: IsoDate.nullable(),
    approvedFinish: IsoDate.nullable(),
    scope: z.string(),
    version: z.int(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'ApprovedValues' });
export const ApprovedValuesView = z.object({
  values: ApprovedValues.nullable(),
  maySet: z.boolean().describe('Not set yet, and you may set the baseline'),
});
export const ApprovedValuesPut = z
  .object({
    currency: Currency,
    budget: z.int().min(0).max(Number.MAX_SAFE_INTEGER).describe('Minor units'),
    approvedStart: IsoDate.nullable().default(null),
    approvedFinish: IsoDate.nullable().default(null),
    scope: z.string().max(20_000).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.approvedStart && v.approvedFinish && v.approvedFinish < v.approvedStart)
      ctx.addIssue({ code: 'custom', path: ['approvedFinish'], message: 'The finish is before the start' });
  });

// ---------- authority thresholds ----------
export const changeKinds = ['budget', 'schedule', 'scope'] as const;
export type ChangeKind = (typeof changeKinds)[number];
export const AuthorityStep = z.object({
  label: z.string().trim().min(1).max(100),
  roles: z
    .array(RoleSchema)
    .min(1)
    .max(14)
    .describe('Any one holder of these roles over the project approves'),
});
export const AuthorityRule = z.object({
  kind: z.enum(changeKinds),
  upToPercent: z
    .number()
    .finite()
    .min(0)
    .nullable()
    .default(null)
    .describe('Budget rules: the change is at most this share of the approved budget (null: any)'),
  upToDays: z
    .int()
    .min(0)
    .nullable()
    .default(null)
    .describe('Schedule rules: the finish moves at most this many days (null: any)'),
  steps: z.array(AuthorityStep).min(1).max(5),
});
export const OfficeAuthority = z
  .object({
    officeId: Id,
    rules: z.array(AuthorityRule),
    source: z.enum(['own', 'inherited', 'default']),
    sourceOfficeId: Id.nullable(),
    sourceOfficeName: z.string().nullable(),
    version: z.int().nullable().describe("The office's own rules' version; null when it has none"),
    updatedAt: Timestamp.nullable(),
    mayEdit: z.boolean(),
  })
  .meta({ id: 'OfficeAuthority' });
export const OfficeAuthorityPut = z.object({
  rules: z.array(AuthorityRule).min(1).max(30),
  version: Version.nullable().describe(
    'The version you loaded; null when the office has no rules of its own yet',
  ),
});

// ---------- change requests ----------
export const changeRequestStates = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'] as const;
export const ChangeImpact = z.object({
  budgetDelta: z
    .int()
    .min(-Number.MAX_SAFE_INTEGER)
    .max(Number.MAX_SAFE_INTEGER)
    .nullable()
    .default(null)
    .describe('Change to the approved budget, minor units (negative lowers it)'),
  finishDeltaDays: z
    .int()
    .min(-3650)
    .max(3650)
    .nullable()
    .default(null)
    .describe('Days the approved finish moves (negative: earlier)'),
  scopeChange: z.string().max(20_000).default('').describe('What changes in scope'),
});
export const ChangeStep = z.object({
  label: z.string(),
  roles: z.array(RoleSchema),
  reason: z.string().describe('Which authority rule asked for this step, and why'),
  decision: z.enum(['approve', 'reject']).nullable(),
  by: Id.nullable(),
  byName: z.string().nullable(),
  at: Timestamp.nullable(),
  comment: z.string(),
});
const ApprovedSnapshot = z.object({
  budget: z.int(),
  currency: z.string(),
  approvedFinish: IsoDate.nullable(),
  scope: z.string(),
});
export const ChangeRequest = z
  .object({
    ...entityMeta,
    code: z.string(),
    projectId: Id,
    title: z.string(),
    description: z.string(),
    kinds: z.array(z.enum(changeKinds)),
    impact: ChangeImpact,
    state: z.enum(changeRequestStates),
    steps: z.array(ChangeStep),
    currentStep: z.int(),
    requestedBy: Id.nullable(),
    requestedByName: z.string().nullable(),
    submittedAt: Timestamp.nullable(),
    decidedAt: Timestamp.nullable(),
    applied: z.object({ before: ApprovedSnapshot, after: ApprovedSnapshot }).nullable(),
    abilities: z.object({
      update: z.boolean(),
      submit: z.boolean(),
      withdraw: z.boolean(),
      decide: z.boolean(),
    }),
  })
  .meta({ id: 'ChangeRequest' });
export const ChangeRequestCreate = z.object({
  title: Name,
  description: Description.default(''),
  impact: ChangeImpact,
});
export const ChangeRequestUpdate = z.object({
  version: Version,
  title: Name.optional(),
  description: Description.optional(),
  impact: ChangeImpact.optional(),
});
export const ChangeDecisionBody = z.object({
  version: Version,
  decision: z.enum(['approve', 'reject']),
  comment: z.string().max(4000).default(''),
});
export const ChangeRequestListQuery = z.object({ state: z.enum(changeRequestStates).optional() });
export const ChangeRequestList = z.object({ items: z.array(ChangeRequest) });

// ---------- stop recommendations ----------
export const stopStates = ['open', 'accepted', 'rejected', 'withdrawn'] as const;
export const StopRecommendation = z
  .object({
    id: Id,
    version: z.int(),
    projectId: Id,
    reason: z.string(),
    recommendedBy: Id.nullable(),
    recommendedByName: z.string().nullable(),
    state: z.enum(stopStates),
    outcome: z.string(),
    decidedBy: Id.nullable(),
    decidedByName: z.string().nullable(),
    decidedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    abilities: z.object({ decide: z.boolean(), withdraw: z.boolean() }),
  })
  .meta({ id: 'StopRecommendation' });
export const StopRecommendationCreate = z.object({ reason: z.string().trim().min(1).max(4000) });
export const StopDecisionBody = z.object({
  version: Version,
  decision: z.enum(['accept', 'reject']),
  outcome: z.string().trim().min(1).max(4000).describe('What was decided, and why'),
});
export const StopRecommendationList = z.object({ items: z.array(StopRecommendation) });

export type ApprovedValues = z.infer<typeof ApprovedValues>;
export type OfficeAuthority = z.infer<typeof OfficeAuthority>;
export type AuthorityRule = z.infer<typeof AuthorityRule>;
export type ChangeRequest = z.infer<typeof ChangeRequest>;
export type StopRecommendation = z.infer<typeof StopRecommendation>;
