import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../db/schema/index';
import { buildApp } from '../http/app';
import { signIn, type TestWorld, testWorld } from '../test/harness';

let w: TestWorld;
beforeAll(async () => {
  w = await testWorld({ loginAttemptsPerMinute: 5 });
});
afterAll(() => w.close());

describe('sign-in and sessions', () => {
  it('signs in with the demo password and sets a hardened session cookie', async () => {
    const { res, csrf } = await signIn(w.app, 'admin@pharos.demo');
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'pharos_session')!;
    expect(c.httpOnly).toBe(true);
    expect(c.sameSite).toBe('Lax');
    expect(c.path).toBe('/');
    expect(csrf.length).toBeGreaterThan(20);
    expect(res.json().user.email).toBe('admin@pharos.demo');
    expect(res.json().abilities['project.create']).toBe(true);
  });

  it('stores passwords as argon2id hashes', async () => {
    const [u] = await w.database.db.select().from(users).where(eq(users.email, 'admin@pharos.demo'));
    expect(u!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password and an unknown account with the same answer', async () => {
    const a = await signIn(w.app, 'director@pharos.demo', 'wrong-password');
    const b = await signIn(w.app, 'nobody@pharos.demo', 'wrong-password');
    expect(a.res.statusCode).toBe(401);
    expect(a.res.json().error.code).toBe('invalid_credentials');
    expect(b.res.json()).toMatchObject({
      error: { code: 'invalid_credentials', message: a.res.json().error.message },
    });
  });

  it('rate-limits repeated sign-in attempts for one account', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await signIn(w.app, 'auditor@pharos.demo', 'nope')).res.statusCode);
    expect(codes.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(codes[6]).toBe(429);
    const last = await signIn(w.app, 'auditor@pharos.demo', 'nope');
    expect(last.res.json().error.code).toBe('rate_limited');
  });

  it('rotates the session at sign-in: the old cookie stops working', async () => {
    const first = await signIn(w.app, 'analyst@pharos.demo');
    const second = await w.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'analyst@pharos.demo', password: 'pharos-demo' },
      headers: { cookie: first.cookie },
    });
    const newCookie = second.cookies.find((c) => c.name === 'pharos_session')!.value;
    expect(`pharos_session=${newCookie}`).not.toBe(first.cookie);
    const old = await w.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: first.cookie } });
    expect(old.statusCode).toBe(401);
    const now = await w.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: `pharos_session=${newCookie}` },
    });
    expect(now.statusCode).toBe(200);
  });

  it('requires the CSRF token on cookie-authenticated writes', async () => {
    const s = await signIn(w.app, 'director@pharos.demo');
    const type = w.org.projectTypes[0]!;
    const without = await w.app.inject({
      method: 'PATCH',
      url: `/api/v1/project-types/${type.id}`,
      headers: { cookie: s.cookie },
      payload: { version: 1, description: 'x' },
    });
    expect(without.statusCode).toBe(403);
    expect(without.json().error.code).toBe('csrf_failed');
    const wrong = await w.app.inject({
      method: 'PATCH',
      url: `/api/v1/project-types/${type.id}`,
      headers: { cookie: s.cookie, 'x-csrf-token': 'not-the-token' },
      payload: { version: 1, description: 'x' },
    });
    expect(wrong.json().error.code).toBe('csrf_failed');
    const ok = await w.app.inject({
      method: 'PATCH',
      url: `/api/v1/project-types/${type.id}`,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { version: 1, description: 'Software delivery' },
    });
    expect(ok.statusCode).toBe(200);
  });

  it('signs out: the session ends', async () => {
    const s = await signIn(w.app, 'trainer@pharos.demo');
    const out = await w.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(out.statusCode).toBe(200);
    const me = await w.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('unauthenticated');
  });

  it('changes the password, ending the other sessions', async () => {
    const a = await signIn(w.app, 'finance@pharos.demo');
    const b = await signIn(w.app, 'finance@pharos.demo');
    const bad = await w.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
      payload: { currentPassword: 'wrong', newPassword: 'a-new-long-password' },
    });
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'currentPassword' });
    const short = await w.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
      payload: { currentPassword: 'pharos-demo', newPassword: 'short' },
    });
    expect(short.json().error).toMatchObject({ code: 'validation_failed', field: 'newPassword' });
    const ok = await w.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
      payload: { currentPassword: 'pharos-demo', newPassword: 'a-new-long-password' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      (await w.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: a.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await w.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: b.cookie } })).statusCode,
    ).toBe(401);
    expect((await signIn(w.app, 'finance@pharos.demo', 'a-new-long-password')).res.statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('are shown once, stored hashed, work as Bearer, and stop working when revoked', async () => {
    const s = await signIn(w.app, 'executive@pharos.demo');
    const created = await w.app.inject({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      payload: { name: 'reporting script' },
    });
    expect(created.statusCode).toBe(201);
    const { token, id, prefix } = created.json();
    expect(token.startsWith(prefix)).toBe(true);
    const listed = await w.app.inject({
      method: 'GET',
      url: '/api/v1/me/tokens',
      headers: { cookie: s.cookie },
    });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    const stored = await w.database.pool.query('select token_hash from api_tokens where id = $1', [id]);
    expect(stored.rows[0].token_hash).not.toContain(token.slice(4));
    const me = await w.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(me.json().user.email).toBe('executive@pharos.demo');
    // A token carries no ambient credential: no CSRF token needed for its writes.
    const revoked = await w.app.inject({
      method: 'DELETE',
      url: `/api/v1/me/tokens/${id}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await w.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401);
  });

  it('a revocation reaches every Pharos process on the database at once', async () => {
    const other = await buildApp({ config: w.config, database: w.database });
    try {
      const s = await signIn(w.app, 'executive@pharos.demo');
      const created = await w.app.inject({
        method: 'POST',
        url: '/api/v1/me/tokens',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
        payload: { name: 'two processes' },
      });
      const { token, id } = created.json();
      const me = () =>
        other.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });
      expect((await me()).statusCode).toBe(200); // now cached by the other process
      await w.app.inject({
        method: 'DELETE',
        url: `/api/v1/me/tokens/${id}`,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      });
      let status = 200;
      for (let i = 0; i < 50 && status === 200; i++) {
        await new Promise((ok) => setTimeout(ok, 20));
        status = (await me()).statusCode;
      }
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it('rejects unknown tokens and requests without credentials', async () => {
    const a = await w.app.inject({
      method: 'GET',
      url: '/api/v1/projects',
      headers: { authorization: 'Bearer phr_nope' },
    });
    expect(a.statusCode).toBe(401);
    const b = await w.app.inject({ method: 'GET', url: '/api/v1/projects' });
    expect(b.json().error.code).toBe('unauthenticated');
  });

  it('a deactivated user can no longer sign in or use a session', async () => {
    const admin = await w.tokenFor('admin@pharos.demo');
    const victim = w.org.users.find((u) => u.email === 'requester@pharos.demo')!;
    const s = await signIn(w.app, victim.email);
    const u = (await admin.req({ method: 'GET', url: `/api/v1/users/${victim.id}` })).json();
    const off = await admin.req({
      method: 'POST',
      url: `/api/v1/users/${victim.id}/archive`,
      payload: { version: u.version },
    });
    expect(off.json()).toMatchObject({ archivedAt: expect.any(String) });
    expect(
      (await w.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: s.cookie } })).statusCode,
    ).toBe(401);
    expect((await signIn(w.app, victim.email)).res.statusCode).toBe(401);
  });
});
