/*
 * Reporting periods. Weekly periods are ISO weeks (Monday to Sunday, keyed `2025-W03`, the week
 * belonging to the year of its Thursday). Bi-weekly periods are 14 days long, starting on the
 * configured anchor date and every 14 days before and after it (keyed by their first day).
 * Monthly periods are calendar months (`2025-03`). Each period has an `index`, an integer that
 * grows by one from a period to the next, so periods compare and subtract as numbers; every date
 * falls in exactly one period of a cadence.
 */
import { dateParts, dayFromParts, daysInMonth, isoDay } from '../calendar/time';
import { fail, ok, parseDay } from './internal';
import type { StatusResult } from './types';

export type ReportingCadence =
  | { kind: 'weekly' }
  | { kind: 'biweekly'; anchor: string }
  | { kind: 'monthly' };

export interface ReportingPeriod {
  kind: ReportingCadence['kind'];
  /** Consecutive periods have consecutive indexes. */
  index: number;
  /** `2025-W03`, `2025-01-06` (bi-weekly: its first day) or `2025-03`. */
  key: string;
  /** First day, YYYY-MM-DD. */
  start: string;
  /** Last day (inclusive), YYYY-MM-DD. */
  end: string;
}

/** Monday 1969-12-29 is day −3: the start of week index 0. */
const FIRST_MONDAY = -3;

const pad = (n: number) => String(n).padStart(2, '0');

/** The bi-weekly anchor day (0 for the other cadences), or why the cadence is not usable. */
function anchorOf(cadence: ReportingCadence): StatusResult<number> {
  switch (cadence.kind) {
    case 'weekly':
    case 'monthly':
      return ok(0);
    case 'biweekly':
      return parseDay(cadence.anchor, 'cadence.anchor');
    default:
      return fail(
        'invalid_rule',
        'cadence.kind',
        `cadence must be weekly, biweekly or monthly, not ${String((cadence as { kind: unknown }).kind)}`,
      );
  }
}

/** The index of the period holding a day (days from 1970-01-01); `anchor` is the bi-weekly anchor day. */
export function periodIndexOfDay(day: number, kind: ReportingCadence['kind'], anchor = 0): number {
  if (kind === 'weekly') return Math.floor((day - FIRST_MONDAY) / 7);
  if (kind === 'biweekly') return Math.floor((day - anchor) / 14);
  const { year, month } = dateParts(day);
  return year * 12 + month - 1;
}

/** The first and last day of a period. */
export function periodDays(
  index: number,
  kind: ReportingCadence['kind'],
  anchor = 0,
): [start: number, end: number] {
  if (kind === 'weekly') return [FIRST_MONDAY + 7 * index, FIRST_MONDAY + 7 * index + 6];
  if (kind === 'biweekly') return [anchor + 14 * index, anchor + 14 * index + 13];
  const year = Math.floor(index / 12);
  const month = index - 12 * year + 1;
  const start = dayFromParts(year, month, 1);
  return [start, start + daysInMonth(year, month) - 1];
}

function describe(index: number, kind: ReportingCadence['kind'], anchor: number): ReportingPeriod {
  const [start, end] = periodDays(index, kind, anchor);
  let key: string;
  if (kind === 'weekly') {
    const thursday = start + 3;
    const { year } = dateParts(thursday);
    key = `${year}-W${pad(Math.floor((thursday - dayFromParts(year, 1, 1)) / 7) + 1)}`;
  } else if (kind === 'biweekly') {
    key = isoDay(start);
  } else {
    const { year, month } = dateParts(start);
    key = `${year}-${pad(month)}`;
  }
  return { kind, index, key, start: isoDay(start), end: isoDay(end) };
}

/** The period a date (YYYY-MM-DD) falls in. */
export function periodOf(date: string, cadence: ReportingCadence): StatusResult<ReportingPeriod> {
  const anchor = anchorOf(cadence);
  if (!anchor.ok) return anchor;
  const day = parseDay(date, 'date');
  if (!day.ok) return day;
  return ok(describe(periodIndexOfDay(day.value, cadence.kind, anchor.value), cadence.kind, anchor.value));
}

/** The period with an index (`periodOf(...).index ± n` steps through periods). */
export function periodAt(index: number, cadence: ReportingCadence): StatusResult<ReportingPeriod> {
  const anchor = anchorOf(cadence);
  if (!anchor.ok) return anchor;
  if (!Number.isSafeInteger(index))
    return fail('invalid_number', 'index', `index must be an integer, not ${index}`);
  return ok(describe(index, cadence.kind, anchor.value));
}

/** The periods from the one holding `from` to the one holding `to`, in order (empty when to < from). */
export function periodsBetween(
  from: string,
  to: string,
  cadence: ReportingCadence,
): StatusResult<ReportingPeriod[]> {
  const first = periodOf(from, cadence);
  if (!first.ok) return first;
  const last = periodOf(to, cadence);
  if (!last.ok) return last;
  const anchor = anchorOf(cadence);
  if (!anchor.ok) return anchor;
  const out: ReportingPeriod[] = [];
  for (let i = first.value.index; i <= last.value.index; i++)
    out.push(describe(i, cadence.kind, anchor.value));
  return ok(out);
}
