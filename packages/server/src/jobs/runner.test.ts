import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/connect';
import { jobs } from '../db/schema/index';
import { freshDatabase } from '../test/harness';
import * as repo from './repo';
import { enqueue, type JobContext, type JobRunner, PermanentJobError } from './runner';
import { createRunsTable, jobDone, jobRow, sleep, testRunner, waitFor } from './testing';

let database: Database;
const runners: JobRunner[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  await createRunsTable(database);
});
afterAll(() => database.close());
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop()));
  await database.db.execute(sql`delete from jobs; delete from job_runs`);
});

function runner(opts: Parameters<typeof testRunner>[1] = {}) {
  const r = testRunner(database, opts);
  runners.push(r);
  return r;
}

const add = (spec: repo.JobSpec) => database.db.transaction((tx) => enqueue(tx, spec));

/** The handler most tests use: one row in job_runs, committed with the job's completion. */
const record = (job: JobContext) =>
  job.commit((tx) =>
    tx.execute(sql`insert into job_runs (job_id, attempt) values (${job.id}, ${job.attempts})`),
  );

const runsOf = async (id: string) =>
  (await database.db.execute(sql`select attempt from job_runs where job_id = ${id}`)).rows.length;

describe('job runner', () => {
  it('runs a job enqueued in a committed transaction once, and none from a rolled-back one', async () => {
    const id = (await add({ kind: 'test.record', payload: { n: 1 } }))!;
    await expect(
      database.db.transaction(async (tx) => {
        await enqueue(tx, { kind: 'test.record' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const seen: unknown[] = [];
    await runner()
      .handle('test.record', async (job) => {
        seen.push(job.payload);
        await record(job);
      })
      .start();
    await waitFor('the job', jobDone(database, id));
    const row = await jobRow(database, id);
    expect(row).toMatchObject({ state: 'done', attempts: 1, lockedBy: null, lastError: null });
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect(seen).toEqual([{ n: 1 }]);
    expect(await runsOf(id)).toBe(1);
    expect((await database.db.select().from(jobs)).length).toBe(1);
  });

  it('waits for run_at, and leaves kinds it has no handler for', async () => {
    const later = (await add({ kind: 'test.record', runAt: new Date(Date.now() + 1500) }))!;
    const other = (await add({ kind: 'test.nobody' }))!;
    await runner().handle('test.record', record).start();
    await sleep(200);
    expect((await jobRow(database, later)).state).toBe('queued');
    await waitFor('the later job', jobDone(database, later));
    expect((await jobRow(database, other)).state).toBe('queued');
  });

  it('retries a failing job after growing delays and records the failure after its last attempt', async () => {
    const times: number[] = [];
    await runner()
      .handle('test.fail', async (job) => {
        times.push(Date.now());
        throw new Error(`boom ${job.attempts}`);
      })
      .start();
    const id = (await add({ kind: 'test.fail', maxAttempts: 3 }))!;
    await waitFor('the last attempt', jobDone(database, id));
    const row = await jobRow(database, id);
    expect(row).toMatchObject({ state: 'failed', attempts: 3, lastError: 'boom 3', lockedBy: null });
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect(times).toHaveLength(3);
    // Backoff 50 ms, then 100 ms (a few ms of slack between the database's clock and ours).
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(45);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(95);
  });

  it('finishes a job that succeeds on a later attempt', async () => {
    await runner()
      .handle('test.flaky', async (job) => {
        if (job.attempts < 2) throw new Error('not yet');
        await record(job);
      })
      .start();
    const id = (await add({ kind: 'test.flaky' }))!;
    await waitFor('the job', jobDone(database, id));
    expect(await jobRow(database, id)).toMatchObject({ state: 'done', attempts: 2, lastError: 'not yet' });
    expect(await runsOf(id)).toBe(1);
  });

  it('fails a job at once on a PermanentJobError', async () => {
    await runner()
      .handle('test.permanent', async () => {
        throw new PermanentJobError('no such recipient');
      })
      .start();
    const id = (await add({ kind: 'test.permanent', maxAttempts: 5 }))!;
    await waitFor('the job', jobDone(database, id));
    expect(await jobRow(database, id)).toMatchObject({
      state: 'failed',
      attempts: 1,
      lastError: 'no such recipient',
    });
  });

  it('takes back a job whose process died once its lease runs out', async () => {
    const id = (await add({ kind: 'test.record' }))!;
    // A process claims it with a short lease, then dies (never renews, never finishes).
    expect(await repo.claim(database.db, 'dead-host:1:x', ['test.record'], 1, 1000)).toHaveLength(1);
    await runner().handle('test.record', record).start();
    await sleep(200);
    expect(await jobRow(database, id)).toMatchObject({ state: 'running', lockedBy: 'dead-host:1:x' });
    await waitFor('the job', jobDone(database, id));
    expect(await jobRow(database, id)).toMatchObject({ state: 'done', attempts: 2 });
    expect((await jobRow(database, id)).lastError).toMatch(/lease .* ran out.*dead-host:1:x/);
    expect(await runsOf(id)).toBe(1);
    // The dead process, were it to come back, no longer owns the job.
    expect(await repo.markDone(database.db, id, 'dead-host:1:x')).toBe(false);
  });

  it('records as failed a job whose lease ran out on its last attempt', async () => {
    const id = (await add({ kind: 'test.record', maxAttempts: 1 }))!;
    await repo.claim(database.db, 'dead-host:1:x', ['test.record'], 1, 50);
    await runner().handle('test.record', record).start();
    await waitFor('the job', jobDone(database, id));
    expect(await jobRow(database, id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(await runsOf(id)).toBe(0);
  });

  it('keeps the lease of a long job while it runs: no other runner takes it', async () => {
    const handler = async (job: JobContext) => {
      await sleep(1500); // well past the lease: only its renewals keep it
      await record(job);
    };
    await runner({ leaseMs: 600 }).handle('test.long', handler).start();
    await runner({ leaseMs: 600 }).handle('test.long', handler).start();
    const id = (await add({ kind: 'test.long' }))!;
    await waitFor('the job', jobDone(database, id));
    expect(await jobRow(database, id)).toMatchObject({ state: 'done', attempts: 1 });
    expect(await runsOf(id)).toBe(1);
  });

  it('does not commit the work of a job whose lease was lost meanwhile', async () => {
    let failed: unknown = null;
    await runner()
      .handle('test.stolen', async (job) => {
        await database.db.update(jobs).set({ lockedBy: 'another' }).where(eq(jobs.id, job.id));
        await record(job).catch((err) => {
          failed = err;
          throw err;
        });
      })
      .start();
    const id = (await add({ kind: 'test.stolen' }))!;
    await waitFor('the attempt', () => failed !== null);
    await sleep(50);
    expect(await jobRow(database, id)).toMatchObject({ state: 'running', lockedBy: 'another' });
    expect(await runsOf(id)).toBe(0);
  });

  it('keeps one queued or running job per dedupe key, and takes the key again once it is done', async () => {
    const first = await add({ kind: 'test.record', dedupeKey: 'report-reminder:P-1' });
    expect(first).toBeTruthy();
    expect(await add({ kind: 'test.record', dedupeKey: 'report-reminder:P-1' })).toBeNull();
    await runner().handle('test.record', record).start();
    await waitFor('the job', jobDone(database, first!));
    expect(await add({ kind: 'test.record', dedupeKey: 'report-reminder:P-1' })).toBeTruthy();
    // An occurrence of a recurring job is never enqueued again, even after it ran.
    expect(
      await repo.enqueueOccurrence(database.db, { kind: 'x', dedupeKey: 'report-reminder:P-1' }),
    ).toBeNull();
  });

  it('enqueues each occurrence of a recurring schedule once, however many processes run it', async () => {
    const schedule = { name: 'test.tick', kind: 'test.record', everySeconds: 1 };
    for (let i = 0; i < 3; i++) await runner().handle('test.record', record).every(schedule).start();
    await waitFor('two occurrences to run', async () => {
      const r = await database.db.execute(sql`select count(*) as n from job_runs`);
      return Number(r.rows[0]!.n) >= 2;
    });
    const rows = (
      await database.db.execute(
        sql`select dedupe_key, count(*) as n from jobs where dedupe_key like 'test.tick@%' group by dedupe_key`,
      )
    ).rows as { dedupe_key: string; n: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => Number(r.n) === 1)).toBe(true);
    const dup = await database.db.execute(
      sql`select job_id from job_runs group by job_id having count(*) > 1`,
    );
    expect(dup.rows).toEqual([]);
  });

  it('stops cleanly: waits for running handlers, takes no new job', async () => {
    let open!: () => void;
    const gate = new Promise<void>((ok) => {
      open = ok;
    });
    let started = 0;
    const r = runner({ concurrency: 1 }).handle('test.gated', async (job) => {
      started++;
      await gate;
      await record(job);
    });
    const first = (await add({ kind: 'test.gated', runAt: new Date(Date.now() - 1000) }))!;
    const second = (await add({ kind: 'test.gated' }))!;
    await r.start();
    await waitFor('the first job to start', () => started === 1);
    let stopped = false;
    const stopping = r.stop().then(() => {
      stopped = true;
    });
    await sleep(150);
    expect(stopped).toBe(false);
    open();
    await stopping;
    expect(started).toBe(1);
    expect((await jobRow(database, first)).state).toBe('done');
    expect((await jobRow(database, second)).state).toBe('queued');
  });
});
