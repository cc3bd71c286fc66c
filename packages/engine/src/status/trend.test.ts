import { describe, expect, it } from 'vitest';
import { projectTrends, type StatusHistoryEntry, worstMovers } from './trend';
import type { Rag, RagDimension, RagRating } from './types';

const letters: Record<string, Rag> = { G: 'green', A: 'amber', R: 'red' };

/** 'GAR' → reports for periods 1, 2, 3 ('-' skips a period, '?' is an unknown overall). */
function series(projectId: string, text: string, dimensions: Partial<Record<RagDimension, RagRating>> = {}) {
  return [...text].flatMap((c, i): StatusHistoryEntry[] =>
    c === '-'
      ? []
      : [{ projectId, periodIndex: i + 1, status: { overall: letters[c] ?? 'unknown', dimensions } }],
  );
}

describe('projectTrends', () => {
  it('compares the latest report with the mean of the earlier ones in the window', () => {
    const history = [
      ...series('worse', 'AAAR'), // 3 − 2 = +1
      ...series('settled', 'RAAA'), // 2 − 7/3 = −0.33
      ...series('better', 'GRGG'), // 1 − 5/3 = −0.67
      ...series('recent', '---A'),
      ...series('old', 'RRGG--'), // window 3..6 at period 6 holds G, G
    ];
    const r = projectTrends(history, 4);
    if (!r.ok) throw new Error(r.error.message);
    expect(
      r.value.map((t) => [t.projectId, t.trend, t.latest, t.change === null ? null : +t.change.toFixed(2)]),
    ).toEqual([
      ['better', 'improving', 'green', -0.67],
      ['old', 'improving', 'green', -1.33], // window 1..4: R R G G: 1 − 7/3
      ['recent', 'unknown', 'amber', null],
      ['settled', 'stable', 'amber', -0.33],
      ['worse', 'worsening', 'red', 1],
    ]);
    const later = projectTrends(history, 6);
    expect(later.ok && later.value.find((t) => t.projectId === 'old')).toMatchObject({
      trend: 'stable',
      change: 0,
    });
  });

  it('follows one dimension when asked, and takes the window and threshold given', () => {
    const history = [
      ...series('p', 'GG', { cost: 'green' }),
      {
        projectId: 'p',
        periodIndex: 3,
        status: { overall: 'green' as const, dimensions: { cost: 'amber' as const } },
      },
    ];
    const cost = projectTrends(history, 3, { on: 'cost' });
    expect(cost.ok && cost.value[0]?.trend).toBe('worsening');
    const lax = projectTrends(history, 3, { on: 'cost', threshold: 1.5 });
    expect(lax.ok && lax.value[0]?.trend).toBe('stable');
    const short = projectTrends(history, 3, { on: 'cost', periods: 1 });
    expect(!short.ok && short.error.field).toBe('options.periods');
  });

  it('refuses two reports for one project and period', () => {
    const r = projectTrends([...series('p', 'G'), ...series('p', 'A')], 1);
    expect(!r.ok && [r.error.code, r.error.field]).toEqual(['duplicate_id', 'history[1].periodIndex']);
  });
});

describe('worstMovers', () => {
  const history = [
    ...series('p1', 'GR'), // +2
    ...series('p2', 'GA'), // +1, now amber
    ...series('p0', 'GA'), // ties with p2: id order
    ...series('p6', 'AR'), // +1, now red: before p2
    ...series('p4', 'RG'), // better: not a mover
    ...series('p5', '-R'), // no previous report
    ...series('p7', 'G-?R'), // compared with period 1, three periods back
    ...series('p3', 'AA', { cost: 'green' }).map((e, i) =>
      i === 1 ? { ...e, status: { overall: 'amber' as const, dimensions: { cost: 'red' as const } } } : e,
    ),
  ];

  it('ranks by overall change, then dimension change, then current colour, then id', () => {
    const r = worstMovers(history, 2);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.map((m) => [m.projectId, m.from, m.to, m.overallChange, m.dimensionChange])).toEqual([
      ['p1', 'green', 'red', 2, 0],
      ['p6', 'amber', 'red', 1, 0],
      ['p0', 'green', 'amber', 1, 0],
      ['p2', 'green', 'amber', 1, 0],
      ['p3', 'amber', 'amber', 0, 2],
    ]);
    expect(r.value[4]?.worsened).toEqual([{ dimension: 'cost', from: 'green', to: 'red' }]);
  });

  it('looks back to the last rated report, as far as allowed, and returns at most `limit`', () => {
    const r = worstMovers(history, 4);
    expect(r.ok && r.value.map((m) => [m.projectId, m.fromPeriod])).toEqual([['p7', 1]]);
    const near = worstMovers(history, 4, { lookback: 2 });
    expect(near.ok && near.value).toEqual([]);
    const top = worstMovers(history, 2, { limit: 2 });
    expect(top.ok && top.value.map((m) => m.projectId)).toEqual(['p1', 'p6']);
  });
});
