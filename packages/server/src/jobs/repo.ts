/*
 * The jobs table's statements. Each is one statement on its own (autocommit) unless it is given a
 * transaction: nothing here holds a transaction open across awaits, which the embedded database
 * (one connection) could not afford.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import type { JobState } from '../db/schema/jobs';

/** PostgreSQL's NOTIFY channel an enqueue sends on commit, waking every process's runner. */
export const JOBS_CHANNEL = 'pharos_jobs';

export interface JobSpec {
  kind: string;
  payload?: unknown;
  /** Not before this time (default: now). */
  runAt?: Date;
  /** At most one queued or running job per key: a second enqueue with the key is dropped. */
  dedupeKey?: string;
  /** Attempts before the job is recorded as failed (default 5). */
  maxAttempts?: number;
}

/** A claimed job as a handler sees it. */
export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  /** This attempt's number, from 1. */
  attempts: number;
  maxAttempts: number;
}

const ms = (n: number) => sql`(${Math.round(n)}::double precision * interval '1 millisecond')`;
const days = (n: number) => sql`(${n}::integer * interval '1 day')`;

const rowsOf = async <T>(tx: Tx, query: ReturnType<typeof sql>) =>
  (await tx.execute(query)).rows as unknown as T[];

/**
 * Adds a job in the caller's transaction: it exists (and runs) only if that transaction commits.
 * Returns its id, or null when a queued or running job already holds `dedupeKey`.
 */
export async function enqueue(tx: Tx, spec: JobSpec): Promise<string | null> {
  return insertJob(tx, spec, false);
}

/**
 * A recurring job's occurrence: dropped when any job ever held its key (queued, running, done or
 * failed), so that a process whose clock lags cannot run a period again after it ran.
 */
export async function enqueueOccurrence(tx: Tx, spec: JobSpec & { dedupeKey: string }) {
  return insertJob(tx, spec, true);
}

async function insertJob(tx: Tx, spec: JobSpec, onceEver: boolean): Promise<string | null> {
  const maxAttempts = spec.maxAttempts ?? 5;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new Error(`maxAttempts must be a whole number ≥ 1, not ${maxAttempts}`);
  const key = spec.dedupeKey ?? null;
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`insert into jobs (kind, payload, run_at, dedupe_key, max_attempts)
        select ${spec.kind}::text, ${JSON.stringify(spec.payload ?? {})}::jsonb,
               coalesce(${spec.runAt?.toISOString() ?? null}::timestamptz, now()), ${key}::text,
               ${maxAttempts}::integer
        where ${onceEver ? sql`not exists (select 1 from jobs where dedupe_key = ${key}::text)` : sql`true`}
        on conflict (dedupe_key) where state in ('queued', 'running') do nothing
        returning id`,
  );
  // Heard by every runner when the transaction commits (PostgreSQL); the embedded database polls.
  if (rows[0]) await tx.execute(sql`select pg_notify(${JOBS_CHANNEL}, '')`);
  return rows[0]?.id ?? null;
}

/**
 * Takes up to `limit` due jobs of the given kinds for `worker`, leased for `leaseMs`. Rows another
 * process is claiming at the same moment are skipped, never waited for or taken twice.
 */
export async function claim(
  tx: Tx,
  worker: string,
  kinds: string[],
  limit: number,
  leaseMs: number,
): Promise<ClaimedJob[]> {
  if (!kinds.length || limit < 1) return [];
  return rowsOf<ClaimedJob>(
    tx,
    sql`with due as (
          select id from jobs
          where state = 'queued' and run_at <= now() and kind = any(${sql.param(kinds)}::text[])
          order by run_at, id
          limit ${limit}
          for update skip locked
        )
        update jobs set state = 'running', attempts = jobs.attempts + 1, locked_by = ${worker},
          locked_until = now() + ${ms(leaseMs)}, started_at = now()
        from due where jobs.id = due.id
        returning jobs.id, jobs.kind, jobs.payload, jobs.attempts, jobs.max_attempts as "maxAttempts"`,
  );
}

/**
 * Jobs whose lease ran out (their process died or hung): queued again at once, or recorded as
 * failed when that was their last attempt. Returns how many of each.
 */
export async function recoverExpired(tx: Tx): Promise<{ requeued: number; failed: number }> {
  const rows = await rowsOf<{ state: JobState }>(
    tx,
    sql`with expired as (
          select id from jobs where state = 'running' and locked_until < now()
          for update skip locked
        )
        update jobs set
          state = case when jobs.attempts >= jobs.max_attempts then 'failed' else 'queued' end,
          last_error = 'the process running it stopped (its lease of the job ran out): ' || coalesce(jobs.locked_by, '?'),
          run_at = now(), locked_by = null, locked_until = null,
          finished_at = case when jobs.attempts >= jobs.max_attempts then now() end
        from expired where jobs.id = expired.id
        returning jobs.state`,
  );
  return {
    requeued: rows.filter((r) => r.state === 'queued').length,
    failed: rows.filter((r) => r.state === 'failed').length,
  };
}

/** Renews the lease; false when the job is no longer this worker's (its lease ran out and was taken). */
export async function renewLease(tx: Tx, id: string, worker: string, leaseMs: number) {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`update jobs set locked_until = now() + ${ms(leaseMs)}
        where id = ${id} and locked_by = ${worker} and state = 'running' returning id`,
  );
  return rows.length > 0;
}

/** Marks the job done; false when it is no longer this worker's. */
export async function markDone(tx: Tx, id: string, worker: string) {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`update jobs set state = 'done', finished_at = now(), locked_by = null, locked_until = null
        where id = ${id} and locked_by = ${worker} and state = 'running' returning id`,
  );
  return rows.length > 0;
}

/**
 * Records a failed attempt: queued again after `retryInMs`, or failed for good when attempts are
 * used up or `final`. Returns the new state, or null when the job is no longer this worker's.
 */
export async function markFailed(
  tx: Tx,
  id: string,
  worker: string,
  error: string,
  retryInMs: number,
  final: boolean,
): Promise<JobState | null> {
  const rows = await rowsOf<{ state: JobState }>(
    tx,
    sql`update jobs set
          state = case when ${final}::boolean or attempts >= max_attempts then 'failed' else 'queued' end,
          last_error = ${error.slice(0, 4000)},
          run_at = now() + ${ms(Math.max(0, retryInMs))},
          finished_at = case when ${final}::boolean or attempts >= max_attempts then now() end,
          locked_by = null, locked_until = null
        where id = ${id} and locked_by = ${worker} and state = 'running'
        returning state`,
  );
  return rows[0]?.state ?? null;
}

/** Forgets finished jobs: done ones after `doneDays`, failed ones after `failedDays`. */
export async function pruneFinished(tx: Tx, doneDays: number, failedDays: number) {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`delete from jobs where id in (
          select id from jobs
          where (state = 'done' and finished_at < now() - ${days(doneDays)})
             or (state = 'failed' and finished_at < now() - ${days(failedDays)})
          limit 1000)
        returning id`,
  );
  return rows.length;
}
