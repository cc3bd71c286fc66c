import { z } from 'zod';
import { Id, IsoDate, Timestamp, Version } from '../common';
import { RagColour, RagRating, RagThresholds, ragDimensions } from './status-settings';

export * from './status-settings';

/*
 * Status reporting (C7): status reports (one per project per reporting period: suggested and
 * reported colours per dimension with the reasons, narrative, key metrics) and reporting
 * compliance; the settings and thresholds are in status-settings.ts. The rules are the engine's
 * (docs/status-rules.md); money is in integer minor units, dates are YYYY-MM-DD.
 */

// ---------- status reports ----------
export const RagReason = z
  .object({
    dimension: z.enum(ragDimensions),
    fact: z.string(),
    value: z.number(),
    rag: RagColour,
    threshold: z.number(),
    direction: z.enum(['lower-is-worse', 'higher-is-worse']),
    ids: z.array(z.string()).optional().describe('The items behind a count (milestones, risks, issues, …)'),
    message: z.string().describe('SPI 0.82 is below 0.85 (red)'),
  })
  .meta({ id: 'RagReason' });

export const ReportDimension = z.object({
  suggested: RagRating.describe('What the rules suggest from the facts'),
  reasons: z.array(RagReason).describe('Why, worst first'),
  rag: RagRating.describe('The colour the report gives'),
  justification: z.string(),
  overridden: z.boolean().describe('The reported colour differs from a known suggestion'),
});

const Narrative = z.object({
  done: z.string().max(10_000),
  next: z.string().max(10_000),
  issues: z.string().max(10_000),
  helpNeeded: z.string().max(10_000),
});

const Money = z.int().min(0).max(1e15).describe('Money in integer minor units');
export const EnteredMetrics = z.object({
  actualCost: Money.nullable().describe('Actual cost to date'),
  eac: Money.nullable().describe('Estimate at completion'),
  percentComplete: z.number().min(0).max(100).nullable(),
});

const Count = z.int().nullable();
export const MeasuredMetrics = z
  .object({
    currency: z.string().nullable(),
    budget: z.int().nullable().describe('The approved budget, minor units'),
    spi: z.number().nullable().describe('From the plan, when it has a baseline and progress'),
    finishVarianceDays: z.number().nullable(),
    milestones: Count.describe('Milestones with a baseline'),
    slippedMilestones: Count,
    openRisks: Count,
    highRisks: Count,
    openIssues: Count,
    overdueIssues: Count,
    escalatedIssues: Count,
    criticalIssues: Count,
    approvedChanges: Count.describe('Changes approved in the scope window'),
    approvedChangePercent: z.number().nullable(),
    failedGateItems: Count,
  })
  .describe('What was measured; null where it was not');

export const ReportPeriod = z.object({
  kind: z.enum(['weekly', 'biweekly', 'monthly']),
  key: z.string().describe('2025-W03, 2025-01-06 (bi-weekly) or 2025-03'),
  start: IsoDate,
  end: IsoDate,
});

export const StatusReport = z
  .object({
    id: Id,
    version: z.int(),
    archivedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    projectId: Id,
    period: ReportPeriod,
    dueOn: IsoDate,
    asOf: IsoDate.describe('The day the facts were measured'),
    state: z.enum(['draft', 'submitted']),
    overall: z.object({
      suggested: RagRating.describe('From the dimensions as reported'),
      rag: RagRating,
      justification: z.string(),
      overridden: z.boolean(),
    }),
    dimensions: z.object({
      schedule: ReportDimension,
      cost: ReportDimension,
      scope: ReportDimension,
      risk: ReportDimension,
      quality: ReportDimension,
      resources: ReportDimension,
    }),
    overallRule: RagThresholds.shape.overall.describe(
      "How the project type's dimensions make the overall (the engine's combineRatings)",
    ),
    narrative: Narrative,
    hint: z.object({ previousNext: z.string().describe('What the previous report said would be done next') }),
    metrics: z.object({ entered: EnteredMetrics, measured: MeasuredMetrics }),
    authorId: Id.nullable(),
    submittedAt: Timestamp.nullable().describe('When it was first submitted'),
    submittedBy: Id.nullable(),
    late: z.boolean().describe('Submitted after its due date, or still unsubmitted past it'),
    labels: z.record(z.string(), z.string()),
    abilities: z.object({
      update: z.boolean(),
      submit: z.boolean(),
      reopen: z.boolean(),
      archive: z.boolean(),
    }),
  })
  .meta({ id: 'StatusReport' });
export type StatusReportT = z.infer<typeof StatusReport>;

export const StatusReportListQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(26),
  archived: z.enum(['active', 'archived', 'all']).default('active'),
});

export const StatusReportStart = z.object({
  period: IsoDate.optional().describe(
    'Any day of the period to report on; by default the previous period when its report is missing, else the current one',
  ),
  asOf: IsoDate.optional().describe('The day the facts are measured (today by default; not in the future)'),
});

const RatingChange = z.object({
  rag: RagColour.nullable().describe('null: take the suggestion again'),
  justification: z.string().max(5000).optional(),
});
export const StatusReportUpdate = z.object({
  version: Version,
  narrative: Narrative.partial().optional(),
  dimensions: z.partialRecord(z.enum(ragDimensions), RatingChange).optional(),
  overall: RatingChange.optional(),
  entered: EnteredMetrics.partial().optional(),
});
export const StatusReportReopen = z.object({
  version: Version,
  reason: z.string().trim().min(1).max(2000).describe('Why the submitted report is opened again'),
});

// ---------- reporting compliance ----------
export const complianceStates = [
  'on-time',
  'filed-late',
  'not-due',
  'overdue',
  'missing',
  'not-required',
] as const;
export const ComplianceState = z.enum(complianceStates);
export const complianceStateLabels: Record<(typeof complianceStates)[number], string> = {
  'on-time': 'On time',
  'filed-late': 'Filed late',
  'not-due': 'Not due yet',
  overdue: 'Overdue',
  missing: 'Missing',
  'not-required': 'Not required',
};
const Counts = z.object({
  'on-time': z.int(),
  'filed-late': z.int(),
  'not-due': z.int(),
  overdue: z.int(),
  missing: z.int(),
  'not-required': z.int(),
});

export const ComplianceQuery = z.object({
  from: IsoDate.optional().describe('A day of the first period (default: 12 weeks before `to`)'),
  to: IsoDate.optional().describe('A day of the last period (default: today)'),
  asOf: IsoDate.optional().describe('Judge the states as of this day (default: today)'),
});

export const ReportingCompliance = z
  .object({
    officeId: Id,
    from: IsoDate,
    to: IsoDate,
    asOf: IsoDate,
    counts: Counts,
    late: z.int().describe('Filed late or overdue'),
    projects: z.array(
      z.object({
        projectId: Id,
        code: z.string(),
        name: z.string(),
        officeId: Id,
        counts: Counts,
        periods: z.array(
          z.object({
            key: z.string(),
            start: IsoDate,
            end: IsoDate,
            dueOn: IsoDate,
            state: ComplianceState,
            submittedOn: IsoDate.nullable(),
            daysLate: z.int().nullable(),
            reportId: Id.nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'ReportingCompliance' });
