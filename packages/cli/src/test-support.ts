import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type Database, migrateDatabase, openDatabase, testConfig } from '@pharos/server';
import { vi } from 'vitest';
import { main } from './main';

type App = Awaited<ReturnType<typeof buildApp>>;

export interface Run {
  code: number;
  /** Everything written to standard output (console.log and direct writes). */
  out: string;
  /** Everything written to standard error (our one-line errors and commander's). */
  err: string;
}

/** Runs `pharos …args` in this process, capturing what it prints. */
export async function pharos(...args: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const spies = [
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(`${a.join(' ')}\n`)),
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(`${a.join(' ')}\n`)),
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      err.push(String(chunk));
      return true;
    }),
  ];
  try {
    const code = await main(args);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    for (const s of spies) s.mockRestore();
  }
}

/** A fresh, empty temp directory; `remove` deletes it. */
export async function tempDir() {
  const dir = await mkdtemp(join(tmpdir(), 'pharos-cli-test-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** An empty database for the command line to work on, and how to name it on the command line. */
export interface Target {
  /** `--data-dir <dir>` or `--database-url <url>`. */
  args: string[];
  open(): Promise<Database>;
  remove(): Promise<void>;
}

/**
 * A fresh embedded database in a temp directory or, when PHAROS_TEST_DATABASE_URL names a
 * PostgreSQL server (as in `npm test`'s second pass), a fresh database on that server.
 */
export async function freshTarget(): Promise<Target> {
  const adminUrl = process.env.PHAROS_TEST_DATABASE_URL;
  if (!adminUrl) {
    const { dir, remove } = await tempDir();
    return { args: ['--data-dir', dir], open: () => openDatabase({ dataDir: dir }), remove };
  }
  const name = `pharos_cli_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const db = await openDatabase({ databaseUrl: adminUrl, poolSize: 1 });
    await db.pool.query(statement).finally(() => db.close());
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    args: ['--database-url', url.toString()],
    open: () => openDatabase({ databaseUrl: url.toString(), poolSize: 2 }),
    remove: () => admin(`drop database if exists ${name} with (force)`),
  };
}

/** Opens the target's database with the HTTP app on top, runs `fn`, and closes both. */
export async function withApp<T>(
  target: Target,
  fn: (app: App, database: Database) => Promise<T>,
): Promise<T> {
  const database = await target.open();
  try {
    await migrateDatabase(database);
    const app = await buildApp({ config: testConfig(), database });
    try {
      return await fn(app, database);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/** Signs in through the API; true when the password is accepted. */
export async function canSignIn(app: App, email: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  return res.statusCode === 200;
}
