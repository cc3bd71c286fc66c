/**
 * Plan time: whole minutes on the project's wall clock, counted from 1970-01-01 00:00. Plans are
 * kept in local time without a zone (as MS Project keeps them: 08:00 is 08:00 whatever the
 * season), so a day is always 1,440 minutes and there is no daylight-saving jump to step over.
 */
export type Minute = number;
/** Days from 1970-01-01 (day 0, a Thursday). */
export type Day = number;

export const MINUTES_PER_DAY = 1440;

export const dayOf = (t: Minute): Day => Math.floor(t / MINUTES_PER_DAY);
export const startOfDay = (d: Day): Minute => d * MINUTES_PER_DAY;
/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOf = (d: Day): number => (((d + 4) % 7) + 7) % 7;

/** A day from `YYYY-MM-DD`. */
export function dayFromIso(date: string): Day {
  const m = /^(-?\d{4,6})-(\d\d)-(\d\d)/.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000);
}

/** A plan instant from `YYYY-MM-DDTHH:MM[:SS]` (seconds are dropped; no zone is read). */
export function minuteFromIso(value: string): Minute {
  const m = /^(-?\d{4,6}-\d\d-\d\d)(?:[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?)?$/.exec(value);
  if (!m) throw new RangeError(`Not a date-time: ${value}`);
  return startOfDay(dayFromIso(m[1]!)) + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** `YYYY-MM-DD`. */
export function isoDay(d: Day): string {
  return new Date(d * 86_400_000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DDTHH:MM:00`, as MSPDI writes instants. */
export function isoMinute(t: Minute): string {
  const d = dayOf(t);
  const m = t - startOfDay(d);
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return `${isoDay(d)}T${hh}:${mm}:00`;
}

/** Calendar fields of a day (month 1–12). */
export function dateParts(d: Day): { year: number; month: number; day: number } {
  const x = new Date(d * 86_400_000);
  return { year: x.getUTCFullYear(), month: x.getUTCMonth() + 1, day: x.getUTCDate() };
}

export function dayFromParts(year: number, month: number, day: number): Day {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
