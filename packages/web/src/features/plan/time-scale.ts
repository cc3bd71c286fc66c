import { MINUTES_PER_DAY, monthLong, monthShort } from './plan-time';

export type TimeUnit = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** The zoom buttons: pixels per calendar day. */
export const zoomPresets = [
  { label: 'Days', pxPerDay: 36 },
  { label: 'Weeks', pxPerDay: 10 },
  { label: 'Months', pxPerDay: 3 },
  { label: 'Quarters', pxPerDay: 1.1 },
] as const;
export const minPxPerDay = 0.4;
export const maxPxPerDay = 80;

export const clampZoom = (px: number) => Math.min(maxPxPerDay, Math.max(minPxPerDay, px));

/** The two tiers of the time scale shown at a zoom. */
export function tiersFor(pxPerDay: number): { top: TimeUnit; bottom: TimeUnit } {
  if (pxPerDay >= 20) return { top: 'week', bottom: 'day' };
  if (pxPerDay >= 5) return { top: 'month', bottom: 'week' };
  if (pxPerDay >= 1.6) return { top: 'quarter', bottom: 'month' };
  return { top: 'year', bottom: 'quarter' };
}

const DAY_MS = 86_400_000;

/** The start of the unit holding `t` (minutes on the plan's clock); weeks start on Monday. */
export function floorUnit(t: number, unit: TimeUnit): number {
  const day = Math.floor(t / MINUTES_PER_DAY);
  if (unit === 'day') return day * MINUTES_PER_DAY;
  if (unit === 'week') {
    const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday
    return (day - ((weekday + 6) % 7)) * MINUTES_PER_DAY;
  }
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const month = unit === 'month' ? m : unit === 'quarter' ? m - (m % 3) : 0;
  return Date.UTC(y, month, 1) / 60_000;
}

/** The start of the unit after the one starting at `t`. */
export function nextUnit(t: number, unit: TimeUnit): number {
  if (unit === 'day') return t + MINUTES_PER_DAY;
  if (unit === 'week') return t + 7 * MINUTES_PER_DAY;
  const d = new Date(t * 60_000);
  const step = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + step, 1) / 60_000;
}

const dayLetters = ['S', 'M', 'T', 'W', 'T', 'F', 'S'];
const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** The label of a unit, as long as `width` pixels allow. */
export function unitLabel(t: number, unit: TimeUnit, width: number): string {
  const d = new Date(t * 60_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (unit) {
    case 'day':
      return width >= 44
        ? `${dayNames[d.getUTCDay()]} ${d.getUTCDate()}`
        : width >= 14
          ? dayLetters[d.getUTCDay()]!
          : '';
    case 'week':
      return width >= 110
        ? `${monthShort[m]} ${d.getUTCDate()}, ${y}`
        : width >= 20
          ? `${d.getUTCDate()}`
          : '';
    case 'month':
      return width >= 110
        ? `${monthLong[m]} ${y}`
        : width >= 30
          ? monthShort[m]!
          : width >= 12
            ? monthShort[m]![0]!
            : '';
    case 'quarter':
      return width >= 60 ? `Q${Math.floor(m / 3) + 1} ${y}` : width >= 18 ? `Q${Math.floor(m / 3) + 1}` : '';
    case 'year':
      return width >= 30 ? String(y) : '';
  }
}

/** Where the time axis is: its origin (minutes) and scale; x is in CSS pixels from the origin. */
export interface Axis {
  origin: number;
  pxPerMinute: number;
}

export const toX = (axis: Axis, t: number) => (t - axis.origin) * axis.pxPerMinute;
export const toTime = (axis: Axis, x: number) => axis.origin + x / axis.pxPerMinute;
