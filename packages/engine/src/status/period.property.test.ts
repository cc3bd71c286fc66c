import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../calendar/time';
import { periodAt, periodOf, type ReportingCadence, type ReportingPeriod } from './period';

/** Days from 1901 to 2199. */
const day = fc.integer({ min: -25_000, max: 83_000 });
const cadence: fc.Arbitrary<ReportingCadence> = fc.oneof(
  fc.constant({ kind: 'weekly' as const }),
  fc.constant({ kind: 'monthly' as const }),
  day.map((d) => ({ kind: 'biweekly' as const, anchor: isoDay(d) })),
);

function period(d: number, c: ReportingCadence): ReportingPeriod {
  const r = periodOf(isoDay(d), c);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('period laws', () => {
  it('are monotone: a later date is never in an earlier period', () => {
    fc.assert(
      fc.property(cadence, day, day, (c, a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(period(early, c).index).toBeLessThanOrEqual(period(late, c).index);
      }),
    );
  });

  it('put every date in exactly one period: inside it, and the periods either side touch it', () => {
    fc.assert(
      fc.property(cadence, day, (c, d) => {
        const p = period(d, c);
        const date = isoDay(d);
        expect(p.start <= date && date <= p.end).toBe(true);
        const start = Date.parse(p.start) / 86_400_000;
        const end = Date.parse(p.end) / 86_400_000;
        expect(period(start, c)).toEqual(p);
        expect(period(end, c)).toEqual(p);
        expect(period(start - 1, c).index).toBe(p.index - 1);
        expect(period(end + 1, c).index).toBe(p.index + 1);
        const again = periodAt(p.index, c);
        expect(again.ok && again.value).toEqual(p);
      }),
    );
  });

  it('key weeks as the textbook ISO-week formula does', () => {
    fc.assert(
      fc.property(day, (d) => {
        expect(period(d, { kind: 'weekly' }).key).toBe(isoWeekOracle(d));
      }),
    );
  });

  it('give each period its own key', () => {
    fc.assert(
      fc.property(cadence, day, day, (c, a, b) => {
        const [p, q] = [period(a, c), period(b, c)];
        expect(p.key === q.key).toBe(p.index === q.index);
      }),
    );
  });
});

/** ISO 8601 week by the ordinal-date formula: week = ⌊(ordinal − weekday + 10) / 7⌋. */
function isoWeekOracle(d: number): string {
  const date = new Date(d * 86_400_000);
  const year = date.getUTCFullYear();
  const ordinal =
    (Date.UTC(year, date.getUTCMonth(), date.getUTCDate()) - Date.UTC(year, 0, 1)) / 86_400_000 + 1;
  const weekday = date.getUTCDay() || 7;
  const weeksIn = (y: number) => {
    const jan1 = new Date(Date.UTC(y, 0, 1)).getUTCDay();
    const leap = new Date(Date.UTC(y, 1, 29)).getUTCMonth() === 1;
    return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
  };
  const week = Math.floor((ordinal - weekday + 10) / 7);
  const pad = (n: number) => String(n).padStart(2, '0');
  if (week < 1) return `${year - 1}-W${pad(weeksIn(year - 1))}`;
  if (week > weeksIn(year)) return `${year + 1}-W01`;
  return `${year}-W${pad(week)}`;
}
