import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ELAPSED_WEEK, type Interval, STANDARD_WEEK, WorkCalendar } from './calendar';
import { dayFromIso, isoMinute, minuteFromIso } from './time';

const at = minuteFromIso;
const iso = isoMinute;
const standard = () => new WorkCalendar({ week: STANDARD_WEEK });
const DAY = 480;

describe('working calendar', () => {
  it('counts working minutes across lunch, nights and weekends', () => {
    const c = standard();
    // Friday 2018-10-19 08:00 → Monday 2018-10-22 17:00: two working days.
    expect(c.between(at('2018-10-19T08:00'), at('2018-10-22T17:00'))).toBe(2 * DAY);
    expect(c.between(at('2018-10-19T11:00'), at('2018-10-19T14:00'))).toBe(120);
    expect(c.between(at('2018-10-20T10:00'), at('2018-10-21T10:00'))).toBe(0);
    expect(c.between(at('2018-10-22T17:00'), at('2018-10-19T08:00'))).toBe(-2 * DAY);
  });

  it('starts where work resumes and finishes where it stops', () => {
    const c = standard();
    const fri8 = at('2018-10-19T08:00');
    // One day of work from Friday 08:00 finishes Friday 17:00; the next task starts Monday 08:00.
    expect(iso(c.addFinish(fri8, DAY))).toBe('2018-10-19T17:00:00');
    expect(iso(c.addStart(fri8, DAY))).toBe('2018-10-22T08:00:00');
    // Half a day: 12:00 as a finish, 13:00 as a start.
    expect(iso(c.addFinish(fri8, 240))).toBe('2018-10-19T12:00:00');
    expect(iso(c.addStart(fri8, 240))).toBe('2018-10-19T13:00:00');
    // Backwards (a lead of one day from Monday 08:00).
    expect(iso(c.addStart(at('2018-10-22T08:00'), -DAY))).toBe('2018-10-19T08:00:00');
    expect(iso(c.addFinish(at('2018-10-22T08:00'), -DAY))).toBe('2018-10-18T17:00:00');
    expect(iso(c.nextWorking(at('2018-10-20T09:30')))).toBe('2018-10-22T08:00:00');
    expect(iso(c.previousWorking(at('2018-10-20T09:30')))).toBe('2018-10-19T17:00:00');
    expect(iso(c.nextWorking(at('2018-10-19T12:30')))).toBe('2018-10-19T13:00:00');
  });

  it('applies dated exceptions and work weeks, the later definition winning', () => {
    const d = dayFromIso;
    const c = new WorkCalendar({
      week: STANDARD_WEEK,
      workWeeks: [
        {
          from: d('2018-12-01'),
          to: d('2018-12-31'),
          week: STANDARD_WEEK.map((x, i) => (i === 6 ? [[540, 780] as Interval] : x)),
        },
      ],
      exceptions: [
        { from: d('2018-12-24'), to: d('2018-12-26'), hours: [] },
        { from: d('2018-12-25'), to: d('2018-12-25'), hours: [[600, 660]] },
      ],
    });
    expect(c.workOn(d('2018-12-22'))).toBe(240); // a Saturday in the December work week
    expect(c.workOn(d('2018-12-24'))).toBe(0);
    expect(c.workOn(d('2018-12-25'))).toBe(60);
    expect(c.workOn(d('2018-12-26'))).toBe(0);
    expect(iso(c.addFinish(at('2018-12-21T17:00'), 300))).toBe('2018-12-25T11:00:00');
  });

  it('reaches far from its origin in both directions', () => {
    const c = standard();
    const t = at('2018-10-19T08:00');
    const tenYears = 10 * 52 * 5 * DAY;
    expect(c.between(t, c.addFinish(t, tenYears))).toBe(tenYears);
    expect(c.between(c.addStart(t, -tenYears), t)).toBe(tenYears);
    expect(iso(new WorkCalendar({ week: STANDARD_WEEK }, dayFromIso('1990-01-01')).addStart(t, DAY))).toBe(
      '2018-10-22T08:00:00',
    );
  });

  it('says so when there is no working time to be found', () => {
    const c = new WorkCalendar({ week: Array.from({ length: 7 }, () => []) });
    expect(() => c.addFinish(at('2018-10-19T08:00'), 60)).toThrow(/no working time/);
    expect(() => new WorkCalendar({ week: [[]] })).toThrow(/7 days/);
    expect(() => new WorkCalendar({ week: STANDARD_WEEK.map(() => [[600, 500]] as Interval[]) })).toThrow(
      /ordered/,
    );
  });

  it('elapsed time is every minute', () => {
    const c = new WorkCalendar({ week: ELAPSED_WEEK });
    expect(iso(c.addFinish(at('2018-10-19T08:00'), 3 * 1440))).toBe('2018-10-22T08:00:00');
  });

  describe('laws', () => {
    const c = standard();
    const instant = fc.integer({ min: at('2010-01-01T00:00'), max: at('2030-12-31T23:59') });
    const span = fc.integer({ min: -200 * DAY, max: 200 * DAY });

    it('ordinals never decrease, and grow by at most the elapsed minutes', () => {
      fc.assert(
        fc.property(instant, fc.integer({ min: 0, max: 5 * 1440 }), (t, dt) => {
          const d = c.between(t, t + dt);
          expect(d).toBeGreaterThanOrEqual(0);
          expect(d).toBeLessThanOrEqual(dt);
        }),
      );
    });

    it('adding working time then measuring it gives it back, and additions compose', () => {
      fc.assert(
        fc.property(instant, span, span, (t, a, b) => {
          expect(c.between(t, c.addStart(t, a))).toBe(a);
          expect(c.between(t, c.addFinish(t, a))).toBe(a);
          expect(c.addStart(c.addStart(t, a), b)).toBe(c.addStart(t, a + b));
          expect(c.addFinish(c.addFinish(t, a), b)).toBe(c.addFinish(t, a + b));
        }),
      );
    });

    it('a start is never before the finish with the same ordinal, and both are working instants', () => {
      fc.assert(
        fc.property(fc.integer({ min: -100_000, max: 3_000_000 }), (w) => {
          const s = c.startAt(w);
          const f = c.finishAt(w);
          expect(s).toBeGreaterThanOrEqual(f);
          expect(c.ordinal(s)).toBe(w);
          expect(c.ordinal(f)).toBe(w);
          expect(c.between(s, s + 1)).toBe(1); // work goes on right after a start
          expect(c.between(f - 1, f)).toBe(1); // work was going on right before a finish
        }),
      );
    });
  });
});
