import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryFile } from '../registry-file/format';
import { freshTarget, pharos, type Target, tempDir } from '../test-support';

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

describe('pharos export', () => {
  let data: Target;
  let db: string[];
  beforeAll(async () => {
    data = await freshTarget();
    db = data.args;
    expect((await pharos(...db, 'seed', '--demo')).code).toBe(0);
  }, 120_000);
  afterAll(() => data.remove());

  it('writes the whole registry, portable and without secrets, to standard output or a file', async () => {
    const stdout = await pharos(...db, 'export');
    expect(stdout.code).toBe(0);
    expect(stdout.err).toBe('');
    const doc = JSON.parse(stdout.out) as RegistryFile;
    expect(RegistryFile.parse(doc)).toEqual(doc); // its own format, with nothing left to default
    expect(doc).toMatchObject({ format: 'pharos-registry', version: 1 });
    expect(doc.orgUnits).toHaveLength(12);
    expect(doc.offices.find((o) => o.code === 'EPMO')).toMatchObject({
      kind: 'strategic',
      parent: null,
      orgUnit: 'NW',
      charter: { authorityLevel: 'directive' },
    });
    expect(doc.offices.find((o) => o.code === 'EPMO')!.services.length).toBeGreaterThan(0);
    expect(doc.projects.every((p) => p.office && p.type)).toBe(true);
    expect(doc.projects.some((p) => p.objectives.length > 0)).toBe(true);
    expect(doc.users.find((u) => u.email === 'admin@pharos.demo')!.grants).toContainEqual({
      role: 'admin',
      scopeType: 'organization',
      scope: null,
    });
    expect(
      doc.users.some((u) => u.grants.some((g) => g.scopeType === 'project' && g.scope?.startsWith('PRJ-'))),
    ).toBe(true);
    expect(stdout.out).not.toMatch(uuid);
    expect(stdout.out).not.toMatch(/password|argon2/i);
    expect(doc.projects.map((p) => p.code)).toEqual(doc.projects.map((p) => p.code).sort());

    const files = await tempDir();
    try {
      const out = join(files.dir, 'registry.json');
      const toFile = await pharos(...db, 'export', '--out', out);
      expect(toFile.out).toMatch(
        /^Exported to .*\.json: 12 orgUnits, 6 offices, .* projects, .* operations\.\n$/,
      );
      expect(await readFile(out, 'utf8')).toBe(stdout.out);
    } finally {
      await files.remove();
    }
  }, 120_000);

  it('says why it cannot write', async () => {
    const r = await pharos(...db, 'export', '--out', join(tmpdir(), 'pharos-no-such-dir', 'dir.json'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /^pharos: Cannot write .*dir\.json: its directory does not exist \(field: out\)\n$/,
    );
  }, 60_000);
});
