/*
 * The RAG thresholds a project type can set, as the editor shows them (docs/status-rules.md), and
 * what to store: only the values that differ from the defaults, so a default changed later still
 * reaches the types that never set it.
 */
import type { RagDimensionName, RagThresholdsT } from '@pharos/api';

export interface BandField {
  dimension: RagDimensionName;
  name: string;
  label: string;
  lowerIsWorse?: boolean;
}

export const bandFields: BandField[] = [
  { dimension: 'schedule', name: 'spi', label: 'SPI (earned ÷ planned value)', lowerIsWorse: true },
  { dimension: 'schedule', name: 'slippedMilestones', label: 'Slipped milestones' },
  { dimension: 'schedule', name: 'finishVarianceDays', label: 'Finish variance, days late' },
  { dimension: 'cost', name: 'cpi', label: 'CPI (earned value ÷ actual cost)', lowerIsWorse: true },
  { dimension: 'cost', name: 'burnAheadPoints', label: 'Budget burn ahead of % complete, points' },
  { dimension: 'cost', name: 'eacOverBudgetPercent', label: 'EAC over budget, %' },
  { dimension: 'scope', name: 'approvedChanges', label: 'Changes approved in the window' },
  { dimension: 'scope', name: 'approvedChangePercent', label: 'Size of those changes, % of baseline' },
  { dimension: 'risk', name: 'highRisks', label: 'Open high risks' },
  { dimension: 'risk', name: 'overdueIssues', label: 'Open issues past due' },
  { dimension: 'risk', name: 'escalatedIssues', label: 'Open issues escalated' },
  { dimension: 'risk', name: 'criticalIssues', label: 'Open critical issues' },
  { dimension: 'quality', name: 'criticalDefects', label: 'Open critical defects' },
  { dimension: 'quality', name: 'failedGateItems', label: 'Checklist items failed at the last gate' },
  { dimension: 'quality', name: 'overdueFindings', label: 'Audit findings past due' },
  { dimension: 'resources', name: 'overAllocationPercent', label: 'People over-allocated, %' },
  { dimension: 'resources', name: 'unfilledDemandPercent', label: 'Role demand not staffed, %' },
];

export const numberFields: { dimension: RagDimensionName; name: string; label: string; max?: number }[] = [
  {
    dimension: 'schedule',
    name: 'milestoneToleranceDays',
    label: 'Days a milestone may slip before it counts',
  },
  { dimension: 'scope', name: 'windowDays', label: 'Changes count for this many days' },
  { dimension: 'risk', name: 'highRiskScore', label: 'A risk is high from this score (1–25)', max: 25 },
];

export type Thresholds = RagThresholdsT;
type Loose = Record<string, Record<string, unknown>>;

/** A value of the thresholds by dimension and name. */
export const thresholdValue = (t: Thresholds, dimension: string, name: string) =>
  (t as unknown as Loose)[dimension]?.[name];

/** The thresholds with one value changed. */
export function withValue(t: Thresholds, dimension: string, name: string, value: unknown): Thresholds {
  const loose = t as unknown as Loose;
  return { ...t, [dimension]: { ...loose[dimension], [name]: value } } as Thresholds;
}

/** What a type stores: the values that differ from the defaults (the overall rule when not worst-of). */
export function storedPart(t: Thresholds, defaults: Thresholds): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const dimension of ['schedule', 'cost', 'scope', 'risk', 'quality', 'resources'] as const) {
    for (const [name, value] of Object.entries(t[dimension])) {
      const base = thresholdValue(defaults, dimension, name);
      if (JSON.stringify(value) === JSON.stringify(base)) continue;
      out[dimension] ??= {};
      out[dimension][name] = value;
    }
  }
  const stored: Record<string, unknown> = { ...out };
  if (JSON.stringify(t.overall) !== JSON.stringify(defaults.overall)) stored.overall = t.overall;
  return stored;
}
