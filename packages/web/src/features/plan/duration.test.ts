import { describe, expect, it } from 'vitest';
import { defaultUnits, formatDuration, parseDuration } from './duration';
import { fromMinutes, parsePlanDate, toMinutes } from './plan-time';

describe('durations', () => {
  it('reads the units MS Project accepts', () => {
    expect(parseDuration('3d', defaultUnits)).toEqual({ minutes: 1440, unit: 'd' });
    expect(parseDuration('2w', defaultUnits)).toEqual({ minutes: 4800, unit: 'w' });
    expect(parseDuration('4h', defaultUnits)).toEqual({ minutes: 240, unit: 'h' });
    expect(parseDuration('1mo', defaultUnits)).toEqual({ minutes: 9600, unit: 'mo' });
    expect(parseDuration('2ed', defaultUnits)).toEqual({ minutes: 2880, unit: 'ed' });
    expect(parseDuration(' 1.5 days ', defaultUnits)).toEqual({ minutes: 720, unit: 'd' });
    expect(parseDuration('5', defaultUnits, 'h')).toEqual({ minutes: 300, unit: 'h' });
    expect(parseDuration('3x', defaultUnits)).toBeNull();
    expect(parseDuration('', defaultUnits)).toBeNull();
  });
  it('shows minutes in their unit', () => {
    expect(formatDuration(1440, 'd', defaultUnits)).toBe('3d');
    expect(formatDuration(720, 'w', defaultUnits)).toBe('0.3w');
    expect(formatDuration(0, 'd', defaultUnits)).toBe('0d');
  });
});

describe('plan instants', () => {
  it('round-trips', () => {
    expect(fromMinutes(toMinutes('2025-03-04T13:30'))).toBe('2025-03-04T13:30');
    expect(Number.isNaN(toMinutes(null))).toBe(true);
  });
  it('reads typed dates', () => {
    expect(parsePlanDate('2025-03-04', 480)).toBe('2025-03-04T08:00');
    expect(parsePlanDate('2025-3-4 13:00', 480)).toBe('2025-03-04T13:00');
    expect(parsePlanDate('2025-02-30', 480)).toBeNull();
    expect(parsePlanDate('4/3/2025', 480)).toBeNull();
    expect(parsePlanDate('Tue Mar 4, 2025', 480)).toBe('2025-03-04T08:00');
  });
});
