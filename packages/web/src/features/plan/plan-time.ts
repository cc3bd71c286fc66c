/**
 * A plan's instants are wall-clock times of the project (`YYYY-MM-DDTHH:mm`, no zone). Inside the
 * Gantt they are minutes since 1970-01-01T00:00 of that wall clock, so arithmetic never meets a
 * time-zone or daylight-saving shift.
 */
export const MINUTES_PER_DAY = 1440;

const d0 = 48; // '0'
const digits = (s: string, from: number, n: number) => {
  let v = 0;
  for (let i = from; i < from + n; i++) v = v * 10 + (s.charCodeAt(i) - d0);
  return v;
};

/** Minutes since the epoch of a plan instant; NaN for null or a malformed value. */
export function toMinutes(instant: string | null | undefined): number {
  if (!instant || instant.length < 16) return Number.NaN;
  const ms = Date.UTC(digits(instant, 0, 4), digits(instant, 5, 2) - 1, digits(instant, 8, 2));
  return ms / 60_000 + digits(instant, 11, 2) * 60 + digits(instant, 14, 2);
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The plan instant of minutes since the epoch. */
export function fromMinutes(minutes: number): string {
  const d = new Date(Math.round(minutes) * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

export const monthShort = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];
export const monthLong = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const weekdayShort = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mar 4, 2025" — the way a schedule reads a date. */
export function formatPlanDate(instant: string | null | undefined): string {
  if (!instant) return '';
  const m = toMinutes(instant);
  if (Number.isNaN(m)) return instant;
  const d = new Date(m * 60_000);
  return `${monthShort[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** The local wall clock now, as minutes on the plan's clock (for the today line). */
export function nowMinutes(now = new Date()): number {
  return (
    Date.UTC(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes()) / 60_000
  );
}

/**
 * Reads a date someone typed: `2025-03-04`, `2025-03-04 13:00`, `2025-03-04T13:00`, `4/3/2025`
 * is not guessed at (day or month first?) — anything else `Date.parse` understands is taken as a
 * local date. A date without a time gets `dayStart` (minutes after midnight).
 */
export function parsePlanDate(text: string, dayStart: number): string | null {
  const s = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?$/.exec(s);
  let y: number;
  let mo: number;
  let d: number;
  let minutes = dayStart;
  if (iso) {
    [y, mo, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    if (iso[4] !== undefined) minutes = Number(iso[4]) * 60 + Number(iso[5]);
  } else {
    if (/^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(s)) return null;
    const t = Date.parse(s.replace(/^(sun|mon|tue|wed|thu|fri|sat)[a-z]*\.?\s+/i, ''));
    if (Number.isNaN(t)) return null;
    const dt = new Date(t);
    [y, mo, d] = [dt.getFullYear(), dt.getMonth() + 1, dt.getDate()];
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || minutes > 1440) return null;
  const base = Date.UTC(y, mo - 1, d) / 60_000;
  if (new Date(base * 60_000).getUTCDate() !== d) return null;
  return fromMinutes(base + minutes);
}
