import { type CalendarDefinition, WorkCalendar } from '../calendar/calendar';
import { dayOf, type Minute } from '../calendar/time';
import { type Constraint, criticalPath, type LinkType } from './cpm';
import { compileCalendars, PlanCalendars } from './plan-calendars';
import { planNetwork } from './plan-network';

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

/** A plan's tasks that are summaries: those followed by a deeper task. */
export function summaryFlags(tasks: readonly { outlineLevel: number }[]): Uint8Array {
  const out = new Uint8Array(tasks.length);
  for (let i = 0; i + 1 < tasks.length; i++)
    if (tasks[i + 1]!.outlineLevel > tasks[i]!.outlineLevel) out[i] = 1;
  return out;
}

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
 * they hold (a project calendar alone will do: the others are compiled as needed).
 */
export function schedulePlan(
  plan: PlanInput,
  calendars: PlanCalendars | WorkCalendar = compileCalendars(plan),
): PlanSchedule {
  const set =
    calendars instanceof PlanCalendars
      ? calendars
      : new PlanCalendars(plan.calendars, plan.calendarUid, calendars.origin, calendars);
  const tasks = plan.tasks;
  const n = tasks.length;
  const summary = summaryFlags(tasks);
  const { net, detail, list, remaining, notes } = planNetwork(plan, summary, set);
  const multi = net.calendars !== undefined;
  const r = criticalPath(net, multi ? plan.start : set.project.ordinal(plan.start));
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
  for (let k = 0; k < detail.length; k++) {
    const i = detail[k]!;
    const d = net.duration[k]!;
    const c = list[taskCal ? taskCal[k]! : 0]!;
    // Starts where work resumes (08:00), finishes where it stops (17:00, not next 08:00).
    out.earlyFinish[i] = c.finishAt(r.earlyFinish[k]!);
    out.lateFinish[i] = c.finishAt(r.lateFinish[k]!);
    out.finish[i] = c.finishAt(r.start[k]! + d);
    if (d === 0) {
      // A milestone sits at a finish instant, but not before the project's start (a milestone
      // that opens the project shows at its start).
      out.earlyStart[i] = milestoneAt(c, r.earlyStart[k]!, plan.start);
      out.lateStart[i] = milestoneAt(c, r.lateStart[k]!, plan.start);
      out.start[i] = milestoneAt(c, r.start[k]!, plan.start);
      out.earlyFinish[i] = Math.max(out.earlyFinish[i]!, out.earlyStart[i]!);
      out.lateFinish[i] = Math.max(out.lateFinish[i]!, out.lateStart[i]!);
      out.finish[i] = Math.max(out.finish[i]!, out.start[i]!);
    } else {
      out.earlyStart[i] = c.startAt(r.earlyStart[k]!);
      out.lateStart[i] = c.startAt(r.lateStart[k]!);
      out.start[i] = c.startAt(r.start[k]!);
    }
    out.totalSlack[i] = r.totalSlack[k]!;
    out.freeSlack[i] = r.freeSlack[k]!;
    out.critical[i] = r.critical[k]!;
    out.longestPath[i] = r.longest[k]!;
    out.remaining[i] = remaining[k]!;
  }
  rollUp(tasks, summary, out);
  let projectFinish = detail.length === 0 ? plan.start : Number.NEGATIVE_INFINITY;
  for (const i of detail) if (out.finish[i]! > projectFinish) projectFinish = out.finish[i]!;
  return { ...out, projectFinish, notes };
}

function milestoneAt(c: WorkCalendar, w: number, projectStart: Minute): Minute {
  const t = c.finishAt(w);
  return t < projectStart && c.startAt(w) >= projectStart ? projectStart : t;
}

/**
 * Summary tasks span their detail tasks: earliest start, latest finish, and the same for the
 * early and late dates; their slack is the least of their tasks', critical when any is.
 */
function rollUp(
  tasks: readonly PlanTaskInput[],
  summary: Uint8Array,
  s: Omit<PlanSchedule, 'projectFinish' | 'notes'>,
) {
  for (let i = tasks.length - 1; i >= 0; i--) {
    if (!summary[i]) continue;
    const level = tasks[i]!.outlineLevel;
    let start = Infinity;
    let finish = -Infinity;
    let es = Infinity;
    let ef = -Infinity;
    let ls = Infinity;
    let lf = -Infinity;
    let slack = Infinity;
    let longest = 0;
    let left = 0;
    for (let j = i + 1; j < tasks.length && tasks[j]!.outlineLevel > level; j++) {
      if (summary[j]) continue;
      start = Math.min(start, s.start[j]!);
      finish = Math.max(finish, s.finish[j]!);
      es = Math.min(es, s.earlyStart[j]!);
      ef = Math.max(ef, s.earlyFinish[j]!);
      ls = Math.min(ls, s.lateStart[j]!);
      lf = Math.max(lf, s.lateFinish[j]!);
      slack = Math.min(slack, s.totalSlack[j]!);
      longest |= s.longestPath[j]!;
      left = Math.max(left, s.remaining[j]!);
    }
    if (es === Infinity) continue;
    s.start[i] = start;
    s.finish[i] = finish;
    s.earlyStart[i] = es;
    s.earlyFinish[i] = ef;
    s.lateStart[i] = ls;
    s.lateFinish[i] = lf;
    s.totalSlack[i] = slack;
    s.freeSlack[i] = slack;
    s.critical[i] = slack <= 0 ? 1 : 0;
    s.longestPath[i] = longest;
    s.remaining[i] = left;
  }
}
