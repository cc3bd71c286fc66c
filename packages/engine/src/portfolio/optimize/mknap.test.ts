// The optimizer on OR-Library's multidimensional knapsack problems (../shared/corpus/mknap), each a
// one-period scenario: the published optimum of every mknap1 and mknap2 problem, and within 0.5 %
// of Chu & Beasley's best known value for a subset of mknapcb1 and mknapcb4 (one problem per
// tightness, both sizes; the bench runs all 60), each within 10 s.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type Knapsack,
  knapsackScenario,
  parseCbBest,
  parseMknap2,
  parseOrLib,
  solveKnapsackTo,
} from './mknap.fixture';
import { solvePortfolio } from './solve';

const root = fileURLToPath(new URL('../../../../../../shared/corpus/mknap/orlib/', import.meta.url));
const present = existsSync(root);
const read = (f: string) => readFileSync(root + f, 'utf8');
if (!present) console.warn(`mknap corpus not found at ${root}: skipping`);

describe.skipIf(!present)('OR-Library multidimensional knapsack', () => {
  it('reaches the published optimum of every mknap1 and mknap2 problem', async () => {
    const problems = [...parseOrLib(read('mknap1.txt'), 'mknap1'), ...parseMknap2(read('mknap2.txt'))];
    expect(problems).toHaveLength(7 + 48);
    const missed: string[] = [];
    for (const k of problems) {
      const r = await solvePortfolio(knapsackScenario(k), { timeLimit: 10, relativeGap: 0 });
      if (r.status !== 'optimal' || Math.abs(r.value! - k.best) > 1e-6)
        missed.push(`${k.name}: ${r.status} ${r.value} (optimum ${k.best})`);
    }
    expect(missed).toEqual([]);
  });

  it('comes within 0.5 % of the best known mknapcb1 and mknapcb4 values', async () => {
    const best = parseCbBest(read('mkcbres.txt'));
    const cb1 = parseOrLib(read('mknapcb1.txt'), 'cb1').map((k, i) => ({ ...k, best: best.cb1[i]! }));
    const cb4 = parseOrLib(read('mknapcb4.txt'), 'cb4').map((k, i) => ({ ...k, best: best.cb4[i]! }));
    expect([cb1.length, cb4.length]).toEqual([30, 30]);
    // 5 × 100 and 10 × 100 at tightness 0.25, 0.50 and 0.75.
    const subset: Knapsack[] = [cb1[0]!, cb1[10]!, cb1[20]!, cb4[0]!, cb4[10]!, cb4[20]!];
    for (const k of subset) {
      const r = await solveKnapsackTo(k, 0.995 * k.best, 10);
      expect(r.value, k.name).toBeGreaterThanOrEqual(0.995 * k.best);
      expect(r.seconds, k.name).toBeLessThanOrEqual(10.5);
    }
  });
});
