import { describe, expect, it } from 'vitest';
import { heatMap, riskImpact, riskLevel, scoreRisk } from './risk';

describe('scoreRisk', () => {
  it('scores probability × the worst impact, and the residual after mitigation', () => {
    const r = scoreRisk({
      id: 'r1',
      probability: 4,
      impact: { cost: 3, schedule: 5 },
      residual: { probability: 2, impact: { cost: 2, schedule: 3 } },
    });
    expect(r).toEqual({
      ok: true,
      value: {
        id: 'r1',
        probability: 4,
        impact: 5,
        score: 20,
        level: 'critical',
        residual: { probability: 2, impact: 3, score: 6, level: 'medium' },
        reduction: 14,
      },
    });
    const unmitigated = scoreRisk({ id: 'r2', probability: 1, impact: { quality: 2 } });
    expect(unmitigated.ok && [unmitigated.value.score, unmitigated.value.residual.score]).toEqual([2, 2]);
  });

  it('can weigh the impact areas instead, rounding half up', () => {
    const weights = { method: 'weighted' as const, weights: { cost: 2, schedule: 1 } };
    // (2 × 3 + 1 × 5) / 3 = 3.67 → 4.
    expect(riskImpact({ cost: 3, schedule: 5 }, weights)).toEqual({ ok: true, value: 4 });
    // (2 + 3) / 2 = 2.5 → 3; scope has no weight and does not count.
    const equal = { method: 'weighted' as const, weights: { cost: 1, schedule: 1 } };
    expect(riskImpact({ cost: 2, schedule: 3, scope: 5 }, equal)).toEqual({ ok: true, value: 3 });
    const r = scoreRisk({ id: 'r', probability: 4, impact: { cost: 3, schedule: 5 } }, weights);
    expect(r.ok && r.value.score).toBe(16);
    const unweighted = riskImpact({ scope: 5 }, equal);
    expect(!unweighted.ok && unweighted.error.field).toBe('rule.weights');
  });

  it('names the rating out of range', () => {
    const field = (input: Parameters<typeof scoreRisk>[0]) => {
      const r = scoreRisk(input);
      return r.ok ? null : [r.error.code, r.error.field];
    };
    expect(field({ id: 'r', probability: 0, impact: { cost: 1 } })).toEqual(['invalid_level', 'probability']);
    expect(field({ id: 'r', probability: 2, impact: { cost: 6 } })).toEqual(['invalid_level', 'impact.cost']);
    expect(field({ id: 'r', probability: 2, impact: { cost: 2.5 } })).toEqual([
      'invalid_level',
      'impact.cost',
    ]);
    expect(field({ id: 'r', probability: 2, impact: {} })).toEqual(['invalid_level', 'impact']);
    expect(
      field({ id: 'r', probability: 2, impact: { cost: 2 }, residual: { probability: 9, impact: {} } }),
    ).toEqual(['invalid_level', 'residual.probability']);
  });

  it('bands scores into levels', () => {
    expect([4, 5, 9, 10, 14, 15, 25].map((s) => riskLevel(s))).toEqual([
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
  });
});

describe('heatMap', () => {
  it('counts risks per cell, top row first, and leaves out ratings off the grid', () => {
    const map = heatMap([
      { id: 'b', probability: 5, impact: 1 },
      { id: 'a', probability: 5, impact: 1 },
      { id: 'c', probability: 1, impact: 5 },
      { id: 'd', probability: 3, impact: 3 },
      { id: 'x', probability: 0, impact: 3 },
    ]);
    expect(map.cells).toHaveLength(25);
    expect(map.cells[0]).toEqual({ probability: 5, impact: 1, score: 5, count: 2, ids: ['a', 'b'] });
    expect(map.cells[24]).toEqual({ probability: 1, impact: 5, score: 5, count: 1, ids: ['c'] });
    expect(map.cells[12]).toEqual({ probability: 3, impact: 3, score: 9, count: 1, ids: ['d'] });
    expect(map.total).toBe(4);
    expect(map.skipped).toEqual(['x']);
  });
});
