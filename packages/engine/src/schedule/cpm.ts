/**
 * The critical path method in working time: every value is an ordinal of one working calendar
 * (see WorkCalendar), so durations and lags add and subtract. Plain typed arrays in, typed
 * arrays out; one topological order serves the forward and the backward pass.
 */

/** Link types, named as MS Project names them. */
export const LinkType = { FS: 0, SS: 1, FF: 2, SF: 3 } as const;
export type LinkType = (typeof LinkType)[keyof typeof LinkType];

/** Date constraints, numbered as MS Project numbers them (ALAP is not scheduled here yet). */
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
   * its slack turns negative when its links would have it later.
   */
  constraint?: { type: Uint8Array; date: Float64Array };
  /**
   * Manually scheduled tasks (1 in `manual`) stay where they were put: their early start is
   * `start`, whatever their links say; their late dates and slack are computed as for any task.
   */
  manual?: { manual: Uint8Array; start: Float64Array };
}

export interface CpmResult {
  /** Early and late start and finish of each task (ordinals). */
  earlyStart: Float64Array;
  earlyFinish: Float64Array;
  lateStart: Float64Array;
  lateFinish: Float64Array;
  totalSlack: Float64Array;
  freeSlack: Float64Array;
  /** 1 where total slack is 0 or less. */
  critical: Uint8Array;
  /** The latest early finish: the project's finish. */
  finish: number;
  /** Tasks in the order the passes took them (predecessors first). */
  order: Int32Array;
}

/** The network has a cycle: these tasks (indices) wait on each other. */
export class CycleError extends Error {
  constructor(readonly tasks: number[]) {
    super(`These tasks depend on each other in a cycle: ${tasks.join(' → ')}`);
  }
}

/** Each task's successors, in compressed rows: task t's are `next[start[t] … start[t + 1])`. */
function successors(count: number, pred: Int32Array, succ: Int32Array) {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < pred.length; i++) start[pred[i]! + 1]!++;
  for (let t = 0; t < count; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, count);
  const next = new Int32Array(pred.length);
  for (let i = 0; i < pred.length; i++) next[fill[pred[i]!]!++] = succ[i]!;
  return { start, next };
}

/** Predecessors before successors (Kahn); a cycle is reported with the tasks on it. */
export function topologicalOrder(count: number, pred: Int32Array, succ: Int32Array): Int32Array {
  const out = successors(count, pred, succ);
  const indegree = new Int32Array(count);
  for (let i = 0; i < succ.length; i++) indegree[succ[i]!]!++;
  const order = new Int32Array(count);
  let head = 0;
  let tail = 0;
  for (let t = 0; t < count; t++) if (indegree[t] === 0) order[tail++] = t;
  while (head < tail) {
    const t = order[head++]!;
    for (let k = out.start[t]!, end = out.start[t + 1]!; k < end; k++) {
      const s = out.next[k]!;
      if (--indegree[s]! === 0) order[tail++] = s;
    }
  }
  if (tail < count) throw new CycleError(findCycle(indegree, pred, succ));
  return order;
}

/**
 * One cycle among the tasks Kahn's pass could not order. Each of them waits on another of them
 * (its in-degree stayed above 0), so walking from one to a waiting-on predecessor must come back
 * to a task already seen: the tasks from there on are the cycle, given in link order.
 */
function findCycle(indegree: Int32Array, pred: Int32Array, succ: Int32Array) {
  const into = successors(indegree.length, succ, pred); // predecessors, by successor
  let t = indegree.findIndex((x) => x > 0);
  const seen = new Map<number, number>();
  const path: number[] = [];
  while (!seen.has(t)) {
    seen.set(t, path.length);
    path.push(t);
    let p = -1;
    for (let k = into.start[t]!; k < into.start[t + 1]! && p < 0; k++)
      if (indegree[into.next[k]!]! > 0) p = into.next[k]!;
    t = p;
  }
  return [t, ...path.slice(seen.get(t)! + 1).reverse(), t];
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

/**
 * Links regrouped by one end, with tasks numbered by their place in the topological order, so
 * the passes read their links in sequence and their neighbours mostly nearby in memory.
 */
function linksBy(end: Int32Array, other: Int32Array, pos: Int32Array, net: Network) {
  const n = pos.length;
  const m = end.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) start[pos[end[i]!]! + 1]!++;
  for (let o = 0; o < n; o++) start[o + 1]! += start[o]!;
  const fill = start.slice(0, n);
  const task = new Int32Array(m);
  const type = new Uint8Array(m);
  const lag = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const k = fill[pos[end[i]!]!]!++;
    task[k] = pos[other[i]!]!;
    type[k] = net.type[i]!;
    lag[k] = net.lag[i]!;
  }
  return { start, task, type, lag };
}

/** Forward and backward pass from `projectStart` (an ordinal); every task starts no earlier. */
export function criticalPath(net: Network, projectStart: number): CpmResult {
  const { pred, succ } = net;
  const n = net.duration.length;
  const order = topologicalOrder(n, pred, succ);
  const pos = new Int32Array(n);
  const d = new Float64Array(n);
  for (let o = 0; o < n; o++) {
    pos[order[o]!] = o;
    d[o] = net.duration[order[o]!]!;
  }
  let ct: Uint8Array | null = null;
  let cd: Float64Array | null = null;
  if (net.constraint) {
    ct = new Uint8Array(n);
    cd = new Float64Array(n);
    for (let o = 0; o < n; o++) {
      ct[o] = net.constraint.type[order[o]!]!;
      cd[o] = net.constraint.date[order[o]!]!;
    }
  }
  let fixed: Uint8Array | null = null;
  let fixedStart: Float64Array | null = null;
  if (net.manual) {
    fixed = new Uint8Array(n);
    fixedStart = new Float64Array(n);
    for (let o = 0; o < n; o++) {
      fixed[o] = net.manual.manual[order[o]!]!;
      fixedStart[o] = net.manual.start[order[o]!]!;
    }
  }
  const into = linksBy(succ, pred, pos, net);
  const from = linksBy(pred, succ, pos, net);
  // Both passes run over positions 0 … n − 1 (predecessors first).
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  // The project finishes with its last task (with constraints, possibly before its start date).
  let finish = n === 0 ? projectStart : Number.NEGATIVE_INFINITY;
  for (let t = 0; t < n; t++) {
    // A task starts with the project, or as its links allow; a start or finish constraint replaces
    // the project's start (a task may be constrained to start before it, as in MS Project).
    const constrained = ct !== null && ct[t]! >= Constraint.MSO;
    let start = constrained ? Number.NEGATIVE_INFINITY : projectStart;
    for (let k = into.start[t]!, end = into.start[t + 1]!; k < end; k++) {
      const p = into.task[k]!;
      const ty = into.type[k]!;
      const l = into.lag[k]!;
      // The start this link allows the successor.
      const bound =
        ty === LinkType.FS
          ? ef[p]! + l
          : ty === LinkType.SS
            ? es[p]! + l
            : ty === LinkType.FF
              ? ef[p]! + l - d[t]!
              : es[p]! + l - d[t]!;
      if (bound > start) start = bound;
    }
    if (constrained) {
      start = constrainStart(ct![t]!, cd![t]!, start, d[t]!);
      if (start === Number.NEGATIVE_INFINITY) start = projectStart; // SNLT/FNLT with nothing before it
    }
    if (fixed && fixed[t] === 1) start = fixedStart![t]!;
    es[t] = start;
    ef[t] = start + d[t]!;
    if (ef[t]! > finish) finish = ef[t]!;
  }
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  const fs = new Float64Array(n);
  for (let t = n - 1; t >= 0; t--) {
    let late = finish;
    let free = finish - ef[t]!;
    for (let k = from.start[t]!, end = from.start[t + 1]!; k < end; k++) {
      const s = from.task[k]!;
      const ty = from.type[k]!;
      const l = from.lag[k]!;
      // The finish this link allows the predecessor, and the room it leaves at the successor's early dates.
      let bound: number;
      let room: number;
      if (ty === LinkType.FS) {
        bound = ls[s]! - l;
        room = es[s]! - l - ef[t]!;
      } else if (ty === LinkType.SS) {
        bound = ls[s]! - l + d[t]!;
        room = es[s]! - l - es[t]!;
      } else if (ty === LinkType.FF) {
        bound = lf[s]! - l;
        room = ef[s]! - l - ef[t]!;
      } else {
        bound = lf[s]! - l + d[t]!;
        room = ef[s]! - l - es[t]!;
      }
      if (bound < late) late = bound;
      if (room < free) free = room;
    }
    if (ct) late = constrainFinish(ct[t]!, cd![t]!, late, d[t]!);
    lf[t] = late;
    ls[t] = late - d[t]!;
    fs[t] = free;
  }
  // Back to the caller's task numbers.
  const out = {
    earlyStart: new Float64Array(n),
    earlyFinish: new Float64Array(n),
    lateStart: new Float64Array(n),
    lateFinish: new Float64Array(n),
    totalSlack: new Float64Array(n),
    freeSlack: new Float64Array(n),
    critical: new Uint8Array(n),
  };
  for (let t = 0; t < n; t++) {
    const o = pos[t]!;
    out.earlyStart[t] = es[o]!;
    out.earlyFinish[t] = ef[o]!;
    out.lateStart[t] = ls[o]!;
    out.lateFinish[t] = lf[o]!;
    out.totalSlack[t] = ls[o]! - es[o]!;
    out.freeSlack[t] = fs[o]!;
    out.critical[t] = ls[o]! - es[o]! <= 0 ? 1 : 0;
  }
  return { ...out, finish, order };
}
