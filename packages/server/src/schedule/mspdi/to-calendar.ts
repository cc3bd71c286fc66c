import type { PlanCalendarT } from '@pharos/api';
import { MspdiError } from './errors';
import type { Fields } from './fields';

type Hours = { from: string; to: string }[];
type Exception = PlanCalendarT['exceptions'][number];
type Recurrence = NonNullable<Exception['recurrence']>;

/** MSPDI's exception types: 1 a plain run of days; the others recurring patterns. */
export const EXCEPTION_TYPE = {
  days: 1,
  yearlyOnDay: 2,
  yearlyNth: 3,
  monthlyOnDay: 4,
  monthlyNth: 5,
  weekly: 6,
  daily: 7,
} as const;
/** `MonthItem` 3–9 name Sunday–Saturday (0–2, "day", "weekday", "weekend day", are not read). */
export const MONTH_ITEM_SUNDAY = 3;

/** Working hours of a `WeekDay` or `Exception`: none unless `DayWorking` is 1. */
export function hoursOf(f: Fields): Hours {
  if (!f.bool('DayWorking')) return [];
  const out = (f.child('WorkingTimes')?.list('WorkingTime') ?? []).flatMap((w) => {
    const from = w.clock('FromTime');
    const to = w.clock('ToTime', true);
    return from !== undefined && to !== undefined ? [{ from, to }] : [];
  });
  if (out.length > 8) throw new MspdiError(`${f.path} has more than 8 working periods`, f.path);
  return out;
}

/** The seven weekdays (Sunday first) a `WeekDays` element sets; null where it leaves a day unset. */
function weekOf(f: Fields | undefined): (Hours | null)[] {
  const week: (Hours | null)[] = Array.from({ length: 7 }, () => null);
  for (const wd of f?.list('WeekDay') ?? []) {
    const type = wd.required('DayType', (n) => wd.int(n, 0, 7));
    if (type > 0) week[type - 1] = hoursOf(wd);
  }
  return week;
}

function recurrenceOf(ex: Fields, type: number, warnings: string[]): Recurrence | undefined | null {
  const period = ex.int('Period', 1, 99) ?? 1;
  const monthItem = ex.int('MonthItem', 0, 9);
  const nth = () => (ex.int('MonthPosition', 0, 4) ?? 0) + 1;
  const weekday = () => {
    if (monthItem === undefined || monthItem < MONTH_ITEM_SUNDAY) {
      warnings.push(`${ex.path}: a recurring exception on "the nth day/weekday/weekend day" is not kept`);
      return null;
    }
    return monthItem - MONTH_ITEM_SUNDAY;
  };
  const month = () => (ex.int('Month', 0, 11) ?? 0) + 1;
  switch (type) {
    case EXCEPTION_TYPE.days:
      return undefined;
    case EXCEPTION_TYPE.daily:
      return { kind: 'daily', period };
    case EXCEPTION_TYPE.weekly: {
      const bits = ex.int('DaysOfWeek', 0, 127) ?? 0;
      return { kind: 'weekly', period, weekdays: [0, 1, 2, 3, 4, 5, 6].filter((d) => bits & (1 << d)) };
    }
    case EXCEPTION_TYPE.monthlyOnDay:
      return { kind: 'monthly', period, monthDay: ex.int('MonthDay', 1, 31) ?? 1 };
    case EXCEPTION_TYPE.monthlyNth: {
      const w = weekday();
      return w === null ? null : { kind: 'monthly', period, nth: nth(), weekday: w };
    }
    case EXCEPTION_TYPE.yearlyOnDay:
      return { kind: 'yearly', period: 1, month: month(), monthDay: ex.int('MonthDay', 1, 31) ?? 1 };
    case EXCEPTION_TYPE.yearlyNth: {
      const w = weekday();
      return w === null ? null : { kind: 'yearly', period: 1, month: month(), nth: nth(), weekday: w };
    }
    default:
      return ex.fail('Type', 'an exception type from 1 to 7');
  }
}

/** A 2007+ `Exception`: a run of days or a recurring pattern; null when not kept. */
function exceptionOf(ex: Fields, warnings: string[]): Exception | null {
  const period = ex.required('TimePeriod', (n) => ex.child(n));
  const from = period.required('FromDate', (n) => period.date(n));
  const to = period.required('ToDate', (n) => period.date(n));
  if (to < from) throw new MspdiError(`${period.path} ends before it begins`, period.path);
  const recurrence = recurrenceOf(ex, ex.int('Type', 1, 7) ?? EXCEPTION_TYPE.days, warnings);
  if (recurrence === null) return null;
  const occurrences = ex.int('Occurrences', 1, 999);
  if (recurrence && ex.bool('EnteredByOccurrences') && occurrences) recurrence.occurrences = occurrences;
  return {
    name: ex.value('Name') ?? '',
    from,
    to,
    hours: hoursOf(ex),
    ...(recurrence ? { recurrence } : {}),
  };
}

/**
 * A calendar. Exceptions come from the 2007+ `Exceptions` when the file has them (they carry the
 * recurrence; MS Project also writes each occurrence as a dated `WeekDay` for older versions,
 * which is then ignored), otherwise from the dated `WeekDay` (`DayType` 0) of older files.
 */
export function calendarOf(c: Fields, warnings: string[]): PlanCalendarT {
  const uid = c.required('UID', (n) => c.int(n, 1));
  const baseUid = c.int('BaseCalendarUID');
  const week = weekOf(c.child('WeekDays'));
  // MS Project 2016+ writes 0 (and older ones -1) for "no base calendar".
  const base = baseUid === undefined || baseUid < 1 ? null : baseUid;
  const ex2007 = c.child('Exceptions')?.list('Exception');
  const exceptions = ex2007
    ? ex2007.flatMap((e) => exceptionOf(e, warnings) ?? [])
    : (c.child('WeekDays')?.list('WeekDay') ?? []).flatMap((wd) => {
        if (wd.int('DayType') !== 0) return [];
        const period = wd.child('TimePeriod');
        const from = period?.date('FromDate');
        const to = period?.date('ToDate');
        return from && to && to >= from ? [{ name: '', from, to, hours: hoursOf(wd) }] : [];
      });
  if (exceptions.length > 5000) throw new MspdiError(`${c.path} has more than 5,000 exceptions`, c.path);
  const workWeeks = (c.child('WorkWeeks')?.list('WorkWeek') ?? []).flatMap((w) => {
    const period = w.child('TimePeriod');
    const from = period?.date('FromDate');
    const to = period?.date('ToDate');
    if (!from || !to) return [];
    return [{ name: w.value('Name') ?? '', from, to, week: weekOf(w.child('WeekDays')) }];
  });
  if (workWeeks.length > 500) throw new MspdiError(`${c.path} has more than 500 work weeks`, c.path);
  return {
    uid,
    name: (c.value('Name') ?? `Calendar ${uid}`).slice(0, 200),
    baseUid: base,
    // A calendar of its own (no base) works no hours on the days it does not set.
    week: base === null ? week.map((d) => d ?? []) : week,
    exceptions,
    workWeeks,
  };
}
