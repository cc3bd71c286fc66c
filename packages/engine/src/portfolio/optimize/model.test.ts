// The MILP's columns and rows, their names and meanings, and its LP text read back by HiGHS.
import { describe, expect, it } from 'vitest';
import { buildModel, toLp } from './model';
import { cand, capex, everyMonth, scenario } from './scenario.fixture';
import { loadSolver, solvePortfolio } from './solve';

const mixed = scenario(
  [
    cand('A', 30, { duration: 3, shiftable: true, latestStart: 4, cost: [capex(40), capex(20, 2)] }),
    cand('B', 50, {
      duration: 2,
      shiftable: true,
      earliestStart: 1,
      latestStart: 8,
      demand: [{ role: 'Dev', month: 0, hours: 80 }],
    }),
    cand('C', 20, { mustDo: true, cost: [capex(30)], demand: [{ role: 'Dev', month: 0, hours: 80 }] }),
    cand('D', 45, { shiftable: true, latestStart: 13, cost: [capex(70)] }),
    cand('E', 25, { fixed: 'out' }),
    cand('F', 35, { shiftable: true, latestStart: 2 }),
  ],
  {
    horizon: { start: '2026-04', months: 14 },
    budget: [
      { line: 'capex', year: 0, limit: 100 },
      { line: 'capex', year: 1, limit: 80 },
    ],
    capacity: everyMonth('Dev', 100, 14),
    dependencies: [
      { from: 'A', to: 'B', kind: 'after' },
      { from: 'C', to: 'F', kind: 'requires' },
    ],
    exclusions: [['D', 'F']],
  },
);

describe('buildModel', () => {
  it('has one column per candidate and start month, none for a candidate fixed out', () => {
    const m = buildModel(mixed);
    expect(m.colNames.slice(0, 6)).toEqual(['y0_0', 'y0_1', 'y0_2', 'y0_3', 'y0_4', 'y1_1']);
    expect(m.numCols).toBe(5 + 8 + 1 + 14 + 0 + 3);
    expect(Array.from(m.candCols)).toEqual([0, 5, 13, 14, 28, 28, 31]);
  });

  it('names every row by what it means', () => {
    const labels = buildModel(mixed).rows.map((r) => r.label);
    expect(labels).toContain('budget capex 2026-04..2027-03');
    expect(labels).toContain('budget capex 2027-04..2028-03');
    expect(labels).toContain('capacity Dev 2026-05');
    expect(labels).toContain('must do C');
    expect(labels).toContain('one start for A');
    expect(labels).toContain('B after A (start by 2026-08)');
    expect(labels).toContain('F requires C');
    expect(labels).toContain('at most one of D, F');
    // B's start months 1 … 8: one `after` row each.
    expect(labels.filter((l) => l.startsWith('B after A'))).toHaveLength(8);
  });

  it('writes LP text that HiGHS solves to the same optimum', async () => {
    const highs = await loadSolver();
    const lp = highs.solve(toLp(buildModel(mixed)), { output_flag: false });
    const direct = await solvePortfolio(mixed);
    expect(lp.Status).toBe('Optimal');
    expect(direct.status).toBe('optimal');
    expect(lp.ObjectiveValue).toBeCloseTo(direct.value!, 6);
    // C (must) and A fill year 0 (90 of 100); B follows A; D's 70 fits only in year 1, and beats F.
    expect(direct.selection.map((s) => s.id).sort()).toEqual(['A', 'B', 'C', 'D']);
  });
});
