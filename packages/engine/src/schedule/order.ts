/** Topological order of a network's tasks, and the cycle that prevents one. */

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
