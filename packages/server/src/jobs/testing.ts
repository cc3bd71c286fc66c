// Helpers for the tests of jobs and of job kinds (not used by the server itself).
import { eq, sql } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { type Config, testConfig } from '../config';
import type { Database } from '../db/connect';
import { jobs } from '../db/schema/index';
import { JobRunner, type RunnerOptions } from './runner';

export const quietLog = pino({ level: 'silent' }) as FastifyBaseLogger;

/** A runner that polls often and retries quickly (50 ms · 2^(n−1)). Stop it after the test. */
export function testRunner(
  database: Database,
  opts: Partial<RunnerOptions> & { config?: Config } = {},
): JobRunner {
  return new JobRunner({
    database,
    config: testConfig(),
    log: quietLog,
    pollMs: 20,
    concurrency: 4,
    leaseMs: 2000,
    backoffMs: (attempt) => 50 * 2 ** (attempt - 1),
    ...opts,
  });
}

/** Waits until `check` holds (polling), or fails after `ms`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, ms = 15_000) {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 20));
  }
}

export const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

export async function jobRow(database: Database, id: string) {
  const [row] = await database.db.select().from(jobs).where(eq(jobs.id, id));
  if (!row) throw new Error(`No job ${id}`);
  return row;
}

export const jobDone = (database: Database, id: string) => async () =>
  ['done', 'failed'].includes((await jobRow(database, id)).state);

/** The table the tests' handlers write to: one row per run. */
export async function createRunsTable(database: Database) {
  await database.db.execute(
    sql`create table if not exists job_runs (job_id uuid not null, attempt int not null, process text not null default '', at timestamptz not null default clock_timestamp())`,
  );
}
