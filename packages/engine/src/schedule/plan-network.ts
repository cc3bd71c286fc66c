/**
 * A plan's detail tasks as a network for the critical path method: each task on its calendar,
 * progress turned into fixed starts and spans, links to and from summaries carried down to the
 * tasks under them.
 */
import type { WorkCalendar } from '../calendar/calendar';
import type { Network } from './cpm';
import type { PlanInput, PlanLinkInput, PlanTaskInput } from './plan';
import type { PlanCalendars } from './plan-calendars';
import { CalendarIndex, type Note, TaskArrays } from './plan-task-arrays';

export interface PlanNetwork {
  net: Network;
  /** Input position of each network task. */
  detail: number[];
  /** The calendars the network's indices point to (the project's first). */
  list: WorkCalendar[];
  /** Working minutes left of each network task. */
  remaining: Float64Array;
  notes: Map<number, string[]>;
  /** 1 for each input task that is a summary (see `summaryFlags`). */
  summary: Uint8Array;
}

/** The detail tasks under summary `i` (input positions). */
function detailsUnder(tasks: readonly PlanTaskInput[], summary: Uint8Array, i: number): number[] {
  const under: number[] = [];
  const level = tasks[i]!.outlineLevel;
  for (let j = i + 1; j < tasks.length && tasks[j]!.outlineLevel > level; j++) if (!summary[j]) under.push(j);
  return under;
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

/** Input positions by UID: an array when UIDs are small numbers (as they are), else a Map. */
function positionsByUid(tasks: readonly PlanTaskInput[]): (uid: number) => number | undefined {
  let max = -1;
  let integral = true;
  for (const t of tasks) {
    if (t.uid > max) max = t.uid;
    if (!Number.isInteger(t.uid) || t.uid < 0) integral = false;
  }
  if (integral && max < 4 * tasks.length + 1024) {
    const at = new Int32Array(max + 1).fill(-1);
    for (let i = 0; i < tasks.length; i++) at[tasks[i]!.uid] = i;
    return (uid) => {
      const i = Number.isInteger(uid) && uid >= 0 && uid <= max ? at[uid]! : -1;
      return i < 0 ? undefined : i;
    };
  }
  const map = new Map<number, number>();
  for (let i = 0; i < tasks.length; i++) map.set(tasks[i]!.uid, i);
  return (uid) => map.get(uid);
}

interface LinkArrays {
  pred: Int32Array;
  succ: Int32Array;
  type: Uint8Array;
  lag: Float64Array;
  lagCal: Uint16Array;
  count: number;
  /** Some lag is a percentage (of its predecessor's duration). */
  percent: boolean;
}

/** The plan's links between network tasks; links to and from summaries stand for links to and from every task under them. */
function linkArrays(
  plan: PlanInput,
  summary: Uint8Array,
  at: Int32Array,
  taskCal: Uint16Array,
  cals: CalendarIndex,
  note: Note,
): LinkArrays {
  const tasks = plan.tasks;
  const position = positionsByUid(tasks);
  const under = new Map<number, number[]>();
  const underOf = (i: number) => {
    let u = under.get(i);
    if (!u) {
      u = detailsUnder(tasks, summary, i);
      under.set(i, u);
    }
    return u;
  };
  // Links to summaries may make more of them than the plan has.
  const links = plan.links;
  let arrays = {
    pred: new Int32Array(links.length),
    succ: new Int32Array(links.length),
    type: new Uint8Array(links.length),
    lag: new Float64Array(links.length),
    lagCal: new Uint16Array(links.length),
  };
  let count = 0;
  let percent = false;
  const add = (p: number, x: number, y: number, l: PlanInput['links'][number]) => {
    if (count === arrays.pred.length) arrays = grown(arrays);
    arrays.pred[count] = x;
    arrays.succ[count] = y;
    arrays.type[count] = l.type;
    // A work lag counts in the successor's calendar, as MS Project counts it; a percentage is of
    // the predecessor's duration.
    const kind = l.lagKind;
    const elapsed = kind === 'elapsed' || (kind === 'percent' && tasks[p]!.elapsed);
    arrays.lagCal[count] = elapsed ? cals.elapsed : taskCal[y]!;
    arrays.lag[count] = kind === 'percent' ? Math.round((l.lag / 100) * tasks[p]!.duration) : l.lag;
    if (kind === 'percent') percent = true;
    count++;
  };
  for (let li = 0; li < links.length; li++) {
    const l = links[li]!;
    const p = position(l.predecessorUid);
    const s = position(l.successorUid);
    if (p === undefined || s === undefined || p === s) continue;
    if (!summary[p] && !summary[s]) {
      add(p, at[p]!, at[s]!, l);
      continue;
    }
    // Links to and from a summary stand for links to and from every task under it.
    const ps = summary[p] ? underOf(p) : [p];
    const ss = summary[s] ? underOf(s) : [s];
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
  return { ...arrays, count, percent };
}

/**
 * What building a plan's network leaves for the next build of the same plan: the per-task
 * arrays and the link arrays, patched for the tasks whose input objects changed. Task and link
 * inputs are compared by identity: a task or link that changes between two schedules must be a
 * new object (one changed in place is not seen).
 */
export class PlanNetworkMemo {
  /** @internal */ kept: {
    calendars: PlanCalendars;
    statusDate: number | null;
    tasks: PlanTaskInput[];
    links: PlanLinkInput[];
    summary: Uint8Array;
    detail: number[];
    at: Int32Array;
    cals: CalendarIndex;
    arrays: TaskArrays;
    links2: LinkArrays;
    /** Notes about tasks (calendars), and about links (from summaries). */
    taskNotes: Map<number, string[]>;
    linkNotes: Map<number, string[]>;
  } | null = null;
}

/** Notes by task UID: the tasks' own, then the links', as one build makes them. */
function merged(taskNotes: Map<number, string[]>, linkNotes: Map<number, string[]>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [uid, texts] of taskNotes) out.set(uid, [...texts]);
  for (const [uid, texts] of linkNotes) {
    const list = out.get(uid);
    if (list) list.push(...texts);
    else out.set(uid, [...texts]);
  }
  return out;
}

/** A note-taker writing into `notes`. */
function noter(notes: Map<number, string[]>): Note {
  return (uid, text) => {
    const list = notes.get(uid);
    if (list) list.push(text);
    else notes.set(uid, [text]);
  };
}

function networkOf(
  arrays: TaskArrays,
  l: LinkArrays,
  cals: CalendarIndex,
  statusDate: number | null,
): Network {
  const net: Network = {
    duration: arrays.duration,
    pred: l.pred.subarray(0, l.count),
    succ: l.succ.subarray(0, l.count),
    type: l.type.subarray(0, l.count),
    lag: l.lag.subarray(0, l.count),
  };
  if (arrays.anyConstraint) net.constraint = { type: arrays.ctype, date: arrays.cdate };
  if (arrays.anyFixed) net.manual = { manual: arrays.fixed, start: arrays.fixedStart };
  if (arrays.anyDeadline) net.deadline = arrays.deadline;
  if (arrays.anyDone) net.done = arrays.done;
  if (statusDate !== null) net.release = arrays.release;
  if (cals.list.length > 1)
    net.calendars = { list: cals.list, task: arrays.cal, lag: l.lagCal.subarray(0, l.count) };
  return net;
}

/** A plan's tasks that are summaries: those followed by a deeper task. */
export function summaryFlags(tasks: readonly { outlineLevel: number }[]): Uint8Array {
  const out = new Uint8Array(tasks.length);
  for (let i = 0; i + 1 < tasks.length; i++)
    if (tasks[i + 1]!.outlineLevel > tasks[i]!.outlineLevel) out[i] = 1;
  return out;
}

/** The network again from what `memo` kept, patched for the tasks that changed; null when it cannot be. */
function patched(plan: PlanInput, calendars: PlanCalendars, memo: PlanNetworkMemo): PlanNetwork | null {
  const k = memo.kept;
  const tasks = plan.tasks;
  if (
    k === null ||
    k.calendars !== calendars ||
    k.statusDate !== plan.statusDate ||
    k.tasks.length !== tasks.length
  )
    return null;
  const changed: number[] = [];
  for (let i = 0; i < tasks.length; i++) {
    const t = tasks[i]!;
    const was = k.tasks[i]!;
    if (t === was) continue;
    if (t.uid !== was.uid || t.outlineLevel !== was.outlineLevel) return null;
    changed.push(i);
  }
  // A changed task that has or gets a note about itself: a whole build (notes come in its order).
  let noted = false;
  const note: Note = () => {
    noted = true;
  };
  let relink = changed.length > 0 && k.links2.percent;
  const a = k.arrays;
  for (const i of changed) {
    const n = k.at[i]!;
    if (n < 0) continue; // a summary: not in the network
    if (k.taskNotes.has(tasks[i]!.uid)) noted = true;
    const taskCal = a.taskCal[n];
    const cal = a.cal[n];
    a.fill(n, tasks[i]!, k.cals, plan.statusDate, note);
    if (a.taskCal[n] !== taskCal || a.cal[n] !== cal) relink = true;
  }
  for (const i of changed) k.tasks[i] = tasks[i]!;
  if (noted) {
    memo.kept = null;
    return null;
  }
  const links = plan.links;
  if (!relink && links.length === k.links.length)
    for (let i = 0; i < links.length && !relink; i++) if (links[i] !== k.links[i]) relink = true;
  if (relink || links.length !== k.links.length) {
    k.linkNotes = new Map();
    k.links2 = linkArrays(plan, k.summary, k.at, a.taskCal, k.cals, noter(k.linkNotes));
    k.links = [...links];
  }
  return {
    net: networkOf(a, k.links2, k.cals, plan.statusDate),
    detail: k.detail,
    list: k.cals.list,
    remaining: a.remaining,
    notes: merged(k.taskNotes, k.linkNotes),
    // The outline is the one kept: the same number of tasks, none at another level.
    summary: k.summary.slice(),
  };
}

export function planNetwork(plan: PlanInput, calendars: PlanCalendars, memo?: PlanNetworkMemo): PlanNetwork {
  if (memo) {
    const again = patched(plan, calendars, memo);
    if (again) return again;
  }
  const tasks = plan.tasks;
  const summary = summaryFlags(tasks);
  const taskNotes = new Map<number, string[]>();
  const linkNotes = new Map<number, string[]>();
  const cals = new CalendarIndex(calendars);
  const detail: number[] = [];
  for (let i = 0; i < tasks.length; i++) if (!summary[i]) detail.push(i);
  const m = detail.length;
  const at = new Int32Array(tasks.length).fill(-1); // input position → network task
  for (let k = 0; k < m; k++) at[detail[k]!] = k;
  const arrays = new TaskArrays(m);
  const note = noter(taskNotes);
  for (let k = 0; k < m; k++) arrays.fill(k, tasks[detail[k]!]!, cals, plan.statusDate, note);
  const links = linkArrays(plan, summary, at, arrays.taskCal, cals, noter(linkNotes));
  if (memo)
    memo.kept = {
      calendars,
      statusDate: plan.statusDate,
      tasks: [...tasks],
      links: [...plan.links],
      summary: summary.slice(),
      detail,
      at,
      cals,
      arrays,
      links2: links,
      taskNotes,
      linkNotes,
    };
  return {
    net: networkOf(arrays, links, cals, plan.statusDate),
    detail,
    list: cals.list,
    remaining: arrays.remaining,
    notes: merged(taskNotes, linkNotes),
    summary,
  };
}
