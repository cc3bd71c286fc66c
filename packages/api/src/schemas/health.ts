import { z } from 'zod';
import { Id, IsoDate } from '../common';
import { RagRating, ragDimensions } from './status';

/*
 * Health roll-ups and the executive dashboard (C7): project colours rolled up to programs,
 * portfolios, offices and the organization for a reporting period, with counts, children and the
 * trend; and "what needs my attention today" in one answer. Rules: docs/status-rules.md; the
 * screens: docs/dashboard.md.
 */

export const healthScopes = ['organization', 'office', 'portfolio', 'program'] as const;
export type HealthScopeKind = (typeof healthScopes)[number];

export const HealthScopeQuery = z.object({
  scope: z.enum(healthScopes).default('organization'),
  id: Id.optional().describe('The office, portfolio or program (not for the organization)'),
});

export const HealthRollupQuery = HealthScopeQuery.extend({
  period: z
    .string()
    .max(20)
    .optional()
    .describe(
      "A day of the period (YYYY-MM-DD) or its key (2026-W46, 2026-11); by default the latest period whose reports are due today, in the cadence of the scope's office",
    ),
  periods: z.coerce
    .number()
    .int()
    .min(2)
    .max(52)
    .default(13)
    .describe('How many periods the trend shows, the roll-up period the last'),
  children: z.coerce
    .number()
    .int()
    .min(0)
    .max(2000)
    .default(100)
    .describe('How many children to list, worst first (`childrenTotal` says how many there are)'),
});

export const HealthCounts = z.object({
  green: z.int(),
  amber: z.int(),
  red: z.int(),
  unknown: z.int().describe('Reported, but this colour was unknown'),
  missing: z.int().describe('No report for the period, though the project had to report'),
});

export const HealthCell = z.object({
  rag: RagRating,
  score: z.number().nullable().describe('Worst score, or weighted mean, on green 1 … red 3'),
  counts: HealthCounts,
});

const byDimension = <T extends z.ZodType>(t: T) =>
  z.object(Object.fromEntries(ragDimensions.map((d) => [d, t])) as Record<(typeof ragDimensions)[number], T>);

export const HealthPeriod = z.object({
  kind: z.enum(['weekly', 'biweekly', 'monthly']),
  key: z.string(),
  start: IsoDate,
  end: IsoDate,
  due: IsoDate.describe('When its reports are due'),
});

export const HealthScopeRef = z.object({
  kind: z.enum(healthScopes),
  id: Id.nullable(),
  code: z.string().nullable(),
  name: z.string(),
});

export const HealthRule = z.object({
  method: z.enum(['worst', 'weighted']),
  by: z.enum(['budget', 'priority']).nullable(),
  amberFrom: z.number().nullable(),
  redFrom: z.number().nullable(),
  officeId: Id.nullable().describe('The office whose settings give the rule (null: the default)'),
  officeName: z.string().nullable(),
  describe: z.string().describe('The rule in words'),
});

export const TrendDirection = z.enum(['improving', 'stable', 'worsening', 'unknown']);

export const HealthTrendPoint = z.object({
  key: z.string(),
  start: IsoDate,
  end: IsoDate,
  rag: RagRating,
  score: z.number().nullable(),
  counts: HealthCounts,
});

export const HealthChild = z
  .object({
    kind: z.enum(['office', 'portfolio', 'program', 'project']),
    id: Id,
    code: z.string(),
    name: z.string(),
    projects: z.int().describe('Projects counted'),
    overall: HealthCell,
    dimensions: byDimension(RagRating),
    history: z.array(RagRating).describe("The child's colour in each period of the trend, oldest first"),
    trend: TrendDirection.describe('Over the last four periods'),
    lastReport: IsoDate.nullable().describe("A project's latest submitted period's first day"),
  })
  .meta({ id: 'HealthChild' });

export const HealthRollup = z
  .object({
    scope: HealthScopeRef,
    period: HealthPeriod,
    asOf: IsoDate,
    rule: HealthRule,
    projects: z.int().describe('Projects counted: those that reported, and those that had to'),
    overall: HealthCell,
    dimensions: byDimension(HealthCell),
    children: z
      .array(HealthChild)
      .describe(
        'Sub-offices, sub-portfolios, programs and projects, worst first: the first `children` of them',
      ),
    childrenTotal: z.int().describe('How many children there are'),
    trend: z.array(HealthTrendPoint).describe('Oldest first; the last is the roll-up period'),
  })
  .meta({ id: 'HealthRollup' });
export type HealthRollupT = z.infer<typeof HealthRollup>;
export type HealthChildT = z.infer<typeof HealthChild>;
export type HealthCellT = z.infer<typeof HealthCell>;

// ---------- the executive dashboard ----------
const ProjectRef = {
  projectId: Id,
  code: z.string(),
  name: z.string(),
};

export const HealthReasonLine = z.object({
  dimension: z.enum([...ragDimensions, 'overall']),
  rag: RagRating,
  text: z.string().describe("The rules' reason, or the manager's justification"),
  justified: z.boolean().describe("True when the text is the manager's justification of an override"),
});

export const AttentionEntry = z
  .object({
    ...ProjectRef,
    overall: RagRating,
    redDimensions: z.array(z.enum(ragDimensions)),
    reasons: z.array(HealthReasonLine).describe('Why, worst first (from the latest report)'),
    reportId: Id.nullable(),
    history: z.array(RagRating).describe('Overall colour per period of the trend, oldest first'),
    trend: TrendDirection,
  })
  .meta({ id: 'AttentionEntry' });

export const MoverEntry = z
  .object({
    ...ProjectRef,
    from: RagRating,
    to: RagRating,
    fromPeriod: z.string().describe('The period of the previous report'),
    worsened: z.array(z.object({ dimension: z.enum(ragDimensions), from: RagRating, to: RagRating })),
    history: z.array(RagRating),
  })
  .meta({ id: 'MoverEntry' });

export const EscalationEntry = z
  .object({
    itemId: Id,
    code: z.string(),
    kind: z.string().describe('risk or issue'),
    title: z.string(),
    severity: z.string().nullable(),
    score: z.int().nullable(),
    projectId: Id.nullable(),
    projectCode: z.string().nullable(),
    projectName: z.string().nullable(),
    register: z.string().describe('The register it sits in: the project, program, portfolio or office'),
    fromOffice: z.string().nullable(),
    toOfficeId: Id,
    toOffice: z.string(),
    level: z.int(),
    since: IsoDate,
    reason: z.string(),
    dueOn: IsoDate.nullable(),
    owner: z.string().describe("The item's owner ('' when none)"),
  })
  .meta({ id: 'EscalationEntry' });

export const DecisionEntry = z
  .object({
    kind: z.enum(['decision', 'gate', 'change', 'stop']),
    id: Id,
    code: z.string().nullable(),
    title: z.string(),
    projectId: Id.nullable(),
    projectCode: z.string().nullable(),
    projectName: z.string().nullable(),
    since: IsoDate,
    dueOn: IsoDate.nullable(),
    detail: z.string(),
  })
  .meta({ id: 'DecisionEntry' });

export const LateReportEntry = z.object({
  ...ProjectRef,
  manager: z.string().nullable(),
  due: IsoDate,
  state: z.enum(['filed-late', 'overdue', 'missing']),
  daysLate: z.int().nullable(),
});

const listed = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.int().describe('All of them; items holds the first') });

export const HealthDashboard = z
  .object({
    scope: HealthScopeRef,
    period: HealthPeriod,
    asOf: IsoDate,
    rule: HealthRule,
    headline: z.object({
      projects: z.int(),
      overall: HealthCell,
      redProjects: z.int(),
      redDimensions: z.int().describe('Projects with at least one red dimension'),
      worsening: z.int().describe('Projects worse than their previous report'),
      escalations: z.int(),
      decisions: z.int(),
      lateReports: z.int(),
      missingReports: z.int(),
    }),
    trend: z.array(HealthTrendPoint),
    attention: listed(AttentionEntry).describe('Red overall, or with a red dimension: worst first'),
    worstMovers: listed(MoverEntry),
    escalations: listed(EscalationEntry).describe(
      'Open escalated risks and issues in the scope or reaching your offices',
    ),
    decisions: listed(DecisionEntry).describe(
      'Proposed decisions, open gate reviews, change requests at a step you may approve, open stop recommendations',
    ),
    compliance: z.object({
      period: HealthPeriod,
      counts: z.object({
        onTime: z.int(),
        filedLate: z.int(),
        notDue: z.int(),
        overdue: z.int(),
        missing: z.int(),
      }),
      late: listed(LateReportEntry).describe('Filed late or overdue this period, and missing twice running'),
    }),
  })
  .meta({ id: 'HealthDashboard' });
export type HealthDashboardT = z.infer<typeof HealthDashboard>;

// ---------- exports ----------
export const HealthExportQuery = HealthScopeQuery.extend({
  period: HealthRollupQuery.shape.period,
});
export const HealthDeckQuery = z.object({
  scope: z.enum(['portfolio', 'program']),
  id: Id,
  period: HealthRollupQuery.shape.period,
});
