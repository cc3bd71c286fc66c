import type { durationUnits } from '@pharos/api';

export type DurationUnit = (typeof durationUnits)[number];

/** How long a day, a week and a month of working time are (the plan's settings). */
export interface TimeUnits {
  minutesPerDay: number;
  minutesPerWeek: number;
  daysPerMonth: number;
}

export const defaultUnits: TimeUnits = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };

/** Minutes in one unit: working time by the plan's settings, elapsed time by the clock. */
export function unitMinutes(unit: DurationUnit, u: TimeUnits): number {
  switch (unit) {
    case 'm':
    case 'em':
      return 1;
    case 'h':
    case 'eh':
      return 60;
    case 'd':
      return u.minutesPerDay;
    case 'w':
      return u.minutesPerWeek;
    case 'mo':
      return u.minutesPerDay * u.daysPerMonth;
    case 'ed':
      return 1440;
    case 'ew':
      return 10080;
    case 'emo':
      return 43200;
  }
}

const words: Record<string, DurationUnit> = {
  m: 'm',
  min: 'm',
  mins: 'm',
  minute: 'm',
  minutes: 'm',
  h: 'h',
  hr: 'h',
  hrs: 'h',
  hour: 'h',
  hours: 'h',
  d: 'd',
  dy: 'd',
  day: 'd',
  days: 'd',
  w: 'w',
  wk: 'w',
  wks: 'w',
  week: 'w',
  weeks: 'w',
  mo: 'mo',
  mon: 'mo',
  month: 'mo',
  months: 'mo',
  em: 'em',
  emin: 'em',
  eh: 'eh',
  ehr: 'eh',
  ed: 'ed',
  eday: 'ed',
  edays: 'ed',
  ew: 'ew',
  ewk: 'ew',
  emo: 'emo',
};

/**
 * Reads a duration as MS Project does: `3d`, `2 w`, `4h`, `1mo`, `2ed` (elapsed days), `1.5d`;
 * a bare number is in `fallback` units. Null when it is not a duration.
 */
export function parseDuration(
  text: string,
  u: TimeUnits,
  fallback: DurationUnit = 'd',
): { minutes: number; unit: DurationUnit } | null {
  const m = /^\s*(\d+(?:[.,]\d+)?)\s*([a-z]*)\??\s*$/i.exec(text);
  if (!m) return null;
  const value = Number(m[1]!.replace(',', '.'));
  const unit = m[2] ? words[m[2].toLowerCase()] : fallback;
  if (!unit || !Number.isFinite(value)) return null;
  return { minutes: Math.round(value * unitMinutes(unit, u)), unit };
}

const labels: Record<DurationUnit, string> = {
  m: 'min',
  h: 'h',
  d: 'd',
  w: 'w',
  mo: 'mo',
  em: 'emin',
  eh: 'eh',
  ed: 'ed',
  ew: 'ew',
  emo: 'emo',
};

/** `3d`, `1.5w`, `2ed`: minutes shown in their unit, to two decimals at most. */
export function formatDuration(minutes: number | null, unit: DurationUnit, u: TimeUnits): string {
  if (minutes === null || !Number.isFinite(minutes)) return '';
  const v = Math.round((minutes / unitMinutes(unit, u)) * 100) / 100;
  return `${v}${labels[unit]}`;
}
