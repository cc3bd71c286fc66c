import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfPageCount, pdfText, unzip } from '../reporting/test-files';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { addDays, fileReport, type HealthWorld, healthWorld, lastDueWeek, write } from './rollup-testing';

let w: TestWorld;
let admin: TestUser;
let h: HealthWorld;
const L = lastDueWeek();
let redReport: string;

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  h = await healthWorld(w, admin, w.org.users[7]!.id);
  const { a, b, c, e } = h.projects;
  for (const week of [addDays(L, -7), L]) {
    const now = week === L;
    const id = await fileReport(w, a.id, week, {
      overall: now ? 'red' : 'amber',
      dims: { schedule: 'red', cost: 'amber' },
      justification: now ? 'The data centre move slipped a quarter' : '',
      suggested: 'amber',
      reasons: { schedule: ['Slipped milestones 2 is at or above 2 (red)'] },
    });
    if (now) redReport = id;
    await fileReport(w, b.id, week, { overall: 'green' });
    await fileReport(w, c.id, week, { overall: now ? 'amber' : 'green', dims: now ? { risk: 'amber' } : {} });
    await fileReport(w, e.id, week, { overall: 'green' });
  }
  await write(
    w,
    `insert into raid_items (kind, code, title, project_id, status, probability, impact, score, details)
     values ('risk', $1, 'Key architect may leave', $2, 'open', 4, 5, 20, '{"strategy":"mitigate"}')`,
    [`R-X${randomUUID().slice(0, 6)}`, a.id],
  );
}, 120_000);
afterAll(() => w.close());

const get = (as: TestUser, url: string) => as.req({ method: 'GET', url });

describe('status exports', () => {
  it("writes a project's latest report as PDF, and any submitted report by its id", async () => {
    const latest = await get(admin, `/api/v1/projects/${h.projects.a.id}/status-reports/latest.pdf`);
    expect(latest.statusCode, latest.body).toBe(200);
    expect(latest.headers['content-type']).toBe('application/pdf');
    expect(latest.headers['content-disposition']).toMatch(
      new RegExp(`${h.projects.a.code}-status-\\d{4}-W\\d\\d\\.pdf`),
    );
    const pdf = latest.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain(h.projects.a.code);
    expect(text).toContain('The data centre move slipped a quarter');
    expect(text).toContain('Key architect may leave');
    const byId = await get(admin, `/api/v1/status-reports/${redReport}/pdf`);
    expect(byId.statusCode).toBe(200);
    expect(pdfPageCount(byId.rawPayload)).toBeGreaterThanOrEqual(1);
    // A project with no report, a report the caller may not read: not found.
    expect(
      (await get(admin, `/api/v1/projects/${h.projects.d.id}/status-reports/latest.pdf`)).statusCode,
    ).toBe(404);
    const stranger = await w.userWith([
      { role: 'project_manager', scopeType: 'project', scopeId: h.projects.b.id },
    ]);
    expect((await get(stranger, `/api/v1/status-reports/${redReport}/pdf`)).statusCode).toBe(404);
  });

  it('writes the portfolio deck: a summary, the health table, a slide per project needing attention', async () => {
    const res = await get(admin, `/api/v1/health/deck.pptx?scope=portfolio&id=${h.portfolio.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/presentationml/);
    const files = unzip(res.rawPayload);
    const slides = [...files.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k));
    const xml = slides.map((k) => files.get(k)!.toString('utf8')).join('\n');
    expect(slides.length).toBeGreaterThanOrEqual(4);
    expect(xml).toContain(`Health portfolio`);
    expect(xml).toContain(h.projects.a.code);
    expect(xml).toContain('The data centre move slipped a quarter');
    // c (amber, worse than last week) needs attention too; b and e are green and steady.
    const attention = slides.filter((k) => {
      const s = files.get(k)!.toString('utf8');
      return s.includes('Key architect may leave') || s.includes(`>${h.projects.c.code}<`);
    });
    expect(attention.length).toBeGreaterThanOrEqual(1);
    const program = await get(admin, `/api/v1/health/deck.pptx?scope=program&id=${h.program.id}`);
    expect(program.statusCode).toBe(200);
    expect((await get(admin, `/api/v1/health/deck.pptx?scope=office&id=${h.officeId}`)).statusCode).toBe(400);
  });

  it('writes the health table as Excel: one row per project, worst first', async () => {
    const res = await get(admin, `/api/v1/health/table.xlsx?scope=portfolio&id=${h.portfolio.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const codes: string[] = [];
    sheet.eachRow((row, n) => {
      const v = String(row.getCell(1).value ?? '');
      if (n > 1 && v.startsWith('PR-H')) codes.push(v);
    });
    expect(codes[0]).toBe(h.projects.a.code);
    expect(codes).toHaveLength(6);
    expect(codes).toContain(h.projects.d.code); // missing, still listed
    const org = await get(admin, '/api/v1/health/table.xlsx');
    expect(org.statusCode).toBe(200);
  });
});
