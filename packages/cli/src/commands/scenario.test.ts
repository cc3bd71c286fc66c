import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pharos, tempDir } from '../test-support';

const candidate = (id: string, score: number, capex: number, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Initiative ${id}`,
  value: { score },
  duration: 1,
  earliestStart: 0,
  latestStart: 0,
  shiftable: false,
  plannedStart: 0,
  cost: [{ line: 'capex', month: 0, amount: capex }],
  ...extra,
});

/**
 * D is a must-do; C needs B; C and E exclude each other; 100 to spend. Without the dependency
 * A + C + D (90) would win; with it the best is A + D + E (86), ahead of B + C + D (85).
 */
const file = {
  format: 'pharos-scenario',
  version: 1,
  name: 'Small choice',
  scenario: {
    horizon: { start: '2027-01', months: 12 },
    budget: [{ line: 'capex', year: 0, limit: 100 }],
    candidates: [
      candidate('A', 40, 50),
      candidate('B', 35, 40),
      candidate('C', 30, 30),
      candidate('D', 20, 20, { mustDo: true }),
      candidate('E', 26, 10),
    ],
    dependencies: [{ from: 'B', to: 'C', kind: 'requires' }],
    exclusions: [['C', 'E']],
  },
};

describe('pharos scenario solve', () => {
  let files: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    files = await tempDir();
  });
  afterAll(async () => {
    await files.remove();
  });

  it('prints the best selection, its value, its gap and what binds', async () => {
    const path = join(files.dir, 'small.json');
    await writeFile(path, JSON.stringify(file));
    const run = await pharos('scenario', 'solve', path, '--json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.out);
    expect(r.status).toBe('optimal');
    expect(r.value).toBe(86);
    expect(r.selected.map((s: { id: string }) => s.id).sort()).toEqual(['A', 'D', 'E']);
    expect(r.selected[0].month).toBe('2027-01');
    expect(r.gap).toBeLessThanOrEqual(0.0001);
    expect(r.greedy.value).toBeLessThanOrEqual(86);

    const text = await pharos('scenario', 'solve', path);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/Small choice: solved in .* score 86\.0/);
    expect(text.out).toMatch(/3 of 5 candidates selected/);
  }, 60_000);

  it('writes the plan as an Excel workbook', async () => {
    const path = join(files.dir, 'small-xlsx.json');
    const out = join(files.dir, 'plan.xlsx');
    await writeFile(path, JSON.stringify(file));
    const run = await pharos('scenario', 'solve', path, '--json', '--xlsx', out);
    expect(run.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const plan = wb.getWorksheet('Plan')!;
    const selected: string[] = [];
    plan.eachRow((row, n) => {
      if (n > 1 && row.getCell(4).value === 'yes') selected.push(String(row.getCell(1).value));
    });
    expect(selected.sort()).toEqual(['A', 'D', 'E']);
    expect(wb.getWorksheet('Budget')!.rowCount).toBeGreaterThan(1);
  }, 60_000);

  it('names the place of a problem in the file', async () => {
    const path = join(files.dir, 'broken.json');
    const broken = structuredClone(file);
    broken.scenario.dependencies[0]!.from = 'Z';
    await writeFile(path, JSON.stringify(broken));
    const run = await pharos('scenario', 'solve', path);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/No candidate Z \(field: scenario\.dependencies\[0\]\.from\)/);
  }, 60_000);
});
