/*
 * The shared words of status reporting: the RAG colours, the six dimensions a status report
 * rates, how several colours combine into one (worst-of, or a weighted average on the scale
 * green = 1, amber = 2, red = 3), and failures as values.
 */

export const RAG_COLOURS = ['green', 'amber', 'red'] as const;
/** A colour on the RAG scale. */
export type Rag = (typeof RAG_COLOURS)[number];
/** A colour, or `unknown` when there are no facts (or no report) to rate on. */
export type RagRating = Rag | 'unknown';

export const RAG_DIMENSIONS = ['schedule', 'cost', 'scope', 'risk', 'quality', 'resources'] as const;
export type RagDimension = (typeof RAG_DIMENSIONS)[number];

/** The numeric scale used by weighted averages and trends: higher is worse. */
export const RAG_SCORE: Readonly<Record<Rag, number>> = { green: 1, amber: 2, red: 3 };

export const ISSUE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type IssueSeverity = (typeof ISSUE_SEVERITIES)[number];

/** The ratings of one status report: overall and per dimension (a dimension left out is unknown). */
export interface StatusRatings {
  overall: RagRating;
  dimensions: Partial<Record<RagDimension, RagRating>>;
}

/** A failure as data: a stable code, a human message and the offending field. */
export interface StatusError {
  code: StatusErrorCode;
  message: string;
  field: string;
}

export type StatusErrorCode =
  | 'invalid_date'
  | 'invalid_number'
  | 'invalid_threshold'
  | 'invalid_rule'
  | 'invalid_rag'
  | 'justification_required'
  | 'duplicate_id'
  | 'invalid_level'
  | 'period_mismatch'
  | 'office_not_in_chain'
  | 'empty_chain';

export type StatusResult<T> = { ok: true; value: T } | { ok: false; error: StatusError };

/**
 * How several colours become one. `worst`: the worst colour present. `weighted`: the weighted mean
 * of the scores (green 1, amber 2, red 3) is red from `redFrom` (2.5 by default), amber from
 * `amberFrom` (1.5 by default), green below. With the defaults this is rounding to the nearest
 * colour, so equal weights land between the best and the worst colour present. The limits must
 * satisfy 1 < amberFrom ≤ 2 < redFrom ≤ 3 (all green stays green, all amber amber, all red red).
 */
export type CombineRule = { method: 'worst' } | { method: 'weighted'; amberFrom?: number; redFrom?: number };

export const DEFAULT_AMBER_FROM = 1.5;
export const DEFAULT_RED_FROM = 2.5;

/** One colour to combine, with its weight (1 when left out; ignored by `worst`). */
export interface WeightedRating {
  rag: RagRating;
  weight?: number;
}

export interface CombinedRating {
  rag: RagRating;
  /** The worst score (worst-of) or the weighted mean (weighted), 1–3; null when nothing was rated. */
  score: number | null;
}

export const isRag = (value: unknown): value is Rag =>
  value === 'green' || value === 'amber' || value === 'red';

export const isRagRating = (value: unknown): value is RagRating => value === 'unknown' || isRag(value);

/** The colour of a score on the 1–3 scale under a combine rule's limits. */
export function ragOfScore(score: number, amberFrom = DEFAULT_AMBER_FROM, redFrom = DEFAULT_RED_FROM): Rag {
  // A little slack so that a mean like 2.4999999999 added up in another order still reads 2.5.
  if (score >= redFrom - 1e-9) return 'red';
  if (score >= amberFrom - 1e-9) return 'amber';
  return 'green';
}

/** Why a combine rule cannot be used, or null. */
export function combineRuleError(rule: CombineRule, field: string): StatusError | null {
  if (rule.method === 'worst') return null;
  if (rule.method !== 'weighted') {
    const method = String((rule as { method: unknown }).method);
    return {
      code: 'invalid_rule',
      field: `${field}.method`,
      message: `method must be 'worst' or 'weighted', not ${method}`,
    };
  }
  const amber = rule.amberFrom ?? DEFAULT_AMBER_FROM;
  const red = rule.redFrom ?? DEFAULT_RED_FROM;
  if (!(Number.isFinite(amber) && Number.isFinite(red) && amber > 1 && amber <= 2 && red > 2 && red <= 3)) {
    return {
      code: 'invalid_rule',
      field: `${field}.amberFrom`,
      message: `the weighted limits must satisfy 1 < amberFrom ≤ 2 < redFrom ≤ 3, not amberFrom ${amber} and redFrom ${red}`,
    };
  }
  return null;
}

/**
 * Combines colours by a rule; `unknown` ones are left out (all unknown gives unknown). Weighted:
 * Σ weight × score / Σ weight over the rated items; when every rated item weighs 0 they count
 * equally. The sum is taken in the order given: sort first when the order may vary.
 */
export function combineRatings(items: readonly WeightedRating[], rule: CombineRule): CombinedRating {
  let worst = 0;
  let weighted = 0;
  let weights = 0;
  let plain = 0;
  let rated = 0;
  for (const item of items) {
    if (item.rag === 'unknown') continue;
    const score = RAG_SCORE[item.rag];
    const weight = item.weight ?? 1;
    rated++;
    plain += score;
    weighted += weight * score;
    weights += weight;
    if (score > worst) worst = score;
  }
  if (rated === 0) return { rag: 'unknown', score: null };
  if (rule.method === 'worst') return { rag: ragOfScore(worst), score: worst };
  const score = weights > 0 ? weighted / weights : plain / rated;
  return { rag: ragOfScore(score, rule.amberFrom, rule.redFrom), score };
}

/** The worse of two ratings; a colour is worse than unknown. */
export function worseOf(a: RagRating, b: RagRating): RagRating {
  if (a === 'unknown') return b;
  if (b === 'unknown') return a;
  return RAG_SCORE[a] >= RAG_SCORE[b] ? a : b;
}

/** Why a report's ratings are not usable (a rating that is no colour nor unknown), or null. */
export function ratingsError(status: StatusRatings, field: string): StatusError | null {
  if (!isRagRating(status.overall)) {
    return {
      code: 'invalid_rag',
      field: `${field}.overall`,
      message: `${field}.overall is not a RAG rating`,
    };
  }
  for (const [dimension, rag] of Object.entries(status.dimensions ?? {})) {
    if ((RAG_DIMENSIONS as readonly string[]).includes(dimension) && (rag === undefined || isRagRating(rag)))
      continue;
    const at = `${field}.dimensions.${dimension}`;
    return { code: 'invalid_rag', field: at, message: `${at} is not a RAG rating of a dimension` };
  }
  return null;
}
