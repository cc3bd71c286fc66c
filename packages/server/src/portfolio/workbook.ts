/*
 * A scenario's plan as an Excel workbook: the selection with start and finish months, budget use
 * per line and year against its limit, capacity per role and month (overloads in red), and the
 * limits that bind. Money in the organization's currency (minor units shown as major).
 */

import type { ScenarioPlan } from '@pharos/api';
import { type Scenario as EngineScenario, monthLabel, planUsage, yearLabel } from '@pharos/engine';
import ExcelJS from 'exceljs';
import type { z } from 'zod';

const RED = 'FFF8D7DA';
const HEAD = 'FF1F3A5F';

function header(ws: ExcelJS.Worksheet, titles: string[]) {
  const row = ws.addRow(titles);
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEAD } };
  });
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

export async function scenarioWorkbook(
  sc: { code: string; name: string; body: EngineScenario; plan: z.infer<typeof ScenarioPlan> },
  currency: string,
): Promise<Buffer> {
  const { body, plan } = sc;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pharos';
  wb.title = `${sc.code} ${sc.name}`;
  const money = `#,##0.00 "${currency}"`;

  const sel = wb.addWorksheet('Plan');
  header(sel, [
    'Candidate',
    'Name',
    'Kind',
    'Selected',
    'Start',
    'Finish',
    'Score',
    'NPV',
    'Cost in horizon',
    'Must do',
    'Fixed',
  ]);
  body.candidates.forEach((c, i) => {
    const s = plan.starts[i] ?? null;
    const cost = c.cost.reduce(
      (a, x) => a + (s !== null && s + x.month < body.horizon.months ? x.amount : 0),
      0,
    );
    sel.addRow([
      c.id,
      c.name,
      c.kind,
      s === null ? 'no' : 'yes',
      s === null ? '' : monthLabel(body, s),
      s === null ? '' : monthLabel(body, s + c.duration - 1),
      c.value.score,
      c.value.npv / 100,
      cost / 100,
      c.mustDo ? 'yes' : '',
      c.fixed ?? '',
    ]);
  });
  sel.getColumn(8).numFmt = money;
  sel.getColumn(9).numFmt = money;
  sel.columns.forEach((col, i) => {
    col.width = [14, 42, 10, 9, 9, 9, 8, 16, 16, 8, 7][i];
  });
  sel.autoFilter = { from: 'A1', to: 'K1' };
  const total = sel.addRow(['', `Plan value (${body.objective})`, '', '', '', '', '', '', '', '', '']);
  total.getCell(7).value = plan.value;
  total.font = { bold: true };

  const u = planUsage(body, plan.starts);
  const budget = wb.addWorksheet('Budget');
  header(budget, ['Line', 'Year', 'Spend', 'Limit', 'Use']);
  u.lines.forEach((line, l) => {
    for (let y = 0; y < u.years; y++) {
      const spend = u.spend[l * u.years + y]!;
      const limit = u.limit[l * u.years + y]!;
      const row = budget.addRow([
        line,
        yearLabel(body, y),
        spend / 100,
        Number.isFinite(limit) ? limit / 100 : null,
        Number.isFinite(limit) && limit > 0 ? spend / limit : null,
      ]);
      if (Number.isFinite(limit) && spend > limit)
        row.eachCell((c) => {
          c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RED } };
        });
    }
  });
  budget.getColumn(3).numFmt = money;
  budget.getColumn(4).numFmt = money;
  budget.getColumn(5).numFmt = '0.0%';
  budget.columns.forEach((col, i) => {
    col.width = [10, 22, 18, 18, 8][i];
  });

  const cap = wb.addWorksheet('Capacity');
  const months = Array.from({ length: u.months }, (_, m) => monthLabel(body, m));
  header(cap, ['Role', 'Hours', ...months]);
  u.roles.forEach((role, r) => {
    const row = (kind: string, arr: Float64Array) =>
      cap.addRow([role, kind, ...months.map((_, m) => Math.round(arr[r * u.months + m]! * 10) / 10)]);
    const d = row('demand', u.demand);
    row('capacity', u.capacity);
    months.forEach((_, m) => {
      if (u.demand[r * u.months + m]! > u.capacity[r * u.months + m]! + 1e-6)
        d.getCell(m + 3).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: RED } };
    });
  });
  cap.getColumn(1).width = 22;

  const bind = wb.addWorksheet('Binding limits');
  header(bind, ['Kind', 'Limit', 'Limit value', 'Used', 'Slack']);
  for (const b of plan.binding)
    bind.addRow([b.kind, b.label, b.limit ?? null, b.used ?? null, b.slack ?? null]);
  bind.getColumn(2).width = 40;
  const facts = wb.addWorksheet('About');
  for (const [k, v] of [
    ['Scenario', `${sc.code} — ${sc.name}`],
    ['Horizon', `${body.horizon.start}, ${body.horizon.months} months`],
    ['Objective', body.objective],
    ['Plan', `${plan.source} (${plan.status})`],
    ['Value', plan.value],
    ['Proven gap', plan.gap === null ? 'n/a' : `${(plan.gap * 100).toFixed(2)} %`],
    ['Breaches', plan.violations.length ? plan.violations.join('; ') : 'none'],
    ['Selected', plan.starts.filter((x) => x !== null).length],
  ] as const)
    facts.addRow([k, v]);
  facts.getColumn(1).width = 14;
  facts.getColumn(2).width = 80;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
