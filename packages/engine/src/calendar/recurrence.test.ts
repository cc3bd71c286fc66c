import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nthWeekday, occurrencesOf } from './recurrence';
import { dayFromIso, isoDay, weekdayOf } from './time';

const d = dayFromIso;
const days = (xs: number[]) => xs.map(isoDay);
const far = d('2100-01-01');

describe('recurring exceptions', () => {
  it('daily and weekly patterns, ended by a count or a day', () => {
    expect(
      days(occurrencesOf({ kind: 'daily', every: 3 }, { from: d('2024-02-27'), occurrences: 3 }, far)),
    ).toEqual(['2024-02-27', '2024-03-01', '2024-03-04']);
    // Every other week on Monday and Friday, from a Wednesday.
    expect(
      days(
        occurrencesOf(
          { kind: 'weekly', every: 2, weekdays: [5, 1] },
          { from: d('2024-01-03'), to: d('2024-01-31') },
          far,
        ),
      ),
    ).toEqual(['2024-01-05', '2024-01-15', '2024-01-19', '2024-01-29']);
  });

  it('monthly by day (the last day in shorter months) and by weekday', () => {
    expect(
      days(
        occurrencesOf({ kind: 'monthly', every: 1, day: 31 }, { from: d('2024-01-01'), occurrences: 4 }, far),
      ),
    ).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30']);
    // The second Tuesday of every third month.
    expect(
      days(
        occurrencesOf(
          { kind: 'monthlyNth', every: 3, nth: 2, weekday: 2 },
          { from: d('2024-01-01'), occurrences: 4 },
          far,
        ),
      ),
    ).toEqual(['2024-01-09', '2024-04-09', '2024-07-09', '2024-10-08']);
    // The last Friday of each month, starting after January's has passed.
    expect(
      days(
        occurrencesOf(
          { kind: 'monthlyNth', every: 1, nth: -1, weekday: 5 },
          { from: d('2024-01-27'), to: d('2024-03-31') },
          far,
        ),
      ),
    ).toEqual(['2024-02-23', '2024-03-29']);
  });

  it('yearly by date and by weekday', () => {
    expect(
      days(
        occurrencesOf({ kind: 'yearly', month: 2, day: 29 }, { from: d('2023-01-01'), occurrences: 3 }, far),
      ),
    ).toEqual(['2023-02-28', '2024-02-29', '2025-02-28']);
    // Thanksgiving: the fourth Thursday of November.
    expect(
      days(
        occurrencesOf(
          { kind: 'yearlyNth', month: 11, nth: 4, weekday: 4 },
          { from: d('2024-01-01'), to: d('2026-12-31') },
          far,
        ),
      ),
    ).toEqual(['2024-11-28', '2025-11-27', '2026-11-26']);
  });

  it('stops at the horizon when it has no end, and refuses nonsense', () => {
    expect(
      occurrencesOf({ kind: 'daily', every: 1 }, { from: d('2024-01-01') }, d('2024-01-10')),
    ).toHaveLength(10);
    expect(() => occurrencesOf({ kind: 'daily', every: 0 }, { from: 0 }, far)).toThrow(/every 1 or more/);
    expect(() => occurrencesOf({ kind: 'weekly', every: 1, weekdays: [7] }, { from: 0 }, far)).toThrow(
      /Weekdays/,
    );
  });

  it('the nth weekday is that weekday, in that month, in the right week', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom(1, 2, 3, 4, -1),
        fc.integer({ min: 0, max: 6 }),
        (y, m, nth, w) => {
          const day = nthWeekday(y, m, nth as 1 | 2 | 3 | 4 | -1, w);
          const iso = isoDay(day);
          expect(weekdayOf(day)).toBe(w);
          expect(iso.slice(0, 7)).toBe(`${y}-${String(m).padStart(2, '0')}`);
          const dom = Number(iso.slice(8));
          if (nth === -1) expect(isoDay(day + 7).slice(0, 7)).not.toBe(iso.slice(0, 7));
          else expect(Math.ceil(dom / 7)).toBe(nth);
        },
      ),
    );
  });
});
