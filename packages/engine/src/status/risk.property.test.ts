import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { heatMap, IMPACT_AREAS, type ImpactArea, riskImpact, scoreRisk } from './risk';

const level = fc.integer({ min: 1, max: 5 });
const anyRating = fc.oneof(level, fc.integer({ min: -2, max: 8 }));
const impacts = fc
  .record(Object.fromEntries(IMPACT_AREAS.map((a) => [a, level])) as Record<ImpactArea, typeof level>, {
    requiredKeys: [],
  })
  .filter((i) => Object.keys(i).length > 0);

describe('risk laws', () => {
  it('heat map counts sum to the number of risks placed, and every risk is placed or skipped', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: fc.string(), probability: anyRating, impact: anyRating }), {
          maxLength: 80,
        }),
        (risks) => {
          const map = heatMap(risks);
          const placed = risks.filter(
            (r) => r.probability >= 1 && r.probability <= 5 && r.impact >= 1 && r.impact <= 5,
          );
          expect(map.cells.reduce((sum, c) => sum + c.count, 0)).toBe(map.total);
          expect(map.total).toBe(placed.length);
          expect(map.total + map.skipped.length).toBe(risks.length);
          for (const c of map.cells) expect(c.ids).toHaveLength(c.count);
        },
      ),
    );
  });

  it('scores lie in 1–25 and a weighted impact lies between the lowest and highest rated area', () => {
    fc.assert(
      fc.property(
        level,
        impacts,
        fc.record(Object.fromEntries(IMPACT_AREAS.map((a) => [a, fc.integer({ min: 1, max: 9 })]))),
        (probability, impact, weights) => {
          const scored = scoreRisk({ id: 'r', probability, impact });
          if (!scored.ok) throw new Error(scored.error.message);
          const rated = Object.values(impact);
          expect(scored.value.score).toBe(probability * Math.max(...rated));
          expect(scored.value.score).toBeGreaterThanOrEqual(1);
          expect(scored.value.score).toBeLessThanOrEqual(25);
          const weighted = riskImpact(impact, { method: 'weighted', weights });
          if (!weighted.ok) throw new Error(weighted.error.message);
          expect(weighted.value).toBeGreaterThanOrEqual(Math.min(...rated));
          expect(weighted.value).toBeLessThanOrEqual(Math.max(...rated));
        },
      ),
    );
  });
});
