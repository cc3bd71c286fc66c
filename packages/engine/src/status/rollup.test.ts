import { describe, expect, it } from 'vitest';
import { type RollupChild, type RollupOptions, rollUp, rollUpGroups } from './rollup';
import type { Rag, StatusRatings } from './types';

const status = (overall: Rag | 'unknown', dimensions: StatusRatings['dimensions'] = {}): StatusRatings => ({
  overall,
  dimensions,
});

function roll(children: RollupChild[], options?: RollupOptions) {
  const r = rollUp(children, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

const portfolio: RollupChild[] = [
  { id: 'p3', status: status('red', { cost: 'red', schedule: 'amber' }), weight: 100 },
  { id: 'p1', status: status('green', { cost: 'green', schedule: 'green' }), weight: 300 },
  { id: 'p2', status: status('amber', { cost: 'unknown', schedule: 'green' }), weight: 100 },
  { id: 'p4', status: null, weight: 500 },
];

describe('rollUp', () => {
  it('worst-of: the worst colour, counts per colour, the missing counted apart', () => {
    const r = roll(portfolio);
    expect(r.projects).toBe(4);
    expect(r.overall).toEqual({
      rag: 'red',
      score: 3,
      counts: { green: 1, amber: 1, red: 1, unknown: 0, missing: 1 },
    });
    expect(r.dimensions.cost).toEqual({
      rag: 'red',
      score: 3,
      counts: { green: 1, amber: 0, red: 1, unknown: 1, missing: 1 },
    });
    expect(r.dimensions.schedule.rag).toBe('amber');
    expect(r.dimensions.scope).toEqual({
      rag: 'unknown',
      score: null,
      counts: { green: 0, amber: 0, red: 0, unknown: 3, missing: 1 },
    });
    expect(r.byColour).toEqual({ green: ['p1'], amber: ['p2'], red: ['p3'], unknown: [], missing: ['p4'] });
  });

  it('weighted by budget: the weighted mean of 1/2/3, amber from 1.5, red from 2.5', () => {
    const weighted: RollupOptions = { rule: { method: 'weighted' } };
    // (300 × 1 + 100 × 2 + 100 × 3) / 500 = 1.6.
    expect(roll(portfolio, weighted).overall).toMatchObject({ rag: 'amber', score: 1.6 });
    // Cost: p2 unknown is left out: (300 × 1 + 100 × 3) / 400 = 1.5, on the amber limit.
    expect(roll(portfolio, weighted).dimensions.cost).toMatchObject({ rag: 'amber', score: 1.5 });
    const bigger = portfolio.map((c) => (c.id === 'p1' ? { ...c, weight: 310 } : c));
    // (310 + 200 + 300) / 510 = 1.588…; cost (310 + 300) / 410 = 1.487…: green.
    expect(roll(bigger, weighted).dimensions.cost.rag).toBe('green');
    // Stricter limits.
    const strict: RollupOptions = { rule: { method: 'weighted', amberFrom: 1.2, redFrom: 2.2 } };
    expect(roll(portfolio, strict).dimensions.cost.rag).toBe('amber');
  });

  it('can count a missing report as red', () => {
    const r = roll(portfolio, { rule: { method: 'weighted' }, missing: 'red' });
    // (300 + 200 + 300 + 500 × 3) / 1000 = 2.3.
    expect(r.overall).toMatchObject({ rag: 'amber', score: 2.3 });
    expect(r.overall.counts.missing).toBe(1);
    expect(roll([{ id: 'x', status: null }], { missing: 'red' }).overall.rag).toBe('red');
  });

  it('counts projects equally when every weight is 0, and is unknown with no projects', () => {
    const zero = portfolio.map((c) => ({ ...c, weight: 0 }));
    expect(roll(zero, { rule: { method: 'weighted' } }).overall.score).toBe(2);
    expect(roll([]).overall).toEqual({
      rag: 'unknown',
      score: null,
      counts: { green: 0, amber: 0, red: 0, unknown: 0, missing: 0 },
    });
  });

  it('rejects duplicate ids, bad weights, bad ratings and bad rules, naming the field', () => {
    const field = (children: RollupChild[], options?: RollupOptions) => {
      const r = rollUp(children, options);
      return r.ok ? null : [r.error.code, r.error.field];
    };
    expect(field([portfolio[0]!, portfolio[0]!])).toEqual(['duplicate_id', 'children[1].id']);
    expect(field([{ id: 'a', status: null, weight: -1 }])).toEqual(['invalid_number', 'children[0].weight']);
    expect(field([{ id: 'a', status: status('blue' as Rag) }])).toEqual([
      'invalid_rag',
      'children[0].status.overall',
    ]);
    expect(field([], { rule: { method: 'weighted', amberFrom: 2.5 } })).toEqual([
      'invalid_rule',
      'rule.amberFrom',
    ]);
    expect(field([], { missing: 'grey' as Rag })).toEqual(['invalid_rule', 'missing']);
  });
});

describe('rollUpGroups', () => {
  it('rolls each group over its own projects; one without a status counts as missing', () => {
    const r = rollUpGroups(
      [
        { id: 'program-a', projectIds: ['p1', 'p2'] },
        { id: 'portfolio', projectIds: ['p1', 'p2', 'p3', 'p9', 'p1'] },
      ],
      portfolio,
    );
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.map((g) => [g.id, g.overall.rag, g.projects, g.byColour.missing])).toEqual([
      ['program-a', 'amber', 2, []],
      ['portfolio', 'red', 4, ['p9']],
    ]);
  });
});
