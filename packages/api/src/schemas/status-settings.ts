import { z } from 'zod';
import { Id, IsoDate, Version } from '../common';

/*
 * Status reporting's words and settings (C7): the RAG colours and dimensions, an office's reporting cadence, deadline, reminders and roll-up
 * rule, and a project type's RAG thresholds (the engine's, docs/status-rules.md).
 */

export const ragDimensions = ['schedule', 'cost', 'scope', 'risk', 'quality', 'resources'] as const;
export type RagDimensionName = (typeof ragDimensions)[number];
export const ragDimensionLabels: Record<RagDimensionName, string> = {
  schedule: 'Schedule',
  cost: 'Cost',
  scope: 'Scope',
  risk: 'Risks & issues',
  quality: 'Quality',
  resources: 'Resources',
};

export const RagColour = z.enum(['green', 'amber', 'red']);
export const RagRating = z.enum(['green', 'amber', 'red', 'unknown']);
export type RagColourT = z.infer<typeof RagColour>;
export type RagRatingT = z.infer<typeof RagRating>;

// ---------- office reporting settings ----------
export const ReportingCadence = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('weekly') }),
    z.object({
      kind: z.literal('biweekly'),
      anchor: IsoDate.describe('The first day of one bi-weekly period; the others follow every 14 days'),
    }),
    z.object({ kind: z.literal('monthly') }),
  ])
  .describe('Weekly (ISO weeks), bi-weekly from an anchor date, or calendar months');

export const RollupRule = z
  .discriminatedUnion('method', [
    z.object({ method: z.literal('worst') }),
    z.object({
      method: z.literal('weighted'),
      by: z.enum(['budget', 'priority']),
      amberFrom: z.number().optional().describe('Amber from this weighted mean (1.5 by default)'),
      redFrom: z.number().optional().describe('Red from this weighted mean (2.5 by default)'),
    }),
  ])
  .describe('How project colours roll up: the worst, or a weighted mean');

const settingsFields = {
  cadence: ReportingCadence,
  dueDaysAfterPeriod: z
    .int()
    .min(-31)
    .max(60)
    .describe("Days after the period's last day the report is due (0: the last day; −2: Friday of a week)"),
  reminderDaysBefore: z
    .array(z.int().min(0).max(60))
    .max(5)
    .describe('Remind the project manager this many days before the due date (0: on the day)'),
  rollup: RollupRule,
};

export const OfficeStatusSettings = z
  .object({
    officeId: Id,
    ...settingsFields,
    source: z
      .enum(['office', 'inherited', 'default'])
      .describe("Set on this office, inherited from an office above it, or the organization's default"),
    sourceOfficeId: Id.nullable().describe('The office the values come from (null: the default)'),
    version: z.int().describe("The version of this office's own settings (1 while it has none)"),
    canUpdate: z.boolean(),
  })
  .meta({ id: 'OfficeStatusSettings' });
export const OfficeStatusSettingsUpdate = z.object({ ...settingsFields, version: Version });

// ---------- RAG thresholds per project type ----------
const Band = z
  .object({ amber: z.number(), red: z.number() })
  .nullable()
  .describe('Amber and red limits; null switches the rule off');
export const RagThresholds = z
  .object({
    schedule: z.object({
      spi: Band,
      slippedMilestones: Band,
      criticalMilestoneRed: z.boolean(),
      milestoneToleranceDays: z.number(),
      finishVarianceDays: Band,
    }),
    cost: z.object({ cpi: Band, burnAheadPoints: Band, eacOverBudgetPercent: Band }),
    scope: z.object({ windowDays: z.number(), approvedChanges: Band, approvedChangePercent: Band }),
    risk: z.object({
      highRiskScore: z.number(),
      highRisks: Band,
      overdueIssues: Band,
      escalatedIssues: Band,
      criticalIssues: Band,
    }),
    quality: z.object({ criticalDefects: Band, failedGateItems: Band, overdueFindings: Band }),
    resources: z.object({ overAllocationPercent: Band, unfilledDemandPercent: Band }),
    overall: z.object({
      method: z.enum(['worst', 'weighted']),
      weights: z.partialRecord(z.enum(ragDimensions), z.number()).optional(),
      amberFrom: z.number().optional(),
      redFrom: z.number().optional(),
    }),
  })
  .meta({ id: 'RagThresholds' });
type Thresholds = z.infer<typeof RagThresholds>;

/** What a project type stores: any part of the thresholds; the rest are the defaults. */
export const RagThresholdsInput = z
  .object({
    schedule: RagThresholds.shape.schedule.partial(),
    cost: RagThresholds.shape.cost.partial(),
    scope: RagThresholds.shape.scope.partial(),
    risk: RagThresholds.shape.risk.partial(),
    quality: RagThresholds.shape.quality.partial(),
    resources: RagThresholds.shape.resources.partial(),
    overall: RagThresholds.shape.overall,
  })
  .partial()
  .meta({ id: 'RagThresholdsPart' });

export const ProjectTypeRagThresholds = z
  .object({
    projectTypeId: Id,
    thresholds: RagThresholds.describe('In force: the stored values over the defaults'),
    stored: RagThresholdsInput.describe('What this project type sets itself'),
    defaults: RagThresholds,
    version: z.int().describe('1 while the type sets nothing'),
    canUpdate: z.boolean(),
  })
  .meta({ id: 'ProjectTypeRagThresholds' });
export const RagThresholdsUpdate = z.object({ thresholds: RagThresholdsInput, version: Version });
export type RagThresholdsT = Thresholds;
