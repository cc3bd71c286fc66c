// Budget and capacity use of a plan: hand-checked cells, and on random plans the same overloads and
// overspends as checkPlan, and a move that equals recomputing from scratch.
//
// Speed (not a timed test): on bench's generateScenario({ candidates: 300, seed: 1, dependencies: 30 })
// with its greedy plan (36 months, 10 roles), planUsage took about 0.1 ms (5–7 ms for the first
// call, which indexes the scenario) and moveInUsage about 0.01 ms: far inside the 50 ms a drag allows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candidate, Scenario } from '../scenario';
import { checkPlan } from './check';
import { cand, capex, everyMonth, scenario } from './scenario.fixture';
import { moveInUsage, type PlanUsage, planUsage } from './usage';

const dev = (hours: number, months: number) =>
  Array.from({ length: months }, (_, month) => ({ role: 'Dev', month, hours }));

describe('planUsage', () => {
  const s = scenario(
    [
      cand('A', 50, { duration: 3, cost: [capex(70), capex(30, 2)], demand: dev(100, 3) }),
      cand('B', 40, {
        duration: 2,
        cost: [capex(50), { line: 'opex', month: 1, amount: 9 }],
        demand: dev(80, 2),
      }),
      cand('C', 10, { demand: [{ role: 'QA', month: 0, hours: 5 }] }),
    ],
    { budget: [{ line: 'capex', year: 0, limit: 130 }], capacity: everyMonth('Dev', 150) },
  );

  it('sums demand per role and month and spend per line and year, and lists what overflows', () => {
    const u = planUsage(s, [0, 11, 0]);
    expect(u).toMatchObject({
      months: 24,
      years: 2,
      roles: ['Dev', 'QA'],
      lines: ['capex', 'opex'],
      value: 100,
    });
    expect(Array.from(u.demand.subarray(0, 3))).toEqual([100, 100, 100]);
    expect(u.demand[11]).toBe(80);
    expect(u.demand[12]).toBe(80);
    expect(u.demand[24]).toBe(5); // QA, month 0
    expect(Array.from(u.spend)).toEqual([150, 0, 0, 9]); // capex 2026, capex 2027, opex 2026, opex 2027
    expect(Array.from(u.limit)).toEqual([130, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, Infinity]);
    expect(u.overspends).toEqual([{ line: 'capex', year: 0, spend: 150, limit: 130 }]);
    // QA has no capacity at all.
    expect(u.overloads).toEqual([{ role: 'QA', month: 0, demand: 5, capacity: 0 }]);
  });

  it('ignores costs and demand outside the horizon', () => {
    const u = planUsage(s, [-2, 23, null]);
    expect(u.demand[0]).toBe(100);
    expect(u.demand[23]).toBe(80);
    expect(Array.from(u.spend)).toEqual([30, 50, 0, 0]);
  });

  it('moves one candidate', () => {
    const u = moveInUsage(s, planUsage(s, [0, 11, 0]), 1, 11, 1);
    expect(u.overloads.map((o) => `${o.role} ${o.month}`)).toEqual(['Dev 1', 'Dev 2', 'QA 0']);
    expect(moveInUsage(s, u, 2, 0, null)).toEqual(planUsage(s, [0, 1, null]));
  });
});

const roles = ['Dev', 'QA'];
const lines = ['capex', 'opex'];

/** Small random scenarios with a random plan (starts anywhere near the horizon, or none). */
const arbCase = fc.integer({ min: 3, max: 30 }).chain((months) =>
  fc.integer({ min: 1, max: 8 }).chain((n) => {
    const candidate = (i: number): fc.Arbitrary<Candidate> =>
      fc
        .record({
          duration: fc.integer({ min: 1, max: 6 }),
          cost: fc.array(
            fc.record({
              line: fc.constantFrom(...lines, 'other'),
              month: fc.integer({ min: 0, max: 5 }),
              amount: fc.integer({ min: 0, max: 50 }),
            }),
            { maxLength: 5 },
          ),
          demand: fc.array(
            fc.record({
              role: fc.constantFrom(...roles, 'Ops'),
              month: fc.integer({ min: 0, max: 5 }),
              hours: fc.integer({ min: 0, max: 40 }),
            }),
            { maxLength: 5 },
          ),
        })
        .map((r) => cand(`c${i}`, i, r));
    return fc.record({
      scenario: fc.record({
        horizon: fc.constant({ start: '2026-04', months }),
        candidates: fc.tuple(...Array.from({ length: n }, (_, i) => candidate(i))),
        budget: fc.array(
          fc.record({
            line: fc.constantFrom(...lines),
            year: fc.integer({ min: 0, max: Math.ceil(months / 12) }),
            limit: fc.integer({ min: 0, max: 30 * n }),
          }),
          { maxLength: 5 },
        ),
        capacity: fc.array(
          fc.record({
            role: fc.constantFrom(...roles),
            month: fc.integer({ min: 0, max: months }),
            hours: fc.integer({ min: 0, max: 20 * n }),
          }),
          { maxLength: 2 * months },
        ),
        dependencies: fc.constant([]),
        exclusions: fc.constant([]),
        objective: fc.constant('score' as const),
      }) as fc.Arbitrary<Scenario>,
      starts: fc.array(fc.option(fc.integer({ min: -4, max: months + 2 })), { minLength: n, maxLength: n }),
      move: fc.record({ i: fc.nat(n - 1), to: fc.option(fc.integer({ min: -4, max: months + 2 })) }),
    });
  }),
);

/** The budget and capacity breaches of a usage in checkPlan's words. */
const breaches = (u: PlanUsage) => [
  ...u.overspends.map((o) => `budget ${o.line}|${o.year}: ${o.spend} > ${o.limit}`),
  ...u.overloads.map((o) => `capacity ${o.role}|${o.month}: ${o.demand} > ${o.capacity}`),
];

describe('planUsage on random plans', () => {
  it('finds exactly the budget and capacity breaches checkPlan finds, and the same value', () => {
    fc.assert(
      fc.property(arbCase, ({ scenario: s, starts }) => {
        const check = checkPlan(s, starts);
        const u = planUsage(s, starts);
        const limits = check.violations.filter((v) => v.startsWith('budget') || v.startsWith('capacity'));
        expect(breaches(u).sort()).toEqual(limits.sort());
        expect(u.value).toBe(check.value);
      }),
      { numRuns: 300 },
    );
  });

  it('moves a candidate to the same usage as recomputing the moved plan', () => {
    fc.assert(
      fc.property(arbCase, ({ scenario: s, starts, move }) => {
        const moved = starts.slice();
        moved[move.i] = move.to;
        const u = moveInUsage(s, planUsage(s, starts), move.i, starts[move.i] ?? null, move.to);
        expect(u).toEqual(planUsage(s, moved));
      }),
      { numRuns: 300 },
    );
  });
});
