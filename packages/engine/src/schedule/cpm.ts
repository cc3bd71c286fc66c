/**
 * The critical path method in working time: every value is an ordinal of one working calendar
 * (see WorkCalendar), so durations and lags add and subtract. Plain typed arrays in, typed
 * arrays out; one topological order serves the forward and the backward pass.
 */

/** Link types, named as MS Project names them. */
export const LinkType = { FS: 0, SS: 1, FF: 2, SF: 3 } as const;
export type LinkType = (typeof LinkType)[keyof typeof LinkType];

export interface Network {
  /** Working minutes of each task (0 for a milestone). */
  duration: Float64Array;
  /** Link i: from task `pred[i]` to task `succ[i]`, of type `type[i]`, with lag `lag[i]` (working minutes, negative for a lead). */
  pred: Int32Array;
  succ: Int32Array;
  type: Uint8Array;
  lag: Float64Array;
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

/** Links grouped by task, in compressed rows: task t's links are `ids[start[t] … start[t + 1])`. */
function rows(count: number, key: Int32Array) {
  const start = new Int32Array(count + 1);
  for (let i = 0; i < key.length; i++) start[key[i]! + 1]!++;
  for (let t = 0; t < count; t++) start[t + 1]! += start[t]!;
  const fill = start.slice(0, count);
  const ids = new Int32Array(key.length);
  for (let i = 0; i < key.length; i++) ids[fill[key[i]!]!++] = i;
  return { start, ids };
}

/** Predecessors before successors (Kahn); a cycle is reported with the tasks on it. */
export function topologicalOrder(
  count: number,
  pred: Int32Array,
  succ: Int32Array,
  out: ReturnType<typeof rows> = rows(count, pred),
): Int32Array {
  const indegree = new Int32Array(count);
  for (let i = 0; i < succ.length; i++) indegree[succ[i]!]!++;
  const order = new Int32Array(count);
  let head = 0;
  let tail = 0;
  for (let t = 0; t < count; t++) if (indegree[t] === 0) order[tail++] = t;
  while (head < tail) {
    const t = order[head++]!;
    for (let k = out.start[t]!; k < out.start[t + 1]!; k++) {
      const s = succ[out.ids[k]!]!;
      if (--indegree[s]! === 0) order[tail++] = s;
    }
  }
  if (tail < count) throw new CycleError(findCycle(count, indegree, out, succ));
  return order;
}

/** One cycle among the tasks Kahn's pass could not order (their in-degree stayed above 0). */
function findCycle(count: number, indegree: Int32Array, out: ReturnType<typeof rows>, succ: Int32Array) {
  let t = 0;
  while (indegree[t] === 0) t++;
  const seen = new Map<number, number>();
  const path: number[] = [];
  // Walk to a successor that is itself unordered until a task repeats.
  while (!seen.has(t)) {
    seen.set(t, path.length);
    path.push(t);
    let next = -1;
    for (let k = out.start[t]!; k < out.start[t + 1]! && next < 0; k++) {
      const s = succ[out.ids[k]!]!;
      if (indegree[s]! > 0) next = s;
    }
    if (next < 0 || path.length > count) break;
    t = next;
  }
  return [...path.slice(seen.get(t) ?? 0), t];
}

/** Forward and backward pass from `projectStart` (an ordinal); every task starts no earlier. */
export function criticalPath(net: Network, projectStart: number): CpmResult {
  const { duration: d, pred, succ, type, lag } = net;
  const n = d.length;
  const outgoing = rows(n, pred);
  const order = topologicalOrder(n, pred, succ, outgoing);
  const incoming = rows(n, succ);
  const es = new Float64Array(n);
  const ef = new Float64Array(n);
  let finish = projectStart;
  for (let o = 0; o < n; o++) {
    const t = order[o]!;
    let start = projectStart;
    for (let k = incoming.start[t]!; k < incoming.start[t + 1]!; k++) {
      const i = incoming.ids[k]!;
      const p = pred[i]!;
      const ty = type[i]!;
      // The start this link allows the successor.
      const bound =
        ty === LinkType.FS
          ? ef[p]! + lag[i]!
          : ty === LinkType.SS
            ? es[p]! + lag[i]!
            : ty === LinkType.FF
              ? ef[p]! + lag[i]! - d[t]!
              : es[p]! + lag[i]! - d[t]!;
      if (bound > start) start = bound;
    }
    es[t] = start;
    ef[t] = start + d[t]!;
    if (ef[t]! > finish) finish = ef[t]!;
  }
  const ls = new Float64Array(n);
  const lf = new Float64Array(n);
  const fs = new Float64Array(n);
  for (let o = n - 1; o >= 0; o--) {
    const t = order[o]!;
    let late = finish;
    let free = finish - ef[t]!;
    for (let k = outgoing.start[t]!; k < outgoing.start[t + 1]!; k++) {
      const i = outgoing.ids[k]!;
      const s = succ[i]!;
      const ty = type[i]!;
      // The finish this link allows the predecessor, and the room it leaves at the successor's early dates.
      let bound: number;
      let room: number;
      if (ty === LinkType.FS) {
        bound = ls[s]! - lag[i]!;
        room = es[s]! - lag[i]! - ef[t]!;
      } else if (ty === LinkType.SS) {
        bound = ls[s]! - lag[i]! + d[t]!;
        room = es[s]! - lag[i]! - es[t]!;
      } else if (ty === LinkType.FF) {
        bound = lf[s]! - lag[i]!;
        room = ef[s]! - lag[i]! - ef[t]!;
      } else {
        bound = lf[s]! - lag[i]! + d[t]!;
        room = ef[s]! - lag[i]! - es[t]!;
      }
      if (bound < late) late = bound;
      if (room < free) free = room;
    }
    lf[t] = late;
    ls[t] = late - d[t]!;
    fs[t] = free;
  }
  const total = new Float64Array(n);
  const critical = new Uint8Array(n);
  for (let t = 0; t < n; t++) {
    total[t] = ls[t]! - es[t]!;
    critical[t] = total[t]! <= 0 ? 1 : 0;
  }
  return {
    earlyStart: es,
    earlyFinish: ef,
    lateStart: ls,
    lateFinish: lf,
    totalSlack: total,
    freeSlack: fs,
    critical,
    finish,
    order,
  };
}
