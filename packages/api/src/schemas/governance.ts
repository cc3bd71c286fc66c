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
 * Governance (C9): lifecycles with stage gates (owned by an office, kept in revisions) and gate
 * reviews with evidence, votes and a decision. Approved values, authority thresholds, change
 * requests and stop recommendations are in change-control.ts.
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

export type Lifecycle = z.infer<typeof Lifecycle>;
export type Gate = z.infer<typeof Gate>;
export type GateReview = z.infer<typeof GateReview>;
export type PhaseTrack = z.infer<typeof PhaseTrack>;
