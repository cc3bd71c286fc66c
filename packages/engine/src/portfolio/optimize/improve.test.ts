// The local search: it keeps every rule (checked in plain code, check.ts), never returns a worse
// plan, makes room by moving or dropping a planned candidate, and gives the same answer each time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbScenario } from './arb-scenario.fixture';
import { checkPlan } from './check';
import { greedy } from './greedy';
import { improvePlan } from './improve';
import { buildModel } from './model';
import { cand, capex, everyMonth, scenario } from './scenario.fixture';

describe('local search on a plan', () => {
  it('keeps every limit, dependency and exclusion, and never loses value', () => {
    fc.assert(
      fc.property(arbScenario(25, 12, 50), fc.integer({ min: 1, max: 1000 }), (s, seed) => {
        const g = greedy(s);
        if (!g.feasible) return;
        const r = improvePlan(buildModel(s), g.starts, { effort: 2e5, seed });
        expect(checkPlan(s, r.starts).violations).toEqual([]);
        expect(r.value).toBeGreaterThanOrEqual(g.value);
        expect(checkPlan(s, r.starts).value).toBeCloseTo(r.value, 6);
      }),
      { numRuns: 200 },
    );
  });

  it('drops a candidate worth less to let a better one in', () => {
    // Greedy by value per cost takes A (30 for 40) first; B alone (50 for 100) is worth more.
    const s = scenario([cand('A', 30, { cost: [capex(40)] }), cand('B', 50, { cost: [capex(100)] })], {
      budget: [{ line: 'capex', year: 0, limit: 100 }],
    });
    const r = improvePlan(buildModel(s), [0, null]);
    expect(r.starts).toEqual([null, 0]);
    expect(r.value).toBe(50);
  });

  it('moves a planned candidate to another month to make room', () => {
    // One tester; A may start in month 0 or 1, B only in month 0.
    const s = scenario(
      [
        cand('A', 10, {
          shiftable: true,
          latestStart: 1,
          demand: [{ role: 'Tester', month: 0, hours: 100 }],
        }),
        cand('B', 20, { demand: [{ role: 'Tester', month: 0, hours: 100 }] }),
      ],
      { capacity: everyMonth('Tester', 100) },
    );
    const r = improvePlan(buildModel(s), [0, null]);
    expect(r.starts).toEqual([1, 0]);
    expect(r.value).toBe(30);
  });

  it('brings in the predecessor a candidate requires', () => {
    const s = scenario([cand('A', 5), cand('B', 40)], {
      dependencies: [{ from: 'A', to: 'B', kind: 'requires' }],
    });
    expect(improvePlan(buildModel(s), [null, null]).starts).toEqual([0, 0]);
  });

  it('gives the same plan for the same seed, and leaves a plan that breaks a rule as it is', () => {
    const s = scenario(
      Array.from({ length: 12 }, (_, k) =>
        cand(`P${k}`, 10 + ((k * 7) % 13), {
          cost: [capex(20 + ((k * 11) % 17))],
          shiftable: true,
          latestStart: 3,
          demand: [{ role: 'Dev', month: 0, hours: 30 + ((k * 5) % 11) }],
        }),
      ),
      { budget: [{ line: 'capex', year: 0, limit: 150 }], capacity: everyMonth('Dev', 60) },
    );
    const m = buildModel(s);
    const first = improvePlan(m, Array(12).fill(null), { seed: 7 });
    expect(improvePlan(m, Array(12).fill(null), { seed: 7 })).toEqual(first);
    expect(checkPlan(s, first.starts).violations).toEqual([]);
    const over = Array(12).fill(0); // everything in month 0: over budget
    expect(improvePlan(m, over).starts).toEqual(over);
  });
});
