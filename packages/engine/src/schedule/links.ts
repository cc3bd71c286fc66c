/** A network's links as the passes read them, and how a link crosses from one calendar to another. */
import type { WorkCalendar } from '../calendar/calendar';
import type { Network } from './cpm';

export interface Links {
  /** Task t's links are `[start[t], start[t + 1])`. */
  start: Int32Array;
  /** The task at the other end (a topological position). */
  task: Int32Array;
  type: Uint8Array;
  lag: Float64Array;
  /** The calendar of each lag (networks with several calendars only). */
  lagCal: Uint16Array | null;
}

/**
 * Links regrouped by one end, with tasks numbered by their place in the topological order, so
 * the passes read their links in sequence and their neighbours mostly nearby in memory. `end`
 * and `other` are each link's ends as topological positions.
 */
export function linksBy(end: Int32Array, other: Int32Array, n: number, net: Network): Links {
  const m = end.length;
  const start = new Int32Array(n + 1);
  for (let i = 0; i < m; i++) start[end[i]! + 1]!++;
  for (let o = 0; o < n; o++) start[o + 1]! += start[o]!;
  const fill = start.slice(0, n);
  const task = new Int32Array(m);
  const type = new Uint8Array(m);
  const lag = new Float64Array(m);
  const cals = net.calendars?.lag;
  const lagCal = cals ? new Uint16Array(m) : null;
  const netType = net.type;
  const netLag = net.lag;
  for (let i = 0; i < m; i++) {
    const k = fill[end[i]!]!++;
    task[k] = other[i]!;
    type[k] = netType[i]!;
    lag[k] = netLag[i]!;
    if (lagCal) lagCal[k] = cals![i]!;
  }
  return { start, task, type, lag, lagCal };
}

/**
 * Forward across calendars: the predecessor's date (an ordinal of calendar `from`; a start when
 * `isStart`) as an instant, moved by the lag in its calendar, as an ordinal of calendar `to`. The
 * instants are the earliest that stand for each ordinal (a finish at 17:00, not the next 08:00),
 * so a successor on a calendar that works in the evening may start then.
 */
export function forwardAt(
  list: readonly WorkCalendar[],
  from: number,
  ordinal: number,
  isStart: boolean,
  lagCal: number,
  lag: number,
  to: number,
  projectStart: number,
): number {
  const c = list[from]!;
  let at = isStart ? c.startAt(ordinal) : c.finishAt(ordinal);
  // Nothing happens before the project starts: a milestone that opens it stands at its start.
  if (at < projectStart && c.startAt(ordinal) >= projectStart) at = projectStart;
  return forwardFrom(list, at, lagCal, lag, to);
}

/** The rest of `forwardAt`, from the predecessor's date as an instant. */
export function forwardFrom(
  list: readonly WorkCalendar[],
  at: number,
  lagCal: number,
  lag: number,
  to: number,
): number {
  if (lag !== 0) {
    const l = list[lagCal]!;
    at = l.finishAt(l.ordinal(at) + lag);
  }
  return list[to]!.ordinal(at);
}

/**
 * Backward across calendars: the successor's date (an ordinal of calendar `from`) as the latest
 * instant that stands for it, moved back by the lag, as an ordinal of calendar `to`.
 */
export function reverseAt(
  list: readonly WorkCalendar[],
  from: number,
  ordinal: number,
  lagCal: number,
  lag: number,
  to: number,
): number {
  let at = list[from]!.startAt(ordinal);
  if (lag !== 0) {
    const l = list[lagCal]!;
    at = l.startAt(l.ordinal(at) - lag);
  }
  return list[to]!.ordinal(at);
}
