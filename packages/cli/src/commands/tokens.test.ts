import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshTarget, pharos, type Target, withApp } from '../test-support';

interface TokenJson {
  id: string;
  name: string;
  prefix: string;
  state: string;
  expiresAt: string | null;
  revokedAt: string | null;
  token?: string;
}

describe('pharos tokens', () => {
  let data: Target;
  let db: string[];
  beforeAll(async () => {
    data = await freshTarget();
    db = data.args;
    const r = await pharos(...db, 'users', 'create', '--email', 'ci@example.com', '--name', 'CI Robot');
    expect(r.code).toBe(0);
  }, 120_000);
  afterAll(() => data.remove());

  it('checks its input with the API schema', async () => {
    const days = await pharos(
      ...db,
      'tokens',
      'create',
      '--user',
      'ci@example.com',
      '--name',
      'x',
      '--expires-days',
      'soon',
    );
    expect(days.code).toBe(1);
    expect(days.err).toMatch(
      /^pharos: Invalid input: expected (int|number), received NaN \(field: expiresInDays\)\n$/,
    );
    const id = await pharos(...db, 'tokens', 'revoke', 'not-an-id');
    expect(id.err).toMatch(/^pharos: Invalid UUID \(field: tokenId\)\n$/);
    const user = await pharos(...db, 'tokens', 'list');
    expect(user.err).toContain("required option '--user <email>' not specified");
  });

  it('creates a token shown once that works against the API, lists it and revokes it', async () => {
    const created = await pharos(
      ...db,
      ...[
        'tokens',
        'create',
        '--user',
        'CI@example.com',
        '--name',
        'nightly export',
        '--expires-days',
        '30',
        '--json',
      ],
    );
    expect(created.err).toBe('');
    const token = JSON.parse(created.out) as TokenJson & { user: string };
    expect(token).toMatchObject({ user: 'ci@example.com', name: 'nightly export', revokedAt: null });
    expect(token.token).toMatch(/^phr_/);
    expect(token.token!.startsWith(token.prefix)).toBe(true);
    const days = (Date.parse(token.expiresAt!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);

    const plain = await pharos(...db, 'tokens', 'create', '--user', 'ci@example.com', '--name', 'forever');
    expect(plain.out).toMatch(
      /^Created API token "forever" for ci@example.com \(id [\w-]+; does not expire\)\.\n/,
    );
    expect(plain.out).toMatch(/Token \(shown once; store it now\): phr_\S+\n$/);

    const listed = JSON.parse(
      (await pharos(...db, 'tokens', 'list', '--user', 'ci@example.com', '--json')).out,
    );
    expect((listed as TokenJson[]).map((t) => [t.name, t.state])).toEqual([
      ['forever', 'active'],
      ['nightly export', 'active'],
    ]);
    expect(JSON.stringify(listed)).not.toContain(token.token!);

    const me = (app: Parameters<Parameters<typeof withApp>[1]>[0]) =>
      app.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token.token}` } });
    await withApp(data, async (app) => expect((await me(app)).statusCode).toBe(200));

    const revoked = await pharos(...db, 'tokens', 'revoke', token.id);
    expect(revoked).toEqual({
      code: 0,
      out: 'Revoked API token "nightly export" of ci@example.com.\n',
      err: '',
    });
    const table = await pharos(...db, 'tokens', 'list', '--user', 'ci@example.com');
    expect(table.out).toMatch(/^id\s+name\s+prefix\s+state\s+createdAt\s+lastUsedAt\s+expiresAt\n/);
    expect(table.out).toMatch(/nightly export\s+phr_\S+\s+revoked/);
    await withApp(data, async (app) => expect((await me(app)).statusCode).toBe(401));

    const unknown = await pharos(...db, 'tokens', 'revoke', '00000000-0000-4000-8000-000000000000');
    expect(unknown.err).toBe(
      'pharos: No API token with id 00000000-0000-4000-8000-000000000000 (field: tokenId)\n',
    );
    const nobody = await pharos(...db, 'tokens', 'list', '--user', 'nobody@example.com');
    expect(nobody.err).toBe('pharos: No user with e-mail address nobody@example.com (field: email)\n');
  }, 180_000);
});
