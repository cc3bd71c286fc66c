// Properties of the optimizer on random scenarios, checked in plain code (check.ts): on small ones
// its optimum equals the best plan found by trying every choice; on larger ones its plan keeps
// every limit, dependency and exclusion and is never worse than the greedy plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candidate, Scenario } from '../scenario';
import { checkPlan } from './check';
import { greedy, rankThenCut } from './greedy';
import { solvePortfolio } from './solve';

const lines = ['capex', 'opex'];
const roles = ['Dev', 'QA'];

/** Scenarios of up to `maxCandidates`, windows up to `maxWindow` wide, 1 in `mustOneIn` a must-do (as many fixed in, fixed out). */
function arbScenario(maxCandidates: number, maxWindow: number, mustOneIn: number): fc.Arbitrary<Scenario> {
  return fc.integer({ min: 4, max: 18 }).chain((months) => {
    const candidate = (i: number): fc.Arbitrary<Candidate> =>
      fc
        .record({
          score: fc.integer({ min: -10, max: 100 }),
          duration: fc.integer({ min: 1, max: 5 }),
          shiftable: fc.boolean(),
          earliest: fc.integer({ min: 0, max: months - 1 }),
          width: fc.integer({ min: 0, max: maxWindow }),
          planned: fc.integer({ min: -3, max: months }),
          must: fc.integer({ min: 0, max: mustOneIn - 1 }),
          cost: fc.array(
            fc.record({
              line: fc.constantFrom(...lines),
              month: fc.integer({ min: 0, max: 4 }),
              amount: fc.integer({ min: 1, max: 60 }),
            }),
            { maxLength: 4 },
          ),
          demand: fc.array(
            fc.record({
              role: fc.constantFrom(...roles),
              month: fc.integer({ min: 0, max: 4 }),
              hours: fc.integer({ min: 1, max: 50 }),
            }),
            { maxLength: 3 },
          ),
        })
        .map((r) => ({
          id: `c${i}`,
          name: `C${i}`,
          kind: 'proposal' as const,
          value: { score: r.score, npv: 0 },
          duration: r.duration,
          earliestStart: r.earliest,
          latestStart: r.earliest + r.width,
          shiftable: r.shiftable,
          plannedStart: r.shiftable ? r.earliest : r.planned,
          mustDo: r.must === 0,
          fixed: r.must === 1 ? ('out' as const) : r.must === 2 ? ('in' as const) : undefined,
          cost: r.cost.filter((c) => c.month < r.duration),
          demand: r.demand.filter((d) => d.month < r.duration),
        }));
    return fc.integer({ min: 1, max: maxCandidates }).chain((n) =>
      fc.record({
        horizon: fc.constant({ start: '2026-07', months }),
        candidates: fc.tuple(...Array.from({ length: n }, (_, i) => candidate(i))),
        budget: fc.array(
          fc.record({
            line: fc.constantFrom(...lines),
            year: fc.integer({ min: 0, max: Math.ceil(months / 12) - 1 }),
            limit: fc.integer({ min: 0, max: 40 * n }),
          }),
          { maxLength: 4 },
        ),
        capacity: fc.array(
          fc.record({
            role: fc.constantFrom(...roles),
            month: fc.integer({ min: 0, max: months - 1 }),
            hours: fc.integer({ min: 0, max: 40 * n }),
          }),
          { maxLength: 3 * months },
        ),
        dependencies: fc.array(
          fc.record({
            from: fc.integer({ min: 0, max: n - 1 }).map((i) => `c${i}`),
            to: fc.integer({ min: 0, max: n - 1 }).map((i) => `c${i}`),
            kind: fc.constantFrom('requires' as const, 'after' as const),
          }),
          { maxLength: Math.min(4, n) },
        ),
        // Groups of two or three distinct candidates (none when there is one candidate).
        exclusions:
          n < 2
            ? fc.constant([])
            : fc.array(
                fc.uniqueArray(
                  fc.integer({ min: 0, max: n - 1 }).map((i) => `c${i}`),
                  { minLength: 2, maxLength: Math.min(3, n) },
                ),
                { maxLength: 2 },
              ),
        objective: fc.constant('score' as const),
      }),
    );
  });
}

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
    // Most of them must be feasible, or the property says little.
    expect(stats.optimal! + (stats['time-limit'] ?? 0)).toBeGreaterThan(20);
  });
});
