import { Readable } from 'node:stream';
import { schema } from '@pharos/server';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { canSignIn, freshTarget, pharos, type Target, withApp } from '../test-support';

interface UserJson {
  email: string;
  name: string;
  status: string;
  password?: string;
  grants: { role: string; scopeType: string; scope: string | null }[];
}

describe('pharos users', () => {
  let data: Target;
  let db: string[];
  beforeAll(async () => {
    data = await freshTarget();
    db = data.args;
    expect((await pharos(...db, 'seed', '--demo')).code).toBe(0);
  }, 120_000);
  afterAll(() => data.remove());

  it('checks input with the API schemas before opening the database, naming the field', async () => {
    const short = await pharos(
      ...db,
      'users',
      'create',
      '--email',
      'a@example.com',
      '--name',
      'A',
      '--password',
      'short',
    );
    expect(short).toEqual({
      code: 1,
      out: '',
      err: 'pharos: Use at least 10 characters (field: password)\n',
    });
    const email = await pharos(...db, 'users', 'create', '--email', 'nope', '--name', 'A');
    expect(email.err).toBe('pharos: Invalid email address (field: email)\n');
    const role = await pharos(...db, 'users', 'grant', 'a@example.com', 'overlord');
    expect(role.code).toBe(1);
    expect(role.err).toMatch(/^pharos: Invalid option: expected one of .*"admin".* \(field: role\)\n$/);
    const both = await pharos(
      ...db,
      'users',
      'grant',
      'a@example.com',
      'admin',
      '--office',
      'A',
      '--project',
      'B',
    );
    expect(both.code).toBe(1);
    expect(both.err).toContain("option '--office <code>' cannot be used with option '--project <code>'");
  });

  it('creates the first administrator with a generated password that signs in', async () => {
    const r = await pharos(
      ...db,
      'users',
      'create',
      '--email',
      'Root@Example.com',
      '--name',
      'Ruth Root',
      '--admin',
      '--json',
    );
    expect(r.code).toBe(0);
    const user = JSON.parse(r.out) as UserJson;
    expect(user).toMatchObject({ email: 'root@example.com', name: 'Ruth Root', status: 'active' });
    expect(user.grants).toEqual([{ role: 'admin', scopeType: 'organization', scope: null }]);
    expect(user.password).toMatch(/^[\w-]{24}$/);
    expect(r.out).not.toContain('passwordHash');

    const dup = await pharos(...db, 'users', 'create', '--email', 'root@example.com', '--name', 'Again');
    expect(dup.err).toBe('pharos: That e-mail address is already in use (field: email)\n');

    await withApp(data, async (app, database) => {
      expect(await canSignIn(app, 'root@example.com', user.password!)).toBe(true);
      const [audit] = await database.db
        .select()
        .from(schema.auditEvents)
        .where(eq(schema.auditEvents.action, 'grant'))
        .orderBy(schema.auditEvents.id);
      expect(audit).toMatchObject({ actorId: null, requestId: 'cli', entityType: 'user' });
    });
  }, 120_000);

  it('reads a password from standard input and prints no password then', async () => {
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from(['correct horse battery\n']) as never);
    try {
      const r = await pharos(
        ...db,
        ...['users', 'create', '--email', 'bo@example.com', '--name', 'Bo Chen', '--title', 'Analyst'],
        ...['--org-unit', 'NW-FIN', '--password-stdin'],
      );
      expect(r).toEqual({ code: 0, out: 'Created bo@example.com (Bo Chen).\n', err: '' });
    } finally {
      vi.restoreAllMocks();
    }
    const unit = await pharos(
      ...db,
      'users',
      'create',
      '--email',
      'x@example.com',
      '--name',
      'X',
      '--org-unit',
      'NOPE',
    );
    expect(unit.err).toBe('pharos: No organization unit with code NOPE (field: orgUnit)\n');
  }, 60_000);

  it('grants and revokes roles by scope code, and lists people by role or search', async () => {
    const granted = await pharos(
      ...db,
      'users',
      'grant',
      'BO@example.com',
      'portfolio_manager',
      '--portfolio',
      'PF-DIG',
    );
    expect(granted.err).toBe('');
    expect(granted.out).toBe('Granted portfolio_manager over portfolio PF-DIG to bo@example.com.\n');
    const twice = await pharos(
      ...db,
      'users',
      'grant',
      'bo@example.com',
      'portfolio_manager',
      '--portfolio',
      'PF-DIG',
    );
    expect(twice.err).toBe('pharos: The user already holds this role at this scope (field: role)\n');
    const org = await pharos(...db, 'users', 'grant', 'bo@example.com', 'auditor');
    expect(org.out).toBe('Granted auditor over the whole organization to bo@example.com.\n');
    const missing = await pharos(...db, 'users', 'grant', 'bo@example.com', 'auditor', '--project', 'NOPE');
    expect(missing.err).toBe('pharos: No project with code NOPE (field: project)\n');
    const nobody = await pharos(...db, 'users', 'grant', 'nobody@example.com', 'auditor');
    expect(nobody.err).toBe('pharos: No user with e-mail address nobody@example.com (field: email)\n');

    const listed = await pharos(...db, 'users', 'list', '--search', 'bo@', '--json');
    const [bo] = JSON.parse(listed.out) as UserJson[];
    expect(bo!.grants).toEqual([
      { role: 'auditor', scopeType: 'organization', scope: null },
      { role: 'portfolio_manager', scopeType: 'portfolio', scope: 'PF-DIG' },
    ]);
    const table = await pharos(...db, 'users', 'list', '--role', 'portfolio_manager');
    expect(table.out.split('\n')[0]).toMatch(/^email\s+name\s+title\s+roles\s+status$/);
    expect(table.out).toMatch(
      /bo@example\.com\s+Bo Chen\s+Analyst\s+auditor, portfolio_manager@PF-DIG\s+active/,
    );
    expect(table.out).not.toContain('root@example.com');

    const revoked = await pharos(
      ...db,
      'users',
      'revoke',
      'bo@example.com',
      'portfolio_manager',
      '--portfolio',
      'PF-DIG',
    );
    expect(revoked.out).toBe('Revoked portfolio_manager over portfolio PF-DIG from bo@example.com.\n');
    const notHeld = await pharos(
      ...db,
      'users',
      'revoke',
      'bo@example.com',
      'portfolio_manager',
      '--portfolio',
      'PF-DIG',
    );
    expect(notHeld.err).toBe(
      'pharos: bo@example.com does not hold portfolio_manager over portfolio PF-DIG (field: role)\n',
    );
    const after = JSON.parse(
      (await pharos(...db, 'users', 'list', '--role', 'portfolio_manager', '--json')).out,
    ) as UserJson[];
    expect(after.map((u) => u.email)).not.toContain('bo@example.com');
  }, 120_000);

  it('keeps the last administrator', async () => {
    expect((await pharos(...db, 'users', 'revoke', 'admin@pharos.demo', 'admin')).code).toBe(0);
    const last = await pharos(...db, 'users', 'revoke', 'root@example.com', 'admin');
    expect(last.err).toBe(
      'pharos: This is the last administrator; make someone else administrator first (field: role)\n',
    );
    const admins = JSON.parse(
      (await pharos(...db, 'users', 'list', '--role', 'admin', '--json')).out,
    ) as UserJson[];
    expect(admins.map((u) => u.email)).toEqual(['root@example.com']);
  }, 60_000);

  it('sets a password, which ends the old one', async () => {
    const r = await pharos(...db, 'users', 'set-password', 'bo@example.com', '--json');
    const { password } = JSON.parse(r.out) as { password: string };
    expect(password).toHaveLength(24);
    const chosen = await pharos(
      ...db,
      'users',
      'set-password',
      'root@example.com',
      '--password',
      'a new long password',
    );
    expect(chosen.out).toBe('Password set for root@example.com; their sessions have ended.\n');
    const short = await pharos(...db, 'users', 'set-password', 'root@example.com', '--password', 'tiny');
    expect(short.err).toBe('pharos: Use at least 10 characters (field: password)\n');
    await withApp(data, async (app) => {
      expect(await canSignIn(app, 'bo@example.com', password)).toBe(true);
      expect(await canSignIn(app, 'bo@example.com', 'correct horse battery')).toBe(false);
      expect(await canSignIn(app, 'root@example.com', 'a new long password')).toBe(true);
    });
  }, 120_000);
});
