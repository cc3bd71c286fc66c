import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrateDatabase, openDatabase, schema, seedDemo } from '@pharos/server';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportRegistry } from '../registry-file/export-registry';
import type { RegistryFile } from '../registry-file/format';
import type { ImportTallies } from '../registry-file/import-registry';
import { canSignIn, freshTarget, pharos, type Target, tempDir, withApp } from '../test-support';

/** A small demo organization as a registry file, made without the command line. */
async function demoFile(): Promise<RegistryFile> {
  const database = await openDatabase({ dataDir: 'memory://' });
  try {
    await migrateDatabase(database);
    await seedDemo(database.db, { projects: 10, programs: 3, users: 12 });
    const file = await exportRegistry(database.db);
    // A project linked to an objective that gets archived (see withArchived).
    const linked = file.projects[0]!;
    linked.objectives = [...new Set([...linked.objectives, 'OBJ-RESIL'])].sort();
    return file;
  } finally {
    await database.close();
  }
}

/** The same registry with things archived at every level: a program with its projects, a service… */
function withArchived(file: RegistryFile): RegistryFile {
  const f = structuredClone(file);
  const archive = <T extends { archived: boolean }>(items: T[], pick: (t: T) => boolean) => {
    const hit = items.filter(pick);
    expect(hit.length).toBeGreaterThan(0);
    for (const t of hit) t.archived = true;
  };
  archive(f.programs, (p) => p.code === 'PRG-001');
  archive(f.projects, (p) => p.program === 'PRG-001');
  archive(f.operations, (o) => o.code === f.operations[0]!.code);
  archive(f.offices[0]!.services, (s) => s.name === f.offices[0]!.services[0]!.name);
  archive(f.orgUnits, (u) => u.code === 'NW-LOG-WH');
  archive(f.objectives, (o) => o.code === 'OBJ-RESIL');
  archive(f.users, (u) => u.email === f.projects.find((p) => p.manager)!.manager);
  return f;
}

describe('pharos import', () => {
  let work: Awaited<ReturnType<typeof tempDir>>;
  let first: Target;
  let second: Target;
  let fixture: RegistryFile;
  let archived: RegistryFile;
  const save = async (name: string, doc: unknown) => {
    const path = join(work.dir, name);
    await writeFile(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
    return path;
  };
  const exported = async (dir: Target) => {
    const r = await pharos(...dir.args, 'export');
    expect(r.code).toBe(0);
    return JSON.parse(r.out) as RegistryFile;
  };
  const imported = async (dir: Target, path: string, ...flags: string[]) => {
    const r = await pharos(...dir.args, 'import', path, '--json', ...flags);
    expect(r.err).toBe('');
    return JSON.parse(r.out) as ImportTallies & { dryRun: boolean };
  };

  beforeAll(async () => {
    [work, first, second] = await Promise.all([tempDir(), freshTarget(), freshTarget()]);
    fixture = await demoFile();
    archived = withArchived(fixture);
  }, 120_000);
  afterAll(() => Promise.all([work.remove(), first.remove(), second.remove()]));

  it('reads an export into an empty database, and exporting that gives the same document', async () => {
    const path = await save('archived.json', archived);
    const tallies = await imported(first, path);
    expect(tallies.dryRun).toBe(false);
    expect(tallies.projects).toMatchObject({ created: fixture.projects.length, archived: 3, updated: 0 });
    expect(tallies.users.created).toBe(fixture.users.length);
    expect(tallies.grants.created).toBe(fixture.users.flatMap((u) => u.grants).length);
    expect(tallies.officeServices).toMatchObject({
      created: fixture.offices.flatMap((o) => o.services).length,
    });
    expect(await exported(first)).toEqual(archived);

    await withApp(first, async (app, database) => {
      // The file carries no passwords: nobody can sign in as an imported person until given one.
      expect(await canSignIn(app, 'admin@pharos.demo', 'pharos-demo')).toBe(false);
      const audit = schema.auditEvents;
      const rows = await database.db
        .select({ action: audit.action, n: count() })
        .from(audit)
        .where(eq(audit.requestId, 'cli'))
        .groupBy(audit.action);
      const n = Object.fromEntries(rows.map((r) => [r.action, r.n]));
      expect(n.import).toBe(1);
      expect(n.create).toBeGreaterThan(fixture.projects.length + fixture.users.length);
      expect(n.grant).toBe(tallies.grants.created);
    });
  }, 300_000);

  it('changes nothing when read twice, and updates, restores and archives what differs', async () => {
    const again = await imported(first, await save('again.json', archived));
    for (const [what, t] of Object.entries(again).filter(([k]) => k !== 'dryRun'))
      expect({ what, ...(t as object) }).toMatchObject({
        what,
        created: 0,
        updated: 0,
        restored: 0,
        archived: 0,
      });

    const changed = structuredClone(fixture);
    changed.projects[1]!.name = 'Renamed by the import';
    changed.projects[1]!.objectives = [];
    changed.projectTypes.push({ code: 'NEW', name: 'A new type', description: '', archived: false });
    changed.offices[0]!.services[1]!.description = 'Described by the import';
    changed.users[0]!.grants.push({
      role: 'auditor',
      scopeType: 'project',
      scope: changed.projects[1]!.code,
    });
    // In the order an export writes them.
    changed.projectTypes.sort((a, b) => (a.code < b.code ? -1 : 1));
    const grantKey = (g: { role: string; scopeType: string; scope: string | null }) =>
      `${g.role} ${g.scopeType} ${g.scope ?? ''}`;
    changed.users[0]!.grants.sort((a, b) => (grantKey(a) < grantKey(b) ? -1 : 1));
    const tallies = await imported(first, await save('changed.json', changed));
    expect(tallies.projects).toMatchObject({ updated: 1, restored: 3, created: 0 });
    expect(tallies.programs.restored).toBe(1);
    expect(tallies.officeServices).toMatchObject({ restored: 1, updated: 1 });
    expect(tallies.projectTypes.created).toBe(1);
    expect(tallies.grants.created).toBe(1);
    const after = await exported(first);
    expect(after).toEqual(changed);

    // Back to the archived file: the rename is undone, the new type and grant stay (nothing is deleted).
    const back = await imported(first, await save('back.json', archived));
    expect(back.projects).toMatchObject({ updated: 1, archived: 3 });
    const final = await exported(first);
    expect(final.projects).toEqual(archived.projects);
    expect(final.projectTypes.map((t) => t.code)).toContain('NEW');

    // A project linked to an archived objective can still be changed.
    const renamed = structuredClone(archived);
    renamed.projects[0]!.name = 'Still serving an archived objective';
    // A withdrawn service's description changes, and it stays withdrawn.
    renamed.offices[0]!.services[0]!.description = 'Withdrawn, and described again';
    expect((await imported(first, await save('renamed.json', renamed))).projects).toMatchObject({
      updated: 1,
    });
    expect(await exported(first)).toMatchObject({
      projects: renamed.projects,
      objectives: renamed.objectives,
      offices: renamed.offices,
    });
  }, 300_000);

  it('rejects a bad file with the first problem and its JSON path, before opening the database', async () => {
    const fail = async (doc: unknown) => {
      const r = await pharos(...second.args, 'import', await save('bad.json', doc));
      expect(r.code).toBe(1);
      expect(r.out).toBe('');
      return r.err;
    };
    expect(await fail('{ nope')).toMatch(/^pharos: .*bad\.json is not JSON: /);
    expect(await fail({ ...fixture, format: 'other' })).toMatch(
      /^pharos: .*bad\.json: Not a Pharos registry file \(expected "format": "pharos-registry"\) \(field: format\)\n$/,
    );
    const badCode = structuredClone(fixture);
    badCode.projects[1]!.code = 'no spaces please';
    expect(await fail(badCode)).toMatch(
      /Use letters, digits, dot, dash or underscore \(field: projects\[1\]\.code\)\n$/,
    );
    const typo = structuredClone(fixture) as unknown as { offices: Record<string, unknown>[] };
    typo.offices[2]!.chater = {};
    expect(await fail(typo)).toMatch(/Unrecognized key: "chater" \(field: offices\[2\]\)\n$/);
    const twice = structuredClone(fixture);
    twice.objectives.push({ ...twice.objectives[0]! });
    expect(await fail(twice)).toMatch(
      /: OBJ-\w+ appears twice \(also at objectives\[0\]\) \(field: objectives\[8\]\.code\)\n$/,
    );
    const loop = structuredClone(fixture);
    loop.orgUnits[0]!.parent = loop.orgUnits.find((u) => u.parent === loop.orgUnits[0]!.code)!.code;
    expect(await fail(loop)).toMatch(/the parent chain loops \(field: orgUnits\[\d+\]\.parent\)\n$/);
    expect(await fail('[]')).toMatch(/Invalid input: expected object, received array\n$/);
  }, 120_000);

  it('writes nothing when a reference fails half-way, or on a dry run', async () => {
    const broken = structuredClone(fixture);
    const last = broken.projects.length - 1;
    broken.projects[last]!.office = 'NOPE';
    const r = await pharos(...second.args, 'import', await save('broken.json', broken));
    expect(r.err).toBe(
      `pharos: ${broken.projects[last]!.code}: No office with code NOPE in the file or the database (field: projects[${last}].office)\n`,
    );
    expect((await exported(second)).orgUnits).toEqual([]);

    const dry = await imported(second, await save('dry.json', fixture), '--dry-run');
    expect(dry.dryRun).toBe(true);
    expect(dry.projects.created).toBe(fixture.projects.length);
    const table = await pharos(...second.args, 'import', await save('dry.json', fixture), '--dry-run');
    expect(table.out).toMatch(/^what\s+created\s+updated\s+restored\s+archived\s+unchanged\n/);
    expect(table.out).toMatch(/\nDry run: nothing was written\.\n$/);
    const empty = await exported(second);
    expect(empty).toMatchObject({ orgUnits: [], offices: [], users: [], projects: [] });
  }, 300_000);
});
