/*
 * Trends over reporting periods and the worst movers. Colours are scored green 1, amber 2, red 3.
 *
 * Trend: within the last N periods up to the current one (N = 4 by default), the latest rated
 * report is compared with the mean of the earlier ones in the window. A change of +0.5 or more
 * (worse) is `worsening`, −0.5 or less `improving`, anything between `stable`; fewer than two
 * rated reports in the window give `unknown`. So amber, amber, amber, red is worsening (+1), and
 * red, amber, amber, amber is stable (−0.33): amber has been the state for a while.
 *
 * Worst movers: projects whose report this period is worse than their previous report (the latest
 * one before this period). Ranked by the overall change, then the sum of the dimension changes,
 * then the current overall colour (red first), then project id.
 */
import { byId, fail, failWith, numberError, ok } from './internal';
import {
  RAG_DIMENSIONS,
  RAG_SCORE,
  type Rag,
  type RagDimension,
  type RagRating,
  ratingsError,
  type StatusRatings,
  type StatusResult,
} from './types';

export interface StatusHistoryEntry {
  projectId: string;
  /** The period's index (`periodOf(...).index`); one entry per project and period. */
  periodIndex: number;
  status: StatusRatings;
}

export type TrendDirection = 'improving' | 'stable' | 'worsening' | 'unknown';

export interface TrendOptions {
  /** How many periods the window spans, the current one included; 4 by default (at least 2). */
  periods?: number;
  /** The change that counts as a move; 0.5 by default. */
  threshold?: number;
  /** The overall rating (default) or one dimension. */
  on?: 'overall' | RagDimension;
}

export interface ProjectTrend {
  projectId: string;
  trend: TrendDirection;
  /** The latest rated colour in the window. */
  latest: RagRating;
  /** Latest score − mean of the earlier scores in the window; null when unknown. */
  change: number | null;
  /** The rated reports in the window, oldest first. */
  points: { periodIndex: number; rag: Rag }[];
}

export interface DimensionMove {
  dimension: RagDimension;
  from: Rag;
  to: Rag;
}

export interface WorstMover {
  projectId: string;
  fromPeriod: number;
  toPeriod: number;
  from: Rag;
  to: Rag;
  /** Score change of the overall (2 for green → red). */
  overallChange: number;
  /** Sum of the score changes of the dimensions rated in both reports. */
  dimensionChange: number;
  /** The dimensions that got worse, in dimension order. */
  worsened: DimensionMove[];
}

type History = Map<string, Map<number, StatusRatings>>;

function indexHistory(history: readonly StatusHistoryEntry[], currentPeriod: number): StatusResult<History> {
  if (!Number.isSafeInteger(currentPeriod)) {
    return fail('invalid_number', 'currentPeriod', `currentPeriod must be an integer, not ${currentPeriod}`);
  }
  const out: History = new Map();
  for (const [i, entry] of history.entries()) {
    const field = `history[${i}]`;
    if (!Number.isSafeInteger(entry.periodIndex)) {
      return fail('invalid_number', `${field}.periodIndex`, `${field}.periodIndex must be an integer`);
    }
    const bad = ratingsError(entry.status, `${field}.status`);
    if (bad) return failWith(bad);
    const periods = out.get(entry.projectId) ?? new Map<number, StatusRatings>();
    if (periods.has(entry.periodIndex)) {
      const message = `${entry.projectId} has two reports for period ${entry.periodIndex}`;
      return fail('duplicate_id', `${field}.periodIndex`, message);
    }
    periods.set(entry.periodIndex, entry.status);
    out.set(entry.projectId, periods);
  }
  return ok(out);
}

/** The trend of every project in the history, by project id. */
export function projectTrends(
  history: readonly StatusHistoryEntry[],
  currentPeriod: number,
  options: TrendOptions = {},
): StatusResult<ProjectTrend[]> {
  const span = options.periods ?? 4;
  const threshold = options.threshold ?? 0.5;
  const on = options.on ?? 'overall';
  if (!(Number.isInteger(span) && span >= 2)) {
    return fail('invalid_number', 'options.periods', `periods must be a whole number ≥ 2, not ${span}`);
  }
  const error = numberError(threshold, 'options.threshold', Number.MIN_VALUE, 2);
  if (error) return failWith(error);
  const indexed = indexHistory(history, currentPeriod);
  if (!indexed.ok) return indexed;
  const out: ProjectTrend[] = [];
  for (const [projectId, periods] of indexed.value) {
    const points: ProjectTrend['points'] = [];
    for (let p = currentPeriod - span + 1; p <= currentPeriod; p++) {
      const status = periods.get(p);
      const rag = status && (on === 'overall' ? status.overall : status.dimensions[on]);
      if (rag && rag !== 'unknown') points.push({ periodIndex: p, rag });
    }
    const last = points[points.length - 1];
    if (!last || points.length < 2) {
      out.push({ projectId, trend: 'unknown', latest: last?.rag ?? 'unknown', change: null, points });
      continue;
    }
    const earlier = points.slice(0, -1);
    const mean = earlier.reduce((sum, p) => sum + RAG_SCORE[p.rag], 0) / earlier.length;
    const change = RAG_SCORE[last.rag] - mean;
    const trend =
      change >= threshold - 1e-9 ? 'worsening' : change <= -threshold + 1e-9 ? 'improving' : 'stable';
    out.push({ projectId, trend, latest: last.rag, change, points });
  }
  return ok(out.sort((a, b) => byId(a.projectId, b.projectId)));
}

/**
 * The projects that got worse since their previous report, worst first. `lookback` limits how
 * many periods back the previous report may be (any by default); `limit` how many come back
 * (10 by default).
 */
export function worstMovers(
  history: readonly StatusHistoryEntry[],
  currentPeriod: number,
  options: { limit?: number; lookback?: number } = {},
): StatusResult<WorstMover[]> {
  const limit = options.limit ?? 10;
  const lookback = options.lookback ?? Infinity;
  const error =
    numberError(limit, 'options.limit', 0) ??
    (lookback === Infinity ? null : numberError(lookback, 'options.lookback', 1));
  if (error) return failWith(error);
  const indexed = indexHistory(history, currentPeriod);
  if (!indexed.ok) return indexed;
  const movers: WorstMover[] = [];
  for (const [projectId, periods] of indexed.value) {
    const now = periods.get(currentPeriod);
    const to = now?.overall ?? 'unknown';
    if (!now || to === 'unknown') continue;
    let fromPeriod: number | null = null;
    for (const [p, status] of periods) {
      const eligible = p < currentPeriod && currentPeriod - p <= lookback && status.overall !== 'unknown';
      if (eligible && (fromPeriod === null || p > fromPeriod)) fromPeriod = p;
    }
    if (fromPeriod === null) continue;
    const before = periods.get(fromPeriod)!;
    const from = before.overall as Rag;
    const move = compare(before, now);
    const overallChange = RAG_SCORE[to] - RAG_SCORE[from];
    if (overallChange > 0 || (overallChange === 0 && move.dimensionChange > 0)) {
      movers.push({ projectId, fromPeriod, toPeriod: currentPeriod, from, to, overallChange, ...move });
    }
  }
  movers.sort(
    (a, b) =>
      b.overallChange - a.overallChange ||
      b.dimensionChange - a.dimensionChange ||
      RAG_SCORE[b.to] - RAG_SCORE[a.to] ||
      byId(a.projectId, b.projectId),
  );
  return ok(movers.slice(0, limit));
}

/** How the dimensions rated in both reports moved. */
function compare(before: StatusRatings, now: StatusRatings) {
  let dimensionChange = 0;
  const worsened: DimensionMove[] = [];
  for (const dimension of RAG_DIMENSIONS) {
    const from = before.dimensions[dimension];
    const to = now.dimensions[dimension];
    if (!from || !to || from === 'unknown' || to === 'unknown') continue;
    const change = RAG_SCORE[to] - RAG_SCORE[from];
    dimensionChange += change;
    if (change > 0) worsened.push({ dimension, from, to });
  }
  return { dimensionChange, worsened };
}
