import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMinutes, isoDurationFromMinutes, minutesFromIsoDuration, minutesOf } from './duration';

describe('durations', () => {
  it('converts units the way MS Project does by default', () => {
    expect(minutesOf({ value: 1, unit: 'd' })).toBe(480);
    expect(minutesOf({ value: 2, unit: 'w' })).toBe(4800);
    expect(minutesOf({ value: 1, unit: 'mo' })).toBe(9600);
    expect(minutesOf({ value: 1.5, unit: 'h' })).toBe(90);
    expect(minutesOf({ value: 1, unit: 'ed' })).toBe(1440);
    expect(minutesOf({ value: 1, unit: 'emo' })).toBe(43_200);
    expect(
      minutesOf({ value: 1, unit: 'd' }, { minutesPerDay: 450, minutesPerWeek: 2250, daysPerMonth: 21 }),
    ).toBe(450);
    expect(fromMinutes(4800, false)).toEqual({ value: 2, unit: 'w' });
    expect(fromMinutes(500, false)).toEqual({ value: 500, unit: 'm' });
    expect(fromMinutes(2880, true)).toEqual({ value: 2, unit: 'ed' });
  });

  it('reads and writes MSPDI durations', () => {
    expect(minutesFromIsoDuration('PT8H0M0S')).toBe(480);
    expect(minutesFromIsoDuration('PT0H30M0S')).toBe(30);
    expect(minutesFromIsoDuration('P1DT2H')).toBe(1560);
    expect(minutesFromIsoDuration('-PT4H0M0S')).toBe(-240);
    expect(minutesFromIsoDuration('PT1.5H')).toBe(90);
    expect(() => minutesFromIsoDuration('8 hours')).toThrow(/Not a duration/);
    expect(() => minutesFromIsoDuration('PT')).toThrow(/Not a duration/);
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (m) => {
        expect(minutesFromIsoDuration(isoDurationFromMinutes(m))).toBe(m);
      }),
    );
  });
});
