import { readFileSync } from 'node:fs';
import type { Scenario } from '@pharos/engine';
import type { SolveProgress } from '@pharos/engine/solver';
import { describe, expect, it } from 'vitest';
import { knapsackScenario, parseOrLib } from '../../../engine/src/portfolio/optimize/mknap.fixture';
import { startSolve } from './solver';

/** The first problem of an OR-Library mknapcb file (100 items, 5 or 10 budget lines) as a one-period scenario. */
function knapsack(file: string): { scenario: Scenario } {
  const text = readFileSync(
    new URL(`../../../../../shared/corpus/mknap/orlib/${file}`, import.meta.url),
    'utf8',
  );
  return { scenario: knapsackScenario(parseOrLib(text, file)[0]!) };
}

describe('a portfolio solve in a worker thread', () => {
  it('answers with the best plan and its gap while the main thread keeps running', async () => {
    const { scenario } = knapsack('mknapcb1.txt');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const progress: SolveProgress[] = [];
    const began = performance.now();
    const job = startSolve(scenario, { timeLimit: 5, relativeGap: 0.02 }, (p) => progress.push(p));
    const r = await job.result;
    const ms = performance.now() - began;
    clearInterval(timer);
    expect(r.status).toBe('optimal'); // within the 2 % asked for
    expect(r.gap).not.toBeNull();
    expect(r.gap!).toBeLessThanOrEqual(0.02 + 1e-9);
    expect(r.selection.length).toBeGreaterThan(0);
    // Every budget line holds.
    for (const [k, b] of scenario.budget.entries()) {
      const used = r.selection.reduce(
        (s, x) => s + scenario.candidates.find((c) => c.id === x.id)!.cost[k]!.amount,
        0,
      );
      expect(used, `line ${b.line}`).toBeLessThanOrEqual(b.limit);
    }
    expect(progress.length).toBeGreaterThan(0);
    // The event loop ran all along: at least half the 10 ms ticks the solve's time allows.
    expect(ticks).toBeGreaterThan(ms / 20);
  });

  it('stops when cancelled, keeping the best plan found', async () => {
    const { scenario } = knapsack('mknapcb4.txt');
    // Stopped at its first improvement: long before a proof of optimality (gap 0) on this problem.
    const job = startSolve(scenario, { timeLimit: 60, relativeGap: 0 }, () => job.cancel());
    const began = performance.now();
    const r = await job.result;
    expect(performance.now() - began).toBeLessThan(20_000);
    expect(r.status).toBe('interrupted');
    expect(r.value).not.toBeNull();
    expect(r.selection.length).toBeGreaterThan(0);
  });
});
