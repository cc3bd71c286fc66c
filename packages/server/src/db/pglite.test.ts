import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase, stagedFilesOf } from './connect';
import { binaryCopy } from './copy-binary';
import { DataDirInUseError } from './lock';
import { migrateDatabase } from './migrate';

// Embedded-database behaviour; the PostgreSQL pass of the suite leaves this file out.
const cli = fileURLToPath(new URL('../../../cli/bin/pharos.mjs', import.meta.url));
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'pharos-test-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function run(args: string[], timeoutMs = 60_000) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const p = spawn(process.execPath, [cli, ...args], { env: { ...process.env, PHAROS_LOG_LEVEL: 'warn' } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    const t = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('exit', (code) => {
      clearTimeout(t);
      resolve({ code, out, err });
    });
  });
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

describe('embedded database (PGlite)', () => {
  it('never interleaves two requests inside one transaction', async () => {
    const db: Database = await openDatabase({ dataDir: 'memory://' });
    try {
      await db.db.execute(sql`create table counter (n int not null)`);
      await db.db.execute(sql`insert into counter values (0)`);
      const log: string[] = [];
      const bump = (name: string) =>
        db.db.transaction(async (tx) => {
          log.push(`${name} begin`);
          const r = await tx.execute<{ n: number }>(sql`select n from counter`);
          await new Promise((ok) => setTimeout(ok, 30)); // a slow request, in the middle of its transaction
          await tx.execute(sql`update counter set n = ${r.rows[0]!.n + 1}`);
          log.push(`${name} end`);
        });
      await Promise.all([bump('a'), bump('b'), bump('c'), db.db.execute(sql`select 1`)]);
      const final = await db.db.execute<{ n: number }>(sql`select n from counter`);
      expect(final.rows[0]!.n).toBe(3);
      for (let i = 0; i < log.length; i += 2) expect(log[i]!.split(' ')[0]).toBe(log[i + 1]!.split(' ')[0]);
    } finally {
      await db.close();
    }
  });

  it('prepares a named statement again after its connection was replaced', async () => {
    const db: Database = await openDatabase({ dataDir: 'memory://' });
    try {
      const run = () => db.pool.query({ name: 'get_one', text: 'select $1::int as n', values: [1] });
      expect((await run()).rows[0].n).toBe(1);
      const c = await db.pool.connect();
      c.release(true); // the pool drops this connection; the backend keeps the statement
      await new Promise((ok) => setTimeout(ok, 300)); // the socket server lets go of the old one
      expect((await run()).rows[0].n).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('copies staged files into a table that shrinks and grows again, in memory and on disk', async () => {
    for (const dataDir of ['memory://', tempDir()]) {
      const db: Database = await openDatabase({ dataDir });
      try {
        await db.db.execute(sql`create table bulk (n int not null, s text not null)`);
        const [setting] = (await db.db.execute(sql`select current_setting('pharos.embedded', true) as id`))
          .rows;
        const staged = stagedFilesOf(setting?.id)!;
        expect(staged).toBeDefined();
        const rows = Array.from({ length: 40_000 }, (_, n) => ({ n, s: `row ${n} ${'x'.repeat(n % 300)}` }));
        const load = async () => {
          const bytes = binaryCopy(rows, 0, rows.length, [
            ['int4', (r) => r.n],
            ['text', (r) => r.s],
          ])!;
          const path = await staged.stage(bytes);
          try {
            await db.db.execute(sql.raw(`copy bulk from '${path}' with (format binary)`));
          } finally {
            staged.unstage(path);
          }
        };
        const size = async () =>
          Number((await db.db.execute(sql`select pg_relation_size('bulk') as b`)).rows[0]!.b);
        await load();
        const full = await size();
        // VACUUM cuts the empty pages off the end of the file; the next load extends it again.
        await db.db.execute(sql`delete from bulk where n >= 1000`);
        await db.db.execute(sql`vacuum bulk`);
        expect(await size()).toBeLessThan(full / 10);
        await load();
        await load();
        const [r] = (
          await db.db.execute(
            sql`select count(*)::int as rows, count(*) filter (where s <> 'row ' || n || ' ' || repeat('x', n % 300))::int as wrong from bulk`,
          )
        ).rows;
        expect(r).toEqual({ rows: 1000 + 2 * rows.length, wrong: 0 });
        await expect(
          db.db.execute(sql`copy bulk from '/tmp/pharos-copy-1' with (format binary)`),
        ).rejects.toThrow();
      } finally {
        await db.close();
      }
    }
  });

  it('refuses a second opener of the same data directory with a clear message', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir });
    try {
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirInUseError);
      const other = await run(['--data-dir', dir, 'migrate']);
      expect(other.code).toBe(1);
      expect(other.err).toMatch(/already in use by another Pharos process/);
    } finally {
      await first.close();
    }
    // Once closed, the directory opens again, with its data.
    const again = await openDatabase({ dataDir: dir });
    await migrateDatabase(again);
    await again.close();
  });

  it('on SIGTERM finishes in-flight requests, closes the database cleanly, and keeps the data', async () => {
    const dir = tempDir();
    const port = await freePort();
    const child = spawn(
      process.execPath,
      [cli, '--data-dir', dir, 'serve', '--port', String(port), '--host', '127.0.0.1'],
      {
        env: { ...process.env, PHAROS_LOG_LEVEL: 'warn' },
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((ok) => child.on('exit', ok));
    for (let i = 0; i < 1500 && !out.includes('Pharos is running'); i++)
      await new Promise((ok) => setTimeout(ok, 100));
    expect(out).toContain('Pharos is running');
    // Sign-ins are slow on purpose (argon2id): 24 of them (distinct accounts, so no rate limit)
    // keep the server busy for a while. SIGTERM goes once the first has been answered, so the
    // server has surely received the rest: every one must still get its answer.
    let answered = 0;
    const inflight = Array.from({ length: 24 }, (_, i) =>
      fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: `nobody-${i}@pharos.demo`, password: 'not-the-password' }),
      }).then((r) => {
        answered++;
        return r.status;
      }),
    );
    while (answered === 0) await new Promise((ok) => setTimeout(ok, 5));
    child.kill('SIGTERM');
    const statuses = await Promise.all(inflight);
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(await exited).toBe(0);
    expect(out).toContain('Stopped cleanly');
    expect(existsSync(join(dir, 'pharos.lock'))).toBe(false);
    const reopened = await openDatabase({ dataDir: dir });
    const users = await reopened.db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
    await reopened.close();
    expect(users.rows[0]!.n).toBeGreaterThan(100);
  }, 180_000);
});
