// A calendar as the calendars dialog edits it: working hours as text (`08:00-12:00, 13:00-17:00`)
// per weekday and per exception, and back.
import type { PlanCalendarT } from '@pharos/api';

export type Hours = { from: string; to: string }[];
export type Exception = PlanCalendarT['exceptions'][number];

/** `08:00-12:00, 13:00-17:00` ⇄ working hours. */
export const hoursText = (h: Hours) => h.map((x) => `${x.from}-${x.to}`).join(', ');
export function parseHours(text: string): Hours | null {
  if (!text.trim()) return [];
  const out: Hours = [];
  for (const part of text.split(',')) {
    const m = /^\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*$/.exec(part);
    if (!m) return null;
    const pad = (h: string, mm: string) => `${h.padStart(2, '0')}:${mm}`;
    const from = pad(m[1]!, m[2]!);
    const to = pad(m[3]!, m[4]!);
    if (to <= from || (out.length && from < out.at(-1)!.to)) return null;
    out.push({ from, to });
  }
  return out;
}

export const STANDARD = '08:00-12:00, 13:00-17:00';
let keys = 0;
/** A fresh key for an exception row (React keys; rows are added and removed). */
export const nextKey = () => ++keys;

export interface DayRow {
  inherit: boolean;
  working: boolean;
  hours: string;
}
export type ExceptionRow = Exception & { key: number; hoursText: string; working: boolean };

export function rowsOf(cal: PlanCalendarT) {
  return {
    name: cal.name,
    baseUid: cal.baseUid,
    days: cal.week.map(
      (d): DayRow => ({
        inherit: d === null,
        working: !!d?.length,
        hours: d?.length ? hoursText(d) : STANDARD,
      }),
    ),
    exceptions: cal.exceptions.map(
      (e): ExceptionRow => ({
        ...e,
        key: nextKey(),
        hoursText: e.hours.length ? hoursText(e.hours) : STANDARD,
        working: e.hours.length > 0,
      }),
    ),
  };
}
