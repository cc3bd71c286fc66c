import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { healthTableXlsx } from './health-table';
import { RAG_DIMENSIONS } from './model';
import { demoDeck } from './sample';
import { RAG_FILL, RAG_LETTER } from './theme';

describe('healthTableXlsx', () => {
  it('writes one row per project, worst first, with coloured lettered RAG cells, a frozen header and filters', async () => {
    const deck = demoDeck(30, 9);
    const wb = new ExcelJS.Workbook();
    const xlsx = await healthTableXlsx(deck, { generatedAt: new Date('2026-11-24T09:12:00Z') });
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Health')!;
    expect(ws.rowCount).toBe(31);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 6)).toEqual(['Code', 'Project', 'Program', 'Phase', 'Overall', 'Trend']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const byCode = new Map(deck.projects.map((p) => [p.code, p]));
    const rank = { red: 0, amber: 1, green: 2, unknown: 3 } as const;
    let last = -1;
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const p = byCode.get(String(row.getCell(1).value))!;
      expect(row.getCell(2).value).toBe(p.name);
      const overall = row.getCell(5);
      expect(overall.value).toBe(RAG_LETTER[p.overall]);
      expect(overall.fill).toMatchObject({ pattern: 'solid', fgColor: { argb: `FF${RAG_FILL[p.overall]}` } });
      RAG_DIMENSIONS.forEach((d, i) => {
        const c = row.getCell(7 + i);
        expect(c.value).toBe(RAG_LETTER[p.dimensions[d]]);
        expect(c.fill).toMatchObject({ fgColor: { argb: `FF${RAG_FILL[p.dimensions[d]]}` } });
      });
      expect(row.getCell(header.indexOf('Report') + 1).value).toBe(
        p.reportState === 'on-time' ? 'on time' : p.reportState,
      );
      expect(rank[p.overall]).toBeGreaterThanOrEqual(last);
      last = rank[p.overall];
    }
    expect(String(wb.getWorksheet('About')!.getCell('B1').value)).toContain(deck.portfolio.name);
  });
});
