import { type CalendarDefinition, WorkCalendar } from '../calendar/calendar';
import { dayOf, type Minute } from '../calendar/time';
import { type Constraint, criticalPath, type LinkType, NetworkMemo } from './cpm';
import { compileCalendars, PlanCalendars } from './plan-calendars';
import { PlanNetworkMemo, planNetwork } from './plan-network';

/**
 * What scheduling a plan leaves for the next schedule of the same plan, to pass to every
 * `schedulePlan` of it: the network built from the tasks and links (rebuilt only for the tasks
 * whose input objects changed), its topological order (kept while the links are the same) and
 * the outline. Task and link inputs are compared by identity: give a task or link that changed
 * a new object (one changed in place is not seen). Results are the same as without a memo.
 */
export class PlanMemo {
  /** @internal */ readonly network = new NetworkMemo();
  /** @internal */ readonly plan = new PlanNetworkMemo();
  /** @internal Each task's parent, for the outline `plan.kept` was built from. */
  parents: { key: object; parent: Int32Array } | null = null;
}

export { compileCalendars, PlanCalendars } from './plan-calendars';

/**
 * A whole plan as people enter it, scheduled as MS Project schedules it: tasks in outline order
 * (a task followed by deeper ones is a summary), links between any tasks, calendars by UID.
 * Instants are plan Minutes; durations and lags minutes of working time unless said otherwise.
 */
export interface PlanTaskInput {
  uid: number;
  outlineLevel: number;
  milestone: boolean;
  /** Manually scheduled: starts at `manualStart` whatever its links say. */
  manual: boolean;
  manualStart: Minute | null;
  /** Minutes of working time (of calendar time when `elapsed`). */
  duration: number;
  elapsed: boolean;
  constraint: Constraint;
  constraintDate: Minute | null;
  deadline: Minute | null;
  /** A task calendar, or null for the project's. */
  calendarUid: number | null;
  percentComplete: number;
  actualStart: Minute | null;
  actualFinish: Minute | null;
  /** Minutes of work left; null: what % complete leaves. */
  remainingDuration: number | null;
}

export type LagKind = 'work' | 'elapsed' | 'percent';

export interface PlanLinkInput {
  predecessorUid: number;
  successorUid: number;
  type: LinkType;
  /** Minutes (working or elapsed), or a percentage of the predecessor's duration. */
  lag: number;
  lagKind: LagKind;
}

export interface PlanInput {
  start: Minute;
  statusDate: Minute | null;
  calendarUid: number;
  calendars: ReadonlyMap<number, CalendarDefinition>;
  tasks: readonly PlanTaskInput[];
  links: readonly PlanLinkInput[];
}

/** Each task's dates (plan Minutes) and slack (working minutes), in the order of the input tasks. */
export interface PlanSchedule {
  summary: Uint8Array;
  start: Float64Array;
  finish: Float64Array;
  earlyStart: Float64Array;
  earlyFinish: Float64Array;
  lateStart: Float64Array;
  lateFinish: Float64Array;
  totalSlack: Float64Array;
  freeSlack: Float64Array;
  critical: Uint8Array;
  /** Working minutes left, by task. */
  remaining: Float64Array;
  /** 1 on the longest path: the chain of driving links to the project's finish (the critical path even when slack is negative everywhere). */
  longestPath: Uint8Array;
  /** The project's finish. */
  projectFinish: Minute;
  /** What the engine scheduled differently from MS Project, by task UID (empty when nothing). */
  notes: Map<number, string[]>;
}

export { summaryFlags } from './plan-network';

/** The plan's project calendar, compiled (see `compileCalendars` for all of a plan's calendars). */
export function compileCalendar(plan: Pick<PlanInput, 'calendars' | 'calendarUid' | 'start'>): WorkCalendar {
  const def = plan.calendars.get(plan.calendarUid);
  if (!def) throw new RangeError(`The plan's calendar ${plan.calendarUid} is not among its calendars`);
  return new WorkCalendar(def, dayOf(plan.start));
}

/**
 * Schedules a plan as MS Project does: the critical path method over its detail tasks, each on
 * its own calendar (elapsed durations on one that works every minute), with progress, then
 * summaries rolled up. `calendars` are the plan's compiled calendars, kept by the caller while
 * they hold (a project calendar alone will do: the others are compiled as needed); `memo` keeps
 * the network's topological order for the next schedule of the same plan (see `NetworkMemo`).
 */
export function schedulePlan(
  plan: PlanInput,
  calendars: PlanCalendars | WorkCalendar = compileCalendars(plan),
  memo?: PlanMemo,
): PlanSchedule {
  const set =
    calendars instanceof PlanCalendars
      ? calendars
      : new PlanCalendars(plan.calendars, plan.calendarUid, calendars.origin, calendars);
  const tasks = plan.tasks;
  const n = tasks.length;
  const { net, detail, list, remaining, notes, summary } = planNetwork(plan, set, memo?.plan);
  const multi = net.calendars !== undefined;
  const r = criticalPath(net, multi ? plan.start : set.project.ordinal(plan.start), memo?.network);
  const out = {
    summary,
    start: new Float64Array(n),
    finish: new Float64Array(n),
    earlyStart: new Float64Array(n),
    earlyFinish: new Float64Array(n),
    lateStart: new Float64Array(n),
    lateFinish: new Float64Array(n),
    totalSlack: new Float64Array(n),
    freeSlack: new Float64Array(n),
    critical: new Uint8Array(n),
    remaining: new Float64Array(n),
    longestPath: new Uint8Array(n),
  };
  const taskCal = net.calendars?.task;
  const projectStart = plan.start;
  let projectFinish = detail.length === 0 ? projectStart : Number.NEGATIVE_INFINITY;
  for (let k = 0; k < detail.length; k++) {
    const i = detail[k]!;
    const d = net.duration[k]!;
    const c = list[taskCal ? taskCal[k]! : 0]!;
    // Each ordinal turned into an instant once: early, late and scheduled dates often coincide.
    const es = r.earlyStart[k]!;
    const ls = r.lateStart[k]!;
    const st = r.start[k]!;
    const ef = r.earlyFinish[k]!;
    const lf = r.lateFinish[k]!;
    const sf = st + d;
    // Starts where work resumes (08:00), finishes where it stops (17:00, not next 08:00).
    const efAt = c.finishAt(ef);
    const lfAt = lf === ef ? efAt : c.finishAt(lf);
    let fAt = sf === ef ? efAt : sf === lf ? lfAt : c.finishAt(sf);
    if (d === 0) {
      // A milestone sits at a finish instant, but not before the project's start (a milestone
      // that opens the project shows at its start).
      const esAt = milestoneAt(c, es, projectStart);
      const lsAt = ls === es ? esAt : milestoneAt(c, ls, projectStart);
      const sAt = st === es ? esAt : st === ls ? lsAt : milestoneAt(c, st, projectStart);
      out.earlyStart[i] = esAt;
      out.lateStart[i] = lsAt;
      out.start[i] = sAt;
      out.earlyFinish[i] = Math.max(efAt, esAt);
      out.lateFinish[i] = Math.max(lfAt, lsAt);
      fAt = Math.max(fAt, sAt);
    } else {
      const esAt = c.startAt(es);
      out.earlyStart[i] = esAt;
      out.lateStart[i] = ls === es ? esAt : c.startAt(ls);
      out.start[i] = st === es ? esAt : c.startAt(st);
      out.earlyFinish[i] = efAt;
      out.lateFinish[i] = lfAt;
    }
    out.finish[i] = fAt;
    if (fAt > projectFinish) projectFinish = fAt;
    out.totalSlack[i] = r.totalSlack[k]!;
    out.freeSlack[i] = r.freeSlack[k]!;
    out.critical[i] = r.critical[k]!;
    out.longestPath[i] = r.longest[k]!;
    out.remaining[i] = remaining[k]!;
  }
  // The outline's parents, kept while the network was patched rather than rebuilt (same outline).
  const key = memo?.plan.kept;
  let parent: Int32Array | undefined;
  if (key && memo!.parents?.key === key) parent = memo!.parents.parent;
  else {
    parent = parents(tasks);
    if (key) memo!.parents = { key, parent };
  }
  rollUp(summary, parent, out);
  return { ...out, projectFinish, notes };
}

function milestoneAt(c: WorkCalendar, w: number, projectStart: Minute): Minute {
  const t = c.finishAt(w);
  return t < projectStart && c.startAt(w) >= projectStart ? projectStart : t;
}

/** Each task's parent (-1 for none): the nearest task above it with a lower outline level, found with a stack of the open ones. */
function parents(tasks: readonly PlanTaskInput[]): Int32Array {
  const n = tasks.length;
  const parent = new Int32Array(n).fill(-1);
  const stack: number[] = [];
  const levels: number[] = [];
  for (let i = 0; i < n; i++) {
    const level = tasks[i]!.outlineLevel;
    while (levels.length > 0 && levels[levels.length - 1]! >= level) {
      stack.pop();
      levels.pop();
    }
    if (stack.length > 0) parent[i] = stack[stack.length - 1]!;
    stack.push(i);
    levels.push(level);
  }
  return parent;
}

/**
 * Summary tasks span their detail tasks: earliest start, latest finish, and the same for the
 * early and late dates; their slack is the least of their tasks', critical when any is. One pass
 * from the last task back, each task folded into its parent (the nearest task above it with a
 * lower outline level), so a summary has taken in all its tasks before it is folded itself.
 */
function rollUp(summary: Uint8Array, parent: Int32Array, s: Omit<PlanSchedule, 'projectFinish' | 'notes'>) {
  const n = summary.length;
  let any = false;
  for (let i = 0; i < n && !any; i++) if (summary[i]) any = true;
  if (!any) return;
  for (let i = 0; i < n; i++)
    if (summary[i]) {
      s.start[i] = Infinity;
      s.finish[i] = -Infinity;
      s.earlyStart[i] = Infinity;
      s.earlyFinish[i] = -Infinity;
      s.lateStart[i] = Infinity;
      s.lateFinish[i] = -Infinity;
      s.totalSlack[i] = Infinity;
      s.longestPath[i] = 0;
      s.remaining[i] = 0;
    }
  for (let j = n - 1; j >= 0; j--) {
    if (summary[j]) {
      s.freeSlack[j] = s.totalSlack[j]!;
      s.critical[j] = s.totalSlack[j]! <= 0 ? 1 : 0;
    }
    const i = parent[j]!;
    if (i < 0) continue;
    if (s.start[j]! < s.start[i]!) s.start[i] = s.start[j]!;
    if (s.finish[j]! > s.finish[i]!) s.finish[i] = s.finish[j]!;
    if (s.earlyStart[j]! < s.earlyStart[i]!) s.earlyStart[i] = s.earlyStart[j]!;
    if (s.earlyFinish[j]! > s.earlyFinish[i]!) s.earlyFinish[i] = s.earlyFinish[j]!;
    if (s.lateStart[j]! < s.lateStart[i]!) s.lateStart[i] = s.lateStart[j]!;
    if (s.lateFinish[j]! > s.lateFinish[i]!) s.lateFinish[i] = s.lateFinish[j]!;
    if (s.totalSlack[j]! < s.totalSlack[i]!) s.totalSlack[i] = s.totalSlack[j]!;
    s.longestPath[i]! |= s.longestPath[j]!;
    if (s.remaining[j]! > s.remaining[i]!) s.remaining[i] = s.remaining[j]!;
  }
}
