// Why candidates are in or out, on hand-checked scenarios; and on random ones, that the reported
// shortfalls are exactly enough (raise each limit by its short and the candidate fits at its best
// start) and that every displacement offered really makes room.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Candidate, Scenario } from '../scenario';
import { checkPlan } from './check';
import { explainPlan } from './explain';
import { greedy } from './greedy';
import { monthLabel, yearLabel } from './prepare';
import { cand, capex, everyMonth, scenario } from './scenario.fixture';

const dev = (hours: number, months: number) =>
  Array.from({ length: months }, (_, month) => ({ role: 'Dev', month, hours }));

describe('explainPlan', () => {
  it('reports the one budget year a candidate is short of, and who could make room', () => {
    const s = scenario([cand('A', 50, { cost: [capex(100)] }), cand('B', 40, { cost: [capex(60)] })], {
      budget: [{ line: 'capex', year: 0, limit: 120 }],
    });
    const { excluded, included } = explainPlan(s, [0, null]);
    expect(excluded).toEqual([
      {
        candidate: 'B',
        value: 40,
        rules: [],
        bestStart: 0,
        shortfalls: [
          {
            kind: 'budget',
            label: 'budget capex 2026',
            resource: 'capex',
            period: 0,
            limit: 120,
            used: 100,
            needed: 60,
            short: 40,
          },
        ],
        extraBudget: 40,
        extraHours: 0,
        displace: [{ ids: ['A'], valueLost: 50 }],
      },
    ]);
    expect(included).toEqual([
      {
        candidate: 'A',
        start: 0,
        value: 50,
        mustDo: false,
        fixedIn: false,
        displaces: ['B'],
        displacedValue: 40,
        binding: [], // 100 of 120 is not within 1 %
      },
    ]);
  });

  it('picks the start needing least, and lists capacity by role and month', () => {
    // Dev capacity 100 a month; A uses 80 in months 0–2; B (60 for two months) may start 0–3.
    const s = scenario(
      [
        cand('A', 50, { duration: 3, demand: dev(80, 3) }),
        cand('B', 40, { duration: 2, demand: dev(60, 2), shiftable: true, latestStart: 2 }),
      ],
      { capacity: everyMonth('Dev', 100) },
    );
    const [b] = explainPlan(s, [0, null]).excluded;
    // Start 2 overlaps A in one month only.
    expect(b).toMatchObject({ bestStart: 2, extraHours: 40, extraBudget: 0 });
    expect(b!.shortfalls).toEqual([
      expect.objectContaining({ label: 'capacity Dev 2026-03', used: 80, needed: 60, short: 40 }),
    ]);
    // A uses 80 of 100 hours a month: not binding.
    expect(explainPlan(s, [0, null]).included[0]!.binding).toEqual([]);
  });

  it('names the rules that keep a candidate out whatever its start', () => {
    const s = scenario(
      [
        cand('A', 10, { fixed: 'out' }),
        cand('B', 40),
        cand('C', 30, { duration: 6 }),
        cand('D', 20, { shiftable: true, earliestStart: 1, latestStart: 4 }),
        cand('E', 20),
        cand('F', 20, { shiftable: true, earliestStart: 30, latestStart: 40 }),
      ],
      {
        dependencies: [
          { from: 'A', to: 'B', kind: 'requires' },
          { from: 'C', to: 'D', kind: 'after' },
        ],
        exclusions: [['C', 'E']],
      },
    );
    const { excluded } = explainPlan(s, [null, null, 0, null, null, null]);
    const rules = Object.fromEntries(excluded.map((e) => [e.candidate, e.rules]));
    expect(rules).toEqual({
      A: ['A is fixed out'],
      B: ['B requires A, which is not selected'],
      D: ['D after C, which ends in 2026-07, after its latest start'],
      E: ['at most one of C, E (C selected)'],
      F: ['F has no start month in its window within the horizon'],
    });
    const e = excluded.find((x) => x.candidate === 'E')!;
    expect(e.displace).toEqual([{ ids: ['C'], valueLost: 30 }]);
    expect(excluded.find((x) => x.candidate === 'D')).toMatchObject({ bestStart: null, displace: [] });
  });

  it('says what an included candidate displaces, and which limits bind for it', () => {
    // A big project holds the Dev team; dropping it lets both B and C in (B first, by value).
    const s = scenario(
      [
        cand('A', 60, { duration: 4, demand: dev(100, 4), cost: [capex(100)] }),
        cand('B', 40, { duration: 2, demand: dev(50, 2), shiftable: true, latestStart: 2 }),
        cand('C', 30, { duration: 2, demand: dev(50, 2) }),
        cand('D', 5, { demand: [{ role: 'QA', month: 0, hours: 10 }] }),
      ],
      { capacity: everyMonth('Dev', 100), budget: [{ line: 'capex', year: 0, limit: 100 }] },
    );
    const { included, excluded } = explainPlan(s, [0, null, null, null]);
    expect(included).toEqual([
      {
        candidate: 'A',
        start: 0,
        value: 60,
        mustDo: false,
        fixedIn: false,
        displaces: ['B', 'C'],
        displacedValue: 70,
        binding: ['budget capex 2026', ...[0, 1, 2, 3].map((m) => `capacity Dev ${monthLabel(s, m)}`)],
      },
    ]);
    // D needs QA, which has no capacity: nothing to displace.
    expect(excluded.find((x) => x.candidate === 'D')).toMatchObject({ extraHours: 10, displace: [] });
    expect(excluded.find((x) => x.candidate === 'B')!.displace).toEqual([{ ids: ['A'], valueLost: 60 }]);
  });

  it('never offers to drop a must-do or a predecessor the candidate needs', () => {
    const s = scenario(
      [
        cand('A', 60, { cost: [capex(100)], mustDo: true }),
        cand('B', 30, { cost: [capex(50)] }),
        cand('C', 40, { cost: [capex(50)] }),
        cand('D', 50, { cost: [capex(40)] }),
      ],
      {
        budget: [{ line: 'capex', year: 0, limit: 200 }],
        dependencies: [{ from: 'B', to: 'D', kind: 'requires' }],
      },
    );
    const [d] = explainPlan(s, [0, 0, 0, null]).excluded;
    expect(d).toMatchObject({ candidate: 'D', extraBudget: 40, displace: [{ ids: ['C'], valueLost: 40 }] });
  });
});

/** Random scenarios as the optimizer's property tests build them, small enough to check fast. */
function arbScenario(): fc.Arbitrary<Scenario> {
  return fc.integer({ min: 4, max: 26 }).chain((months) => {
    const candidate = (i: number): fc.Arbitrary<Candidate> =>
      fc
        .record({
          score: fc.integer({ min: -5, max: 100 }),
          duration: fc.integer({ min: 1, max: 5 }),
          shiftable: fc.boolean(),
          earliest: fc.integer({ min: 0, max: months - 1 }),
          width: fc.integer({ min: 0, max: 8 }),
          must: fc.integer({ min: 0, max: 19 }),
          cost: fc.array(
            fc.record({
              line: fc.constantFrom('capex', 'opex'),
              month: fc.integer({ min: 0, max: 4 }),
              amount: fc.integer({ min: 1, max: 60 }),
            }),
            { maxLength: 4 },
          ),
          demand: fc.array(
            fc.record({
              role: fc.constantFrom('Dev', 'QA'),
              month: fc.integer({ min: 0, max: 4 }),
              hours: fc.integer({ min: 1, max: 50 }),
            }),
            { maxLength: 3 },
          ),
        })
        .map((r) =>
          cand(`c${i}`, r.score, {
            duration: r.duration,
            earliestStart: r.earliest,
            latestStart: r.earliest + r.width,
            shiftable: r.shiftable,
            plannedStart: r.earliest,
            mustDo: r.must === 0,
            fixed: r.must === 1 ? 'out' : undefined,
            cost: r.cost.filter((c) => c.month < r.duration),
            demand: r.demand.filter((d) => d.month < r.duration),
          }),
        );
    return fc.integer({ min: 2, max: 14 }).chain((n) => {
      const id = fc.integer({ min: 0, max: n - 1 }).map((i) => `c${i}`);
      return fc.record({
        horizon: fc.constant({ start: '2026-07', months }),
        candidates: fc.tuple(...Array.from({ length: n }, (_, i) => candidate(i))),
        budget: fc.array(
          fc.record({
            line: fc.constantFrom('capex', 'opex'),
            year: fc.integer({ min: 0, max: Math.ceil(months / 12) - 1 }),
            limit: fc.integer({ min: 0, max: 30 * n }),
          }),
          { maxLength: 4 },
        ),
        capacity: fc
          .tuple(fc.integer({ min: 0, max: 20 * n }), fc.integer({ min: 0, max: 20 * n }))
          .map(([dev, qa]) => [...everyMonth('Dev', dev, months), ...everyMonth('QA', qa, months)]),
        dependencies: fc.array(fc.record({ from: id, to: id, kind: fc.constantFrom('requires', 'after') }), {
          maxLength: 3,
        }),
        exclusions: fc.array(fc.uniqueArray(id, { minLength: 2, maxLength: 3 }), { maxLength: 2 }),
        objective: fc.constant('score' as const),
      }) as fc.Arbitrary<Scenario>;
    });
  });
}

/** The scenario with each shortfall's limit raised by its short. */
function raised(s: Scenario, shortfalls: ReturnType<typeof explainPlan>['excluded'][number]['shortfalls']) {
  let budget = s.budget;
  const capacity = s.capacity.slice();
  for (const f of shortfalls) {
    if (f.kind === 'capacity') capacity.push({ role: f.resource, month: f.period, hours: f.short });
    else
      budget = budget.map((b) =>
        b.line === f.resource && b.year === f.period ? { ...b, limit: b.limit + f.short } : b,
      );
  }
  return { ...s, budget, capacity };
}

describe('explainPlan on random plans', () => {
  it('reports shortfalls that are exactly enough, and displacements that make room', () => {
    let checked = 0;
    fc.assert(
      fc.property(arbScenario(), (s) => {
        const plan = greedy(s);
        if (checkPlan(s, plan.starts).violations.length) return;
        const { excluded } = explainPlan(s, plan.starts);
        for (const e of excluded) {
          const i = s.candidates.findIndex((c) => c.id === e.candidate);
          const c = s.candidates[i]!;
          for (const f of e.shortfalls) {
            expect(f.label).toBe(
              f.kind === 'budget'
                ? `budget ${f.resource} ${yearLabel(s, f.period)}`
                : `capacity ${f.resource} ${monthLabel(s, f.period)}`,
            );
            expect(f.short).toBeGreaterThan(0);
          }
          if (e.rules.length || e.bestStart === null) continue;
          const starts = plan.starts.slice();
          starts[i] = e.bestStart;
          expect(checkPlan(raised(s, e.shortfalls), starts).violations).toEqual([]);
          if (e.shortfalls.length) expect(checkPlan(s, starts).violations).not.toEqual([]);
          checked++;
          for (const d of e.displace) {
            const rest = plan.starts.map((x, k) => (d.ids.includes(s.candidates[k]!.id) ? null : x));
            const last = Math.min(c.latestStart, s.horizon.months - 1);
            const tries = c.shiftable
              ? Array.from({ length: last - c.earliestStart + 1 }, (_, k) => c.earliestStart + k)
              : [c.plannedStart];
            const fits = tries.some((t) => {
              rest[i] = t;
              return checkPlan(s, rest).violations.length === 0;
            });
            expect(fits).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(100);
  });
});
