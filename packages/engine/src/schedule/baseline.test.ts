import { describe, expect, it } from 'vitest';
import { STANDARD_WEEK, WorkCalendar } from '../calendar/calendar';
import { minuteFromIso as at } from '../calendar/time';
import { baselineVariance } from './baseline';

const cal = new WorkCalendar({ week: STANDARD_WEEK });
const D = 480;

describe('baseline variance', () => {
  // Now: Monday 8 to Wednesday 10 January 2024, 3 days.
  const now = { start: at('2024-01-08T08:00'), finish: at('2024-01-10T17:00'), duration: 3 * D };
  // Baseline 0: Thursday 4 to Friday 5 (2 days); baseline 3: the same as now; baseline 10: a day later.
  const baselines = Array.from({ length: 11 }, () => null as null | typeof now);
  baselines[0] = { start: at('2024-01-04T08:00'), finish: at('2024-01-05T17:00'), duration: 2 * D };
  baselines[3] = { ...now };
  baselines[10] = { start: at('2024-01-09T08:00'), finish: at('2024-01-11T17:00'), duration: 3 * D };

  it('measures start, finish and duration variance in working time (a weekend is no time)', () => {
    expect(baselineVariance(now, baselines, 0, cal)).toEqual({ start: 2 * D, finish: 3 * D, duration: D });
    expect(baselineVariance(now, baselines, 3, cal)).toEqual({ start: 0, finish: 0, duration: 0 });
    expect(baselineVariance(now, baselines, 10, cal)).toEqual({ start: -D, finish: -D, duration: 0 });
  });

  it('says when a baseline was never saved, and refuses one MS Project does not have', () => {
    expect(baselineVariance(now, baselines, 5, cal)).toBeNull();
    expect(baselineVariance(now, [], 1, cal)).toBeNull();
    expect(() => baselineVariance(now, baselines, 11, cal)).toThrow(RangeError);
  });
});
