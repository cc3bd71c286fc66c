import { describe, expect, it } from 'vitest';
import { ScenarioFile } from './scenario';

const candidate = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Candidate ${id}`,
  value: { score: 50 },
  duration: 6,
  earliestStart: 0,
  latestStart: 6,
  plannedStart: 0,
  cost: [{ line: 'capex', month: 0, amount: 100_000 }],
  demand: [{ role: 'Developer', month: 1, hours: 160 }],
  ...extra,
});

const file = (scenario: Record<string, unknown>) => ({
  format: 'pharos-scenario',
  version: 1,
  name: 'Test',
  scenario: { horizon: { start: '2027-01', months: 24 }, candidates: [candidate('A')], ...scenario },
});

/** The problems a file has, as `path: message`. */
function problems(input: unknown): string[] {
  const r = ScenarioFile.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the scenario file', () => {
  it('reads a whole scenario, filling in the defaults', () => {
    const r = ScenarioFile.parse(
      file({
        candidates: [candidate('A'), candidate('B', { mustDo: true, shiftable: false })],
        budget: [{ line: 'capex', year: 0, limit: 1_000_000 }],
        capacity: [{ role: 'Developer', month: 0, hours: 320 }],
        dependencies: [{ from: 'A', to: 'B', kind: 'after' }],
        exclusions: [['A', 'B']],
      }),
    );
    expect(r.scenario.objective).toBe('score');
    expect(r.scenario.candidates[0]!.kind).toBe('proposal');
    expect(r.scenario.candidates[0]!.shiftable).toBe(true);
    expect(r.scenario.candidates[1]!.shiftable).toBe(false);
    expect(r.scenario.candidates[0]!.value.npv).toBe(0);
  });

  it('names every problem by its place in the file', () => {
    expect(
      problems(
        file({
          candidates: [
            candidate('A', { earliestStart: 5, latestStart: 2, plannedStart: 3 }),
            candidate('A'),
            candidate('C', { mustDo: true, fixed: 'out' }),
          ],
          dependencies: [
            { from: 'A', to: 'Z', kind: 'requires' },
            { from: 'C', to: 'C', kind: 'after' },
          ],
          exclusions: [['A', 'Y']],
          budget: [
            { line: 'capex', year: 0, limit: 1 },
            { line: 'capex', year: 0, limit: 2 },
          ],
          capacity: [{ role: 'Developer', month: 30, hours: 1 }],
          objective: 'objectives',
        }),
      ),
    ).toEqual([
      'scenario.candidates.0.latestStart: The latest start is before the earliest start',
      'scenario.candidates.0.plannedStart: The planned start is outside earliest–latest start',
      'scenario.candidates.1.id: Candidate A appears twice',
      'scenario.candidates.2.fixed: A must-do candidate cannot be fixed out',
      'scenario.dependencies.0.to: No candidate Z',
      'scenario.dependencies.1.to: A candidate cannot depend on itself',
      'scenario.exclusions.0.1: No candidate Y',
      'scenario.budget.1: Budget line capex is limited twice in year 0',
      'scenario.capacity.0.month: The month is after the horizon',
      'scenario.objectiveWeights: The objective "objectives" needs a weight per strategic objective',
    ]);
  });

  it('refuses wrong types and values with the field', () => {
    expect(problems(file({ horizon: { start: '2027-13', months: 24 } }))).toEqual([
      'scenario.horizon.start: Use YYYY-MM',
    ]);
    expect(
      problems(file({ candidates: [candidate('A', { cost: [{ line: 'capex', month: 0, amount: 1.5 }] })] })),
    ).toHaveLength(1);
    expect(problems({ ...file({}), format: 'other' })[0]).toMatch(/^format:/);
  });
});
