// The optimizer on hand-checked scenarios: each constraint kind binds and changes the answer
// (every test solves the scenario with and without it), objectives, statuses, explanations.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario';
import { checkPlan } from './check';
import { cand, capex, everyMonth, scenario } from './scenario.fixture';
import { type SolveResult, solvePortfolio } from './solve';

const chosen = (r: SolveResult) => r.selection.map((s) => s.id).sort();
const startsOf = (r: SolveResult) => Object.fromEntries(r.selection.map((s) => [s.id, s.start]));

async function solved(s: Scenario) {
  const r = await solvePortfolio(s, { timeLimit: 5 });
  expect(r.status).toBe('optimal');
  expect(checkPlan(s, r.starts).violations).toEqual([]);
  return r;
}

describe('budget per line and budget year', () => {
  const candidates = [
    cand('A', 50, { cost: [capex(60)] }),
    cand('B', 40, { cost: [capex(50)] }),
    cand('C', 30, { cost: [capex(50)] }),
  ];
  it('picks the best set that fits the year, not the best single candidate', async () => {
    expect(chosen(await solved(scenario(candidates)))).toEqual(['A', 'B', 'C']);
    const r = await solved(scenario(candidates, { budget: [{ line: 'capex', year: 0, limit: 100 }] }));
    expect(chosen(r)).toEqual(['B', 'C']);
    expect(r.value).toBe(70);
    expect(r.binding).toContainEqual({
      kind: 'budget',
      label: 'budget capex 2026',
      limit: 100,
      used: 100,
      slack: 0,
    });
    // The greedy by value alone would have stopped at A (50).
    expect(r.greedy.value).toBeLessThanOrEqual(70);
  });

  it('counts a cost in the budget year its month falls in, and other lines not at all', async () => {
    const a = cand('A', 10, {
      shiftable: true,
      latestStart: 23,
      cost: [capex(80), { line: 'opex', month: 0, amount: 1000 }],
    });
    const s = scenario([a], {
      budget: [
        { line: 'capex', year: 0, limit: 50 },
        { line: 'capex', year: 1, limit: 100 },
      ],
    });
    const r = await solved(s);
    expect(r.starts[0]).toBeGreaterThanOrEqual(12);
    // With year 1 as tight as year 0, it cannot go anywhere.
    const tight = await solved({ ...s, budget: s.budget.map((b) => ({ ...b, limit: 50 })) });
    expect(chosen(tight)).toEqual([]);
  });

  it('ignores cost beyond the horizon', async () => {
    const a = cand('A', 10, {
      shiftable: true,
      latestStart: 23,
      duration: 2,
      cost: [capex(5), capex(100, 1)],
    });
    const r = await solved(
      scenario([a], {
        budget: [
          { line: 'capex', year: 0, limit: 10 },
          { line: 'capex', year: 1, limit: 10 },
        ],
      }),
    );
    expect(startsOf(r)).toEqual({ A: 23 });
  });

  it('ignores cost spent before the horizon by a running project', async () => {
    const running = cand('P', 10, {
      kind: 'project',
      plannedStart: -3,
      duration: 6,
      cost: [capex(100), capex(5, 4)],
    });
    const r = await solved(scenario([running], { budget: [{ line: 'capex', year: 0, limit: 10 }] }));
    expect(startsOf(r)).toEqual({ P: -3 });
  });
});

describe('capacity per role and month', () => {
  const dev = (hours: number) => [
    { role: 'Dev', month: 0, hours },
    { role: 'Dev', month: 1, hours },
  ];
  it('keeps one of two clashing candidates, or shifts the other past the clash', async () => {
    const a = cand('A', 50, { duration: 2, demand: dev(100) });
    const b = cand('B', 40, { duration: 2, demand: dev(100) });
    expect(chosen(await solved(scenario([a, b])))).toEqual([]); // no capacity given: none
    const capacity = everyMonth('Dev', 150);
    const fixedStarts = await solved(scenario([a, b], { capacity }));
    expect(chosen(fixedStarts)).toEqual(['A']);
    expect(fixedStarts.binding.map((x) => x.label)).toEqual([]); // 100 of 150 used
    const shifted = await solved(
      scenario([a, { ...b, shiftable: true, earliestStart: 0, latestStart: 2 }], { capacity }),
    );
    expect(startsOf(shifted)).toEqual({ A: 0, B: 2 });
    const full = await solved(scenario([a, b], { capacity: everyMonth('Dev', 100) }));
    expect(full.binding.map((x) => x.label)).toEqual(['capacity Dev 2026-01', 'capacity Dev 2026-02']);
  });
});

describe('dependencies', () => {
  const budget = [{ line: 'capex', year: 0, limit: 100 }];
  const abc = [
    cand('A', 10, { cost: [capex(60)] }),
    cand('B', 50, { cost: [capex(30)] }),
    cand('C', 45, { cost: [capex(40)] }),
  ];
  it('requires: B only with A', async () => {
    expect(chosen(await solved(scenario(abc, { budget })))).toEqual(['B', 'C']);
    const r = await solved(
      scenario(abc, { budget, dependencies: [{ from: 'A', to: 'B', kind: 'requires' }] }),
    );
    expect(chosen(r)).toEqual(['A', 'B']);
    expect(r.binding).toContainEqual({ kind: 'requires', label: 'B requires A' });
  });

  it('after: B starts once A has finished, or is dropped when it cannot', async () => {
    const a = cand('A', 10, { duration: 6 });
    const b = (latestStart: number) => cand('B', 50, { shiftable: true, latestStart, duration: 3 });
    const after = [{ from: 'A', to: 'B', kind: 'after' as const }];
    const r = await solved(scenario([a, b(6)], { dependencies: after }));
    expect(startsOf(r)).toEqual({ A: 0, B: 6 });
    expect(r.binding).toContainEqual({ kind: 'after', label: 'B after A (start by 2026-07)' });
    expect(chosen(await solved(scenario([a, b(4)], { dependencies: after })))).toEqual(['A']);
    const requires = [{ from: 'A', to: 'B', kind: 'requires' as const }];
    expect(chosen(await solved(scenario([a, b(4)], { dependencies: requires })))).toEqual(['A', 'B']);
  });

  it('after, both shiftable: A moves to let B in', async () => {
    // No Dev in month 0: A cannot start then; B must start by month 5, so A starts in month 1.
    const capacity = everyMonth('Dev', 10).map((c) => (c.month === 0 ? { ...c, hours: 0 } : c));
    const a = cand('A', 10, {
      shiftable: true,
      latestStart: 10,
      duration: 4,
      demand: [{ role: 'Dev', month: 0, hours: 5 }],
    });
    const b = cand('B', 50, { shiftable: true, latestStart: 5, duration: 2 });
    const r = await solved(
      scenario([a, b], { capacity, dependencies: [{ from: 'A', to: 'B', kind: 'after' }] }),
    );
    expect(startsOf(r)).toEqual({ A: 1, B: 5 });
  });
});

describe('exclusions, must-dos and fixed choices', () => {
  const abc = [cand('A', 50), cand('B', 40), cand('C', 30)];
  it('takes at most one of an exclusion group', async () => {
    const r = await solved(scenario(abc, { exclusions: [['A', 'B']] }));
    expect(chosen(r)).toEqual(['A', 'C']);
    expect(r.binding).toContainEqual({ kind: 'exclusion', label: 'at most one of A, B' });
  });

  it('selects a must-do (or one fixed in) before anything better', async () => {
    const budget = [{ line: 'capex', year: 0, limit: 100 }];
    const a = cand('A', 10, { cost: [capex(100)] });
    const b = cand('B', 50, { cost: [capex(100)] });
    expect(chosen(await solved(scenario([a, b], { budget })))).toEqual(['B']);
    expect(chosen(await solved(scenario([{ ...a, mustDo: true }, b], { budget })))).toEqual(['A']);
    expect(chosen(await solved(scenario([{ ...a, fixed: 'in' }, b], { budget })))).toEqual(['A']);
  });

  it('leaves out a candidate fixed out', async () => {
    expect(chosen(await solved(scenario([abc[0]!, { ...abc[1]!, fixed: 'out' }])))).toEqual(['A']);
  });

  it('pulls in the predecessor a must-do needs', async () => {
    const budget = [{ line: 'capex', year: 0, limit: 100 }];
    const s = scenario(
      [
        cand('A', 1, { cost: [capex(50)] }),
        cand('B', 1, { cost: [capex(50)], mustDo: true }),
        cand('C', 60, { cost: [capex(50)] }),
      ],
      { budget, dependencies: [{ from: 'A', to: 'B', kind: 'requires' }] },
    );
    const r = await solved(s);
    expect(chosen(r)).toEqual(['A', 'B']);
    expect(r.greedy.starts).toEqual([0, 0, null]);
  });
});

describe('objectives', () => {
  const budget = [{ line: 'capex', year: 0, limit: 100 }];
  const a = cand('A', 90, {
    cost: [capex(100)],
    value: { score: 90, npv: 10, objectives: { growth: 1, risk: 0 } },
  });
  const b = cand('B', 10, {
    cost: [capex(100)],
    value: { score: 10, npv: 100, objectives: { growth: 0, risk: 1 } },
  });
  it('maximizes score, NPV or weighted strategic contribution', async () => {
    expect(chosen(await solved(scenario([a, b], { budget })))).toEqual(['A']);
    expect(chosen(await solved(scenario([a, b], { budget, objective: 'npv' })))).toEqual(['B']);
    const weights = { growth: 1, risk: 3 };
    const r = await solved(scenario([a, b], { budget, objective: 'objectives', objectiveWeights: weights }));
    expect(chosen(r)).toEqual(['B']);
    expect(r.value).toBe(3);
  });
});

describe('statuses', () => {
  it('says infeasible when the must-dos cannot all fit', async () => {
    const budget = [{ line: 'capex', year: 0, limit: 100 }];
    const must = { cost: [capex(60)], mustDo: true };
    const r = await solvePortfolio(scenario([cand('A', 1, must), cand('B', 1, must)], { budget }));
    expect(r.status).toBe('infeasible');
    expect(r.selection).toEqual([]);
    expect(r.greedy.feasible).toBe(false);
  });

  it('rejects a scenario that names an unknown candidate, without solving', async () => {
    const r = await solvePortfolio(
      scenario([cand('A', 1)], { dependencies: [{ from: 'X', to: 'A', kind: 'requires' }] }),
    );
    expect(r.status).toBe('invalid');
    expect(r.issues).toEqual([
      { code: 'unknown-candidate', message: 'No candidate X', field: 'dependencies.0.from' },
    ]);
  });

  it('solves an empty scenario', async () => {
    const r = await solvePortfolio(scenario([]));
    expect(r).toMatchObject({ status: 'optimal', value: 0, selection: [] });
  });
});
