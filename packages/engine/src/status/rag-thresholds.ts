/*
 * The limits the RAG rules compare facts with, set per project type (the methodology's RAG
 * thresholds). docs/status-rules.md explains each one to a PMO; keep the two in step.
 *
 * A band has an amber and a red limit. Where lower is worse (SPI, CPI) a fact is amber below
 * `amber` and red below `red` (SPI 0.95 is green). Where higher is worse (counts, days,
 * percentages) a fact is amber at or above `amber` and red at or above `red` (one slipped
 * milestone is amber). A band set to null switches its rule off.
 */

import { fail, failWith, numberError, ok } from './internal';
import { combineRuleError, RAG_DIMENSIONS, type RagDimension, type StatusResult } from './types';

export interface RagBand {
  amber: number;
  red: number;
}

export interface ScheduleThresholds {
  /** Schedule performance index (EV / PV); lower is worse. */
  spi: RagBand | null;
  /** Open milestones forecast (or overdue) later than their baseline; higher is worse. */
  slippedMilestones: RagBand | null;
  /** Any slipped milestone flagged critical makes the schedule red. */
  criticalMilestoneRed: boolean;
  /** Days a milestone may slip before it counts as slipped. */
  milestoneToleranceDays: number;
  /** Forecast finish minus baseline finish, in calendar days; higher is worse. */
  finishVarianceDays: RagBand | null;
}

export interface CostThresholds {
  /** Cost performance index (EV / AC); lower is worse. */
  cpi: RagBand | null;
  /** Budget spent (% of budget) minus % complete, in percentage points; higher is worse. */
  burnAheadPoints: RagBand | null;
  /** (EAC − budget) / budget, in %; higher is worse. */
  eacOverBudgetPercent: RagBand | null;
}

export interface ScopeThresholds {
  /** Approved change requests count when approved in the last `windowDays` days up to the report date. */
  windowDays: number;
  /** Number of approved changes in the window; higher is worse. */
  approvedChanges: RagBand | null;
  /** Sum of their sizes (% of the baseline each changes); higher is worse. */
  approvedChangePercent: RagBand | null;
}

export interface RiskThresholds {
  /** An open risk scoring this or more (probability × impact, 1–25) is a high risk. */
  highRiskScore: number;
  highRisks: RagBand | null;
  /** Open issues past their due date. */
  overdueIssues: RagBand | null;
  /** Open issues escalated above the project. */
  escalatedIssues: RagBand | null;
  /** Open issues of severity critical. */
  criticalIssues: RagBand | null;
}

export interface QualityThresholds {
  /** Open defects of severity critical. */
  criticalDefects: RagBand | null;
  /** Checklist items failed or not met at the latest gate review. */
  failedGateItems: RagBand | null;
  /** Audit or health-check findings past their due date. */
  overdueFindings: RagBand | null;
}

export interface ResourceThresholds {
  /** Share of the project's people over-allocated in the look-ahead, in %. */
  overAllocationPercent: RagBand | null;
  /** Share of requested role demand not yet staffed, in %. */
  unfilledDemandPercent: RagBand | null;
}

/** How the dimensions make the overall suggestion; `weights` per dimension (1 when left out). */
export type OverallRule =
  | { method: 'worst' }
  | {
      method: 'weighted';
      weights?: Partial<Record<RagDimension, number>>;
      amberFrom?: number;
      redFrom?: number;
    };

export interface RagThresholds {
  schedule: ScheduleThresholds;
  cost: CostThresholds;
  scope: ScopeThresholds;
  risk: RiskThresholds;
  quality: QualityThresholds;
  resources: ResourceThresholds;
  overall: OverallRule;
}

/** What a project type stores: any part of the thresholds; the rest comes from the defaults. */
export type RagThresholdsInput = {
  [K in Exclude<keyof RagThresholds, 'overall'>]?: Partial<RagThresholds[K]>;
} & { overall?: OverallRule };

export const DEFAULT_RAG_THRESHOLDS: RagThresholds = {
  schedule: {
    spi: { amber: 0.95, red: 0.85 },
    slippedMilestones: { amber: 1, red: 2 },
    criticalMilestoneRed: true,
    milestoneToleranceDays: 0,
    finishVarianceDays: { amber: 10, red: 30 },
  },
  cost: {
    cpi: { amber: 0.95, red: 0.85 },
    burnAheadPoints: { amber: 10, red: 20 },
    eacOverBudgetPercent: { amber: 5, red: 10 },
  },
  scope: {
    windowDays: 90,
    approvedChanges: { amber: 3, red: 6 },
    approvedChangePercent: { amber: 5, red: 15 },
  },
  risk: {
    highRiskScore: 15,
    highRisks: { amber: 1, red: 3 },
    overdueIssues: { amber: 1, red: 3 },
    escalatedIssues: { amber: 1, red: 3 },
    criticalIssues: { amber: 1, red: 2 },
  },
  quality: {
    criticalDefects: { amber: 1, red: 3 },
    failedGateItems: { amber: 1, red: 3 },
    overdueFindings: { amber: 1, red: 3 },
  },
  resources: {
    overAllocationPercent: { amber: 10, red: 25 },
    unfilledDemandPercent: { amber: 10, red: 25 },
  },
  overall: { method: 'worst' },
};

/** The bands where lower is worse; every other band is higher-is-worse. */
const LOWER_IS_WORSE = new Set(['schedule.spi', 'cost.cpi']);

/**
 * A project type's thresholds: its stored part over the defaults, checked. Errors name the field
 * (`cost.cpi.red`).
 */
export function resolveRagThresholds(input: RagThresholdsInput = {}): StatusResult<RagThresholds> {
  const merged: RagThresholds = {
    schedule: { ...DEFAULT_RAG_THRESHOLDS.schedule, ...input.schedule },
    cost: { ...DEFAULT_RAG_THRESHOLDS.cost, ...input.cost },
    scope: { ...DEFAULT_RAG_THRESHOLDS.scope, ...input.scope },
    risk: { ...DEFAULT_RAG_THRESHOLDS.risk, ...input.risk },
    quality: { ...DEFAULT_RAG_THRESHOLDS.quality, ...input.quality },
    resources: { ...DEFAULT_RAG_THRESHOLDS.resources, ...input.resources },
    overall: input.overall ?? DEFAULT_RAG_THRESHOLDS.overall,
  };
  for (const dimension of RAG_DIMENSIONS) {
    const defaults = DEFAULT_RAG_THRESHOLDS[dimension] as unknown as Record<string, unknown>;
    for (const [name, value] of Object.entries(merged[dimension])) {
      const field = `${dimension}.${name}`;
      const kind = typeof defaults[name];
      if (!(name in defaults)) {
        return fail('invalid_threshold', field, `${field} is not a threshold of the ${dimension} dimension`);
      }
      const error =
        kind === 'number'
          ? numberError(value, field, 0, name === 'highRiskScore' ? 25 : Infinity)
          : kind === 'boolean'
            ? typeof value === 'boolean'
              ? null
              : { field, message: `${field} must be true or false, not ${String(value)}` }
            : bandError(value, field, LOWER_IS_WORSE.has(field));
      if (error) return fail('invalid_threshold', error.field, error.message);
    }
  }
  const rule = merged.overall;
  const error = combineRuleError(rule, 'overall');
  if (error) return failWith(error);
  if (rule.method === 'weighted') {
    for (const [dimension, weight] of Object.entries(rule.weights ?? {})) {
      const field = `overall.weights.${dimension}`;
      if (!(RAG_DIMENSIONS as readonly string[]).includes(dimension)) {
        return fail('invalid_rule', field, `${dimension} is not a RAG dimension`);
      }
      const weightError = numberError(weight, field, 0);
      if (weightError) return failWith(weightError);
    }
  }
  return ok(merged);
}

function bandError(value: unknown, field: string, lowerIsWorse: boolean) {
  if (value === null) return null;
  if (typeof value !== 'object') return { field, message: `${field} must be { amber, red } or null` };
  const band = value as RagBand;
  const error = numberError(band.amber, `${field}.amber`) ?? numberError(band.red, `${field}.red`);
  if (error) return error;
  if (lowerIsWorse ? band.red > band.amber : band.red < band.amber) {
    const order = lowerIsWorse ? 'at or below' : 'at or above';
    return {
      field: `${field}.red`,
      message: `${field}.red ${band.red} must be ${order} amber ${band.amber}`,
    };
  }
  return null;
}
