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
import { YearMonth } from './demand';
import { objectiveKinds, ScenarioBody, ScenarioFile } from './scenario';

/*
 * Portfolio planning (C3): scenarios stored per portfolio, their solves (run in the background,
 * with progress and cancel), the efficient frontier, explanations, comparison, and the commit
 * that turns a scenario into the portfolio's plan of record.
 */

export const Binding = z.object({
  kind: z.string(),
  label: z.string(),
  limit: z.number().optional(),
  used: z.number().optional(),
  slack: z.number().optional(),
});

export const planSources = ['solver', 'greedy', 'manual'] as const;
/** The scenario's current plan: from a solve, or set by hand (dragged on the timeline). */
export const ScenarioPlan = z.object({
  source: z.enum(planSources),
  status: z.string().describe('The solver status (optimal, time-limit, interrupted, …) or manual'),
  starts: z.array(z.int().nullable()).describe('Start month per candidate (scenario order); null = out'),
  value: z.number(),
  bound: z.number().nullable(),
  gap: z.number().nullable(),
  seconds: z.number(),
  greedyValue: z.number().nullable(),
  rankThenCutValue: z.number().nullable(),
  binding: z.array(Binding),
  violations: z.array(z.string()).describe('Limits or rules the plan breaks (a manual plan may)'),
  at: Timestamp,
  /** The scenario version the plan was computed for: older than the scenario means stale. */
  forVersion: z.int(),
});

export const FrontierPoint = z.object({
  level: z.number(),
  budget: z.number(),
  value: z.number().nullable(),
  bound: z.number().nullable(),
  gap: z.number().nullable(),
  status: z.string(),
  starts: z.array(z.int().nullable()),
  selected: z.int(),
  cost: z.number(),
});

/** Where a candidate comes from in Pharos (a scenario file's candidates may come from nowhere). */
export const CandidateSource = z.object({ kind: z.enum(['proposal', 'project']), id: Id });

export const scenarioStatuses = ['draft', 'committed'] as const;
const scenarioFields = {
  code: Code,
  name: Name,
  description: Description,
  portfolioId: Id,
  body: ScenarioBody,
  sources: z
    .record(z.string(), CandidateSource)
    .describe('Candidate id → the proposal or project it stands for'),
};
export const Scenario = z
  .object({
    ...entityMeta,
    ...scenarioFields,
    status: z.enum(scenarioStatuses),
    plan: ScenarioPlan.nullable(),
    frontier: z.array(FrontierPoint).nullable(),
    committedAt: Timestamp.nullable(),
    committedBy: Id.nullable(),
    abilities: Abilities.extend({ commit: z.boolean() }),
    labels: Labels,
  })
  .meta({ id: 'Scenario' });
export const ScenarioSummary = Scenario.omit({ body: true, sources: true, frontier: true }).extend({
  objective: z.enum(objectiveKinds),
  candidates: z.int(),
  selected: z.int().nullable(),
});
export const ScenarioCreate = z.object({
  code: Code,
  name: Name,
  description: Description.default(''),
  portfolioId: Id,
  horizonStart: YearMonth.describe('The first month of the scenario'),
  months: z.int().min(1).max(120).default(36),
  objective: z.enum(objectiveKinds).default('score'),
  proposalStatuses: z
    .array(z.enum(['submitted', 'screening', 'scored', 'shortlisted', 'approved']))
    .default(['scored', 'shortlisted', 'approved'])
    .describe(
      'Proposals of the portfolio (or its office, without a portfolio) in these statuses become candidates',
    ),
  includeProjects: z.boolean().default(true).describe('Running projects of the portfolio become candidates'),
  budget: z
    .array(z.object({ line: z.enum(['capex', 'opex']), year: z.int().min(0).max(9), limit: z.int().min(0) }))
    .default([])
    .describe('Budget limits per line and budget year (0 = the first 12 months)'),
  copyFrom: Id.optional().describe('Start from this scenario instead (same candidates and limits)'),
});
export const ScenarioImport = z.object({ portfolioId: Id, code: Code, file: ScenarioFile });
export const ScenarioUpdate = z
  .object({ code: Code, name: Name, description: Description, body: ScenarioBody })
  .partial()
  .extend({ version: Version });
export const ScenarioListQuery = listQuery(['code', 'name', 'updatedAt']).extend({
  portfolioId: Id.optional(),
  status: z.enum(scenarioStatuses).optional(),
});
export const ScenarioPlanPut = z.object({
  version: Version,
  starts: z.array(z.int().min(0).nullable()),
});

export const SolveStart = z.object({
  timeLimit: z.number().min(1).max(600).default(10),
  gap: z.number().min(0).max(0.5).default(0.001).describe('Stop at this relative gap'),
});
export const FrontierStart = z.object({
  points: z.int().min(3).max(30).default(15),
  from: z.number().min(0.05).max(1).default(0.3),
  to: z.number().min(1).max(3).default(1.7),
  timeLimitPerPoint: z.number().min(0.5).max(60).default(4),
});
export const jobStates = ['idle', 'running', 'done', 'cancelled', 'failed'] as const;
export const SolveJobState = z
  .object({
    kind: z.enum(['solve', 'frontier']),
    state: z.enum(jobStates),
    startedAt: Timestamp.nullable(),
    seconds: z.number(),
    value: z.number().nullable(),
    bound: z.number().nullable(),
    gap: z.number().nullable(),
    /** The greedy first answer (value), available within moments of starting. */
    greedyValue: z.number().nullable(),
    points: z.int().describe('Frontier points done'),
    totalPoints: z.int(),
    message: z.string().nullable(),
  })
  .meta({ id: 'SolveJobState' });

export const Shortfall = z.object({
  kind: z.enum(['budget', 'capacity']),
  label: z.string(),
  resource: z.string().describe('The budget line or the role'),
  period: z.int().describe('The budget year or the month (of the horizon)'),
  limit: z.number(),
  used: z.number(),
  needed: z.number(),
  short: z.number(),
});
export const Explanation = z
  .object({
    excluded: z.array(
      z.object({
        candidate: z.string(),
        value: z.number(),
        rules: z.array(z.string()),
        bestStart: z.int().nullable(),
        shortfalls: z.array(Shortfall),
        extraBudget: z.number(),
        extraHours: z.number(),
        displace: z.array(z.object({ ids: z.array(z.string()), valueLost: z.number() })),
      }),
    ),
    included: z.array(
      z.object({
        candidate: z.string(),
        start: z.int(),
        value: z.number(),
        mustDo: z.boolean(),
        fixedIn: z.boolean(),
        displaces: z.array(z.string()),
        displacedValue: z.number(),
        binding: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'Explanation' });

export const CompareQuery = z.object({
  ids: z
    .string()
    .describe('Scenario ids, comma-separated (2 to 4)')
    .transform((s) => s.split(',').filter(Boolean))
    .pipe(z.array(Id).min(2).max(4)),
});
export const ScenarioComparison = z
  .object({
    scenarios: z.array(
      z.object({
        id: Id,
        code: z.string(),
        name: z.string(),
        objective: z.string(),
        hasPlan: z.boolean(),
        value: z.number().nullable(),
        gap: z.number().nullable(),
        selected: z.array(z.string()),
        costByYear: z.array(
          z.object({ line: z.string(), year: z.int(), spend: z.number(), limit: z.number().nullable() }),
        ),
        roles: z.array(
          z.object({
            role: z.string(),
            demand: z.number(),
            capacity: z.number(),
            peak: z.number(),
            overloadedMonths: z.int(),
          }),
        ),
      }),
    ),
    /** Candidates (by name) and, per scenario, their start month label or null. */
    differences: z.array(
      z.object({ candidate: z.string(), name: z.string(), starts: z.array(z.string().nullable()) }),
    ),
  })
  .meta({ id: 'ScenarioComparison' });

export const CommitBody = z.object({ version: Version });
export const PlanOfRecordItem = z.object({
  kind: z.enum(['proposal', 'project']),
  candidate: z.string(),
  name: z.string(),
  projectId: Id.nullable(),
  start: YearMonth,
  finish: YearMonth,
});
export const PlanOfRecord = z
  .object({
    id: Id,
    portfolioId: Id,
    scenarioId: Id,
    scenarioCode: z.string(),
    scenarioName: z.string(),
    committedAt: Timestamp,
    committedBy: Id.nullable(),
    committedByName: z.string().nullable(),
    value: z.number(),
    objective: z.string(),
    items: z.array(PlanOfRecordItem),
    createdProjects: z.array(Id),
    movedProjects: z.array(Id),
  })
  .meta({ id: 'PlanOfRecord' });
export const CommitResult = z.object({ scenario: Scenario, record: PlanOfRecord });

export type Scenario = z.infer<typeof Scenario>;
export type ScenarioSummary = z.infer<typeof ScenarioSummary>;
export type ScenarioPlan = z.infer<typeof ScenarioPlan>;
export type SolveJobState = z.infer<typeof SolveJobState>;
export type Explanation = z.infer<typeof Explanation>;
export type ScenarioComparison = z.infer<typeof ScenarioComparison>;
export type PlanOfRecord = z.infer<typeof PlanOfRecord>;
export type FrontierPointT = z.infer<typeof FrontierPoint>;
