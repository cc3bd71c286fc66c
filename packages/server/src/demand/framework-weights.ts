import type { AhpOutcome } from '@pharos/api';
import {
  ahpPriorities,
  type Comparison,
  judgementErrors,
  type ScoringFramework,
  validateFramework,
} from '@pharos/engine';
import type { z } from 'zod';
import type { CriterionData } from '../db/schema/index';
import { engineField } from './common';

/** A framework revision as stored: what its weights and scoring depend on. */
export interface FrameworkData {
  criteria: CriterionData[];
  weighting: string;
  ahp: { comparisons: [number, number, number][] } | null;
  combine: string;
  disagreementThreshold: number;
}

/** A framework's weights worked out, what the engine scores with, and what is wrong with it. */
export interface Evaluated {
  /** Each criterion's share of the total, summing to 1. */
  weights: number[];
  ahpOutcome: z.infer<typeof AhpOutcome> | null;
  warnings: string[];
  engine: ScoringFramework;
  /** Input that can never be right (refused on every write), naming its field. */
  error: { message: string; field: string } | null;
  /** Why it may not be published yet (incomplete or inconsistent AHP judgements). */
  unpublishable: string | null;
}

const fmt = (v: number) => (v >= 1 ? String(Math.round(v * 100) / 100) : `1/${Math.round(1 / v)}`);

/**
 * Direct weights as given, or AHP weights from the pairwise comparisons (the principal
 * eigenvector) with their consistency; then the engine's check of the whole framework.
 * Comparisons not yet complete leave equal weights and a warning (a draft may be saved so).
 */
export function evaluateFramework(f: FrameworkData): Evaluated {
  const n = f.criteria.length;
  const name = (i: number) => f.criteria[i]?.name ?? String(i);
  const warnings: string[] = [];
  let error: Evaluated['error'] = null;
  let unpublishable: string | null = null;
  let ahpOutcome: Evaluated['ahpOutcome'] = null;
  let raw = f.criteria.map((c) => c.weight);
  if (f.weighting === 'ahp') {
    const comparisons = (f.ahp?.comparisons ?? []) as Comparison[];
    raw = f.criteria.map(() => 1);
    try {
      const r = ahpPriorities(n, comparisons, { labels: f.criteria.map((c) => c.name) });
      const worst = n > 2 ? judgementErrors(comparisons, r.weights)[0] : undefined;
      ahpOutcome = {
        weights: r.weights,
        lambdaMax: r.lambdaMax,
        ci: r.ci,
        cr: n > 2 ? r.cr : null,
        consistent: r.consistent,
        worst:
          worst && worst.deviation > 1e-9
            ? { row: worst.row, column: worst.column, given: worst.value, suggested: worst.suggested }
            : null,
      };
      raw = r.weights;
      if (!r.consistent) {
        unpublishable = `The pairwise comparisons are inconsistent (CR ${r.cr.toFixed(3)}, above 0.10)`;
        warnings.push(
          worst
            ? `${unpublishable}: the most out of line is ${name(worst.row)} vs ${name(worst.column)}, given ${fmt(worst.value)}; the other judgements suggest ${fmt(worst.suggested)}`
            : unpublishable,
        );
      }
    } catch (err) {
      if (!(err instanceof Error)) throw err;
      const missing = /^comparisons: missing (.*)$/.exec(err.message);
      if (missing) {
        unpublishable = `Compare every pair of criteria first (missing: ${missing[1]})`;
        warnings.push(`${unpublishable}; the weights are equal until then`);
      } else {
        const field = engineField(err.message, '', ['comparisons']);
        error = { message: err.message, field: field ? `ahp.${field}` : 'ahp' };
      }
    }
  }
  const sum = raw.reduce((a, b) => a + b, 0);
  const engine: ScoringFramework = {
    combine: f.combine === 'median' ? 'median' : 'mean',
    disagreementThreshold: f.disagreementThreshold,
    criteria: f.criteria.map((c, i) => ({
      id: c.id,
      name: c.name,
      weight: raw[i]!,
      scale: c.scale,
      direction: c.direction,
      ...(c.objectiveId ? { objectiveId: c.objectiveId } : {}),
    })),
  };
  try {
    validateFramework(engine);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    error ??= {
      message: err.message,
      field: engineField(err.message, 'criteria', ['criteria', 'combine', 'disagreementThreshold']),
    };
  }
  return {
    weights: raw.map((w) => (sum > 0 ? w / sum : 0)),
    ahpOutcome,
    warnings,
    engine,
    error,
    unpublishable,
  };
}
