import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTarget, pharos, type Target, tempDir } from '../test-support';

const corpus = fileURLToPath(new URL('../../../../../shared/corpus/mspdi/mpxj/', import.meta.url));

describe('pharos mspdi', () => {
  let data: Target;
  let db: string[];
  let files: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    data = await freshTarget();
    db = data.args;
    files = await tempDir();
    expect((await pharos(...db, 'seed', '--demo')).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await data.remove();
    await files.remove();
  });

  it('imports a file into a project, exports it, and imports the export back the same', async () => {
    const input = join(corpus, 'generated/task-links/task-links-project2019-mspdi.xml');
    const imported = await pharos(...db, 'mspdi', 'import', input, '--project', 'PRJ-0042', '--json');
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    const first = JSON.parse(imported.out);
    expect(first.tasks).toBeGreaterThan(5);
    expect(first.links).toBeGreaterThan(5);
    const out = join(files.dir, 'out.xml');
    const exported = await pharos(...db, 'mspdi', 'export', '--project', 'PRJ-0042', '--out', out);
    expect(exported.code).toBe(0);
    const xml = await readFile(out, 'utf8');
    expect(xml).toMatch(/^<\?xml/);
    expect(xml).toContain('<Project xmlns="http://schemas.microsoft.com/project">');
    const again = await pharos(...db, 'mspdi', 'import', out, '--project', 'PRJ-0043', '--json');
    expect(again.code).toBe(0);
    const second = JSON.parse(again.out);
    expect({ ...second, projectId: null, version: null }).toEqual({
      ...first,
      projectId: null,
      version: null,
      warnings: second.warnings,
    });
  });

  it('names the project option when the code is unknown, and the place in a broken file', async () => {
    const input = join(corpus, 'generated/task-links/task-links-project2019-mspdi.xml');
    const unknown = await pharos(...db, 'mspdi', 'import', input, '--project', 'NOPE');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/No project with code NOPE \(field: project\)/);
    const broken = join(files.dir, 'broken.xml');
    await import('node:fs/promises').then((fs) =>
      fs.writeFile(
        broken,
        '<Project xmlns="http://schemas.microsoft.com/project"><StartDate>soon</StartDate></Project>',
      ),
    );
    const res = await pharos(...db, 'mspdi', 'import', broken, '--project', 'PRJ-0042');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^pharos: .+/);
  });

  it('reschedules a file with the Pharos engine without a database', async () => {
    const input = join(corpus, 'generated/task-links/task-links-project2019-mspdi.xml');
    const out = join(files.dir, 'rescheduled.xml');
    const res = await pharos('mspdi', 'reschedule', input, '--out', out);
    expect(res.code).toBe(0);
    const xml = await readFile(out, 'utf8');
    for (const field of ['EarlyStart', 'LateFinish', 'TotalSlack', 'FreeSlack', 'Critical'])
      expect(xml).toContain(`<${field}>`);
  });
});
