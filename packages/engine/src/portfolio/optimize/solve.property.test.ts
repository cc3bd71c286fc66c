// Properties of the optimizer on random scenarios, checked in plain code (check.ts): on small ones
// its optimum equals the best plan found by trying every choice; on larger ones its plan keeps
// every limit, dependency and exclusion and is never worse than the greedy plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario';
import { arbScenario } from './arb-scenario.fixture';
import { checkPlan } from './check';
import { greedy, rankThenCut } from './greedy';
import { solvePortfolio } from './solve';

/** The best feasible plan by trying every choice of every candidate (null: none is feasible). */
function bruteForce(s: Scenario): number | null {
  const months = s.horizon.months;
  const options = s.candidates.map((c) => {
    if (c.fixed === 'out') return [null];
    const starts = c.shiftable
      ? Array.from(
          { length: Math.max(0, Math.min(months - 1, c.latestStart) - Math.max(0, c.earliestStart) + 1) },
          (_, k) => Math.max(0, c.earliestStart) + k,
        )
      : [c.plannedStart];
    return [null, ...starts];
  });
  let best: number | null = null;
  const plan: (number | null)[] = [];
  const visit = (i: number) => {
    if (i === options.length) {
      const r = checkPlan(s, plan);
      if (r.violations.length === 0 && (best === null || r.value > best)) best = r.value;
      return;
    }
    for (const o of options[i]!) {
      plan[i] = o;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

describe('the optimizer on random scenarios', () => {
  it('finds the same optimum as trying every plan, and a feasible plan', async () => {
    await fc.assert(
      fc.asyncProperty(arbScenario(6, 2, 10), async (s) => {
        const best = bruteForce(s);
        const r = await solvePortfolio(s, { timeLimit: 10, relativeGap: 0 });
        const g = greedy(s);
        if (best === null) {
          expect(r.status).toBe('infeasible');
          expect(g.feasible).toBe(false);
          return;
        }
        expect(r.status).toBe('optimal');
        expect(checkPlan(s, r.starts).violations).toEqual([]);
        expect(r.value).toBeCloseTo(best, 6);
        if (g.feasible) {
          expect(checkPlan(s, g.starts).violations).toEqual([]);
          expect(g.value).toBeLessThanOrEqual(best + 1e-9);
        }
        const cut = rankThenCut(s);
        if (cut.feasible) expect(checkPlan(s, cut.starts).violations).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every limit on larger scenarios and never does worse than greedy', async () => {
    const stats: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(arbScenario(25, 12, 50), async (s) => {
        const r = await solvePortfolio(s, { timeLimit: 2 });
        stats[r.status] = (stats[r.status] ?? 0) + 1;
        if (r.status === 'infeasible') {
          expect(r.greedy.feasible).toBe(false);
          return;
        }
        expect(['optimal', 'time-limit']).toContain(r.status);
        expect(checkPlan(s, r.starts).violations).toEqual([]);
        expect(checkPlan(s, r.starts).value).toBeCloseTo(r.value!, 6);
        expect(r.value).toBeLessThanOrEqual(r.bound! + 1e-6 * Math.max(1, Math.abs(r.bound!)));
        if (r.greedy.feasible) {
          expect(checkPlan(s, r.greedy.starts).violations).toEqual([]);
          expect(r.value).toBeGreaterThanOrEqual(r.greedy.value);
        }
      }),
      { numRuns: 40 },
    );
    // Enough of them must be feasible, or the property says little. About half are (the draws are
    // random on every run): at least a quarter leaves room for chance without losing the point.
    expect((stats.optimal ?? 0) + (stats['time-limit'] ?? 0)).toBeGreaterThanOrEqual(10);
  });
});
