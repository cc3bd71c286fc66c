/*
 * The PMO's stop recommendations in the demo: open ones on two of the projects sliding into red,
 * an accepted one for each project cancelled at a gate, and one the board rejected for a project
 * that has since recovered.
 */
import type { StopRecommendationRow } from './governance-history';
import { STOP_OUTCOMES, STOP_REASONS } from './governance-phrases';
import { type HistoryContext, type Stream, uuidOf } from './history-parts';
import { type ProjectStory, stamp, type Window } from './history-story';

export function stopRecommendationRows(
  ctx: HistoryContext,
  stories: readonly ProjectStory[],
  r: Stream,
  win: Window,
): StopRecommendationRow[] {
  const rows: StopRecommendationRow[] = [];
  const executive = (s: ProjectStory) => ctx.holders(s.project, 'executive')[0] ?? ctx.director;
  for (const s of stories.filter((x) => x.kind === 'deteriorating').slice(0, 2)) {
    const at = stamp(win, win.today - r.int(1, 6), 10);
    rows.push({
      id: uuidOf(r),
      projectId: s.project.id,
      reason: r.pick(STOP_REASONS),
      recommendedBy: r.next() < 0.5 ? ctx.director : ctx.analyst,
      state: 'open',
      outcome: '',
      createdAt: at,
      updatedAt: at,
    });
  }
  for (const s of stories) {
    const stop = s.gates.flatMap((g) => g.reviews).find((rv) => rv.decision === 'stop');
    if (!stop) continue;
    const decidedAt = stamp(win, stop.decidedOn! + r.int(2, 7), 16);
    rows.push({
      id: uuidOf(r),
      projectId: s.project.id,
      reason: STOP_REASONS[2]!,
      recommendedBy: ctx.director,
      state: 'accepted',
      outcome: STOP_OUTCOMES.accepted,
      decidedBy: executive(s),
      decidedAt,
      createdAt: stamp(win, stop.decidedOn!, 16),
      updatedAt: decidedAt,
      version: 2,
    });
  }
  const recovered = stories.find((x) => x.kind === 'recovering');
  if (recovered) {
    const on = win.today - r.int(60, 80);
    rows.push({
      id: uuidOf(r),
      projectId: recovered.project.id,
      reason: STOP_REASONS[1]!,
      recommendedBy: ctx.analyst,
      state: 'rejected',
      outcome: STOP_OUTCOMES.rejected,
      decidedBy: executive(recovered),
      decidedAt: stamp(win, on + 9, 17),
      createdAt: stamp(win, on, 9),
      updatedAt: stamp(win, on + 9, 17),
      version: 2,
    });
  }
  return rows;
}
