/**
 * A plan's detail tasks as a network for the critical path method: each task on its calendar,
 * progress turned into fixed starts and spans, links to and from summaries carried down to the
 * tasks under them.
 */
import type { WorkCalendar } from '../calendar/calendar';
import { Constraint, type Network } from './cpm';
import type { PlanInput, PlanTaskInput } from './plan';
import type { PlanCalendars } from './plan-calendars';

export interface PlanNetwork {
  net: Network;
  /** Input position of each network task. */
  detail: number[];
  /** The calendars the network's indices point to (the project's first). */
  list: WorkCalendar[];
  /** Working minutes left of each network task. */
  remaining: Float64Array;
  notes: Map<number, string[]>;
}

/** The detail tasks under each summary (input positions), by summary position. */
function detailsUnder(tasks: readonly PlanTaskInput[], summary: Uint8Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (let i = 0; i < tasks.length; i++) {
    if (!summary[i]) continue;
    const under: number[] = [];
    const level = tasks[i]!.outlineLevel;
    for (let j = i + 1; j < tasks.length && tasks[j]!.outlineLevel > level; j++)
      if (!summary[j]) under.push(j);
    out.set(i, under);
  }
  return out;
}

/** The same arrays, twice as long. */
function grown<T extends Record<string, Int32Array | Uint8Array | Uint16Array | Float64Array>>(arrays: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, a] of Object.entries(arrays)) {
    const b = new (a.constructor as new (n: number) => typeof a)(a.length * 2 + 16);
    b.set(a);
    out[k] = b;
  }
  return out as T;
}

export function planNetwork(plan: PlanInput, summary: Uint8Array, calendars: PlanCalendars): PlanNetwork {
  const tasks = plan.tasks;
  const notes = new Map<number, string[]>();
  const note = (uid: number, text: string) => {
    const list = notes.get(uid);
    if (list) list.push(text);
    else notes.set(uid, [text]);
  };
  // Calendars by index: the project's first, the others as tasks and lags ask for them.
  const list: WorkCalendar[] = [calendars.project];
  const indexOf = new Map<WorkCalendar, number>([[calendars.project, 0]]);
  const idx = (c: WorkCalendar) => {
    let i = indexOf.get(c);
    if (i === undefined) {
      i = list.length;
      list.push(c);
      indexOf.set(c, i);
    }
    return i;
  };
  const detail: number[] = [];
  const position = new Map<number, number>(); // uid → input position
  for (let i = 0; i < tasks.length; i++) {
    position.set(tasks[i]!.uid, i);
    if (!summary[i]) detail.push(i);
  }
  const m = detail.length;
  const at = new Int32Array(tasks.length).fill(-1); // input position → network task
  detail.forEach((i, k) => {
    at[i] = k;
  });
  const duration = new Float64Array(m);
  const cal = new Uint16Array(m);
  /** Each task's own calendar (not the elapsed one): the one its work lags count in. */
  const taskCal = new Uint16Array(m);
  const ctype = new Uint8Array(m);
  const cdate = new Float64Array(m);
  const fixed = new Uint8Array(m);
  const fixedStart = new Float64Array(m);
  const deadline = new Float64Array(m).fill(Number.NaN);
  const done = new Uint8Array(m);
  const release = new Float64Array(m).fill(Number.NEGATIVE_INFINITY);
  const remaining = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const t = tasks[detail[k]!]!;
    let own = calendars.project;
    if (t.calendarUid !== null && t.calendarUid !== calendars.projectUid) {
      const c = calendars.get(t.calendarUid);
      if (c) own = c;
      else note(t.uid, `calendar ${t.calendarUid} is not defined: scheduled on the project calendar`);
    }
    taskCal[k] = idx(own);
    const c = t.elapsed ? calendars.elapsed : own;
    cal[k] = idx(c);
    const d = t.milestone ? 0 : Math.max(0, t.duration);
    duration[k] = d;
    if (t.constraint === Constraint.ALAP) ctype[k] = Constraint.ALAP;
    else if (t.constraintDate !== null && t.constraint !== Constraint.ASAP) {
      ctype[k] = t.constraint;
      cdate[k] = c.ordinal(t.constraintDate);
    }
    if (t.deadline !== null) deadline[k] = c.ordinal(t.deadline);
    const left = Math.max(
      0,
      Math.min(d, t.remainingDuration ?? Math.round(d * (1 - t.percentComplete / 100))),
    );
    const status = plan.statusDate === null ? null : c.ordinal(plan.statusDate);
    if (t.actualFinish !== null || (t.percentComplete >= 100 && t.actualStart !== null)) {
      // Done: it took what it took, and it stays where it was.
      const finish = t.actualFinish === null ? null : c.ordinal(t.actualFinish);
      const start = t.actualStart === null ? finish! - d : c.ordinal(t.actualStart);
      fixed[k] = 1;
      fixedStart[k] = start;
      duration[k] = finish === null ? d : Math.max(0, finish - start);
      done[k] = 1;
    } else if (t.actualStart !== null) {
      // Under way: it started when it did; the work left follows the work done, or resumes at
      // the status date when the work done stops short of it (MS Project's "reschedule
      // uncompleted work to start after the status date").
      const start = c.ordinal(t.actualStart);
      fixed[k] = 1;
      fixedStart[k] = start;
      remaining[k] = left;
      const resume = Math.max(start + (d - left), status ?? Number.NEGATIVE_INFINITY);
      duration[k] = resume + left - start;
    } else {
      remaining[k] = d;
      if (t.manual && t.manualStart !== null) {
        fixed[k] = 1;
        fixedStart[k] = c.ordinal(t.manualStart);
      } else if (status !== null) release[k] = status; // work not begun starts after the status date
    }
  }
  const under = detailsUnder(tasks, summary);
  // Links as typed arrays; links to summaries may make more of them than the plan has.
  let arrays = {
    pred: new Int32Array(plan.links.length),
    succ: new Int32Array(plan.links.length),
    type: new Uint8Array(plan.links.length),
    lag: new Float64Array(plan.links.length),
    lagCal: new Uint16Array(plan.links.length),
  };
  let count = 0;
  const add = (p: number, x: number, y: number, l: PlanInput['links'][number]) => {
    if (count === arrays.pred.length) arrays = grown(arrays);
    arrays.pred[count] = x;
    arrays.succ[count] = y;
    arrays.type[count] = l.type;
    // A work lag counts in the successor's calendar, as MS Project counts it; a percentage is of
    // the predecessor's duration.
    const elapsed = l.lagKind === 'elapsed' || (l.lagKind === 'percent' && tasks[p]!.elapsed);
    arrays.lagCal[count] = elapsed ? idx(calendars.elapsed) : taskCal[y]!;
    arrays.lag[count] = l.lagKind === 'percent' ? Math.round((l.lag / 100) * tasks[p]!.duration) : l.lag;
    count++;
  };
  for (const l of plan.links) {
    const p = position.get(l.predecessorUid);
    const s = position.get(l.successorUid);
    if (p === undefined || s === undefined || p === s) continue;
    if (!summary[p] && !summary[s]) {
      add(p, at[p]!, at[s]!, l);
      continue;
    }
    // Links to and from a summary stand for links to and from every task under it.
    const ps = summary[p] ? under.get(p)! : [p];
    const ss = summary[s] ? under.get(s)! : [s];
    // A link between a summary and a task under it means nothing (MS Project refuses it).
    if ((summary[p] && ss.every((x) => ps.includes(x))) || (summary[s] && ps.every((x) => ss.includes(x))))
      continue;
    if (summary[p] && l.type % 2 === 1 && ps.length > 1)
      note(
        l.predecessorUid,
        'a link from the start of a summary task is taken from the start of every task under it (MS Project: from the earliest)',
      );
    for (const a of ps) for (const b of ss) if (a !== b) add(p, at[a]!, at[b]!, l);
  }
  const net: Network = {
    duration,
    pred: arrays.pred.subarray(0, count),
    succ: arrays.succ.subarray(0, count),
    type: arrays.type.subarray(0, count),
    lag: arrays.lag.subarray(0, count),
    constraint: { type: ctype, date: cdate },
    manual: { manual: fixed, start: fixedStart },
    deadline,
    done,
    release,
  };
  if (list.length > 1) net.calendars = { list, task: cal, lag: arrays.lagCal.subarray(0, count) };
  return { net, detail, list, remaining, notes };
}
