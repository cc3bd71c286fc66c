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
  Timestamp,
  Version,
} from '../common';
import { RoleSchema } from '../roles';
import { projectPhases } from './registry';

/*
 * Governance (C9): lifecycles with stage gates (owned by an office, kept in revisions), gate
 * reviews with evidence, votes and a decision, the project's approved values, the authority
 * thresholds that route change requests, change requests with their approval steps, and the
 * PMO's recommendations to stop a project.
 */

export const gateDecisions = ['go', 'hold', 'recycle', 'stop'] as const;
export type GateDecision = (typeof gateDecisions)[number];
export const lifecycleStatuses = ['draft', 'published', 'retired'] as const;
export const ProjectPhase = z.enum(projectPhases);

const ItemKey = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use lower-case letters, digits, dash or underscore');

// ---------- lifecycles ----------
export const GateChecklistItem = z.object({
  id: ItemKey,
  text: z.string().trim().min(1).max(500),
  required: z.boolean().default(true),
});
export const GateDeliverable = z.object({
  id: ItemKey,
  name: Name,
  required: z.boolean().default(true),
});
const gateFields = {
  name: Name,
  checklist: z.array(GateChecklistItem).max(50).default([]),
  deliverables: z.array(GateDeliverable).max(30).default([]),
  approverRoles: z
    .array(RoleSchema)
    .max(14)
    .default([])
    .describe('Roles that approve: one holder of each, over the project, must vote'),
  approverIds: z.array(Id).max(30).default([]).describe('Named people who must each vote'),
};
export const Gate = z.object({ key: ItemKey, ...gateFields }).meta({ id: 'Gate' });
export const GateInput = z.object({
  key: ItemKey.optional().describe('Defaults to the phase key'),
  ...gateFields,
});
export const LifecyclePhase = z.object({
  key: ProjectPhase,
  name: Name,
  gate: Gate.nullable().describe('The gate passed (go) to enter this phase; none for the first phase'),
});
export const LifecyclePhaseInput = z.object({
  key: ProjectPhase,
  name: Name.optional().describe("Defaults to the phase's own name"),
  gate: GateInput.nullable().default(null),
});
const lifecycleFields = {
  code: Code,
  name: Name,
  officeId: Id,
  projectTypeIds: z
    .array(Id)
    .max(50)
    .describe('The project types it governs (one published lifecycle per type)'),
  description: Description,
};
export const Lifecycle = z
  .object({
    ...entityMeta,
    ...lifecycleFields,
    phases: z.array(LifecyclePhase),
    familyId: Id.describe('Shared by every revision of the lifecycle'),
    revision: z.int(),
    status: z.enum(lifecycleStatuses),
    publishedAt: Timestamp.nullable(),
    abilities: Abilities,
    labels: Labels,
  })
  .meta({ id: 'Lifecycle' });
export const LifecycleCreate = z.object({
  ...lifecycleFields,
  projectTypeIds: lifecycleFields.projectTypeIds.default([]),
  description: Description.default(''),
  phases: z.array(LifecyclePhaseInput).min(1).max(projectPhases.length),
});
export const LifecycleUpdate = z
  .object({ ...lifecycleFields, phases: z.array(LifecyclePhaseInput).min(1).max(projectPhases.length) })
  .partial()
  .extend({ version: Version });
export const LifecycleListQuery = listQuery(['code', 'name', 'revision', 'updatedAt']).extend({
  officeId: Id.optional(),
  status: z.enum(lifecycleStatuses).optional(),
  familyId: Id.optional(),
  projectTypeId: Id.optional().describe('Lifecycles that govern this project type'),
});

// ---------- gate reviews ----------
const ChecklistAnswers = z
  .record(ItemKey, z.object({ met: z.boolean(), note: z.string().max(2000).default('') }))
  .describe('Checklist item id → met or not, with a note');
const DeliverableLinks = z
  .record(
    ItemKey,
    z.object({ link: z.string().trim().max(2000).default(''), note: z.string().max(2000).default('') }),
  )
  .describe('Deliverable id → where it is (a link), with a note');
export const GateEvidence = z.object({ checklist: ChecklistAnswers, deliverables: DeliverableLinks });
export const GateVote = z.object({
  approverId: Id,
  approverName: z.string(),
  slots: z.array(z.string()).describe('Which approvers of the gate this vote answers for (role:… or user:…)'),
  vote: z.enum(gateDecisions),
  comment: z.string(),
  at: Timestamp,
});
export const GateSlot = z.object({
  key: z.string(),
  label: z.string(),
  voted: z.boolean(),
});
export const GateReview = z
  .object({
    id: Id,
    version: z.int(),
    projectId: Id,
    lifecycleId: Id,
    lifecycleCode: z.string(),
    lifecycleRevision: z.int(),
    gate: Gate,
    fromPhase: ProjectPhase,
    toPhase: ProjectPhase,
    state: z.enum(['open', 'decided']),
    decision: z.enum(gateDecisions).nullable(),
    conditions: z.string(),
    comment: z.string().describe('What the decider wrote with the decision'),
    evidence: GateEvidence,
    votes: z.array(GateVote),
    slots: z.array(GateSlot).describe('Every approver the gate asks for, and whether they have voted'),
    tally: z
      .enum(gateDecisions)
      .nullable()
      .describe('The decision the votes give once every approver has voted'),
    blockers: z
      .array(z.string())
      .describe('Required checklist items not met and required deliverables missing'),
    scheduledOn: IsoDate.nullable(),
    decidedAt: Timestamp.nullable(),
    decidedBy: Id.nullable(),
    decidedByName: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    mine: z.object({ approver: z.boolean(), vote: z.enum(gateDecisions).nullable() }),
    abilities: z.object({ update: z.boolean(), vote: z.boolean(), decide: z.boolean() }),
  })
  .meta({ id: 'GateReview' });
export const GateReviewOpen = z.object({ scheduledOn: IsoDate.nullable().default(null) });
export const GateReviewUpdate = z.object({
  version: Version,
  evidence: z
    .object({ checklist: ChecklistAnswers.optional(), deliverables: DeliverableLinks.optional() })
    .optional()
    .describe('Each part sent replaces that part'),
  scheduledOn: IsoDate.nullable().optional(),
});
export const GateVoteBody = z.object({
  vote: z.enum(gateDecisions),
  comment: z.string().max(4000).default(''),
});
export const GateDecisionBody = z.object({
  version: Version,
  decision: z.enum(gateDecisions),
  conditions: z.string().max(4000).default('').describe('Required for a go while required items are missing'),
  comment: z.string().max(4000).default(''),
});
export const GateReviewList = z.object({ items: z.array(GateReview) });

export const PhaseTrack = z
  .object({
    projectId: Id,
    phase: ProjectPhase,
    lifecycle: z
      .object({ id: Id, code: z.string(), name: z.string(), revision: z.int() })
      .nullable()
      .describe("The published lifecycle of the project's type, if any"),
    phases: z.array(
      z.object({
        key: ProjectPhase,
        name: z.string(),
        gate: Gate.nullable(),
        position: z.enum(['done', 'current', 'upcoming']),
        lastReview: z
          .object({
            id: Id,
            state: z.enum(['open', 'decided']),
            decision: z.enum(gateDecisions).nullable(),
            decidedAt: Timestamp.nullable(),
          })
          .nullable(),
      }),
    ),
    nextGate: z.object({ key: z.string(), name: z.string(), toPhase: ProjectPhase }).nullable(),
    openReviewId: Id.nullable(),
    mayOpen: z.boolean(),
  })
  .meta({ id: 'PhaseTrack' });

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

export type Lifecycle = z.infer<typeof Lifecycle>;
export type Gate = z.infer<typeof Gate>;
export type GateReview = z.infer<typeof GateReview>;
export type PhaseTrack = z.infer<typeof PhaseTrack>;
export type ApprovedValues = z.infer<typeof ApprovedValues>;
export type OfficeAuthority = z.infer<typeof OfficeAuthority>;
export type AuthorityRule = z.infer<typeof AuthorityRule>;
export type ChangeRequest = z.infer<typeof ChangeRequest>;
export type StopRecommendation = z.infer<typeof StopRecommendation>;
