import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/**
 * Background work (jobs/): one row per job. A process claims due rows with FOR UPDATE SKIP LOCKED
 * and holds them by a lease (`locked_until`) that it renews while the handler runs; a row whose
 * lease ran out belongs to a process that died, and is run again.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    kind: text().notNull(),
    payload: jsonb().$type<unknown>().notNull().default({}),
    /** Not before this time: when enqueued, or when the next attempt is due after a failure. */
    runAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    state: text().$type<JobState>().notNull().default('queued'),
    /** Attempts started so far (counted when claimed). */
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    lastError: text(),
    /** The process running it (host:pid:random), while running. */
    lockedBy: text(),
    /** The lease: past this time the running process is taken for dead. */
    lockedUntil: timestamp({ withTimezone: true }),
    /** At most one queued or running job per key (a recurring job: one per period). */
    dedupeKey: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('jobs_state_check', sql`state in ('queued', 'running', 'done', 'failed')`),
    check('jobs_max_attempts_check', sql`max_attempts >= 1`),
    index('jobs_due_idx').on(t.runAt).where(sql`state = 'queued'`),
    index('jobs_lease_idx').on(t.lockedUntil).where(sql`state = 'running'`),
    index('jobs_finished_idx').on(t.finishedAt).where(sql`state in ('done', 'failed')`),
    index('jobs_dedupe_key_idx').on(t.dedupeKey),
    uniqueIndex('jobs_dedupe_key_active').on(t.dedupeKey).where(sql`state in ('queued', 'running')`),
  ],
);
