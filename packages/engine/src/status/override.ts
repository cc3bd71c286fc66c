/*
 * The project manager's ratings over the rules' suggestion. The manager may set any dimension and
 * the overall; a rating that differs from a known suggestion is an override and needs a
 * justification, which is kept. Where the rules had no facts (unknown), the manager's colour is
 * simply the rating and needs none. The overall is suggested again from the dimensions as
 * reported (with the suggestion's overall rule), so only an overall that departs from its own
 * dimensions needs a reason.
 */
import { fail, ok } from './internal';
import type { RagSuggestion } from './rag';
import {
  combineRatings,
  isRag,
  RAG_DIMENSIONS,
  type Rag,
  type RagDimension,
  type RagRating,
  type StatusResult,
} from './types';

export interface RatingOverride {
  rag: Rag;
  justification?: string | null;
}

/** What the manager set; anything left out takes the suggestion. */
export interface RagOverride {
  dimensions?: Partial<Record<RagDimension, RatingOverride>>;
  overall?: RatingOverride;
}

export interface ReportedRating {
  /** What the rules suggest (for the overall: from the dimensions as reported). */
  suggested: RagRating;
  /** The rating the report carries. */
  rag: RagRating;
  /** The manager's rating differs from a known suggestion. */
  overridden: boolean;
  /** Trimmed; null when none was given. */
  justification: string | null;
}

export interface ReportedRag {
  dimensions: Record<RagDimension, ReportedRating>;
  overall: ReportedRating;
}

/** The report's ratings, or an error naming the first field at fault (`dimensions.cost.justification`). */
export function applyOverride(
  suggestion: RagSuggestion,
  override: RagOverride = {},
): StatusResult<ReportedRag> {
  for (const key of Object.keys(override.dimensions ?? {})) {
    if (!(RAG_DIMENSIONS as readonly string[]).includes(key)) {
      return fail('invalid_rag', `dimensions.${key}`, `${key} is not a RAG dimension`);
    }
  }
  const dimensions = {} as Record<RagDimension, ReportedRating>;
  for (const dimension of RAG_DIMENSIONS) {
    const rated = reported(
      suggestion.dimensions[dimension].rag,
      override.dimensions?.[dimension],
      `dimensions.${dimension}`,
    );
    if (!rated.ok) return rated;
    dimensions[dimension] = rated.value;
  }
  const rule = suggestion.overallRule;
  const weights = rule.method === 'weighted' ? (rule.weights ?? {}) : {};
  const implied = combineRatings(
    RAG_DIMENSIONS.map((d) => ({ rag: dimensions[d].rag, weight: weights[d] ?? 1 })),
    rule,
  );
  const overall = reported(implied.rag, override.overall, 'overall');
  if (!overall.ok) return overall;
  return ok({ dimensions, overall: overall.value });
}

function reported(
  suggested: RagRating,
  given: RatingOverride | undefined,
  field: string,
): StatusResult<ReportedRating> {
  const justification = given?.justification?.trim() || null;
  if (!given) return ok({ suggested, rag: suggested, overridden: false, justification });
  if (!isRag(given.rag)) {
    return fail(
      'invalid_rag',
      `${field}.rag`,
      `${field}.rag must be green, amber or red, not ${String(given.rag)}`,
    );
  }
  const overridden = suggested !== 'unknown' && given.rag !== suggested;
  if (overridden && !justification) {
    return fail(
      'justification_required',
      `${field}.justification`,
      `${field}: the rules suggest ${suggested}; say why it is ${given.rag}`,
    );
  }
  return ok({ suggested, rag: given.rag, overridden, justification });
}
