import { describe, expect, it } from 'vitest';
import { checkSchedule, nextOccurrence, occurrenceKey, type Schedule, zonedToUtc } from './recurring';

const daily = (dailyAt: string, timeZone?: string): Schedule => ({
  name: 'digest',
  kind: 'digest',
  dailyAt,
  ...(timeZone ? { timeZone } : {}),
});
const next = (s: Schedule, now: string, zone = 'UTC') => nextOccurrence(s, new Date(now), zone).toISOString();

describe('recurring schedules', () => {
  it('runs a daily job at the local time of its zone, winter and summer', () => {
    expect(next(daily('07:00', 'Europe/Paris'), '2025-01-15T05:00:00Z')).toBe('2025-01-15T06:00:00.000Z');
    expect(next(daily('07:00', 'Europe/Paris'), '2025-07-01T04:00:00Z')).toBe('2025-07-01T05:00:00.000Z');
    expect(next(daily('07:00'), '2025-07-01T04:00:00Z', 'America/New_York')).toBe('2025-07-01T11:00:00.000Z');
  });

  it('is strictly after now: at or past today’s time, it is tomorrow’s', () => {
    expect(next(daily('07:00', 'Europe/Paris'), '2025-01-15T06:00:00Z')).toBe('2025-01-16T06:00:00.000Z');
    expect(next(daily('07:00', 'Europe/Paris'), '2025-01-15T23:30:00Z')).toBe('2025-01-16T06:00:00.000Z');
    expect(next(daily('23:30', 'Asia/Tokyo'), '2025-12-31T14:31:00Z')).toBe('2026-01-01T14:30:00.000Z');
  });

  it('crosses daylight-saving changes on the local clock', () => {
    // New York springs forward on 9 March 2025: 07:00 is 12:00Z before, 11:00Z after.
    expect(next(daily('07:00', 'America/New_York'), '2025-03-08T13:00:00Z')).toBe('2025-03-09T11:00:00.000Z');
    // 02:30 does not exist in Paris on 30 March 2025: the job runs at 03:30 local.
    expect(new Date(zonedToUtc(2025, 3, 30, 2, 30, 'Europe/Paris')).toISOString()).toBe(
      '2025-03-30T01:30:00.000Z',
    );
    // 02:30 happens twice in Paris on 26 October 2025: the first one.
    expect(new Date(zonedToUtc(2025, 10, 26, 2, 30, 'Europe/Paris')).toISOString()).toBe(
      '2025-10-26T00:30:00.000Z',
    );
  });

  it('runs an interval job on boundaries counted from the epoch', () => {
    const s: Schedule = { name: 'escalations', kind: 'escalations', everySeconds: 900 };
    expect(next(s, '2025-01-15T10:07:12Z')).toBe('2025-01-15T10:15:00.000Z');
    expect(next(s, '2025-01-15T10:15:00Z')).toBe('2025-01-15T10:30:00.000Z');
    expect(occurrenceKey(s, new Date('2025-01-15T10:15:00Z'))).toBe('escalations@2025-01-15T10:15:00.000Z');
  });

  it('refuses a schedule that could never run', () => {
    expect(() => checkSchedule(daily('7:00'), 'UTC')).toThrow(/HH:MM/);
    expect(() => checkSchedule(daily('24:00'), 'UTC')).toThrow(/HH:MM/);
    expect(() => checkSchedule(daily('07:00', 'Mars/Olympus_Mons'), 'UTC')).toThrow();
    expect(() => checkSchedule({ name: 'x', kind: 'x', everySeconds: 0 }, 'UTC')).toThrow(/everySeconds/);
    expect(() => checkSchedule(daily('07:00', 'Europe/Paris'), 'UTC')).not.toThrow();
  });
});
