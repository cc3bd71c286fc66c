/**
 * Durations as MS Project defines them. Working-time units convert through the project's own
 * settings (a day is 480 working minutes by default, a week 2,400, a month 20 days); elapsed
 * units are calendar time (a day is 24 hours, a month 30 days) and are scheduled on a calendar
 * that works every minute.
 */
export interface TimeUnits {
  minutesPerDay: number;
  minutesPerWeek: number;
  daysPerMonth: number;
}

export const DEFAULT_UNITS: TimeUnits = { minutesPerDay: 480, minutesPerWeek: 2400, daysPerMonth: 20 };

export const durationUnits = ['m', 'h', 'd', 'w', 'mo', 'em', 'eh', 'ed', 'ew', 'emo'] as const;
export type DurationUnit = (typeof durationUnits)[number];

export interface Duration {
  value: number;
  unit: DurationUnit;
}

export const isElapsed = (unit: DurationUnit) => unit.startsWith('e');

/** Minutes of working time (or of elapsed time, for the elapsed units). */
export function minutesOf(d: Duration, units: TimeUnits = DEFAULT_UNITS): number {
  const per: Record<DurationUnit, number> = {
    m: 1,
    h: 60,
    d: units.minutesPerDay,
    w: units.minutesPerWeek,
    mo: units.daysPerMonth * units.minutesPerDay,
    em: 1,
    eh: 60,
    ed: 1440,
    ew: 10_080,
    emo: 43_200,
  };
  return Math.round(d.value * per[d.unit]);
}

/** A duration in the largest unit of its kind that divides it evenly (or minutes). */
export function fromMinutes(minutes: number, elapsed: boolean, units: TimeUnits = DEFAULT_UNITS): Duration {
  const order: DurationUnit[] = elapsed ? ['emo', 'ew', 'ed', 'eh', 'em'] : ['mo', 'w', 'd', 'h', 'm'];
  for (const unit of order) {
    const per = minutesOf({ value: 1, unit }, units);
    if (per > 0 && minutes % per === 0) return { value: minutes / per, unit };
  }
  return { value: minutes, unit: elapsed ? 'em' : 'm' };
}

/** MSPDI's `PT8H30M0S` (hours, minutes, seconds of working time) in minutes. */
export function minutesFromIsoDuration(text: string): number {
  const m =
    /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      text,
    );
  if (!m || text === 'P' || text.endsWith('T')) throw new RangeError(`Not a duration: ${text}`);
  const [, sign, days, hours, minutes, seconds] = m;
  const total =
    Number(days ?? 0) * 1440 + Number(hours ?? 0) * 60 + Number(minutes ?? 0) + Number(seconds ?? 0) / 60;
  return (sign ? -1 : 1) * Math.round(total);
}

/** Minutes as MSPDI writes a duration: `PT8H30M0S`. */
export function isoDurationFromMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const a = Math.abs(Math.round(minutes));
  return `${sign}PT${Math.floor(a / 60)}H${a % 60}M0S`;
}
