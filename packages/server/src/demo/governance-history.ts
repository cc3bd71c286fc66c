/*
 * The demo's governance: the strategic office's published lifecycles, every project's gate
 * reviews from its story (a go for each gate passed, holds and recycles on the way, reviews open
 * now, a stop for a cancelled project), its approved values, the office's authority thresholds,
 * change requests (applied ones chain from the first baseline to today's approved values; others
 * waiting at a step, rejected or withdrawn) and the PMO's stop recommendations. Rows as the
 * governance service writes them.
 */
import type {
  changeRequests,
  gateReviews,
  lifecycles,
  officeAuthority,
  projectApprovedValues,
  stopRecommendations,
} from '../db/schema/index';
import { gateReviewRows } from './governance-gates';
import {
  CHANGE_REASONS,
  CHANGE_TITLES,
  LIFECYCLES,
  PROJECT_SCOPE,
  STEP_COMMENTS,
} from './governance-phrases';
import { stopRecommendationRows } from './governance-stops';
import { type HistoryContext, historyContext, isoOf, streamFor, uuidOf } from './history-parts';
import { HISTORY_SEED, historyWorld, type ProjectStory, stamp, type Window } from './history-story';
import { type ChangeEvent, DEMO_AUTHORITY_RULES } from './history-timeline';
import type { GeneratedOrg } from './types';

export type LifecycleRow = typeof lifecycles.$inferInsert & { id: string };
export type GateReviewRow = typeof gateReviews.$inferInsert & { id: string };
export type ApprovedValuesRow = typeof projectApprovedValues.$inferInsert;
export type AuthorityRow = typeof officeAuthority.$inferInsert;
export type ChangeRequestRow = typeof changeRequests.$inferInsert & { id: string };
export type StopRecommendationRow = typeof stopRecommendations.$inferInsert & { id: string };

export interface GovernanceHistory {
  lifecycles: LifecycleRow[];
  gateReviews: GateReviewRow[];
  approvedValues: ApprovedValuesRow[];
  authority: AuthorityRow[];
  changeRequests: ChangeRequestRow[];
  stopRecommendations: StopRecommendationRow[];
}

export function generateGovernanceHistory(
  org: GeneratedOrg,
  today: Date | string = new Date(),
  seed = HISTORY_SEED,
): GovernanceHistory {
  const ctx = historyContext(org);
  const world = historyWorld(ctx, today, seed);
  const { win } = world;
  const r = streamFor(seed, 6, 'governance');
  const published = stamp(win, win.today - 420, 10);
  const lifecycleRows: LifecycleRow[] = LIFECYCLES.map((lc) => ({
    id: uuidOf(r),
    familyId: uuidOf(r),
    revision: 1,
    code: lc.code,
    name: lc.name,
    officeId: ctx.strategic.id,
    projectTypeIds: org.projectTypes.filter((t) => lc.types.includes(t.code)).map((t) => t.id),
    description: lc.description,
    phases: lc.phases,
    status: 'published',
    publishedAt: published,
    createdAt: stamp(win, win.today - 440, 11),
    updatedAt: published,
    version: 2,
  }));
  const lifecycleOf = (typeId: string) =>
    lifecycleRows.find((l) => l.projectTypeIds?.includes(typeId)) ?? lifecycleRows[0]!;

  const stories = org.projects.filter((p) => p.status !== 'proposed').map((p) => world.story(p));
  const out: GovernanceHistory = {
    lifecycles: lifecycleRows,
    gateReviews: [],
    approvedValues: [],
    authority: [
      { officeId: ctx.strategic.id, rules: DEMO_AUTHORITY_RULES as never, version: 1, updatedAt: published },
    ],
    changeRequests: [],
    stopRecommendations: [],
  };
  for (const s of stories)
    out.gateReviews.push(
      ...gateReviewRows(ctx, s, lifecycleOf(s.project.typeId), streamFor(seed, 7, s.project.id), win),
    );

  // Change request codes in the order they were raised across the organization.
  const all = stories.flatMap((s) => s.changes.map((c) => ({ s, c })));
  all.sort((a, b) => a.c.raisedOn - b.c.raisedOn || (a.c.id < b.c.id ? -1 : 1));
  const codes = new Map(all.map(({ c }, i) => [c.id, `CR-${String(i + 1).padStart(4, '0')}`]));
  for (const s of stories) {
    const cr = changeRows(ctx, s, codes, streamFor(seed, 8, s.project.id), win);
    out.changeRequests.push(...cr.rows);
    out.approvedValues.push(cr.values);
  }
  out.changeRequests.sort((a, b) => (a.code < b.code ? -1 : 1));
  out.stopRecommendations = stopRecommendationRows(ctx, stories, streamFor(seed, 9, 'stops'), win);
  return out;
}

/** A project's change requests in the order they were decided, and the approved values they lead to. */
function changeRows(
  ctx: HistoryContext,
  s: ProjectStory,
  codes: Map<string, string>,
  r: ReturnType<typeof streamFor>,
  win: Window,
) {
  const p = s.project;
  let scope = PROJECT_SCOPE(p.name);
  let budget = s.budget0;
  let finish = s.finish0;
  let updatedAt = stamp(win, s.start, 10);
  const rows: ChangeRequestRow[] = [];
  const byDecision = [...s.changes].sort(
    (a, b) => (a.decidedOn ?? Number.POSITIVE_INFINITY) - (b.decidedOn ?? Number.POSITIVE_INFINITY),
  );
  for (const c of byDecision) {
    const code = codes.get(c.id)!;
    const kind = c.scope ? 'scope' : c.finishDeltaDays !== null ? 'schedule' : 'budget';
    const bank = CHANGE_TITLES[kind];
    const [title, scopeWords] =
      kind === 'budget' && (c.budgetDelta ?? 0) < 0
        ? bank[3]!
        : bank[c.topic % (kind === 'budget' ? 3 : bank.length)]!;
    const impact = {
      budgetDelta: c.budgetDelta,
      finishDeltaDays: c.finishDeltaDays,
      scopeChange: c.scope ? scopeWords : '',
    };
    const steps = stepRows(ctx, s, c, r, win);
    const decidedAt =
      c.decidedOn === null || c.state === 'submitted' ? null : stamp(win, c.decidedOn, 15 + r.next());
    let applied: ChangeRequestRow['applied'] = null;
    if (c.state === 'approved') {
      const before = { budget, currency: 'EUR', approvedFinish: isoOf(finish), scope };
      budget += c.budgetDelta ?? 0;
      finish += c.finishDeltaDays ?? 0;
      if (c.scope) scope = `${scope}\n\n${code} ${title}: ${scopeWords}`;
      applied = { before, after: { budget, currency: 'EUR', approvedFinish: isoOf(finish), scope } };
      updatedAt = decidedAt!;
    }
    const decided = c.decidedSteps;
    rows.push({
      id: c.id,
      code,
      projectId: p.id,
      title,
      description: r.pick(CHANGE_REASONS),
      kinds: (['budget', 'schedule', 'scope'] as const).filter((k) =>
        k === 'budget'
          ? (c.budgetDelta ?? 0) !== 0
          : k === 'schedule'
            ? (c.finishDeltaDays ?? 0) !== 0
            : c.scope,
      ),
      impact,
      state: c.state,
      steps: steps as never,
      currentStep: c.state === 'submitted' ? decided : c.state === 'withdrawn' ? 0 : Math.max(0, decided - 1),
      requestedBy: p.managerId,
      submittedAt: stamp(win, c.submittedOn, 9 + r.next()),
      decidedAt,
      applied,
      createdAt: stamp(win, c.raisedOn, 11),
      updatedAt: decidedAt ?? stamp(win, c.state === 'withdrawn' ? c.decidedOn! : c.submittedOn, 12),
      version: 2 + decided + (c.state === 'withdrawn' ? 1 : 0),
    });
  }
  const values: ApprovedValuesRow = {
    projectId: p.id,
    currency: 'EUR',
    budget,
    approvedStart: isoOf(s.start),
    approvedFinish: isoOf(finish),
    scope,
    version: 1 + s.changes.filter((c) => c.state === 'approved').length,
    updatedAt,
  };
  return { rows, values };
}

/** The approval steps as stored: decided ones with who, when and why. */
function stepRows(
  ctx: HistoryContext,
  s: ProjectStory,
  c: ChangeEvent,
  r: ReturnType<typeof streamFor>,
  win: Window,
) {
  const end = c.decidedOn ?? win.today;
  return c.steps.map((step, i) => {
    const decided = i < c.decidedSteps;
    const rejected = decided && c.state === 'rejected' && i === c.decidedSteps - 1;
    const by = decided
      ? (step.roles.flatMap((role) => ctx.holders(s.project, role))[0] ?? ctx.director)
      : null;
    const day = Math.round(c.submittedOn + ((end - c.submittedOn) * (i + 1)) / Math.max(1, c.decidedSteps));
    return {
      label: step.label,
      roles: step.roles,
      reason: step.reason,
      decision: decided ? (rejected ? 'reject' : 'approve') : null,
      by,
      byName: by ? ctx.name(by) : null,
      at: decided ? stamp(win, day, 14 + i / 60).toISOString() : null,
      comment: decided ? r.pick(STEP_COMMENTS[rejected ? 'reject' : 'approve']) : '',
    };
  });
}
