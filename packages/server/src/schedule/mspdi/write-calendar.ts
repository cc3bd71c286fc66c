import type { PlanCalendarT } from '@pharos/api';
import { dayFromIso, isoDay, occurrencesOf } from '@pharos/engine';
import { RECURRENCE_HORIZON_DAYS, recurrenceRule } from '../document';
import { EXCEPTION_TYPE, MONTH_ITEM_SUNDAY } from './to-calendar';
import { Element, leaf } from './xml-out';

type Hours = { from: string; to: string }[];
type Exception = PlanCalendarT['exceptions'][number];

const clock = (hhmm: string) => (hhmm === '24:00' ? '00:00:00' : `${hhmm}:00`);

function workingTimes(hours: Hours) {
  if (hours.length === 0) return '';
  const times = hours.map(
    (h) => `<WorkingTime>${leaf('FromTime', clock(h.from))}${leaf('ToTime', clock(h.to))}</WorkingTime>`,
  );
  return `<WorkingTimes>${times.join('')}</WorkingTimes>`;
}

function weekDay(type: number, hours: Hours, period?: { from: string; to: string }) {
  const w = new Element('WeekDay').set('DayType', type).set('DayWorking', hours.length > 0);
  if (period) w.add('TimePeriod', timePeriod(period.from, period.to));
  return w.add('WorkingTimes', workingTimes(hours)).toString();
}

const timePeriod = (from: string, to: string) =>
  `<TimePeriod>${leaf('FromDate', `${from}T00:00:00`)}${leaf('ToDate', `${to}T23:59:00`)}</TimePeriod>`;

/** The days an exception falls on, as runs of consecutive days. */
function occurrences(e: Exception): number[] {
  const from = dayFromIso(e.from);
  const to = dayFromIso(e.to);
  if (!e.recurrence) return [];
  const r = e.recurrence;
  return occurrencesOf(
    recurrenceRule(r, from),
    { from, to, ...(r.occurrences ? { occurrences: r.occurrences } : {}) },
    from + RECURRENCE_HORIZON_DAYS,
  );
}

/** A 2007+ `Exception`: its pattern as MS Project writes it. */
function exception(e: Exception, count: number) {
  const x = new Element('Exception')
    .set('EnteredByOccurrences', e.recurrence?.occurrences !== undefined)
    .add('TimePeriod', timePeriod(e.from, e.to))
    .set('Occurrences', count)
    .set('Name', e.name);
  const r = e.recurrence;
  if (!r) x.set('Type', EXCEPTION_TYPE.days);
  else if (r.kind === 'daily') x.set('Type', EXCEPTION_TYPE.daily).set('Period', r.period);
  else if (r.kind === 'weekly')
    x.set('Type', EXCEPTION_TYPE.weekly)
      .set('Period', r.period)
      .set(
        'DaysOfWeek',
        (r.weekdays ?? []).reduce((bits, d) => bits | (1 << d), 0),
      );
  else {
    const nth = r.nth !== undefined && r.weekday !== undefined;
    const yearly = r.kind === 'yearly';
    x.set(
      'Type',
      yearly
        ? nth
          ? EXCEPTION_TYPE.yearlyNth
          : EXCEPTION_TYPE.yearlyOnDay
        : nth
          ? EXCEPTION_TYPE.monthlyNth
          : EXCEPTION_TYPE.monthlyOnDay,
    );
    if (!yearly) x.set('Period', r.period);
    if (yearly) x.set('Month', (r.month ?? Number(e.from.slice(5, 7))) - 1);
    if (nth) x.set('MonthItem', r.weekday! + MONTH_ITEM_SUNDAY).set('MonthPosition', r.nth! - 1);
    else x.set('MonthDay', r.monthDay ?? Number(e.from.slice(8, 10)));
  }
  return x
    .set('DayWorking', e.hours.length > 0)
    .add('WorkingTimes', workingTimes(e.hours))
    .toString();
}

/**
 * A calendar with its exceptions twice, as MS Project 2007+ writes them: as `Exceptions` (with
 * their recurrence, read by 2007 and later) and as dated `WeekDay` elements, one per occurrence
 * (read by MS Project 2002 and 2003).
 */
export function calendarXml(c: PlanCalendarT): string {
  const days: string[] = [];
  c.week.forEach((h, d) => {
    if (h !== null && h !== undefined) days.push(weekDay(d + 1, h));
    else if (c.baseUid === null) days.push(weekDay(d + 1, []));
  });
  const exceptions = c.exceptions.map((e) => {
    if (!e.recurrence) {
      days.push(weekDay(0, e.hours, e));
      return exception(e, dayFromIso(e.to) - dayFromIso(e.from) + 1);
    }
    const on = occurrences(e);
    for (const d of on) days.push(weekDay(0, e.hours, { from: isoDay(d), to: isoDay(d) }));
    return exception(e, Math.max(1, on.length));
  });
  const weeks = c.workWeeks.map((w) => {
    const wd = w.week.flatMap((h, d) => (h === null || h === undefined ? [] : [weekDay(d + 1, h)]));
    return new Element('WorkWeek')
      .add('TimePeriod', timePeriod(w.from, w.to))
      .set('Name', w.name)
      .add('WeekDays', `<WeekDays>${wd.join('')}</WeekDays>`)
      .toString();
  });
  const cal = new Element('Calendar')
    .set('UID', c.uid)
    .set('Name', c.name)
    .set('IsBaseCalendar', c.baseUid === null)
    .set('IsBaselineCalendar', false)
    .set('BaseCalendarUID', c.baseUid ?? -1)
    .add('WeekDays', `<WeekDays>\n${days.join('')}</WeekDays>`);
  if (exceptions.length) cal.add('Exceptions', `<Exceptions>\n${exceptions.join('')}</Exceptions>`);
  if (weeks.length) cal.add('WorkWeeks', `<WorkWeeks>\n${weeks.join('')}</WorkWeeks>`);
  return cal.toString();
}
