/**
 * The critical path method in working time. Every value is an ordinal of a working calendar (see
 * WorkCalendar), so durations and lags add and subtract. With one calendar the passes are plain
 * additions; with several, each task's values are ordinals of its own calendar and a link crosses
 * from one calendar to another through the instant it stands for. Plain typed arrays in, typed
 * arrays out; one topological order serves every pass.
 */
import type { WorkCalendar } from '../calendar/calendar';
import { forwardAt, forwardFrom, type Links, reverseAt } from './links';
import { type NetworkMemo, topologyOf } from './network-memo';

export { NetworkMemo } from './network-memo';
export { CycleError, topologicalOrder } from './order';

/** Link types, named as MS Project names them. */
export const LinkType = { FS: 0, SS: 1, FF: 2, SF: 3 } as const;
export type LinkType = (typeof LinkType)[keyof typeof LinkType];

/** Date constraints, numbered as MS Project numbers them. */
export const Constraint = { ASAP: 0, ALAP: 1, MSO: 2, MFO: 3, SNET: 4, SNLT: 5, FNET: 6, FNLT: 7 } as const;
export type Constraint = (typeof Constraint)[keyof typeof Constraint];

export interface Network {
  /** Working minutes of each task (0 for a milestone). */
  duration: Float64Array;
  /** Link i: from task `pred[i]` to task `succ[i]`, of type `type[i]`, with lag `lag[i]` (working minutes, negative for a lead). */
  pred: Int32Array;
  succ: Int32Array;
  type: Uint8Array;
  lag: Float64Array;
  /**
   * Each task's date constraint and its date (an ordinal), if any. Constraints are honoured over
   * links, as MS Project does by default: a task that must start or finish by a date does, and
   * its slack turns negative when its links would have it later. An ALAP task is scheduled at its
   * late dates, and its successors follow it there.
   */
  constraint?: { type: Uint8Array; date: Float64Array };
  /**
   * Tasks whose start is fixed (1 in `manual`): manually scheduled tasks and tasks with an actual
   * start. Their early start is `start`, whatever their links say; their late dates and slack are
   * computed as for any task.
   */
  manual?: { manual: Uint8Array; start: Float64Array };
  /** Deadlines (ordinals, NaN for none): they bound the late finish, as an FNLT does, but never move the task. */
  deadline?: Float64Array;
  /** Completed tasks (1): their late dates are their early dates and their slack 0, as MS Project shows them. */
  done?: Uint8Array;
  /** A start no earlier than this (ordinals, -Infinity for none) besides the project's, e.g. the status date for work not yet begun. */
  release?: Float64Array;
  /**
   * Several calendars: each task's durations, dates and slack are in its own calendar's ordinals,
   * each link's lag in its lag calendar's. Then `projectStart` and the result's `finish` are
   * instants (plan Minutes), not ordinals.
   */
  calendars?: NetworkCalendars;
}

export interface NetworkCalendars {
  list: readonly WorkCalendar[];
  /** Each task's calendar, an index into `list`. */
  task: Uint16Array;
  /** The calendar each link's lag is counted in, an index into `list`. */
  lag: Uint16Array;
}

export interface CpmResult {
  /** Early and late start and finish of each task (ordinals). For an ALAP task, the early start is where it could start; `start` is where it is. */
  earlyStart: Float64Array;
  earlyFinish: Float64Array;
  lateStart: Float64Array;
  lateFinish: Float64Array;
  /** Where each task is scheduled: its early start, or its late start if ALAP. */
  start: Float64Array;
  totalSlack: Float64Array;
  freeSlack: Float64Array;
  /** 1 where total slack is 0 or less. */
  critical: Uint8Array;
  /**
   * 1 on the longest path: the tasks that finish the project and the chain of links that drives
   * them, back to where a constraint, a fixed start or the project start takes over. It is the
   * critical path even when constraints make every slack negative.
   */
  longest: Uint8Array;
  /** The latest finish: the project's finish (an ordinal; an instant when the network has several calendars). */
  finish: number;
  /** Tasks in the order the passes took them (predecessors first). */
  order: Int32Array;
}

/** The early start a constraint allows, given the one the links allow. */
function constrainStart(type: number, date: number, start: number, duration: number): number {
  switch (type) {
    case Constraint.SNET:
      return Math.max(start, date);
    case Constraint.FNET:
      return Math.max(start, date - duration);
    case Constraint.SNLT:
      return Math.min(start, date);
    case Constraint.FNLT:
      return Math.min(start, date - duration);
    case Constraint.MSO:
      return date;
    case Constraint.MFO:
      return date - duration;
    default:
      return start;
  }
}

/** The late finish a constraint allows, given the one the links allow. */
function constrainFinish(type: number, date: number, finish: number, duration: number): number {
  switch (type) {
    case Constraint.SNLT:
      return Math.min(finish, date + duration);
    case Constraint.FNLT:
      return Math.min(finish, date);
    case Constraint.MSO:
      return date + duration;
    case Constraint.MFO:
      return date;
    default:
      return finish;
  }
}

/** A per-task array in topological positions. */
function byPosition<A extends Float64Array | Uint8Array | Uint16Array>(
  src: A | undefined,
  order: Int32Array,
): A | null {
  if (!src) return null;
  const out = new (src.constructor as new (n: number) => A)(order.length);
  for (let o = 0; o < order.length; o++) out[o] = src[order[o]!]!;
  return out;
}

/**
 * Forward and backward pass from `projectStart`; every task starts no earlier unless a constraint
 * says so. `memo` keeps the topological order for the next call over the same links.
 */
export function criticalPath(net: Network, projectStart: number, memo?: NetworkMemo): CpmResult {
  const n = net.duration.length;
  const { order, pos, into, from } = memo ? memo.topologyOf(net) : topologyOf(net);
  const d = byPosition(net.duration, order)!;
  const ct = byPosition(net.constraint?.type, order);
  const cd = byPosition(net.constraint?.date, order);
  const fixed = byPosition(net.manual?.manual, order);
  const fixedStart = byPosition(net.manual?.start, order);
  const deadline = byPosition(net.deadline, order);
  const done = byPosition(net.done, order);
  const release = byPosition(net.release, order);
  const cals = net.calendars;
  const cal = byPosition(cals?.task, order);
  const list = cals?.list ?? [];
  // The project's start in each calendar's ordinals (one calendar: the ordinal given).
  const startIn = cals ? list.map((c) => c.ordinal(projectStart)) : [projectStart];
  const calOf = (t: number) => (cal ? cal[t]! : 0);
  // ALAP tasks (a fixed start wins over ALAP): without any, no second forward pass.
  let alap = false;
  if (ct)
    for (let t = 0; t < n && !alap; t++)
      if (ct[t] === Constraint.ALAP && !(fixed && fixed[t] === 1)) alap = true;

  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  /** Where links and constraints allow each task to start: `es`, unless ALAP tasks moved later. */
  const early = alap ? new Float64Array(n) : es;
  const alapStart = alap ? new Float64Array(n).fill(Number.NaN) : null;
  const intoTask = into.task;
  const intoType = into.type;
  const intoLag = into.lag;
  /** Several calendars: each task's early finish as an instant (where its successors' links start from). */
  const efAt = cals ? new Float64Array(n) : null;
  /** The start `into` link k allows task t (whose predecessor's dates are known). */
  const linkStart = (k: number, t: number): number => {
    const p = intoTask[k]!;
    const ty = intoType[k]!;
    const fromStart = ty === LinkType.SS || ty === LinkType.SF;
    const anchor = fromStart ? es[p]! : ef[p]!;
    const isStart = fromStart && d[p]! !== 0;
    const at =
      cal === null || (cal[p] === cal[t] && into.lagCal![k] === cal[t])
        ? anchor + intoLag[k]!
        : !isStart // from the finish (or a milestone's start, the same instant), known as an instant
          ? forwardFrom(list, efAt![p]!, into.lagCal![k]!, intoLag[k]!, cal[t]!)
          : forwardAt(
              list,
              cal[p]!,
              anchor,
              fromStart && d[p]! !== 0,
              into.lagCal![k]!,
              intoLag[k]!,
              cal[t]!,
              projectStart,
            );
    return ty === LinkType.FS || ty === LinkType.SS ? at : at - d[t]!;
  };
  /** Early dates, ALAP tasks at `alapStart` once known; returns the project finish. */
  const forward = () => {
    let finish = Number.NEGATIVE_INFINITY;
    const intoStart = into.start;
    for (let t = 0; t < n; t++) {
      // A task starts with the project, or as its links allow; a date constraint replaces the
      // project's start (a task may be constrained to start before it, as in MS Project).
      const constrained = ct !== null && ct[t]! >= Constraint.MSO;
      const floor = startIn[calOf(t)]!;
      let start = constrained ? Number.NEGATIVE_INFINITY : floor;
      const end = intoStart[t + 1]!;
      if (cal === null)
        for (let k = intoStart[t]!; k < end; k++) {
          // One calendar: plain additions (SS and SF from the start, FF and SF to the finish).
          const p = intoTask[k]!;
          const ty = intoType[k]!;
          let bound = (ty & 1 ? es[p]! : ef[p]!) + intoLag[k]!;
          if (ty >= LinkType.FF) bound -= d[t]!;
          if (bound > start) start = bound;
        }
      else
        for (let k = intoStart[t]!; k < end; k++) {
          const bound = linkStart(k, t);
          if (bound > start) start = bound;
        }
      if (constrained) {
        start = constrainStart(ct![t]!, cd![t]!, start, d[t]!);
        if (start === Number.NEGATIVE_INFINITY) start = floor; // SNLT/FNLT with nothing before it
      }
      if (release !== null && release[t]! > start && !(constrained && ct![t]! <= Constraint.MFO))
        start = release[t]!;
      if (fixed && fixed[t] === 1) start = fixedStart![t]!;
      early[t] = start;
      if (alapStart !== null && alapStart[t]! > start) start = alapStart[t]!;
      es[t] = start;
      const f = start + d[t]!;
      ef[t] = f;
      if (cals) {
        // Finishes compare as instants; the latest is kept.
        const c = list[cal![t]!]!;
        let at = c.finishAt(f);
        if (at < projectStart && c.startAt(f) >= projectStart) at = projectStart; // a milestone opening the project
        efAt![t] = at;
        if (at > finish) finish = at;
      } else if (f > finish) finish = f;
    }
    if (n === 0) finish = projectStart;
    return finish;
  };

  let finish = forward();
  // The project's finish in each calendar's ordinals.
  const finishIn = cals ? list.map((c) => c.ordinal(finish)) : [finish];
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  const fromTask = from.task;
  const fromType = from.type;
  const fromLag = from.lag;
  /** The finish `from` link k allows task t (whose successor's late or early dates are given). */
  const linkFinish = (
    k: number,
    t: number,
    sStart: Float64Array,
    sFinish: Float64Array,
    anchorOwn: boolean,
  ) => {
    const s = fromTask[k]!;
    const ty = fromType[k]!;
    const toStart = ty === LinkType.FS || ty === LinkType.SS;
    const anchor = toStart ? sStart[s]! : sFinish[s]!;
    const at =
      cal === null || (cal[s] === cal[t] && from.lagCal![k] === cal[t])
        ? anchor - fromLag[k]!
        : reverseAt(list, cal[s]!, anchor, from.lagCal![k]!, fromLag[k]!, cal[t]!);
    // A link from the predecessor's start bounds its finish a duration later.
    const fromStart = ty === LinkType.SS || ty === LinkType.SF;
    return anchorOwn ? at : fromStart ? at + d[t]! : at;
  };
  // Free slack: the room each task has before it delays a successor's scheduled start.
  const fs = new Float64Array(n);
  const freeOf = (t: number) => {
    let free = finishIn[calOf(t)]! - ef[t]!;
    for (let k = from.start[t]!, end = from.start[t + 1]!; k < end; k++) {
      const ty = fromType[k]!;
      const own = ty === LinkType.SS || ty === LinkType.SF ? es[t]! : ef[t]!;
      const room = linkFinish(k, t, es, ef, true) - own;
      if (room < free) free = room;
    }
    return done !== null && done[t] === 1 ? 0 : free;
  };
  const fromStart = from.start;
  for (let t = n - 1; t >= 0; t--) {
    let late = finishIn[calOf(t)]!;
    const end = fromStart[t + 1]!;
    if (cal === null) {
      // One calendar: the late finish and the free slack in one sweep of the links.
      let free = late - ef[t]!;
      for (let k = fromStart[t]!; k < end; k++) {
        const s = fromTask[k]!;
        const ty = fromType[k]!;
        const lag = fromLag[k]!;
        const toStart = ty < LinkType.FF;
        let bound = (toStart ? ls[s]! : lf[s]!) - lag;
        const room = (toStart ? es[s]! : ef[s]!) - lag - (ty & 1 ? es[t]! : ef[t]!);
        if (ty & 1) bound += d[t]!;
        if (bound < late) late = bound;
        if (room < free) free = room;
      }
      fs[t] = done !== null && done[t] === 1 ? 0 : free;
    } else {
      for (let k = fromStart[t]!; k < end; k++) {
        const bound = linkFinish(k, t, ls, lf, false);
        if (bound < late) late = bound;
      }
      fs[t] = freeOf(t);
    }
    if (deadline !== null && deadline[t]! < late) late = deadline[t]!;
    if (ct) late = constrainFinish(ct[t]!, cd![t]!, late, d[t]!);
    lf[t] = late;
    ls[t] = late - d[t]!;
  }
  // ALAP tasks go to their late start (no earlier than their links allow), and their successors
  // follow: early dates and free slack once more.
  if (alapStart !== null) {
    for (let t = 0; t < n; t++)
      if (ct![t] === Constraint.ALAP && !(fixed && fixed[t] === 1)) alapStart[t] = ls[t]!;
    finish = forward();
    for (let t = 0; t < n; t++) fs[t] = freeOf(t);
  }
  if (done)
    for (let t = 0; t < n; t++)
      if (done[t] === 1) {
        ls[t] = es[t]!;
        lf[t] = ef[t]!;
      }
  const longest = longestPath(n, into, ef, es, finishIn, calOf, linkStart, early);
  // Back to the caller's task numbers.
  const out = {
    earlyStart: new Float64Array(n),
    earlyFinish: new Float64Array(n),
    lateStart: new Float64Array(n),
    lateFinish: new Float64Array(n),
    start: new Float64Array(n),
    totalSlack: new Float64Array(n),
    freeSlack: new Float64Array(n),
    critical: new Uint8Array(n),
    longest: new Uint8Array(n),
  };
  for (let t = 0; t < n; t++) {
    const o = pos[t]!;
    const e = early[o]!;
    const slack = ls[o]! - e;
    out.earlyStart[t] = e;
    out.earlyFinish[t] = e + d[o]!;
    out.lateStart[t] = ls[o]!;
    out.lateFinish[t] = lf[o]!;
    out.start[t] = es[o]!;
    out.totalSlack[t] = slack;
    // Room before a successor that has none to spare is no room (MS Project: free ≤ total slack).
    out.freeSlack[t] = slack >= 0 ? Math.min(fs[o]!, slack) : fs[o]!;
    out.critical[t] = slack <= 0 ? 1 : 0;
    out.longest[t] = longest[o]!;
  }
  return { ...out, finish, order };
}

/**
 * The tasks that finish the project, and back from each the predecessors whose link set its start
 * (its driving links), until a constraint or a fixed start took over from the links.
 */
function longestPath(
  n: number,
  into: Links,
  ef: Float64Array,
  es: Float64Array,
  finishIn: number[],
  calOf: (t: number) => number,
  linkStart: (k: number, t: number) => number,
  early: Float64Array,
) {
  const on = new Uint8Array(n);
  for (let t = n - 1; t >= 0; t--) {
    if (ef[t]! >= finishIn[calOf(t)]!) on[t] = 1;
    if (on[t] === 0 || early[t] !== es[t]) continue;
    for (let k = into.start[t]!, end = into.start[t + 1]!; k < end; k++)
      if (linkStart(k, t) === es[t]) on[into.task[k]!] = 1;
  }
  return on;
}
