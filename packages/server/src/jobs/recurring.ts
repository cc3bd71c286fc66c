/*
 * Recurring jobs: each process computes the next occurrence of a schedule and enqueues it with a
 * key naming that occurrence, so however many processes do so, it is enqueued (and runs) once.
 */

export type Schedule = {
  /** Names the schedule in dedupe keys: `name@<occurrence instant>`. */
  name: string;
  kind: string;
  payload?: unknown;
  maxAttempts?: number;
} & (
  | {
      /** Every day at this local time, `HH:MM` (24 h)… */
      dailyAt: string;
      /** …on this zone's clock (IANA name; default: the configured PHAROS_TIME_ZONE). */
      timeZone?: string;
    }
  | {
      /** Every so many seconds, on boundaries counted from the Unix epoch (every 900: :00, :15, …). */
      everySeconds: number;
    }
);

const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Throws on a schedule that could never run: a bad time, zone or period. */
export function checkSchedule(s: Schedule, defaultZone: string) {
  if ('dailyAt' in s) {
    if (!HH_MM.test(s.dailyAt))
      throw new Error(`Schedule ${s.name}: dailyAt must be HH:MM, not ${s.dailyAt}`);
    formatter(s.timeZone ?? defaultZone); // throws RangeError on an unknown zone
  } else if (!(Number.isInteger(s.everySeconds) && s.everySeconds >= 1)) {
    throw new Error(`Schedule ${s.name}: everySeconds must be a whole number ≥ 1`);
  }
}

/** The first occurrence of the schedule strictly after `now`. */
export function nextOccurrence(s: Schedule, now: Date, defaultZone: string): Date {
  if (!('dailyAt' in s)) {
    const period = s.everySeconds * 1000;
    return new Date((Math.floor(now.getTime() / period) + 1) * period);
  }
  const zone = s.timeZone ?? defaultZone;
  const [hh, mm] = s.dailyAt.split(':').map(Number) as [number, number];
  const today = localParts(now.getTime(), zone);
  for (let day = 0; day < 3; day++) {
    const at = zonedToUtc(today.year, today.month, today.day + day, hh, mm, zone);
    if (at > now.getTime()) return new Date(at);
  }
  throw new Error(`Schedule ${s.name}: no next occurrence found`); // cannot happen: a day has passed
}

/** The dedupe key of one occurrence. */
export const occurrenceKey = (s: Schedule, at: Date) => `${s.name}@${at.toISOString()}`;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string) {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

function localParts(t: number, zone: string) {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(t)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  return {
    year: p.year!,
    month: p.month!,
    day: p.day!,
    hour: p.hour!,
    minute: p.minute!,
    second: p.second!,
  };
}

/** How far the zone's clock is ahead of UTC at instant `t`, in ms. */
function offsetAt(t: number, zone: string) {
  const p = localParts(t, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(t / 1000) * 1000;
}

const DAY = 86_400_000;

/**
 * The instant a zone's clock shows this local time (day may overflow the month). In a spring-forward
 * gap (a time that does not exist) it gives the instant an hour later on the clock; in a fall-back
 * overlap, the first of the two.
 */
export function zonedToUtc(year: number, month: number, day: number, hh: number, mm: number, zone: string) {
  const local = Date.UTC(year, month - 1, day, hh, mm);
  // The offsets in force around that time (a zone changes offset at most once within two days).
  const offsets = new Set([-DAY, 0, DAY].map((d) => offsetAt(local + d, zone)));
  const candidates = [...offsets].map((o) => local - o);
  const showing = candidates.filter((t) => t + offsetAt(t, zone) === local);
  return showing.length ? Math.min(...showing) : Math.max(...candidates);
}
