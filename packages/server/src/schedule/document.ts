import type { PlanCalendarT, PlanT, PlanTaskT } from '@pharos/api';
import {
  type CalendarDefinition,
  Constraint,
  dayFromIso,
  type Interval,
  isoMinute,
  LinkType,
  type Minute,
  minuteFromIso,
  type Nth,
  occurrencesOf,
  type PlanInput,
  type PlanSchedule,
  type Recurrence,
  schedulePlan,
  type WeekPattern,
} from '@pharos/engine';

/**
 * A plan as a document: what is stored for a project and what MSPDI files are read into and
 * written from. The fields are the API's; the document adds the plan's name and which baselines
 * were set.
 */
export type PlanDocument = Pick<
  PlanT,
  | 'startDate'
  | 'statusDate'
  | 'calendarUid'
  | 'minutesPerDay'
  | 'minutesPerWeek'
  | 'daysPerMonth'
  | 'finish'
  | 'calendars'
  | 'tasks'
  | 'links'
  | 'resources'
  | 'assignments'
> & { name: string; baselinesSet: { number: number; setAt: string }[] };

/** A plan Minute as the API writes it: `YYYY-MM-DDTHH:mm`. */
export const planInstant = (t: Minute): string => isoMinute(t).slice(0, 16);
export const planMinute = (s: string): Minute => minuteFromIso(s);
const optMinute = (s: string | null) => (s === null ? null : minuteFromIso(s));

export const constraintNumber: Record<PlanTaskT['constraintType'], Constraint> = Constraint;
export const constraintName = Object.fromEntries(
  Object.entries(Constraint).map(([k, v]) => [v, k]),
) as Record<number, PlanTaskT['constraintType']>;
export const linkTypeNumber: Record<'FS' | 'SS' | 'FF' | 'SF', LinkType> = LinkType;
export const linkTypeName = Object.fromEntries(Object.entries(LinkType).map(([k, v]) => [v, k])) as Record<
  number,
  'FS' | 'SS' | 'FF' | 'SF'
>;

const clock = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
const hours = (h: { from: string; to: string }[]): Interval[] => h.map((x) => [clock(x.from), clock(x.to)]);

/** How far ahead an open-ended recurring exception is laid out (days). */
const RECURRENCE_HORIZON_DAYS = 366 * 30;

function recurrenceRule(
  r: NonNullable<PlanCalendarT['exceptions'][number]['recurrence']>,
  from: number,
): Recurrence {
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
export function calendarDefinitions(calendars: readonly PlanCalendarT[]): Map<number, CalendarDefinition> {
  const byUid = new Map(calendars.map((c) => [c.uid, c]));
  const out = new Map<number, CalendarDefinition>();
  for (const cal of calendars) {
    const chain: PlanCalendarT[] = [];
    for (let c: PlanCalendarT | undefined = cal; c && chain.length < 10 && !chain.includes(c); ) {
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

/** The engine's view of a plan document. */
export function planInput(doc: PlanDocument, calendars = calendarDefinitions(doc.calendars)): PlanInput {
  return {
    start: planMinute(doc.startDate),
    statusDate: optMinute(doc.statusDate),
    calendarUid: doc.calendarUid,
    calendars,
    tasks: doc.tasks.map((t) => ({
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
    })),
    links: doc.links.map((l) => ({
      predecessorUid: l.predecessorUid,
      successorUid: l.successorUid,
      type: linkTypeNumber[l.type],
      lag: l.lag,
      lagKind: l.lagUnit.endsWith('%') ? 'percent' : l.lagUnit.startsWith('e') ? 'elapsed' : 'work',
    })),
  };
}

/** Row numbers, WBS codes (1, 1.1, 1.2, 2 …) and summary flags from the outline levels. */
export function numberTasks(tasks: PlanTaskT[]) {
  const counters: number[] = [];
  tasks.forEach((t, i) => {
    const level = Math.max(1, Math.min(t.outlineLevel, counters.length + 1));
    t.outlineLevel = level;
    counters.length = level;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    t.row = i + 1;
    t.wbs = counters.join('.');
    t.summary = false;
    if (i > 0 && level > tasks[i - 1]!.outlineLevel) tasks[i - 1]!.summary = true;
  });
}

/**
 * Schedules a document in place: every task's computed dates and slack, and the plan's finish.
 * Returns the schedule and the milliseconds the engine took.
 */
export function scheduleDocument(doc: PlanDocument, calendars?: Map<number, CalendarDefinition>) {
  numberTasks(doc.tasks);
  const input = planInput(doc, calendars);
  const began = performance.now();
  const s: PlanSchedule = schedulePlan(input);
  const ms = performance.now() - began;
  doc.tasks.forEach((t, i) => {
    t.summary = s.summary[i] === 1;
    t.start = planInstant(s.start[i]!);
    t.finish = planInstant(s.finish[i]!);
    t.earlyStart = planInstant(s.earlyStart[i]!);
    t.earlyFinish = planInstant(s.earlyFinish[i]!);
    t.lateStart = planInstant(s.lateStart[i]!);
    t.lateFinish = planInstant(s.lateFinish[i]!);
    t.totalSlack = s.totalSlack[i]!;
    t.freeSlack = s.freeSlack[i]!;
    t.critical = s.critical[i] === 1;
    t.remainingDuration = s.remaining[i]!;
  });
  doc.finish = doc.tasks.length ? planInstant(s.projectFinish) : null;
  return { schedule: s, ms };
}
