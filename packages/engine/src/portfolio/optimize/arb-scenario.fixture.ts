// Random scenarios for the optimizer's property tests: a few candidates with costs on two lines,
// demand for two roles, windows, must-dos, fixed ones, dependencies and exclusions.
import fc from 'fast-check';
import type { Candidate, Scenario } from '../scenario';

const lines = ['capex', 'opex'];
const roles = ['Dev', 'QA'];

/** Scenarios of up to `maxCandidates`, windows up to `maxWindow` wide, 1 in `mustOneIn` a must-do (as many fixed in, fixed out). */
export function arbScenario(
  maxCandidates: number,
  maxWindow: number,
  mustOneIn: number,
): fc.Arbitrary<Scenario> {
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
