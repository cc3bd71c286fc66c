import type { FrontierPoint } from '@pharos/engine/solver';
import { describe, expect, it } from 'vitest';
import { cand, capex, everyMonth, scenario } from '../../../engine/src/portfolio/optimize/scenario.fixture';
import { startFrontier } from './solver';

/** Eight proposals competing for one year's capex and a tester's hours, some may shift a month. */
const small = scenario(
  Array.from({ length: 8 }, (_, k) =>
    cand(`P${k}`, 20 + 7 * k, {
      cost: [capex(100 + 40 * k), capex(30 + 10 * k, 1)],
      demand: [{ role: 'Tester', month: 0, hours: 40 + 10 * (k % 3) }],
      shiftable: k % 2 === 0,
      latestStart: k % 2 === 0 ? 2 : 0,
    }),
  ),
  {
    budget: [{ line: 'capex', year: 0, limit: 1_000 }],
    capacity: everyMonth('Tester', 120),
    exclusions: [['P6', 'P7']],
  },
);

describe('an efficient frontier in a worker thread', () => {
  it('gives values that never fall as the budget rises, each level at its share of the budget', async () => {
    const heard: number[] = [];
    const job = startFrontier(
      small,
      { points: 6, from: 0.2, to: 1.2, timeLimitPerPoint: 5 },
      (_, i, total) => {
        expect(total).toBe(6);
        heard.push(i);
      },
    );
    const points = await job.result;
    expect(points).toHaveLength(6);
    expect(heard).toEqual([0, 1, 2, 3, 4, 5]);
    expect(points.map((p) => p.budget)).toEqual([200, 400, 600, 800, 1_000, 1_200]);
    for (const p of points) {
      expect(p.status).toBe('optimal');
      expect(p.selected).toBe(p.starts.filter((s) => s !== null).length);
    }
    for (let k = 1; k < points.length; k++) {
      expect(points[k]!.budget).toBeGreaterThan(points[k - 1]!.budget);
      expect(points[k]!.value!).toBeGreaterThanOrEqual(points[k - 1]!.value!);
    }
    // The budget binds at the low end and not at the top: the values rise along the way.
    expect(points.at(-1)!.value!).toBeGreaterThan(points[0]!.value!);
  });

  it('returns the levels done so far when cancelled', async () => {
    const points = 200;
    let first: FrontierPoint | undefined;
    const job = startFrontier(small, { points, timeLimitPerPoint: 5 }, (p) => {
      first ??= p;
      job.cancel();
    });
    const done = await job.result;
    expect(first).toBeDefined();
    expect(done.length).toBeGreaterThanOrEqual(1);
    expect(done.length).toBeLessThan(points);
    expect(done[0]).toEqual(first);
    for (let k = 1; k < done.length; k++) expect(done[k]!.value!).toBeGreaterThanOrEqual(done[k - 1]!.value!);
  });
});
