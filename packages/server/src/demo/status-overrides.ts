/*
 * The project manager's own ratings in the demo: stretches of weeks where a manager rates one
 * dimension (or the overall) a step better or worse than the rules, always with a reason, applied
 * through the engine's applyOverride exactly as a submitted report would be.
 */
import { applyOverride, RAG_DIMENSIONS, type RagDimension } from '@pharos/engine';
import type { RagText } from '../db/schema/status';
import type { ProjectModel } from './history-facts';
import type { streamFor } from './history-parts';
import { JUSTIFICATIONS, OVERALL_JUSTIFICATIONS } from './history-phrases';
import type { DimensionRating, RagMemo } from './history-rag';

export interface Episode {
  from: number;
  to: number;
  dimension: RagDimension | 'overall';
  better: boolean;
  justification: string;
}

/** Stretches of weeks where the manager rates one dimension (or the overall) differently. */
export function overrideEpisodes(m: ProjectModel, weeks: number, r: ReturnType<typeof streamFor>): Episode[] {
  const out: Episode[] = [];
  const count = m.s.kind === 'deteriorating' ? 1 : r.next() < 0.3 ? r.int(1, 2) : 0;
  for (let k = 0; k < count; k++) {
    // A sliding project's manager reports it better than it is, until the current week.
    const from = m.s.kind === 'deteriorating' ? weeks - 5 : r.int(0, weeks - 3);
    const overall = r.next() < 0.2;
    const dimension = overall ? 'overall' : r.pick(RAG_DIMENSIONS);
    const better = overall || r.next() < 0.75;
    const bank = overall ? OVERALL_JUSTIFICATIONS : JUSTIFICATIONS[dimension as RagDimension][better ? 0 : 1];
    const to = m.s.kind === 'deteriorating' ? weeks - 3 : from + r.int(1, 4);
    out.push({ from, to, dimension, better, justification: r.pick(bank) });
  }
  return out;
}

const STEP: Record<string, [better: RagText | null, worse: RagText | null]> = {
  green: [null, 'amber'],
  amber: ['green', 'red'],
  red: ['amber', null],
  unknown: [null, null],
};

/** The manager's ratings for an episode, through the engine's applyOverride; null when nothing moves. */
export function override(
  memo: RagMemo,
  suggested: Record<RagDimension, DimensionRating>,
  e: Episode,
  asOf: string,
) {
  const dimensions = {} as Record<RagDimension, { rag: RagText; reasons: DimensionRating['reasons'] }>;
  const ratings = {} as Record<RagDimension, RagText>;
  for (const d of RAG_DIMENSIONS) {
    dimensions[d] = suggested[d];
    ratings[d] = suggested[d].rag;
  }
  const overallRag = memo.overall(ratings);
  const suggestion = {
    asOf,
    dimensions,
    overall: { rag: overallRag, score: null, drivers: [] },
    overallRule: memo.thresholds.overall,
  };
  const from = e.dimension === 'overall' ? overallRag : suggested[e.dimension].rag;
  const to = STEP[from]![e.better ? 0 : 1];
  if (!to || to === 'unknown') return null;
  const change = { rag: to, justification: e.justification };
  const result = applyOverride(
    suggestion,
    e.dimension === 'overall' ? { overall: change } : { dimensions: { [e.dimension]: change } },
  );
  if (!result.ok) throw new Error(`demo override refused: ${result.error.message}`);
  return result.value;
}
