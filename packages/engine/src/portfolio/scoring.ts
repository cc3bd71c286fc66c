/*
 * Weighted scoring of proposals against a scoring framework: each criterion has a weight, a scale
 * with descriptors, and a direction; scorers score proposals on each criterion; a proposal's total
 * is out of 100.
 *
 * total = 100 × Σ_c w_c × u_c, where w_c is the criterion's weight divided by the sum of all weights
 * and u_c is its combined score mapped to 0–1 on its scale: (value − min) / (max − min) for a
 * benefit criterion, 1 − that for a negative one (risk, cost, effort: a high raw score is bad). So a
 * negative criterion scored at its scale's worst adds nothing and at its best adds its full weight,
 * and totals stay within 0–100 whatever the mix. (Subtracting negative criteria instead would give
 * totals below zero and make the weights mean different things by direction.) This is the classic
 * weighted scoring model — e.g. Schwalbe, *Information Technology Project Management*, whose
 * table scores every criterion so that higher is better (a low up-front cost scores high): there,
 * all criteria are benefit criteria, and entering the cost criteria as negative with raw scores
 * (100 − s) gives the same totals.
 */

/** One step of a criterion's scale, with what it means ("4 — supports two strategic goals"). */
export interface ScaleLevel {
  value: number;
  label: string;
  description?: string;
}

/** Whether a high raw score is good (`benefit`) or bad (`negative`: risks, costs, effort). */
export type CriterionDirection = 'benefit' | 'negative';

export interface ScoringCriterion {
  id: string;
  name: string;
  /** Relative weight ≥ 0, set directly or from AHP (`ahpPriorities(...).weights`); normalized over the framework. */
  weight: number;
  /** The range scores are given in, and the descriptors of its levels (values between levels are allowed). */
  scale: { min: number; max: number; levels?: readonly ScaleLevel[] };
  direction: CriterionDirection;
  /** The strategic objective this criterion measures alignment with, if it is an alignment criterion. */
  objectiveId?: string;
  /** Spread in scale points above which scorers disagree on this criterion (the framework's otherwise). */
  disagreementThreshold?: number;
}

export interface ScoringFramework {
  criteria: readonly ScoringCriterion[];
  /** How several scorers' scores on one criterion become one value. */
  combine: 'mean' | 'median';
  /** Spread (highest − lowest score, in scale points) above which scorers disagree; 2 by default. */
  disagreementThreshold?: number;
}

/** One scorer's score of one proposal on one criterion, on the criterion's scale. */
export interface Score {
  proposalId: string;
  criterionId: string;
  scorerId: string;
  value: number;
}

/** How a proposal did on one criterion. */
export interface CriterionScore {
  criterionId: string;
  /** The criterion's share of the total (normalized weight, 0–1); it adds at most 100 × weight points. */
  weight: number;
  /** How many scores it has. */
  count: number;
  /** The scores combined (mean or median), on the criterion's scale; null when nobody scored it. */
  value: number | null;
  /** `value` mapped to 0–1, 1 being best whatever the direction. */
  normalized: number | null;
  /** Points out of 100 it adds to the total: 100 × weight × normalized. */
  contribution: number | null;
  /** Highest − lowest score, in scale points (0 for one score or none). */
  range: number;
  /** Standard deviation of the scores (of the scorers as a whole population), in scale points. */
  sd: number;
  /** Whether `range` exceeds the disagreement threshold. */
  disagreement: boolean;
}

/** A proposal's weighted score, with its breakdown. */
export interface ProposalScore {
  proposalId: string;
  /** Every criterion has at least one score. */
  scored: boolean;
  /** The criteria nobody has scored yet, in framework order. */
  missing: string[];
  /** 0–100 when scored, otherwise null. */
  total: number | null;
  /** One entry per criterion, in framework order. */
  criteria: CriterionScore[];
  /** Per strategic objective: the weighted mean of `normalized` over its scored criteria (0–1). */
  alignment: Record<string, number>;
  disagreement: {
    /** The criteria the scorers disagree on. */
    criteria: string[];
    /** Σ weight × range / scale span, × 100: the points of the total the scorers' ranges span. */
    spread: number;
    /** Σ weight × sd / scale span, × 100. */
    sd: number;
  };
}

/** A proposal's place in the ranked list: 1 is first; null when it is not yet fully scored. */
export interface RankedProposal extends ProposalScore {
  rank: number | null;
}

/** A total rounded to 9 decimals, so that the same sum added up in another order ranks the same. */
function rankKey(total: number): number {
  return Math.round(total * 1e9) / 1e9;
}

/** Throws an error naming the field when the framework is not usable. */
export function validateFramework(framework: ScoringFramework): void {
  if (framework.combine !== 'mean' && framework.combine !== 'median') {
    throw new RangeError(`combine must be 'mean' or 'median', not ${String(framework.combine)}`);
  }
  checkThreshold('disagreementThreshold', framework.disagreementThreshold);
  if (framework.criteria.length === 0)
    throw new RangeError('criteria: a framework needs at least one criterion');
  const ids = new Set<string>();
  let weights = 0;
  framework.criteria.forEach((c, i) => {
    const field = `criteria[${i}]`;
    if (!c.id) throw new RangeError(`${field}.id must not be empty`);
    if (ids.has(c.id)) throw new RangeError(`${field}.id ${c.id} is used by another criterion`);
    ids.add(c.id);
    if (!Number.isFinite(c.weight) || c.weight < 0) {
      throw new RangeError(`${field}.weight must be a number ≥ 0, not ${c.weight}`);
    }
    weights += c.weight;
    const { min, max, levels } = c.scale;
    if (!Number.isFinite(min) || !Number.isFinite(max) || min >= max) {
      throw new RangeError(`${field}.scale: min must be below max, not ${min} to ${max}`);
    }
    const seen = new Set<number>();
    levels?.forEach((level, k) => {
      if (!(level.value >= min && level.value <= max) || seen.has(level.value)) {
        throw new RangeError(
          `${field}.scale.levels[${k}].value ${level.value} must be a distinct value in ${min}..${max}`,
        );
      }
      seen.add(level.value);
    });
    if (c.direction !== 'benefit' && c.direction !== 'negative') {
      throw new RangeError(`${field}.direction must be 'benefit' or 'negative', not ${String(c.direction)}`);
    }
    checkThreshold(`${field}.disagreementThreshold`, c.disagreementThreshold);
  });
  if (weights <= 0) throw new RangeError('criteria: the weights must not all be 0');
}

function checkThreshold(field: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
    throw new RangeError(`${field} must be a number ≥ 0, not ${value}`);
  }
}

/** Scores grouped by proposal and criterion, after checking each one against the framework. */
function groupScores(
  framework: ScoringFramework,
  proposalIds: ReadonlySet<string>,
  scores: readonly Score[],
) {
  const criteria = new Map(framework.criteria.map((c) => [c.id, c]));
  const byProposal = new Map<string, Map<string, number[]>>();
  const given = new Set<string>();
  scores.forEach((s, k) => {
    const field = `scores[${k}]`;
    if (!proposalIds.has(s.proposalId))
      throw new RangeError(`${field}.proposalId ${s.proposalId} is not being scored`);
    const criterion = criteria.get(s.criterionId);
    if (!criterion)
      throw new RangeError(`${field}.criterionId ${s.criterionId} is not a criterion of the framework`);
    const { min, max } = criterion.scale;
    if (!(Number.isFinite(s.value) && s.value >= min && s.value <= max)) {
      throw new RangeError(`${field}.value ${s.value} is outside ${criterion.name}'s scale ${min}..${max}`);
    }
    const key = JSON.stringify([s.proposalId, s.criterionId, s.scorerId]);
    if (given.has(key)) {
      throw new RangeError(`${field}: ${s.scorerId} already scored ${s.proposalId} on ${criterion.name}`);
    }
    given.add(key);
    const perCriterion = byProposal.get(s.proposalId) ?? new Map<string, number[]>();
    byProposal.set(s.proposalId, perCriterion);
    perCriterion.set(s.criterionId, [...(perCriterion.get(s.criterionId) ?? []), s.value]);
  });
  return byProposal;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One criterion's scores, combined and measured; `weight` is its normalized weight. */
function criterionScore(
  framework: ScoringFramework,
  c: ScoringCriterion,
  weight: number,
  given: readonly number[],
): CriterionScore {
  const count = given.length;
  if (count === 0) {
    const none = { value: null, normalized: null, contribution: null, range: 0, sd: 0, disagreement: false };
    return { criterionId: c.id, weight, count, ...none };
  }
  const value = framework.combine === 'mean' ? mean(given) : median(given);
  const position = (value - c.scale.min) / (c.scale.max - c.scale.min);
  const normalized = c.direction === 'benefit' ? position : 1 - position;
  const range = Math.max(...given) - Math.min(...given);
  const average = mean(given);
  const sd = Math.sqrt(mean(given.map((v) => (v - average) ** 2)));
  const disagreement = range > (c.disagreementThreshold ?? framework.disagreementThreshold ?? 2);
  return {
    criterionId: c.id,
    weight,
    count,
    value,
    normalized,
    contribution: 100 * weight * normalized,
    range,
    sd,
    disagreement,
  };
}

function score(
  framework: ScoringFramework,
  proposalId: string,
  values: Map<string, number[]>,
): ProposalScore {
  const totalWeight = framework.criteria.reduce((a, c) => a + c.weight, 0);
  const criteria = framework.criteria.map((c) =>
    criterionScore(framework, c, c.weight / totalWeight, values.get(c.id) ?? []),
  );
  const objectives = new Map<string, { weighted: number; weight: number }>();
  let spread = 0;
  let sd = 0;
  framework.criteria.forEach((c, i) => {
    const r = criteria[i]!;
    const span = c.scale.max - c.scale.min;
    spread += (100 * r.weight * r.range) / span;
    sd += (100 * r.weight * r.sd) / span;
    if (c.objectiveId === undefined || r.normalized === null) return;
    const o = objectives.get(c.objectiveId) ?? { weighted: 0, weight: 0 };
    objectives.set(c.objectiveId, {
      weighted: o.weighted + r.weight * r.normalized,
      weight: o.weight + r.weight,
    });
  });
  const alignment: Record<string, number> = {};
  for (const [id, o] of objectives) if (o.weight > 0) alignment[id] = o.weighted / o.weight;
  const missing = criteria.filter((c) => c.count === 0).map((c) => c.criterionId);
  const scored = missing.length === 0;
  return {
    proposalId,
    scored,
    missing,
    total: scored ? criteria.reduce((a, c) => a + c.contribution!, 0) : null,
    criteria,
    alignment,
    disagreement: { criteria: criteria.filter((c) => c.disagreement).map((c) => c.criterionId), spread, sd },
  };
}

/** One proposal's weighted score from its scores (scores of other proposals are not allowed). */
export function scoreProposal(
  framework: ScoringFramework,
  proposalId: string,
  scores: readonly Score[],
): ProposalScore {
  validateFramework(framework);
  const grouped = groupScores(framework, new Set([proposalId]), scores);
  return score(framework, proposalId, grouped.get(proposalId) ?? new Map());
}

/**
 * The proposals in order: fully scored ones by total, highest first, equal totals (to 9 decimals) by
 * proposal id; then those still missing scores, by id, without a rank. Ranks are 1, 2, 3, … with
 * no shared places, so the order is the same on every run.
 */
export function rankProposals(
  framework: ScoringFramework,
  proposalIds: readonly string[],
  scores: readonly Score[],
): RankedProposal[] {
  validateFramework(framework);
  const ids = new Set(proposalIds);
  if (ids.size !== proposalIds.length) throw new RangeError('proposalIds: a proposal is listed twice');
  const grouped = groupScores(framework, ids, scores);
  const byId = (a: ProposalScore, b: ProposalScore) =>
    a.proposalId < b.proposalId ? -1 : a.proposalId > b.proposalId ? 1 : 0;
  const results = proposalIds.map((id) => score(framework, id, grouped.get(id) ?? new Map()));
  const scored = results
    .filter((r) => r.scored)
    .sort((a, b) => rankKey(b.total!) - rankKey(a.total!) || byId(a, b));
  const unscored = results.filter((r) => !r.scored).sort(byId);
  return [...scored.map((r, i) => ({ ...r, rank: i + 1 })), ...unscored.map((r) => ({ ...r, rank: null }))];
}
