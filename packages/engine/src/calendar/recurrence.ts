import { type Day, dateParts, dayFromParts, daysInMonth, weekdayOf } from './time';

/** Which occurrence of a weekday in a month: 1st … 4th, or -1 for the last. */
export type Nth = 1 | 2 | 3 | 4 | -1;

/** How a calendar exception repeats (MS Project's recurrence patterns). */
export type Recurrence =
  | { kind: 'daily'; every: number }
  /** Every `every` weeks (weeks begin on Sunday) on these weekdays, 0 = Sunday. */
  | { kind: 'weekly'; every: number; weekdays: readonly number[] }
  /** Day `day` of every `every` months (the last day in shorter months). */
  | { kind: 'monthly'; every: number; day: number }
  | { kind: 'monthlyNth'; every: number; nth: Nth; weekday: number }
  /** `day` of `month` (1–12) every year (the last day in a shorter February). */
  | { kind: 'yearly'; month: number; day: number }
  | { kind: 'yearlyNth'; month: number; nth: Nth; weekday: number };

export interface RecurringRange {
  /** The first day the pattern may fall on. */
  from: Day;
  /** Ends by a day (inclusive) … */
  to?: Day;
  /** … or after this many occurrences (the earlier of the two when both are given). */
  occurrences?: number;
}

/** The `nth` `weekday` of a month, as a day. */
export function nthWeekday(year: number, month: number, nth: Nth, weekday: number): Day {
  if (nth === -1) {
    const last = dayFromParts(year, month, daysInMonth(year, month));
    return last - ((weekdayOf(last) - weekday + 7) % 7);
  }
  const first = dayFromParts(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + (nth - 1) * 7;
}

const clampDay = (year: number, month: number, day: number) =>
  dayFromParts(year, month, Math.min(day, daysInMonth(year, month)));

/**
 * The days a recurring exception falls on, in order. Without an end (no `to`, no `occurrences`)
 * it stops at `horizon`, which is also a hard stop for the others.
 */
export function occurrencesOf(rule: Recurrence, range: RecurringRange, horizon: Day): Day[] {
  const every = 'every' in rule ? rule.every : 1;
  if (!Number.isInteger(every) || every < 1)
    throw new RangeError('A recurrence repeats every 1 or more periods');
  const last = Math.min(range.to ?? Number.POSITIVE_INFINITY, horizon);
  const max = range.occurrences ?? Number.POSITIVE_INFINITY;
  const out: Day[] = [];
  const take = (d: Day) => {
    if (d >= range.from && d <= last && out.length < max) out.push(d);
  };
  const done = (d: Day) => d > last || out.length >= max;
  const start = dateParts(range.from);
  switch (rule.kind) {
    case 'daily':
      for (let d = range.from; !done(d); d += every) take(d);
      break;
    case 'weekly': {
      const days = [...new Set(rule.weekdays)].sort((a, b) => a - b);
      if (days.length === 0 || days.some((w) => w < 0 || w > 6))
        throw new RangeError('Weekdays are 0 (Sunday) to 6');
      for (let sunday = range.from - weekdayOf(range.from); !done(sunday); sunday += 7 * every)
        for (const w of days) take(sunday + w);
      break;
    }
    case 'monthly':
    case 'monthlyNth':
      for (let k = 0; ; k += every) {
        const y = start.year + Math.floor((start.month - 1 + k) / 12);
        const m = ((start.month - 1 + k) % 12) + 1;
        if (dayFromParts(y, m, 1) > last || out.length >= max) break;
        take(rule.kind === 'monthly' ? clampDay(y, m, rule.day) : nthWeekday(y, m, rule.nth, rule.weekday));
      }
      break;
    case 'yearly':
    case 'yearlyNth':
      for (let y = start.year; dayFromParts(y, 1, 1) <= last && out.length < max; y++)
        take(
          rule.kind === 'yearly'
            ? clampDay(y, rule.month, rule.day)
            : nthWeekday(y, rule.month, rule.nth, rule.weekday),
        );
      break;
  }
  return out;
}
