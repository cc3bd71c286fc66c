import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzip } from '../../../server/src/reporting/test-files';
import { freshTarget, pharos, type Target, tempDir } from '../test-support';

/** A week long past, so the demo's own status history (if any) does not collide with it. */
const WEEK = '2024-01-08';

describe('pharos report status', () => {
  let data: Target;
  let db: string[];
  let files: Awaited<ReturnType<typeof tempDir>>;
  const codes: string[] = [];

  beforeAll(async () => {
    data = await freshTarget();
    db = data.args;
    files = await tempDir();
    expect((await pharos(...db, 'seed', '--demo')).code).toBe(0);
    // Reports of the digital portfolio's projects for one week: the first red with a reason,
    // the second amber, the rest green.
    const database = await data.open();
    try {
      const { rows } = await database.pool.query<{ id: string; code: string }>(
        `select p.id, p.code from projects p join portfolios f on f.id = p.portfolio_id
         where f.code = 'PF-DIG' and p.archived_at is null order by p.code limit 4`,
      );
      for (const [i, p] of rows.entries()) {
        codes.push(p.code);
        const rag = i === 0 ? 'red' : i === 1 ? 'amber' : 'green';
        const dims = JSON.stringify({
          schedule: {
            suggested: rag,
            rag,
            justification: '',
            reasons: i === 0 ? [{ message: 'Slipped milestones 2 is at or above 2 (red)', rag: 'red' }] : [],
          },
        });
        await database.pool.query(
          `insert into status_reports (project_id, period_kind, period_start, period_end, due_on, as_of, state,
             overall_suggested, overall_rag, schedule_rag, dimensions, narrative, submitted_at)
           values ($1, 'weekly', $2, '2024-01-14', '2024-01-15', '2024-01-14', 'submitted', $3, $3, $3, $4,
             '{"done":"Migrated the ledgers","next":"Cut over","issues":"","helpNeeded":""}', '2024-01-12T16:00:00Z')`,
          [p.id, WEEK, rag, dims],
        );
      }
    } finally {
      await database.close();
    }
  }, 180_000);
  afterAll(async () => {
    await files.remove();
    await data.remove();
  });

  const run = (...args: string[]) =>
    pharos(...db, 'report', 'status', '--portfolio', 'PF-DIG', '--period', WEEK, ...args);

  it('writes the deck as PowerPoint: slides for the summary and each project needing attention', async () => {
    const out = join(files.dir, 'digital.pptx');
    const r = await run('--format', 'pptx', '--out', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*digital\.pptx \(pptx, \d+ KiB\): portfolio PF-DIG\.\n$/);
    const zip = unzip(await readFile(out));
    const slides = [...zip.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k));
    expect(slides.length).toBeGreaterThanOrEqual(4);
    const text = slides.map((k) => zip.get(k)!.toString('utf8')).join('');
    expect(text).toContain('Digital');
    expect(text).toContain(codes[0]!);
    expect(text).toContain('Migrated the ledgers'); // the red project's slide, with its narrative
  }, 60_000);

  it('writes the health table as Excel and the reports as one PDF', async () => {
    const xlsx = join(files.dir, 'digital.xlsx');
    const json = await run('--format', 'xlsx', '--out', xlsx, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toMatchObject({ file: xlsx, format: 'xlsx', portfolio: 'PF-DIG' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const rows: string[] = [];
    book.worksheets[0]!.eachRow((row) => {
      rows.push(String(row.getCell(1).value ?? ''));
    });
    expect(rows.indexOf(codes[0]!)).toBeGreaterThan(0);
    expect(rows.indexOf(codes[0]!)).toBeLessThan(rows.indexOf(codes[2]!)); // worst first

    const pdf = join(files.dir, 'digital.pdf');
    expect((await run('--format', 'pdf', '--out', pdf)).code).toBe(0);
    const bytes = await readFile(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length).toBeGreaterThanOrEqual(4);
  }, 60_000);

  it('takes a program too, and says clearly what is wrong', async () => {
    const out = join(files.dir, 'program.xlsx');
    const database = await data.open();
    const program = (
      await database.pool
        .query<{ code: string }>(
          `select g.code from programs g join projects p on p.program_id = g.id where p.code = $1`,
          [codes[0]],
        )
        .finally(() => database.close())
    ).rows[0];
    if (program) {
      const r = await pharos(
        ...db,
        'report',
        'status',
        '--program',
        program.code,
        '--format',
        'xlsx',
        '--out',
        out,
        '--period',
        WEEK,
      );
      expect(r.code).toBe(0);
    }
    const unknown = await pharos(
      ...db,
      'report',
      'status',
      '--portfolio',
      'PF-NOPE',
      '--format',
      'pptx',
      '--out',
      out,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No portfolio with code PF-NOPE/);
    const format = await run('--format', 'docx', '--out', out);
    expect(format.err).toMatch(/--format must be one of pptx, pdf, xlsx \(field: format\)/);
    const both = await pharos(...db, 'report', 'status', '--format', 'pdf', '--out', out);
    expect(both.err).toMatch(/Give either --portfolio or --program/);
    const nowhere = await run('--format', 'xlsx', '--out', join(files.dir, 'no', 'such', 'dir.xlsx'));
    expect(nowhere.err).toMatch(/its directory does not exist/);
  }, 60_000);
});
