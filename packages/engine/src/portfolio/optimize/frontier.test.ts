// The efficient frontier: every budget limit scaled alike, levels low to high, values that never
// fall, each level's plan within its limits, and a stop that keeps the levels done.
import { describe, expect, it } from 'vitest';
import { checkPlan } from './check';
import { atBudgetLevel, type FrontierPoint, planCost, solveFrontier } from './frontier';
import { cand, capex, scenario } from './scenario.fixture';

const s = scenario(
  Array.from({ length: 10 }, (_, k) =>
    cand(`P${k}`, 10 + ((k * 7) % 23), {
      cost: [capex(30 + ((k * 13) % 41)), { line: 'opex', month: 12, amount: 5 + k }],
      shiftable: k % 3 === 0,
      latestStart: k % 3 === 0 ? 14 : 0,
    }),
  ),
  {
    budget: [
      { line: 'capex', year: 0, limit: 200 },
      { line: 'capex', year: 1, limit: 101 },
      { line: 'opex', year: 1, limit: 40 },
    ],
  },
);

describe('the efficient frontier', () => {
  it('solves each budget level, lowest first, with values that never fall', async () => {
    const heard: number[] = [];
    const points = await solveFrontier(s, {
      points: 5,
      from: 0.5,
      to: 1.5,
      onPoint: (_, i, total) => heard.push(i * 10 + total),
    });
    expect(heard).toEqual([5, 15, 25, 35, 45]);
    expect(points.map((p) => p.level)).toEqual([0.5, 0.75, 1, 1.25, 1.5]);
    // Each limit rounded on its own: 100 + 51 + 20, 150 + 76 + 30, …
    expect(points.map((p) => p.budget)).toEqual([171, 256, 341, 426, 512]);
    for (const p of points) {
      expect(p.status).toBe('optimal');
      const level = atBudgetLevel(s, p.level);
      const check = checkPlan(level, p.starts);
      expect(check.violations).toEqual([]);
      expect(check.value).toBe(p.value);
      expect(p.selected).toBe(p.starts.filter((x) => x !== null).length);
      expect(p.cost).toBe(planCost(level, p.starts));
    }
    for (let k = 1; k < points.length; k++)
      expect(points[k]!.value!).toBeGreaterThanOrEqual(points[k - 1]!.value!);
    expect(points.at(-1)!.value!).toBeGreaterThan(points[0]!.value!);
  });

  it('counts a plan’s cost within the horizon only', () => {
    const one = scenario([cand('A', 1, { cost: [capex(10), capex(7, 30)] })]);
    expect(planCost(one, [0])).toBe(10);
    expect(planCost(one, [null])).toBe(0);
  });

  it('stops when asked, keeping the levels done', async () => {
    const done: FrontierPoint[] = [];
    const points = await solveFrontier(s, {
      points: 20,
      onPoint: (p) => done.push(p),
      shouldStop: () => done.length >= 3,
    });
    expect(points).toHaveLength(3);
    expect(points).toEqual(done);
  });
});
