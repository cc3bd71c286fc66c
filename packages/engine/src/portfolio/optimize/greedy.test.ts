// The greedy plan and the rank-then-cut baseline on hand-checked scenarios.
import { describe, expect, it } from 'vitest';
import { checkPlan } from './check';
import { greedy, rankThenCut } from './greedy';
import { cand, capex, everyMonth, scenario } from './scenario.fixture';

const dev = (hours: number, months = 2) =>
  Array.from({ length: months }, (_, month) => ({ role: 'Dev', month, hours }));

describe('greedy', () => {
  it('ranks by value per weighted resource share, or by value alone', () => {
    const s = scenario(
      [
        cand('A', 50, { cost: [capex(100)] }),
        cand('B', 40, { cost: [capex(50)] }),
        cand('C', 40, { cost: [capex(50)] }),
      ],
      { budget: [{ line: 'capex', year: 0, limit: 100 }] },
    );
    expect(greedy(s, { rank: 'value' })).toMatchObject({
      starts: [0, null, null],
      value: 50,
      feasible: true,
    });
    expect(greedy(s, { rank: 'weighted' })).toMatchObject({ starts: [null, 0, 0], value: 80 });
    expect(greedy(s, { rank: 'scarcest' }).value).toBe(80);
    expect(greedy(s)).toMatchObject({ value: 80, rank: 'weighted' });
  });

  it('starts a candidate in the earliest month where it fits', () => {
    const s = scenario(
      [
        cand('A', 50, { duration: 2, demand: dev(100) }),
        cand('B', 40, { duration: 2, demand: dev(100), shiftable: true, latestStart: 5 }),
      ],
      { capacity: everyMonth('Dev', 150) },
    );
    const g = greedy(s);
    expect(g.starts).toEqual([0, 2]);
    expect(checkPlan(s, g.starts).violations).toEqual([]);
    // Rank then cut keeps planned starts: B does not fit in month 0 and stays out.
    expect(rankThenCut(s).starts).toEqual([0, null]);
  });

  it('pulls in a predecessor when the pair is worth it, and starts the dependent after it', () => {
    const a = cand('A', 1, { duration: 3 });
    const b = cand('B', 50, { shiftable: true, latestStart: 10 });
    const after = [{ from: 'A', to: 'B', kind: 'after' as const }];
    expect(greedy(scenario([a, b], { dependencies: after })).starts).toEqual([0, 3]);
    const costly = { ...a, value: { score: -60, npv: 0 } };
    expect(greedy(scenario([costly, b], { dependencies: after })).starts).toEqual([null, null]);
    // The baseline never pulls: B comes first in score order and lacks A.
    expect(rankThenCut(scenario([a, b], { dependencies: after })).starts).toEqual([0, null]);
  });

  it('puts must-dos first, keeps exclusions and leaves out what is fixed out', () => {
    const budget = [{ line: 'capex', year: 0, limit: 100 }];
    const s = scenario(
      [
        cand('A', 5, { cost: [capex(60)], mustDo: true }),
        cand('B', 90, { cost: [capex(60)] }),
        cand('C', 30, { cost: [capex(40)] }),
        cand('D', 20, { cost: [capex(0)] }),
        cand('E', 10, { fixed: 'out' }),
      ],
      { budget, exclusions: [['C', 'D']] },
    );
    expect(greedy(s).starts).toEqual([0, null, 0, null, null]);
    expect(rankThenCut(s).starts).toEqual([0, null, 0, null, null]);
  });

  it('flags a plan whose must-dos do not fit', () => {
    const must = { cost: [capex(60)], mustDo: true };
    const s = scenario([cand('A', 1, must), cand('B', 1, must)], {
      budget: [{ line: 'capex', year: 0, limit: 100 }],
    });
    expect(greedy(s)).toMatchObject({ starts: [0, 0], feasible: false });
  });
});
