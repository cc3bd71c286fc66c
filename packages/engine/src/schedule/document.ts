import type { CalendarDefinition, Interval, WeekPattern } from '../calendar/calendar';
import { type Nth, occurrencesOf, type Recurrence } from '../calendar/recurrence';
import { dayFromIso, isoMinute, type Minute, minuteFromIso } from '../calendar/time';
import { Constraint, LinkType } from './cpm';
import type { PlanInput, PlanLinkInput, PlanTaskInput } from './plan';

/*
 * A plan as a document: tasks, links and calendars as the API carries them (instants as
 * `YYYY-MM-DDTHH:mm` texts, durations in minutes), read into the engine's input and written
 * back with the computed dates. The server schedules the plans it stores this way and the web app
 * the plan open in the Gantt, with the same code. The interfaces name only the fields read and
 * written here; the API's plan types have them (and more), so they fit as they are.
 */

export type ConstraintName = keyof typeof Constraint;
export type LinkTypeName = keyof typeof LinkType;

/** Working hours within a day, `HH:mm` to `HH:mm`. */
export interface DocumentHours {
  from: string;
  to: string;
}

/** A recurring calendar exception, as MS Project describes one. */
export interface DocumentRecurrence {
  kind: 'daily' | 'weekly' | 'monthly' | 'yearly';
  period: number;
  weekdays?: number[] | undefined;
  monthDay?: number | undefined;
  /** 1–4, 5 = last. */
  nth?: number | undefined;
  weekday?: number | undefined;
  month?: number | undefined;
  occurrences?: number | undefined;
}

export interface DocumentCalendar {
  uid: number;
  baseUid: number | null;
  /** Sunday first; null: as the base calendar. */
  week: readonly (readonly DocumentHours[] | null)[];
  exceptions: readonly {
    from: string;
    to: string;
    hours: readonly DocumentHours[];
    recurrence?: DocumentRecurrence | undefined;
  }[];
  workWeeks: readonly { from: string; to: string; week: readonly (readonly DocumentHours[] | null)[] }[];
}

/** Where a task sits in the outline; row, WBS code and summary flag are worked out from the levels. */
export interface DocumentOutline {
  outlineLevel: number;
  row: number;
  wbs: string;
  summary: boolean;
}

/** A task: what a person enters (read) and what the engine computes (written). */
export interface DocumentTask extends DocumentOutline {
  uid: number;
  milestone: boolean;
  manual: boolean;
  manualStart: string | null;
  duration: number;
  durationUnit: string;
  constraintType: ConstraintName;
  constraintDate: string | null;
  deadline: string | null;
  calendarUid: number | null;
  percentComplete: number;
  actualStart: string | null;
  actualFinish: string | null;
  remainingDuration: number | null;
  start: string | null;
  finish: string | null;
  earlyStart: string | null;
  earlyFinish: string | null;
  lateStart: string | null;
  lateFinish: string | null;
  totalSlack: number | null;
  freeSlack: number | null;
  critical: boolean;
}

export interface DocumentLink {
  predecessorUid: number;
  successorUid: number;
  type: LinkTypeName;
  /** Minutes (elapsed for `e…` units); a percentage of the predecessor's duration for `%`. */
  lag: number;
  lagUnit: string;
}

/** A plan document as scheduling reads it; `finish` and the tasks' computed fields are written. */
export interface ScheduleDocument {
  startDate: string;
  statusDate: string | null;
  calendarUid: number;
  finish: string | null;
  calendars: readonly DocumentCalendar[];
  tasks: DocumentTask[];
  links: readonly DocumentLink[];
}

/** `YYYY-MM-DDT` of each day met so far (by day from `dayBase`): a plan's dates fall on a few thousand days at most. */
let dayBase = Number.NaN;
/** Days kept around `dayBase` (about 270 years each way). */
const DAY_SPAN = 100_000;
/** Filled in as days are met ('' until then); a dense array, not a sparse one (a hash table). */
let dayText: string[] = [];
const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
/** `HH:mm` of every minute of a day. */
const clockText = Array.from({ length: 1440 }, (_, m) => `${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`);

/** A plan Minute as the API writes it: `YYYY-MM-DDTHH:mm`. */
export function planInstant(minute: Minute): string {
  // Plan time is whole minutes; a computed instant may carry a floating-point remainder.
  const t = Math.round(minute);
  const d = Math.floor(t / 1440);
  const m = t - d * 1440;
  if (Number.isNaN(dayBase)) {
    dayBase = d - DAY_SPAN;
    dayText = new Array<string>(2 * DAY_SPAN).fill('');
  }
  const i = d - dayBase;
  if (i >= 0 && i < 2 * DAY_SPAN && Number.isInteger(m)) {
    let day = dayText[i]!;
    if (day === '') dayText[i] = day = isoMinute(d * 1440).slice(0, 11);
    return day + clockText[m];
  }
  return `${isoMinute(d * 1440).slice(0, 11)}${pad2(Math.floor(m / 60))}:${pad2(m % 60)}`;
}

/** `YYYY-MM-DDTHH:mm` as a plan Minute (the common shape read by hand; anything else by the engine's parser). */
export function planMinute(s: string): Minute {
  if (s.length === 16 && s.charCodeAt(10) === 84 /* T */) {
    const day = dayFromText.get(s.slice(0, 10));
    if (day !== undefined) {
      const hh = (s.charCodeAt(11) - 48) * 10 + s.charCodeAt(12) - 48;
      const mm = (s.charCodeAt(14) - 48) * 10 + s.charCodeAt(15) - 48;
      if (hh >= 0 && hh < 24 && mm >= 0 && mm < 60) return day * 1440 + hh * 60 + mm;
    }
  }
  const t = minuteFromIso(s);
  if (dayFromText.size < 200_000) dayFromText.set(s.slice(0, 10), Math.floor(t / 1440));
  return t;
}
const dayFromText = new Map<string, number>();
export const optMinute = (s: string | null) => (s === null ? null : minuteFromIso(s));

export const constraintNumber: Record<ConstraintName, Constraint> = Constraint;
export const constraintName = Object.fromEntries(
  Object.entries(Constraint).map(([k, v]) => [v, k]),
) as Record<number, ConstraintName>;
export const linkTypeNumber: Record<LinkTypeName, LinkType> = LinkType;
export const linkTypeName = Object.fromEntries(Object.entries(LinkType).map(([k, v]) => [v, k])) as Record<
  number,
  LinkTypeName
>;

const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hours = (h: readonly DocumentHours[]): Interval[] => h.map((x) => [clock(x.from), clock(x.to)]);

/** How far ahead an open-ended recurring exception is laid out (days). */
export const RECURRENCE_HORIZON_DAYS = 366 * 30;

export function recurrenceRule(r: DocumentRecurrence, from: number): Recurrence {
  const nth = (r.nth === 5 ? -1 : r.nth) as Nth | undefined;
  switch (r.kind) {
    case 'daily':
      return { kind: 'daily', every: r.period };
    case 'weekly':
      return { kind: 'weekly', every: r.period, weekdays: r.weekdays ?? [] };
    case 'monthly':
      return nth !== undefined && r.weekday !== undefined
        ? { kind: 'monthlyNth', every: r.period, nth, weekday: r.weekday }
        : { kind: 'monthly', every: r.period, day: r.monthDay ?? new Date(from * 86_400_000).getUTCDate() };
    case 'yearly': {
      const month = r.month ?? new Date(from * 86_400_000).getUTCMonth() + 1;
      return nth !== undefined && r.weekday !== undefined
        ? { kind: 'yearlyNth', month, nth, weekday: r.weekday }
        : { kind: 'yearly', month, day: r.monthDay ?? new Date(from * 86_400_000).getUTCDate() };
    }
  }
}

/** The engine's definition of each calendar: unset days from its base calendar, recurring exceptions laid out. */
export function calendarDefinitions(calendars: readonly DocumentCalendar[]): Map<number, CalendarDefinition> {
  const byUid = new Map(calendars.map((c) => [c.uid, c]));
  const out = new Map<number, CalendarDefinition>();
  for (const cal of calendars) {
    const chain: DocumentCalendar[] = [];
    for (let c: DocumentCalendar | undefined = cal; c && chain.length < 10 && !chain.includes(c); ) {
      chain.push(c);
      c = c.baseUid === null ? undefined : byUid.get(c.baseUid);
    }
    const week = Array.from({ length: 7 }, (_, d) => {
      for (const c of chain) if (c.week[d] !== null && c.week[d] !== undefined) return hours(c.week[d]!);
      return [];
    }) as WeekPattern;
    const exceptions = [...chain].reverse().flatMap((c) =>
      c.exceptions.flatMap((e) => {
        const from = dayFromIso(e.from);
        const to = dayFromIso(e.to);
        const h = hours(e.hours);
        if (!e.recurrence) return [{ from, to, hours: h }];
        const days = occurrencesOf(
          recurrenceRule(e.recurrence, from),
          { from, to, ...(e.recurrence.occurrences ? { occurrences: e.recurrence.occurrences } : {}) },
          from + RECURRENCE_HORIZON_DAYS,
        );
        return days.map((d) => ({ from: d, to: d, hours: h }));
      }),
    );
    const workWeeks = [...chain].reverse().flatMap((c) =>
      c.workWeeks.map((w) => ({
        from: dayFromIso(w.from),
        to: dayFromIso(w.to),
        week: w.week.map((d, i) => (d === null ? week[i]! : hours(d))) as WeekPattern,
      })),
    );
    out.set(cal.uid, { week, exceptions, workWeeks });
  }
  return out;
}

export const lagKind = (unit: string): PlanLinkInput['lagKind'] =>
  unit.endsWith('%') ? 'percent' : unit.startsWith('e') ? 'elapsed' : 'work';

/** The engine's view of one task. */
export function taskInput(t: DocumentTask): PlanTaskInput {
  return {
    uid: t.uid,
    outlineLevel: t.outlineLevel,
    milestone: t.milestone,
    manual: t.manual,
    manualStart: optMinute(t.manualStart),
    duration: t.duration,
    elapsed: t.durationUnit.startsWith('e'),
    constraint: constraintNumber[t.constraintType],
    constraintDate: optMinute(t.constraintDate),
    deadline: optMinute(t.deadline),
    calendarUid: t.calendarUid,
    percentComplete: t.percentComplete,
    actualStart: optMinute(t.actualStart),
    actualFinish: optMinute(t.actualFinish),
    remainingDuration: t.remainingDuration,
  };
}

/** The engine's view of one link. */
export function linkInput(l: DocumentLink): PlanLinkInput {
  return {
    predecessorUid: l.predecessorUid,
    successorUid: l.successorUid,
    type: linkTypeNumber[l.type],
    lag: l.lag,
    lagKind: lagKind(l.lagUnit),
  };
}

/** The engine's view of a plan document. */
export function planInput(doc: ScheduleDocument, calendars = calendarDefinitions(doc.calendars)): PlanInput {
  return {
    start: planMinute(doc.startDate),
    statusDate: optMinute(doc.statusDate),
    calendarUid: doc.calendarUid,
    calendars,
    tasks: doc.tasks.map(taskInput),
    links: doc.links.map(linkInput),
  };
}

/** Whether `wbs` is `parent.n` (`n` alone without a parent), read without building the string. */
function hasCode(wbs: string | undefined, parent: string, n: number): boolean {
  if (typeof wbs !== 'string') return false;
  let at = wbs.length;
  for (; n > 0; n = Math.floor(n / 10)) if (--at < 0 || wbs.charCodeAt(at) !== 48 + (n % 10)) return false;
  if (parent === '') return at === 0;
  return at === parent.length + 1 && wbs.charCodeAt(parent.length) === 46 && wbs.startsWith(parent);
}

/**
 * Row numbers, WBS codes (1, 1.1, 1.2, 2 …) and summary flags from the outline levels. A task is
 * written only where one of them changes, through `own` when given (the task to write for row
 * `i`: a copy, for a caller that never changes a task object in place).
 */
export function numberTasks<T extends DocumentOutline>(tasks: T[], own?: (i: number) => T) {
  /** The count of tasks so far at each level under the current parents, `depth` of them. */
  const counters: number[] = [];
  /** The WBS code of the last task met at each level (the current parents). */
  const codes: string[] = [];
  let depth = 0;
  const n = tasks.length;
  for (let i = 0; i < n; i++) {
    const t = tasks[i]!;
    const level = Math.max(1, Math.min(t.outlineLevel, depth + 1));
    if (level > depth) counters[level - 1] = 0;
    depth = level;
    const c = counters[level - 1]! + 1;
    counters[level - 1] = c;
    // The code the task has already, when right (as after an edit elsewhere), else a new one.
    const wbs = hasCode(t.wbs, level === 1 ? '' : codes[level - 2]!, c)
      ? t.wbs!
      : level === 1
        ? String(c)
        : `${codes[level - 2]}.${c}`;
    codes[level - 1] = wbs;
    // A summary is followed by a deeper task (the next one's level, however deep, counts as one more).
    const summary = i + 1 < n && tasks[i + 1]!.outlineLevel > level;
    if (t.outlineLevel !== level || t.row !== i + 1 || t.wbs !== wbs || t.summary !== summary) {
      const w = own ? own(i) : t;
      w.outlineLevel = level;
      w.row = i + 1;
      w.wbs = wbs;
      w.summary = summary;
    }
  }
}
