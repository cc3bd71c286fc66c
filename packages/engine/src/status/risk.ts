/*
 * Risk scoring and the 5×5 heat map. A risk is rated for probability (1–5) and for its impact on
 * cost, schedule, scope and quality (1–5 each, any may be left out). Its impact is the largest of
 * those (`max`, the default: a risk is as bad as its worst consequence), or their weighted mean
 * rounded half up to a whole level (`weighted`, weights per area; areas left unrated or weighing 0
 * do not count). Score = probability × impact, 1–25. The residual score is the same computed on
 * the ratings expected after mitigation; without them it equals the score.
 */
import { byId, fail, failWith, ok } from './internal';
import type { StatusError, StatusResult } from './types';

export const IMPACT_AREAS = ['cost', 'schedule', 'scope', 'quality'] as const;
export type ImpactArea = (typeof IMPACT_AREAS)[number];

export type ImpactRule =
  | { method: 'max' }
  | { method: 'weighted'; weights: Partial<Record<ImpactArea, number>> };

export interface RiskRatings {
  probability: number;
  impact: Partial<Record<ImpactArea, number>>;
}

export interface RiskInput extends RiskRatings {
  id: string;
  /** The ratings expected once the mitigation actions are done. */
  residual?: RiskRatings | null;
}

export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

/** The lowest score of each level above low: 1–4 low, 5–9 medium, 10–14 high, 15–25 critical. */
export const DEFAULT_RISK_LEVELS: Readonly<Record<Exclude<RiskLevel, 'low'>, number>> = {
  medium: 5,
  high: 10,
  critical: 15,
};

export interface RiskScore {
  probability: number;
  impact: number;
  score: number;
  level: RiskLevel;
}

export interface ScoredRisk extends RiskScore {
  id: string;
  residual: RiskScore;
  /** score − residual score. */
  reduction: number;
}

const isLevel = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 5;

const levelError = (value: unknown, field: string): StatusError => ({
  code: 'invalid_level',
  field,
  message: `${field} must be a whole number from 1 to 5, not ${String(value)}`,
});

export function riskLevel(score: number, levels = DEFAULT_RISK_LEVELS): RiskLevel {
  if (score >= levels.critical) return 'critical';
  if (score >= levels.high) return 'high';
  if (score >= levels.medium) return 'medium';
  return 'low';
}

/** One impact level from the impacts per area. */
export function riskImpact(
  impact: Partial<Record<ImpactArea, number>>,
  rule: ImpactRule = { method: 'max' },
  field = 'impact',
): StatusResult<number> {
  let max = 0;
  let weighted = 0;
  let weights = 0;
  for (const area of IMPACT_AREAS) {
    const value = impact[area];
    if (value === undefined || value === null) continue;
    if (!isLevel(value)) return failWith(levelError(value, `${field}.${area}`));
    max = Math.max(max, value);
    if (rule.method === 'weighted') {
      const w = rule.weights[area] ?? 0;
      if (!(Number.isFinite(w) && w >= 0)) {
        return fail('invalid_rule', `rule.weights.${area}`, `rule.weights.${area} must be a number ≥ 0`);
      }
      weighted += w * value;
      weights += w;
    }
  }
  if (max === 0)
    return fail(
      'invalid_level',
      field,
      `${field}: rate the impact on at least one of ${IMPACT_AREAS.join(', ')}`,
    );
  if (rule.method === 'max') return ok(max);
  if (weights === 0) return fail('invalid_rule', 'rule.weights', 'no rated impact area has a weight above 0');
  // Half up, with slack for sums like 2.4999999999.
  return ok(Math.min(5, Math.max(1, Math.floor(weighted / weights + 0.5 + 1e-9))));
}

function scoreOf(ratings: RiskRatings, rule: ImpactRule, field: string): StatusResult<RiskScore> {
  if (!isLevel(ratings.probability)) return failWith(levelError(ratings.probability, `${field}probability`));
  const impact = riskImpact(ratings.impact ?? {}, rule, `${field}impact`);
  if (!impact.ok) return impact;
  const score = ratings.probability * impact.value;
  return ok({ probability: ratings.probability, impact: impact.value, score, level: riskLevel(score) });
}

/** A risk's score and residual score. */
export function scoreRisk(risk: RiskInput, rule: ImpactRule = { method: 'max' }): StatusResult<ScoredRisk> {
  const current = scoreOf(risk, rule, '');
  if (!current.ok) return current;
  const residual = risk.residual ? scoreOf(risk.residual, rule, 'residual.') : current;
  if (!residual.ok) return residual;
  return ok({
    id: risk.id,
    ...current.value,
    residual: residual.value,
    reduction: current.value.score - residual.value.score,
  });
}

export interface HeatMapCell {
  probability: number;
  impact: number;
  score: number;
  count: number;
  /** The risks in the cell, sorted. */
  ids: string[];
}

export interface HeatMap {
  /** 25 cells, drawn top row first: probability 5 down to 1, impact 1 to 5 within a row. */
  cells: HeatMapCell[];
  /** Risks placed (the counts sum to this). */
  total: number;
  /** Risks with a probability or impact outside 1–5, left out, sorted. */
  skipped: string[];
}

/** Counts risks per probability × impact cell (pass residual ratings for a residual map). */
export function heatMap(risks: readonly { id: string; probability: number; impact: number }[]): HeatMap {
  const grid: string[][] = Array.from({ length: 25 }, () => []);
  const skipped: string[] = [];
  for (const risk of risks) {
    if (isLevel(risk.probability) && isLevel(risk.impact)) {
      grid[(risk.probability - 1) * 5 + risk.impact - 1]!.push(risk.id);
    } else skipped.push(risk.id);
  }
  const cells: HeatMapCell[] = [];
  for (let probability = 5; probability >= 1; probability--) {
    for (let impact = 1; impact <= 5; impact++) {
      const ids = grid[(probability - 1) * 5 + impact - 1]!.sort(byId);
      cells.push({ probability, impact, score: probability * impact, count: ids.length, ids });
    }
  }
  return { cells, total: risks.length - skipped.length, skipped: skipped.sort(byId) };
}
