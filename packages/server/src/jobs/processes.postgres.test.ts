import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect';
import { freshDatabase } from '../test/harness';
import { enqueue } from './runner';
import { createRunsTable, jobDone, jobRow, waitFor } from './testing';

// Two separate Pharos processes, each with its own job runner, on one PostgreSQL database. The
// embedded database serves one process only, so this runs in the PostgreSQL pass only (see
// vitest.config.ts), where PHAROS_TEST_DATABASE_URL is set.
const serverUrl = process.env.PHAROS_TEST_DATABASE_URL;
if (!serverUrl)
  throw new Error('processes.postgres.test.ts needs PHAROS_TEST_DATABASE_URL (a PostgreSQL server)');
const fixture = fileURLToPath(new URL('./process.fixture.ts', import.meta.url));

interface Child {
  name: string;
  proc: ChildProcess;
  output: string[];
  messages: Record<string, unknown>[];
}

let database: Database;
const children: Child[] = [];

function start(name: string, databaseUrl: string): Promise<Child> {
  const proc = fork(fixture, [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      PHAROS_DEMO: '0',
      PHAROS_LOG_LEVEL: 'warn',
      PHAROS_JOBS: 'on',
      PHAROS_JOBS_POLL_MS: '200',
      PHAROS_JOBS_CONCURRENCY: '4',
      PHAROS_JOBS_LEASE_SECONDS: '2',
      PHAROS_TEST_PROCESS_NAME: name,
    },
  });
  const child: Child = { name, proc, output: [], messages: [] };
  children.push(child);
  proc.stdout!.on('data', (d) => child.output.push(String(d)));
  proc.stderr!.on('data', (d) => child.output.push(String(d)));
  proc.on('message', (m) => child.messages.push(m as Record<string, unknown>));
  return new Promise((ok, fail) => {
    proc.on('message', (m: { ready?: boolean }) => m.ready && ok(child));
    proc.on('exit', (code) =>
      fail(new Error(`${name} exited (${code}) before it was ready:\n${child.output.join('')}`)),
    );
  });
}

const exited = (c: Child) =>
  c.proc.exitCode !== null || c.proc.signalCode !== null
    ? Promise.resolve(c.proc.exitCode)
    : new Promise<number | null>((ok) => c.proc.once('exit', (code) => ok(code)));

describe('jobs across two Pharos processes on one PostgreSQL (needs PHAROS_TEST_DATABASE_URL)', () => {
  beforeAll(async () => {
    database = await freshDatabase();
    await createRunsTable(database);
    const name = (await database.pool.query('select current_database() as d')).rows[0].d as string;
    const url = new URL(serverUrl!);
    url.pathname = `/${name}`;
    await Promise.all([start('A', url.toString()), start('B', url.toString())]);
  });
  afterAll(async () => {
    for (const c of children)
      if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
    await database?.close();
  });

  // The processes also queue their recurring jobs' next occurrences (reminders, escalation,
  // digests): only the test's own kind is counted.
  it('runs each of 200 jobs exactly once, shared between the processes', async () => {
    await database.db.transaction(async (tx) => {
      for (let i = 0; i < 200; i++) await enqueue(tx, { kind: 'test.record', payload: { i } });
    });
    await waitFor(
      'every job to finish',
      async () =>
        Number(
          (
            await database.pool.query(
              `select count(*) as n from jobs where kind = 'test.record' and state <> 'done'`,
            )
          ).rows[0].n,
        ) === 0,
      60_000,
    );
    const runs = (await database.db.execute(sql`select job_id, attempt, process from job_runs`)).rows as {
      job_id: string;
      attempt: number;
      process: string;
    }[];
    expect(runs).toHaveLength(200);
    expect(new Set(runs.map((r) => r.job_id)).size).toBe(200);
    expect(runs.every((r) => r.attempt === 1)).toBe(true);
    const attempts = await database.db.execute(
      sql`select count(*) as n from jobs where kind = 'test.record' and attempts <> 1`,
    );
    expect(Number(attempts.rows[0]!.n)).toBe(0);
    expect([...new Set(runs.map((r) => r.process))].sort()).toEqual(['A', 'B']);
  });

  it('runs again, in the other process, a job whose process died holding it', async () => {
    const id = (await database.db.transaction((tx) => enqueue(tx, { kind: 'test.hang-first' })))!;
    await waitFor('a process to hold the job', () =>
      children.some((c) => c.messages.some((m) => m.holding === id)),
    );
    const holder = children.find((c) => c.messages.some((m) => m.holding === id))!;
    const other = children.find((c) => c !== holder)!;
    holder.proc.kill('SIGKILL');
    await exited(holder);
    expect((await jobRow(database, id)).state).toBe('running'); // until its lease runs out
    await waitFor('the job to run again', jobDone(database, id), 30_000);
    expect(await jobRow(database, id)).toMatchObject({ state: 'done', attempts: 2 });
    expect((await jobRow(database, id)).lastError).toMatch(/lease .* ran out/);
    const runs = (await database.db.execute(sql`select attempt, process from job_runs where job_id = ${id}`))
      .rows;
    expect(runs).toEqual([{ attempt: 2, process: other.name }]);
  });

  it('stops cleanly on SIGTERM', async () => {
    const survivor = children.find((c) => c.proc.exitCode === null && c.proc.signalCode === null)!;
    survivor.proc.kill('SIGTERM');
    expect(await exited(survivor)).toBe(0);
  });
});
