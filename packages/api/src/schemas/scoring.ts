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
  Timestamp,
  Version,
} from '../common';
import { proposalStatuses } from './demand';

/*
 * Scoring (C2): frameworks owned by an office and kept in revisions (weights set directly or from
 * AHP pairwise comparisons), the scores each scorer gives a proposal, and the ranked list.
 */

// ---------- scoring frameworks ----------
export const ScaleLevel = z.object({
  value: z.number().finite(),
  label: z.string().trim().min(1).max(100),
  description: z.string().max(500).default(''),
});
export const FrameworkCriterion = z.object({
  id: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[a-z0-9][a-z0-9_-]*$/, 'Use lower-case letters, digits, dash or underscore'),
  name: Name,
  description: z.string().max(2000).default(''),
  weight: z
    .number()
    .finite()
    .min(0)
    .default(1)
    .describe('Relative weight (ignored when weights come from AHP)'),
  scale: z.object({
    min: z.number().finite(),
    max: z.number().finite(),
    levels: z.array(ScaleLevel).max(20).default([]),
  }),
  direction: z.enum(['benefit', 'negative']).default('benefit'),
  objectiveId: Id.nullable().default(null).describe('The strategic objective it measures alignment with'),
});
export const AhpJudgements = z.object({
  comparisons: z
    .array(z.tuple([z.int().min(0), z.int().min(0), z.number().positive()]))
    .max(120)
    .describe('[row, column, value]: criterion row is value times as important as criterion column'),
});
export const AhpOutcome = z.object({
  weights: z.array(z.number()),
  lambdaMax: z.number(),
  ci: z.number(),
  cr: z.number().nullable(),
  consistent: z.boolean().describe('CR ≤ 0.1'),
  worst: z
    .object({ row: z.int(), column: z.int(), given: z.number(), suggested: z.number() })
    .nullable()
    .describe('The most inconsistent judgement and the value that would fit the others best'),
});
export const frameworkStatuses = ['draft', 'published', 'retired'] as const;
const frameworkFields = {
  code: Code,
  name: Name,
  officeId: Id,
  description: Description,
  combine: z.enum(['mean', 'median']),
  disagreementThreshold: z.number().finite().min(0).max(100),
  weighting: z.enum(['direct', 'ahp']),
  criteria: z.array(FrameworkCriterion).min(1).max(15),
  ahp: AhpJudgements.nullable(),
};
export const ScoringFramework = z
  .object({
    ...entityMeta,
    ...frameworkFields,
    familyId: Id.describe('Shared by every revision of the framework'),
    revision: z.int(),
    status: z.enum(frameworkStatuses),
    publishedAt: Timestamp.nullable(),
    weights: z.array(z.number()).describe('Each criterion’s share of the total (sums to 1)'),
    ahpOutcome: AhpOutcome.nullable(),
    warnings: z.array(z.string()),
    abilities: Abilities,
    labels: Labels,
  })
  .meta({ id: 'ScoringFramework' });
export const ScoringFrameworkCreate = z.object({
  ...frameworkFields,
  description: Description.default(''),
  combine: z.enum(['mean', 'median']).default('mean'),
  disagreementThreshold: z.number().finite().min(0).max(100).default(2),
  weighting: z.enum(['direct', 'ahp']).default('direct'),
  ahp: AhpJudgements.nullable().default(null),
});
export const ScoringFrameworkUpdate = z.object(frameworkFields).partial().extend({ version: Version });
export const ScoringFrameworkListQuery = listQuery(['code', 'name', 'revision', 'updatedAt']).extend({
  officeId: Id.optional(),
  status: z.enum(frameworkStatuses).optional(),
  familyId: Id.optional(),
});

// ---------- scores ----------
export const ScoreEntry = z.object({
  scorerId: Id,
  scorerName: z.string(),
  values: z.record(z.string(), z.number().finite()),
  comment: z.string(),
  updatedAt: Timestamp,
});
export const CriterionResult = z.object({
  criterionId: z.string(),
  weight: z.number(),
  count: z.int(),
  value: z.number().nullable(),
  normalized: z.number().nullable(),
  contribution: z.number().nullable(),
  range: z.number(),
  sd: z.number(),
  disagreement: z.boolean(),
});
export const ScoreResult = z.object({
  scored: z.boolean(),
  missing: z.array(z.string()),
  total: z.number().nullable(),
  criteria: z.array(CriterionResult),
  alignment: z.record(z.string(), z.number()),
  disagreement: z.object({ criteria: z.array(z.string()), spread: z.number(), sd: z.number() }),
});
export const ProposalScores = z
  .object({
    frameworkId: Id.nullable(),
    scores: z.array(ScoreEntry),
    result: ScoreResult.nullable(),
    mayScore: z.boolean(),
  })
  .meta({ id: 'ProposalScores' });
export const ScorePut = z.object({
  values: z.record(z.string(), z.number().finite()).describe('Criterion id → value on its scale'),
  comment: z.string().max(2000).default(''),
});
export const RankingQuery = z.object({
  status: z.enum(proposalStatuses).optional(),
  portfolioId: Id.optional(),
});
export const Ranking = z
  .object({
    frameworkId: Id,
    items: z.array(
      ScoreResult.extend({
        rank: z.int().nullable(),
        proposalId: Id,
        code: z.string(),
        title: z.string(),
        status: z.enum(proposalStatuses),
        scorers: z.int(),
        npv: z.int(),
      }),
    ),
  })
  .meta({ id: 'Ranking' });

export type ScoringFramework = z.infer<typeof ScoringFramework>;
export type ProposalScores = z.infer<typeof ProposalScores>;
export type Ranking = z.infer<typeof Ranking>;
