/*
 * A report's colours, kept as plain data: per dimension what the rules suggest (with reasons) and
 * what the manager reports, and the overall, suggested again from the dimensions as reported. A
 * colour that departs from a known suggestion is the manager's own (an override): a new suggestion
 * keeps it, and submitting needs its justification (the engine's applyOverride decides).
 */
import {
  applyOverride,
  combineRatings,
  RAG_DIMENSIONS,
  type RagDimension,
  type RagOverride,
  type RagRating,
  type RagReason,
  type RagSuggestion,
  type RagThresholds,
} from '@pharos/engine';
import type { RagText, ReportDimensionData } from '../db/schema/index';

export type Dimensions = Record<RagDimension, ReportDimensionData>;

export interface Overall {
  suggested: RagText;
  rag: RagText;
  justification: string;
}

export interface RatingChange {
  rag: 'green' | 'amber' | 'red' | null;
  justification?: string | undefined;
}

/** The manager's own colour: it departs from the suggestion (or rates what the rules could not). */
export const isOwnColour = (d: { rag: RagText; suggested: RagText }) =>
  d.rag !== 'unknown' && d.rag !== d.suggested;

/** A new suggestion over the dimensions as they were: the manager's own colours and words are kept. */
export function suggestedDimensions(suggestion: RagSuggestion, previous?: Dimensions): Dimensions {
  const out = {} as Dimensions;
  for (const d of RAG_DIMENSIONS) {
    const s = suggestion.dimensions[d];
    const before = previous?.[d];
    out[d] = {
      suggested: s.rag,
      reasons: s.reasons,
      rag: before && isOwnColour(before) ? before.rag : s.rag,
      justification: before?.justification ?? '',
    };
  }
  return out;
}

/** Applies the manager's changes: a colour (null takes the suggestion again) and its justification. */
export function changedDimensions(
  dims: Dimensions,
  changes: Partial<Record<RagDimension, RatingChange>> = {},
): Dimensions {
  const out = { ...dims };
  for (const d of RAG_DIMENSIONS) {
    const change = changes[d];
    if (!change) continue;
    out[d] = {
      ...dims[d],
      rag: change.rag ?? dims[d].suggested,
      justification: (change.justification ?? dims[d].justification).trim(),
    };
  }
  return out;
}

/** The overall the dimensions as reported imply, by the project type's overall rule. */
export function impliedOverall(dims: Dimensions, rule: RagThresholds['overall']): RagRating {
  const weights = rule.method === 'weighted' ? (rule.weights ?? {}) : {};
  return combineRatings(
    RAG_DIMENSIONS.map((d) => ({ rag: dims[d].rag, weight: weights[d] ?? 1 })),
    rule,
  ).rag;
}

/**
 * The overall after the dimensions changed: suggested again from them; the manager's own overall
 * is kept unless `change` sets another (null takes the suggestion).
 */
export function overallOf(
  dims: Dimensions,
  rule: RagThresholds['overall'],
  before: Overall | null,
  change?: RatingChange,
): Overall {
  const suggested = impliedOverall(dims, rule);
  const justification = (change?.justification ?? before?.justification ?? '').trim();
  if (change) return { suggested, rag: change.rag ?? suggested, justification };
  const own = before && isOwnColour(before);
  return { suggested, rag: own ? before.rag : suggested, justification };
}

/**
 * What submitting checks: the engine's override over the suggestion as it was shown. Fails naming
 * the first colour whose justification is missing (`dimensions.cost.justification`).
 */
export function checkSubmission(
  asOf: string,
  dims: Dimensions,
  overall: Overall,
  rule: RagThresholds['overall'],
) {
  const suggestion: RagSuggestion = {
    asOf,
    dimensions: Object.fromEntries(
      RAG_DIMENSIONS.map((d) => [d, { rag: dims[d].suggested, reasons: dims[d].reasons as RagReason[] }]),
    ) as RagSuggestion['dimensions'],
    overall: { rag: overall.suggested, score: null, drivers: [] },
    overallRule: rule,
  };
  const override: RagOverride = { dimensions: {} };
  for (const d of RAG_DIMENSIONS) {
    const dim = dims[d];
    if (isOwnColour(dim) && dim.rag !== 'unknown')
      override.dimensions![d] = { rag: dim.rag, justification: dim.justification };
  }
  if (isOwnColour(overall) && overall.rag !== 'unknown')
    override.overall = { rag: overall.rag, justification: overall.justification };
  return applyOverride(suggestion, override);
}

/** The colour columns roll-ups and filters read, in step with the jsonb. */
export function ragColumns(dims: Dimensions, overall: Overall) {
  return {
    overallSuggested: overall.suggested,
    overallRag: overall.rag,
    overallJustification: overall.justification,
    scheduleRag: dims.schedule.rag,
    costRag: dims.cost.rag,
    scopeRag: dims.scope.rag,
    riskRag: dims.risk.rag,
    qualityRag: dims.quality.rag,
    resourcesRag: dims.resources.rag,
  };
}
