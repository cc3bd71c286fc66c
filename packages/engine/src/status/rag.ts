/*
 * RAG suggestion: the colour each dimension of a status report should have, from facts measured
 * as of the report date, and why. Every fact present is compared with its band (rag-thresholds.ts)
 * and gives one reason; a dimension takes the worst colour of its reasons, or `unknown` when none
 * of its facts was given. The overall suggestion combines the dimensions by the thresholds'
 * overall rule (worst-of by default). Open issues count under the risk dimension.
 */
import { fail, failWith, numberError, ok, parseDay } from './internal';
import type { CostFacts, RiskFacts, ScheduleFacts, ScopeFacts, StatusFacts } from './rag-facts';
import { type RagBand, type RagThresholds, resolveRagThresholds } from './rag-thresholds';
import { bandReason, type RagFact, type RagReason, reasonOrder } from './reasons';
import {
  combineRatings,
  ISSUE_SEVERITIES,
  RAG_DIMENSIONS,
  type RagDimension,
  type RagRating,
  type StatusResult,
} from './types';

export interface DimensionSuggestion {
  rag: RagRating;
  /** Worst first; one per fact rated. */
  reasons: RagReason[];
}

export interface RagSuggestion {
  asOf: string;
  dimensions: Record<RagDimension, DimensionSuggestion>;
  overall: {
    rag: RagRating;
    /** Worst score or weighted mean on the 1–3 scale; null when no dimension was rated. */
    score: number | null;
    /** The dimensions at the overall colour (what drives it), in dimension order. */
    drivers: RagDimension[];
  };
  /** The rule the overall used; `applyOverride` uses it again on the manager's ratings. */
  overallRule: RagThresholds['overall'];
}

type Rated = { reasons: RagReason[] } | StatusResult<never>;

/**
 * Suggests a RAG per dimension and overall. `thresholds` are a project type's, as
 * `resolveRagThresholds` gives them (checked there); the defaults when left out.
 */
export function suggestRag(facts: StatusFacts, thresholds?: RagThresholds): StatusResult<RagSuggestion> {
  const resolved = thresholds ? ok(thresholds) : resolveRagThresholds();
  if (!resolved.ok) return resolved;
  const t = resolved.value;
  const asOf = parseDay(facts.asOf, 'asOf');
  if (!asOf.ok) return asOf;
  const rules: Record<RagDimension, () => Rated> = {
    schedule: () => schedule(facts.schedule, t, asOf.value),
    cost: () => cost(facts.cost, t),
    scope: () => scope(facts.scope, t, asOf.value),
    risk: () => risk(facts.risk, t, asOf.value),
    quality: () => plain('quality', facts.quality, t.quality),
    resources: () => plain('resources', facts.resources, t.resources),
  };
  const dimensions = {} as Record<RagDimension, DimensionSuggestion>;
  for (const dimension of RAG_DIMENSIONS) {
    const rated = rules[dimension]();
    if ('ok' in rated) return rated;
    const reasons = rated.reasons.sort(reasonOrder);
    dimensions[dimension] = { rag: reasons[0]?.rag ?? 'unknown', reasons };
  }
  const rule = t.overall;
  const weights = rule.method === 'weighted' ? (rule.weights ?? {}) : {};
  const combined = combineRatings(
    RAG_DIMENSIONS.map((d) => ({ rag: dimensions[d].rag, weight: weights[d] ?? 1 })),
    rule,
  );
  const drivers = RAG_DIMENSIONS.filter(
    (d) => combined.rag !== 'unknown' && dimensions[d].rag === combined.rag,
  );
  return ok({ asOf: facts.asOf, dimensions, overall: { ...combined, drivers }, overallRule: rule });
}

/** A reason for a fact when it is given and its band is on. */
function rate(
  reasons: RagReason[],
  dimension: RagDimension,
  fact: RagFact,
  value: number | null | undefined,
  band: RagBand | null,
  ids?: string[],
  label?: string,
) {
  if (value === null || value === undefined || band === null) return;
  reasons.push(bandReason(dimension, fact, value, band, ids, label));
}

function checkNumbers(dimension: string, values: Record<string, unknown>, min = -Infinity, max = Infinity) {
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    const error = numberError(value, `${dimension}.${name}`, min, max);
    if (error) return failWith<never>(error);
  }
  return null;
}

function schedule(facts: ScheduleFacts | undefined, t: RagThresholds, asOf: number): Rated {
  if (!facts) return { reasons: [] };
  const bad = checkNumbers('schedule', { spi: facts.spi, finishVarianceDays: facts.finishVarianceDays });
  if (bad) return bad;
  const reasons: RagReason[] = [];
  const s = t.schedule;
  rate(reasons, 'schedule', 'spi', facts.spi, s.spi);
  if (facts.milestones) {
    const slipped: { id: string; label: string; days: number; critical: boolean }[] = [];
    for (const [i, m] of facts.milestones.entries()) {
      const field = `schedule.milestones[${i}]`;
      const baseline = parseDay(m.baseline, `${field}.baseline`);
      if (!baseline.ok) return baseline;
      const forecast = m.forecast ? parseDay(m.forecast, `${field}.forecast`) : baseline;
      if (!forecast.ok) return forecast;
      if (m.done) continue;
      // An open milestone cannot finish before today, whatever its forecast says.
      const days = Math.max(forecast.value, asOf) - baseline.value;
      if (days > s.milestoneToleranceDays) {
        slipped.push({ id: m.id, label: m.name ?? m.id, days, critical: m.critical === true });
      }
    }
    rate(
      reasons,
      'schedule',
      'slippedMilestones',
      slipped.length,
      s.slippedMilestones,
      slipped.map((m) => m.id),
    );
    const critical = slipped.filter((m) => m.critical);
    if (s.criticalMilestoneRed && critical.length > 0) {
      const list = critical.map((m) => `${m.label} +${m.days} days`).join(', ');
      reasons.push({
        dimension: 'schedule',
        fact: 'criticalMilestones',
        value: critical.length,
        rag: 'red',
        threshold: 1,
        direction: 'higher-is-worse',
        ids: critical.map((m) => m.id),
        message: `Critical milestone slipped: ${list} (red)`,
      });
    }
  }
  rate(reasons, 'schedule', 'finishVarianceDays', facts.finishVarianceDays, s.finishVarianceDays);
  return { reasons };
}

function cost(facts: CostFacts | undefined, t: RagThresholds): Rated {
  if (!facts) return { reasons: [] };
  const { cpi, budget, actualCost, eac, percentComplete } = facts;
  const bad =
    checkNumbers('cost', { cpi, budget, actualCost, eac }, 0) ??
    checkNumbers('cost', { percentComplete }, 0, 100);
  if (bad) return bad;
  const reasons: RagReason[] = [];
  rate(reasons, 'cost', 'cpi', cpi, t.cost.cpi);
  if (
    budget &&
    actualCost !== null &&
    actualCost !== undefined &&
    percentComplete !== null &&
    percentComplete !== undefined
  ) {
    const burn = (100 * actualCost) / budget;
    rate(reasons, 'cost', 'burnAheadPoints', burn - percentComplete, t.cost.burnAheadPoints);
  }
  if (budget && eac !== null && eac !== undefined) {
    rate(
      reasons,
      'cost',
      'eacOverBudgetPercent',
      (100 * (eac - budget)) / budget,
      t.cost.eacOverBudgetPercent,
    );
  }
  return { reasons };
}

function scope(facts: ScopeFacts | undefined, t: RagThresholds, asOf: number): Rated {
  if (!facts?.approvedChanges) return { reasons: [] };
  const inWindow: string[] = [];
  let size = 0;
  for (const [i, change] of facts.approvedChanges.entries()) {
    const field = `scope.approvedChanges[${i}]`;
    const approved = parseDay(change.approvedOn, `${field}.approvedOn`);
    if (!approved.ok) return approved;
    const error =
      change.sizePercent === undefined ? null : numberError(change.sizePercent, `${field}.sizePercent`);
    if (error) return failWith(error);
    if (approved.value > asOf || approved.value <= asOf - t.scope.windowDays) continue;
    inWindow.push(change.id);
    size += Math.abs(change.sizePercent ?? 0);
  }
  const reasons: RagReason[] = [];
  const window = `in the last ${t.scope.windowDays} days`;
  const { approvedChanges, approvedChangePercent } = t.scope;
  rate(
    reasons,
    'scope',
    'approvedChanges',
    inWindow.length,
    approvedChanges,
    inWindow,
    `Changes approved ${window}`,
  );
  const sized = `Size of changes approved ${window}`;
  rate(reasons, 'scope', 'approvedChangePercent', size, approvedChangePercent, inWindow, sized);
  return { reasons };
}

function risk(facts: RiskFacts | undefined, t: RagThresholds, asOf: number): Rated {
  if (!facts) return { reasons: [] };
  const reasons: RagReason[] = [];
  const r = t.risk;
  if (facts.risks) {
    const high: string[] = [];
    for (const [i, item] of facts.risks.entries()) {
      const error = numberError(item.score, `risk.risks[${i}].score`, 1, 25);
      if (error) return failWith(error);
      if (item.score >= r.highRiskScore) high.push(item.id);
    }
    const label = `Open risks scoring ${r.highRiskScore} or more`;
    rate(reasons, 'risk', 'highRisks', high.length, r.highRisks, high, label);
  }
  if (facts.issues) {
    const overdue: string[] = [];
    const escalated: string[] = [];
    const critical: string[] = [];
    for (const [i, issue] of facts.issues.entries()) {
      const field = `risk.issues[${i}]`;
      if (!ISSUE_SEVERITIES.includes(issue.severity)) {
        return fail(
          'invalid_rule',
          `${field}.severity`,
          `${field}.severity must be one of ${ISSUE_SEVERITIES.join(', ')}`,
        );
      }
      if (issue.due) {
        const due = parseDay(issue.due, `${field}.due`);
        if (!due.ok) return due;
        if (due.value < asOf) overdue.push(issue.id);
      }
      if (issue.escalated) escalated.push(issue.id);
      if (issue.severity === 'critical') critical.push(issue.id);
    }
    rate(reasons, 'risk', 'overdueIssues', overdue.length, r.overdueIssues, overdue);
    rate(reasons, 'risk', 'escalatedIssues', escalated.length, r.escalatedIssues, escalated);
    rate(reasons, 'risk', 'criticalIssues', critical.length, r.criticalIssues, critical);
  }
  return { reasons };
}

/** Dimensions whose facts are plain numbers named like their bands (quality, resources). */
function plain<F extends object>(
  dimension: 'quality' | 'resources',
  facts: F | undefined,
  bands: { [K in keyof F]: RagBand | null },
): Rated {
  if (!facts) return { reasons: [] };
  const values = facts as Record<string, unknown>;
  const reasons: RagReason[] = [];
  for (const [name, band] of Object.entries(bands) as [string, RagBand | null][]) {
    const value = values[name];
    if (value === null || value === undefined) continue;
    const error = numberError(value, `${dimension}.${name}`, 0);
    if (error) return failWith(error);
    rate(reasons, dimension, name as RagFact, value as number, band);
  }
  return { reasons };
}
