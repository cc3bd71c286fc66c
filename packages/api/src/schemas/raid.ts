import { z } from 'zod';
import { Abilities, Description, entityMeta, Id, IsoDate, Labels, Name, Timestamp, Version } from '../common';

/*
 * RAID registers (C8): risks, issues, assumptions, dependencies and decisions, one item type with
 * a `kind`. Every item sits in exactly one register — a project's, a program's, a portfolio's or
 * an office's — and carries its kind's own fields in `details`. Escalations, the office queue and
 * the tolerances are in raid-escalation.ts.
 */

export const raidKinds = ['risk', 'issue', 'assumption', 'dependency', 'decision'] as const;
export type RaidKind = (typeof raidKinds)[number];
export const raidKindLabels: Record<RaidKind, string> = {
  risk: 'Risk',
  issue: 'Issue',
  assumption: 'Assumption',
  dependency: 'Dependency',
  decision: 'Decision',
};
/** Code prefixes: R-0001, I-0001, A-0001, D-0001 and L-0001 (the decision log). */
export const raidCodePrefix: Record<RaidKind, string> = {
  risk: 'R',
  issue: 'I',
  assumption: 'A',
  dependency: 'D',
  decision: 'L',
};

export const raidStatuses = {
  risk: ['open', 'occurred', 'closed'],
  issue: ['open', 'in_progress', 'resolved', 'closed'],
  assumption: ['unvalidated', 'valid', 'invalid'],
  dependency: ['open', 'at_risk', 'met', 'broken'],
  decision: ['proposed', 'decided', 'superseded'],
} as const satisfies Record<RaidKind, readonly [string, ...string[]]>;
export type RaidStatus = (typeof raidStatuses)[RaidKind][number];
export const allRaidStatuses = [...new Set(Object.values(raidStatuses).flat())] as [
  RaidStatus,
  ...RaidStatus[],
];
/**
 * Statuses in which an item still needs something done (a proposed decision is waiting). A risk
 * that occurred is no longer a risk: it lives on as an issue.
 */
export const raidOpenStatuses: Record<RaidKind, readonly RaidStatus[]> = {
  risk: ['open'],
  issue: ['open', 'in_progress'],
  assumption: ['unvalidated'],
  dependency: ['open', 'at_risk'],
  decision: ['proposed'],
};
export const raidStatusLabels: Record<RaidStatus, string> = {
  open: 'Open',
  occurred: 'Occurred',
  closed: 'Closed',
  in_progress: 'In progress',
  resolved: 'Resolved',
  unvalidated: 'Not yet validated',
  valid: 'Valid',
  invalid: 'Invalid',
  at_risk: 'At risk',
  met: 'Met',
  broken: 'Broken',
  proposed: 'Proposed',
  decided: 'Decided',
  superseded: 'Superseded',
};

export const raidSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type RaidSeverity = (typeof raidSeverities)[number];
export const riskStrategies = ['avoid', 'mitigate', 'transfer', 'accept', 'escalate'] as const;
export const riskImpactAreas = ['cost', 'schedule', 'scope', 'quality'] as const;
/** Score bands: 1–4 low, 5–9 medium, 10–14 high, 15–25 critical. */
export const riskLevels = ['low', 'medium', 'high', 'critical'] as const;
/** What the due date means for each kind. */
export const raidDueLabels: Record<RaidKind, string> = {
  risk: 'Review date',
  issue: 'Resolution deadline',
  assumption: 'Validate by',
  dependency: 'Needed by',
  decision: 'Decide by',
};

const Text = (max = 5000) => z.string().max(max);
const Level = z.int().min(1).max(5);

// ---------- kind-specific details ----------
export const RiskImpact = z
  .object({
    cost: Level.optional(),
    schedule: Level.optional(),
    scope: Level.optional(),
    quality: Level.optional(),
  })
  .describe('Impact per area, 1–5 each; rate at least one')
  .refine((i) => Object.values(i).some((v) => v !== undefined), 'Rate the impact on at least one area');
export const MitigationAction = z.object({
  text: z.string().trim().min(1).max(1000),
  ownerId: Id.nullable().default(null),
  due: IsoDate.nullable().default(null),
  done: z.boolean().default(false),
});
export const RiskRatings = z.object({ probability: Level, impact: RiskImpact });

const riskDetails = {
  probability: Level.describe('1 (rare) to 5 (almost certain)'),
  impact: RiskImpact,
  strategy: z.enum(riskStrategies),
  mitigation: z.array(MitigationAction).max(100),
  trigger: Text(2000).describe('What tells that the risk is happening'),
  residual: RiskRatings.nullable().describe('The ratings expected once the mitigation is done'),
};
const issueDetails = { severity: z.enum(raidSeverities), resolution: Text() };
const assumptionDetails = { impactIfWrong: Text() };
const dependencyDetails = {
  dependsOnProjectId: Id.nullable().describe('The project this work depends on (shown in its register too)'),
  externalParty: Text(200).describe('Or the outside party it depends on'),
  deliverable: Text(2000).describe('What is needed from them'),
};
const decisionDetails = {
  decision: Text(),
  rationale: Text(),
  alternatives: Text(),
  decidedBy: Id.nullable(),
  decidedOn: IsoDate.nullable(),
};

const noDefaults = {
  risk: riskDetails,
  issue: issueDetails,
  assumption: assumptionDetails,
  dependency: dependencyDetails,
  decision: decisionDetails,
};
export const RaidDetails = {
  risk: z.object(riskDetails),
  issue: z.object(issueDetails),
  assumption: z.object(assumptionDetails),
  dependency: z.object(dependencyDetails),
  decision: z.object(decisionDetails),
} as const;

/** What a new item's details may leave out. */
const detailsCreate = {
  risk: z.object({
    ...riskDetails,
    strategy: riskDetails.strategy.default('mitigate'),
    mitigation: riskDetails.mitigation.default([]),
    trigger: riskDetails.trigger.default(''),
    residual: riskDetails.residual.default(null),
  }),
  issue: z.object({ ...issueDetails, resolution: issueDetails.resolution.default('') }),
  // Kinds whose details all have defaults may leave them out.
  assumption: z.object({ impactIfWrong: assumptionDetails.impactIfWrong.default('') }).prefault({}),
  dependency: z
    .object({
      dependsOnProjectId: dependencyDetails.dependsOnProjectId.default(null),
      externalParty: dependencyDetails.externalParty.default(''),
      deliverable: dependencyDetails.deliverable.default(''),
    })
    .prefault({}),
  decision: z
    .object({
      decision: decisionDetails.decision.default(''),
      rationale: decisionDetails.rationale.default(''),
      alternatives: decisionDetails.alternatives.default(''),
      decidedBy: decisionDetails.decidedBy.default(null),
      decidedOn: decisionDetails.decidedOn.default(null),
    })
    .prefault({}),
};

// ---------- create and update ----------
export const registerFields = {
  projectId: Id.optional(),
  programId: Id.optional(),
  portfolioId: Id.optional(),
  officeId: Id.optional(),
};
export const raidRegisterFields = ['projectId', 'programId', 'portfolioId', 'officeId'] as const;
const owners = raidRegisterFields;

function oneRegister(v: Partial<Record<(typeof owners)[number], string>>, ctx: z.RefinementCtx) {
  const given = owners.filter((k) => v[k]);
  if (given.length !== 1)
    ctx.addIssue({
      code: 'custom',
      path: [given[1] ?? 'projectId'],
      message: 'Give exactly one of projectId, programId, portfolioId or officeId: the register it goes in',
    });
}

const createCommon = {
  title: Name,
  description: Description.default(''),
  ownerId: Id.nullable().default(null).describe('Who owns it'),
  dueOn: IsoDate.nullable()
    .default(null)
    .describe('Risk review date, issue resolution deadline, validate-by, need-by or decide-by date'),
  ...registerFields,
};
const createOf = <K extends RaidKind>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    ...createCommon,
    status: z.enum(raidStatuses[kind]).default(raidStatuses[kind][0] as never),
    details: detailsCreate[kind],
  });
export const RaidItemCreate = z
  .discriminatedUnion('kind', [
    createOf('risk'),
    createOf('issue'),
    createOf('assumption'),
    createOf('dependency'),
    createOf('decision'),
  ])
  .superRefine(oneRegister);

/** The kind is sent again (it cannot change); details are merged field by field into what is kept. */
const updateOf = <K extends RaidKind>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    version: Version,
    title: Name.optional(),
    description: Description.optional(),
    ownerId: Id.nullable().optional(),
    dueOn: IsoDate.nullable().optional(),
    status: z.enum(raidStatuses[kind]).optional(),
    details: z.object(noDefaults[kind]).partial().optional(),
  });
export const RaidItemUpdate = z.discriminatedUnion('kind', [
  updateOf('risk'),
  updateOf('issue'),
  updateOf('assumption'),
  updateOf('dependency'),
  updateOf('decision'),
]);

// ---------- the item as it is read ----------
const itemBase = {
  ...entityMeta,
  code: z.string(),
  title: z.string(),
  description: z.string(),
  projectId: Id.nullable(),
  programId: Id.nullable(),
  portfolioId: Id.nullable(),
  officeId: Id.nullable(),
  ownerId: Id.nullable(),
  dueOn: IsoDate.nullable(),
  score: z.int().nullable().describe('Risk: probability × the worst impact, 1–25'),
  residualScore: z.int().nullable().describe('Risk: the score expected after mitigation'),
  level: z.enum(riskLevels).nullable().describe("The score's band"),
  residualLevel: z.enum(riskLevels).nullable(),
  severity: z.enum(raidSeverities).nullable(),
  dependsOnProjectId: Id.nullable(),
  open: z.boolean().describe('Still needs something done'),
  overdue: z.boolean().describe('Open and past its due date'),
  escalatedToOfficeId: Id.nullable().describe('The office whose queue holds it (null: with its register)'),
  escalationLevel: z.int().describe('0 at its own office, 1 one office up, …'),
  escalatedAt: Timestamp.nullable(),
  closedAt: Timestamp.nullable(),
  relation: z
    .enum(['owner', 'dependedOnBy'])
    .describe("dependedOnBy: another project's dependency on this register's project"),
  abilities: Abilities,
  labels: Labels,
};
const itemOf = <K extends RaidKind>(kind: K) =>
  z.object({
    kind: z.literal(kind),
    ...itemBase,
    status: z.enum(raidStatuses[kind]),
    details: RaidDetails[kind],
  });
export const RaidItem = z
  .discriminatedUnion('kind', [
    itemOf('risk'),
    itemOf('issue'),
    itemOf('assumption'),
    itemOf('dependency'),
    itemOf('decision'),
  ])
  .meta({ id: 'RaidItem' });

export type RaidItem = z.output<typeof RaidItem>;
export type RaidItemOf<K extends RaidKind> = Extract<RaidItem, { kind: K }>;
