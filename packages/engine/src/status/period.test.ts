import { describe, expect, it } from 'vitest';
import { periodAt, periodOf, periodsBetween, type ReportingCadence } from './period';

const weekly: ReportingCadence = { kind: 'weekly' };
const biweekly: ReportingCadence = { kind: 'biweekly', anchor: '2025-01-06' };
const monthly: ReportingCadence = { kind: 'monthly' };

function period(date: string, cadence: ReportingCadence) {
  const r = periodOf(date, cadence);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('weekly periods are ISO weeks', () => {
  it.each([
    ['2025-01-01', '2025-W01', '2024-12-30', '2025-01-05'], // Wednesday: week 1 of 2025
    ['2021-01-03', '2020-W53', '2020-12-28', '2021-01-03'], // Sunday: the last week of 2020
    ['2026-12-31', '2026-W53', '2026-12-28', '2027-01-03'], // 2026 starts on a Thursday: 53 weeks
    ['2027-01-01', '2026-W53', '2026-12-28', '2027-01-03'],
    ['2027-01-04', '2027-W01', '2027-01-04', '2027-01-10'],
    ['2024-12-30', '2025-W01', '2024-12-30', '2025-01-05'], // Monday that belongs to next year
    ['1970-01-01', '1970-W01', '1969-12-29', '1970-01-04'],
  ])('%s is in %s', (date, key, start, end) => {
    expect(period(date, weekly)).toMatchObject({ kind: 'weekly', key, start, end });
  });

  it('numbers weeks consecutively across years', () => {
    expect(period('2021-01-04', weekly).index - period('2021-01-03', weekly).index).toBe(1);
    expect(period('1970-01-01', weekly).index).toBe(0);
  });
});

describe('bi-weekly periods start on the anchor, every 14 days both ways', () => {
  it.each([
    ['2025-01-06', '2025-01-06', '2025-01-19', 0],
    ['2025-01-19', '2025-01-06', '2025-01-19', 0],
    ['2025-01-20', '2025-01-20', '2025-02-02', 1],
    ['2025-01-05', '2024-12-23', '2025-01-05', -1],
  ])('%s is in the period from %s to %s', (date, start, end, index) => {
    expect(period(date, biweekly)).toEqual({ kind: 'biweekly', index, key: start, start, end });
  });
});

describe('monthly periods are calendar months', () => {
  it('keys months and knows their lengths', () => {
    expect(period('2024-02-15', monthly)).toEqual({
      kind: 'monthly',
      index: 2024 * 12 + 1,
      key: '2024-02',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(period('2025-12-31', monthly).end).toBe('2025-12-31');
  });
});

describe('stepping and ranges', () => {
  it('steps by index across a year end', () => {
    const dec = period('2025-12-10', monthly);
    const next = periodAt(dec.index + 1, monthly);
    expect(next.ok && next.value.key).toBe('2026-01');
  });

  it('lists the periods between two dates', () => {
    const r = periodsBetween('2025-01-30', '2025-03-01', monthly);
    expect(r.ok && r.value.map((p) => p.key)).toEqual(['2025-01', '2025-02', '2025-03']);
    const none = periodsBetween('2025-03-01', '2025-01-01', weekly);
    expect(none.ok && none.value).toEqual([]);
  });

  it('names what is wrong', () => {
    const bad = periodOf('2025-13-01', weekly);
    expect(!bad.ok && [bad.error.code, bad.error.field]).toEqual(['invalid_date', 'date']);
    const anchor = periodOf('2025-01-01', { kind: 'biweekly', anchor: '' });
    expect(!anchor.ok && anchor.error.field).toBe('cadence.anchor');
    const kind = periodOf('2025-01-01', { kind: 'daily' } as never);
    expect(!kind.ok && kind.error.field).toBe('cadence.kind');
    const index = periodAt(1.5, weekly);
    expect(!index.ok && index.error.field).toBe('index');
  });
});
