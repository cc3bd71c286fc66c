import type { PlanT, PlanTaskT } from '@pharos/api';
import { MINUTES_PER_DAY, toMinutes } from './plan-time';

export const SUMMARY = 1;
export const MILESTONE = 2;
export const CRITICAL = 4;
export const MANUAL = 8;

const linkCode = { FS: 0, SS: 1, FF: 2, SF: 3 } as const;
export const linkTypeNames = ['FS', 'SS', 'FF', 'SF'] as const;

/**
 * A plan laid out for drawing: tasks in row order and their dates as numbers in typed arrays, so
 * painting a frame reads no strings and allocates nothing. Built once per plan version (O(n)).
 */
export interface GanttModel {
  plan: PlanT;
  tasks: PlanTaskT[];
  n: number;
  indexOf: Map<number, number>;
  start: Float64Array;
  finish: Float64Array;
  level: Uint16Array;
  flags: Uint8Array;
  pct: Float32Array;
  /** Links as task indexes. */
  linkFrom: Int32Array;
  linkTo: Int32Array;
  linkType: Uint8Array;
  /** The span of the plan (minutes), for the time axis. */
  min: number;
  max: number;
  /** Which weekdays (0 Sunday) the project calendar works, for shading. */
  workdays: boolean[];
  /** Minutes after midnight a working day starts (for typed dates). */
  dayStart: number;
}

/** Rows on screen: display row → task index, and back (-1 when inside a collapsed summary). */
export interface GanttView {
  rows: Int32Array;
  rowOf: Int32Array;
}

function calendarWeek(plan: PlanT): { workdays: boolean[]; dayStart: number } {
  const byUid = new Map(plan.calendars.map((c) => [c.uid, c]));
  const workdays: boolean[] = [];
  let dayStart = 8 * 60;
  for (let d = 0; d < 7; d++) {
    let cal = byUid.get(plan.calendarUid);
    let hours = cal?.week[d] ?? null;
    for (let hop = 0; hours === null && cal && cal.baseUid !== null && hop < 10; hop++) {
      cal = byUid.get(cal.baseUid);
      hours = cal?.week[d] ?? null;
    }
    if (hours === null) hours = d === 0 || d === 6 ? [] : [{ from: '08:00', to: '17:00' }];
    workdays.push(hours.length > 0);
    if (d === 1 && hours[0])
      dayStart = Number(hours[0].from.slice(0, 2)) * 60 + Number(hours[0].from.slice(3));
  }
  return { workdays, dayStart };
}

export function buildModel(plan: PlanT): GanttModel {
  const tasks = isSortedByRow(plan.tasks) ? plan.tasks : [...plan.tasks].sort((a, b) => a.row - b.row);
  const n = tasks.length;
  const start = new Float64Array(n);
  const finish = new Float64Array(n);
  const level = new Uint16Array(n);
  const flags = new Uint8Array(n);
  const pct = new Float32Array(n);
  const indexOf = new Map<number, number>();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    indexOf.set(t.uid, i);
    const s = toMinutes(t.start);
    const f = toMinutes(t.finish);
    start[i] = s;
    finish[i] = f;
    if (s < min) min = s;
    if (f > max) max = f;
    level[i] = t.outlineLevel;
    flags[i] =
      (t.summary ? SUMMARY : 0) |
      (t.milestone ? MILESTONE : 0) |
      (t.critical ? CRITICAL : 0) |
      (t.manual ? MANUAL : 0);
    pct[i] = t.percentComplete;
  }
  const m = plan.links.length;
  const linkFrom = new Int32Array(m);
  const linkTo = new Int32Array(m);
  const linkType = new Uint8Array(m);
  let k = 0;
  for (const l of plan.links) {
    const a = indexOf.get(l.predecessorUid);
    const b = indexOf.get(l.successorUid);
    if (a === undefined || b === undefined) continue;
    linkFrom[k] = a;
    linkTo[k] = b;
    linkType[k] = linkCode[l.type];
    k++;
  }
  const planStart = toMinutes(plan.startDate);
  if (!Number.isFinite(min)) min = Number.isNaN(planStart) ? 0 : planStart;
  if (!Number.isFinite(max)) max = min + 30 * MINUTES_PER_DAY;
  if (!Number.isNaN(planStart)) min = Math.min(min, planStart);
  return {
    plan,
    tasks,
    n,
    indexOf,
    start,
    finish,
    level,
    flags,
    pct,
    linkFrom: linkFrom.subarray(0, k),
    linkTo: linkTo.subarray(0, k),
    linkType: linkType.subarray(0, k),
    min,
    max,
    ...calendarWeek(plan),
  };
}

function isSortedByRow(tasks: PlanTaskT[]) {
  for (let i = 1; i < tasks.length; i++) if (tasks[i]!.row < tasks[i - 1]!.row) return false;
  return true;
}

/** The rows shown when the summaries in `collapsed` (UIDs) are closed. */
export function buildView(model: GanttModel, collapsed: ReadonlySet<number>): GanttView {
  const rowOf = new Int32Array(model.n).fill(-1);
  if (collapsed.size === 0) {
    const rows = new Int32Array(model.n);
    for (let i = 0; i < model.n; i++) {
      rows[i] = i;
      rowOf[i] = i;
    }
    return { rows, rowOf };
  }
  const rows: number[] = [];
  let hideBelow = 0; // while > 0, tasks deeper than this level are hidden
  for (let i = 0; i < model.n; i++) {
    const lv = model.level[i]!;
    if (hideBelow > 0 && lv > hideBelow) continue;
    hideBelow = 0;
    rowOf[i] = rows.length;
    rows.push(i);
    if (model.flags[i]! & SUMMARY && collapsed.has(model.tasks[i]!.uid)) hideBelow = lv;
  }
  return { rows: Int32Array.from(rows), rowOf };
}

const baselineCache = new WeakMap<GanttModel, Map<number, { start: Float64Array; finish: Float64Array }>>();

/** The dates of baseline `number` (0–10) per task index; NaN where the task has none. */
export function baselineDates(model: GanttModel, number: number) {
  let byNumber = baselineCache.get(model);
  if (!byNumber) {
    byNumber = new Map();
    baselineCache.set(model, byNumber);
  }
  let out = byNumber.get(number);
  if (!out) {
    const start = new Float64Array(model.n).fill(Number.NaN);
    const finish = new Float64Array(model.n).fill(Number.NaN);
    for (let i = 0; i < model.n; i++)
      for (const b of model.tasks[i]!.baselines)
        if (b.number === number) {
          start[i] = toMinutes(b.start);
          finish[i] = toMinutes(b.finish);
        }
    out = { start, finish };
    byNumber.set(number, out);
  }
  return out;
}
