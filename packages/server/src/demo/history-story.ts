/*
 * One project's year, as numbers: when it reported, how healthy it was week by week (a latent
 * health per dimension that drifts, with some projects deteriorating over the last weeks and some
 * recovering), its gates, its approved budget and finish with the change requests that moved
 * them, and its milestones. Status reports, RAID items and governance rows are all written from
 * this, so a red week has the risks, the late gate or the change request that explain it.
 */
import type { RagDimension } from '@pharos/engine';
import { latentHealth } from './history-health';
import {
  clamp,
  DAY_MS,
  dayOf,
  type HistoryContext,
  PHASES,
  type Project,
  type Stream,
  streamFor,
  type Theme,
} from './history-parts';
import { type ChangeEvent, changeEvents, type GateEvent, gateEvents } from './history-timeline';

export type StoryKind = 'steady' | 'deteriorating' | 'recovering';
export type { ChangeEvent, GateEvent };

/** The dimensions in the order the latent rows are kept. */
export const DIMS: readonly RagDimension[] = ['schedule', 'cost', 'scope', 'risk', 'quality', 'resources'];

export interface Window {
  /** Today, as a day number. */
  today: number;
  /** The moment the history ends (ms since 1970): nothing is stamped later. */
  now: number;
  /** The Monday of the first week of the history. */
  first: number;
  weeks: number;
}

export interface ProjectStory {
  project: Project;
  r: Stream;
  theme: Theme;
  type: string;
  kind: StoryKind;
  /** The day work began (the planned start, or a few weeks ago for one that started late). */
  start: number;
  /** The days it reported between, inclusive; null when it never reported in the window. */
  reportFrom: number | null;
  reportTo: number | null;
  /** Completed, cancelled or put on hold on that day (null when none of these). */
  endedOn: number | null;
  holdOn: number | null;
  phaseIndex: number;
  /** Original and current approved values (budget in minor units, finish as a day). */
  budget0: number;
  finish0: number;
  budget: number;
  finish: number;
  changes: ChangeEvent[];
  gates: GateEvent[];
  /** Latent health per dimension and week, 0 (healthy) … 1 (in trouble): DIMS.length × weeks. */
  health: Float32Array;
  /** The percent complete today (or when it ended). */
  percentNow: number;
  hasEarnedValue: boolean;
  hasResources: boolean;
  hasDefects: boolean;
}

/** Which projects get the deteriorating and the recovering stories: a few of the eligible ones. */
export function storyKinds(projects: readonly Project[], seed: number): Map<string, StoryKind> {
  const eligible = projects
    .filter((p) => p.status === 'active' && ['planning', 'execution', 'monitoring'].includes(p.phase))
    .map((p) => ({ p, h: streamFor(seed, 9, p.id).next() }))
    .sort((a, b) => a.h - b.h || (a.p.id < b.p.id ? -1 : 1));
  const out = new Map<string, StoryKind>();
  const down = Math.max(3, Math.round(projects.length * 0.07));
  const up = Math.max(2, Math.round(projects.length * 0.05));
  eligible.forEach(({ p }, i) => {
    if (i < down) out.set(p.id, 'deteriorating');
    else if (i < down + up) out.set(p.id, 'recovering');
  });
  return out;
}

/** The history window: `weeks` ISO weeks ending with the one holding today. */
export function historyWindow(today: Date | string, weeks = 52): Window {
  const t = dayOf(today);
  const monday = t - ((((t + 3) % 7) + 7) % 7);
  // A date alone stands for the end of its working day.
  const now = typeof today === 'string' ? t * DAY_MS + 18 * 3_600_000 : today.getTime();
  return { today: t, now, first: monday - 7 * (weeks - 1), weeks };
}

/** A moment on a day at `hour` UTC, but never after the end of the history. */
export const stamp = (win: Window, day: number, hour: number) =>
  new Date(Math.min(day * DAY_MS + Math.round(hour * 3_600_000), win.now - 60_000));

const TARGET_FRACTION: Record<string, [number, number]> = {
  initiation: [0.03, 0.08],
  planning: [0.12, 0.25],
  execution: [0.35, 0.7],
  monitoring: [0.72, 0.85],
  closing: [0.88, 0.97],
};
/** How long an active project in each phase still has to run, at least and at most (days). */
const REMAINING_DAYS: Record<string, [number, number]> = {
  initiation: [240, 720],
  planning: [180, 600],
  execution: [60, 420],
  monitoring: [30, 180],
  closing: [7, 60],
};
const PERCENT_NOW: Record<string, [number, number]> = {
  initiation: [1, 5],
  planning: [5, 18],
  execution: [22, 72],
  monitoring: [70, 88],
  closing: [90, 99],
  closed: [100, 100],
};
const BUDGET_EUR: Record<string, [number, number]> = {
  INFRA: [2_000_000, 12_000_000],
  IT: [400_000, 4_000_000],
  PRODUCT: [800_000, 5_000_000],
  REG: [300_000, 3_000_000],
  CHANGE: [200_000, 1_500_000],
  RND: [300_000, 2_000_000],
};
const EV_SHARE: Record<string, number> = {
  INFRA: 0.95,
  IT: 0.85,
  PRODUCT: 0.85,
  REG: 0.7,
  CHANGE: 0.4,
  RND: 0.3,
};

export function projectStory(
  ctx: HistoryContext,
  project: Project,
  win: Window,
  seed: number,
  kind: StoryKind,
  everyWeek = false,
): ProjectStory {
  const r = streamFor(seed, 1, project.id);
  const T = win.today;
  const type = ctx.typeCode(project);
  const phaseIndex = PHASES.indexOf(project.phase);
  const planned = dayOf(project.plannedStart);
  const registryFinish = Math.max(dayOf(project.plannedFinish), planned + 60);
  const lateStart = T - 7 * r.int(3, 9);
  let start = planned;
  let reportFrom: number | null = null;
  let reportTo: number | null = null;
  let endedOn: number | null = null;
  let holdOn: number | null = null;
  const status = project.status;
  if (status === 'active' || status === 'on_hold') {
    start = Math.min(planned, lateStart);
    reportFrom = start;
    reportTo = T;
    if (status === 'on_hold') holdOn = Math.max(start + 21, T - 7 * r.int(3, 10));
  } else if (status === 'completed') {
    endedOn = Math.max(planned + 60, Math.min(registryFinish, T - 7 * r.int(1, 3)));
    start = Math.min(planned, endedOn - 60);
    [reportFrom, reportTo] = [start, endedOn];
  } else if (status === 'cancelled') {
    endedOn = Math.round(planned + (Math.min(registryFinish, T - 14) - planned) * (0.4 + 0.4 * r.next()));
    endedOn = Math.max(planned + 30, endedOn);
    [reportFrom, reportTo] = [planned, endedOn];
  }
  if (reportTo !== null && reportTo < win.first) [reportFrom, reportTo] = [null, null];
  // The benchmark's load: every project reports every week of the window, whatever its dates.
  if (everyWeek && status !== 'completed' && status !== 'cancelled') {
    start = Math.min(start, win.first - 28);
    [reportFrom, reportTo] = [start, T];
  }

  // The finish the project must have today for its phase to make sense: extended by change requests.
  const [lo, hi] = TARGET_FRACTION[project.phase] ?? [0.5, 0.5];
  const span = Math.max(30, (endedOn ?? T) - start);
  const needed = endedOn ?? Math.round(start + span / (lo + (hi - lo) * r.next()));
  // The approved finish is where the phase says the project stands (the registry date was the
  // proposal's estimate); a third of the projects got there through an extension.
  const [least, most] = REMAINING_DAYS[project.phase] ?? [0, 0];
  const finish =
    endedOn !== null
      ? Math.max(registryFinish, endedOn)
      : clamp(Math.max(registryFinish, needed), T + least, T + most);
  const extension = r.next() < 0.35 ? 7 * r.int(2, 10) : 0;
  const finish0 = Math.max(start + 60, finish - extension);
  const [b0, b1] = BUDGET_EUR[type] ?? [500_000, 2_000_000];
  const budget0 = Math.round((b0 + (b1 - b0) * r.next() ** 1.6) / 10_000) * 1_000_000;
  const [p0, p1] = PERCENT_NOW[project.phase] ?? [0, 0];
  const percentNow = status === 'cancelled' ? r.int(30, 65) : r.int(p0, p1);

  const health = latentHealth(r, win, kind, project.phase === 'closed' ? 0.2 : undefined);
  const story: ProjectStory = {
    project,
    r,
    theme: ctx.theme(project),
    type,
    kind,
    start,
    reportFrom,
    reportTo,
    endedOn,
    holdOn,
    phaseIndex,
    budget0,
    finish0,
    budget: budget0,
    finish,
    changes: [],
    gates: [],
    health,
    percentNow,
    hasEarnedValue: r.next() < (EV_SHARE[type] ?? 0.6),
    hasResources: r.next() < 0.85,
    hasDefects: ['IT', 'PRODUCT', 'CHANGE'].includes(type),
  };
  if (status !== 'proposed') {
    story.gates = gateEvents(story, win);
    story.changes = changeEvents(story, win);
    // The approved schedule changes add up to the extension; budget changes to today's budget.
    for (const c of story.changes) if (c.state === 'approved') story.budget += c.budgetDelta ?? 0;
  }
  return story;
}

/** The week (0 … weeks − 1) a day falls in, clamped to the window. */
export const weekOf = (win: Window, day: number) =>
  clamp(Math.floor((day - win.first) / 7), 0, win.weeks - 1);

/** The latent health of one dimension on a day. */
export const healthAt = (s: ProjectStory, win: Window, dim: number, day: number) =>
  s.health[dim * win.weeks + weekOf(win, day)]!;

/** Percent complete on a day: an S-curve from the start to today's figure (or to the end). */
export function percentAt(s: ProjectStory, win: Window, day: number): number {
  const end = s.endedOn ?? s.holdOn ?? win.today;
  if (day >= end) return s.percentNow;
  const x = clamp((day - s.start) / Math.max(1, end - s.start), 0, 1);
  return Math.round(s.percentNow * x * x * (3 - 2 * x));
}

/** The approved budget and finish in force on a day (approved changes count from their decision). */
export function approvedAt(s: ProjectStory, day: number): { budget: number; finish: number } {
  let budget = s.budget0;
  let finish = s.finish0;
  for (const c of s.changes)
    if (c.state === 'approved' && c.decidedOn! <= day) {
      budget += c.budgetDelta ?? 0;
      finish += c.finishDeltaDays ?? 0;
    }
  return { budget, finish };
}

/** The seed the demo's history uses: status reports, RAID and governance must share it to agree. */
export const HISTORY_SEED = 13;

/** Everything the history generators share for one organization, today and seed. */
export function historyWorld(
  ctx: HistoryContext,
  today: Date | string,
  seed: number,
  weeks = 52,
  everyWeek = false,
) {
  const win = historyWindow(today, weeks);
  const kinds = storyKinds(ctx.org.projects, seed);
  const pm = ctx.user('pm@pharos.demo');
  return {
    ctx,
    win,
    seed,
    kinds,
    /** The demo project manager's first active project (the one the sign-in list names). */
    showcaseProject: ctx.org.projects.find((p) => p.managerId === pm && p.status === 'active')?.id,
    story: (p: Project) => projectStory(ctx, p, win, seed, kinds.get(p.id) ?? 'steady', everyWeek),
  };
}
export type HistoryWorld = ReturnType<typeof historyWorld>;
