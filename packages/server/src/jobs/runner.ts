/*
 * The job runner: one per Pharos process. It claims due jobs of the kinds it has handlers for
 * (FOR UPDATE SKIP LOCKED, so two processes never take the same job), keeps a lease on each while
 * its handler runs, and records the outcome: done, or queued again after an exponential backoff,
 * or failed once its attempts are used up. A job whose lease ran out (its process died) is queued
 * again by whichever runner notices. `stop` takes no new jobs and waits for running handlers.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Database, Tx } from '../db/connect';
import { type Ctx, inTx } from '../http/context';
import { systemCtx } from '../system';
import { checkSchedule, nextOccurrence, occurrenceKey, type Schedule } from './recurring';
import * as repo from './repo';

export { enqueue, type JobSpec } from './repo';

/** What a handler is given. */
export interface JobContext<P = unknown> extends repo.ClaimedJob {
  payload: P;
  /** A context for services, acting as the system; its request id is `job:<id>`. */
  ctx: Ctx;
  log: FastifyBaseLogger;
  /**
   * Runs `fn` in one transaction that also marks this job done: its writes and the job's completion
   * commit together, so they happen exactly once even if the process dies at any moment.
   */
  commit<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export type JobHandler<P = unknown> = (job: JobContext<P>) => Promise<unknown>;

/** Thrown by a handler when trying again cannot help: the job fails at once. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}

class LeaseLost extends Error {}

export interface RunnerOptions {
  database: Database;
  config: Config;
  log: FastifyBaseLogger;
  /** Default: config.jobsPollMs, jobsConcurrency, jobsLeaseSeconds. */
  pollMs?: number;
  concurrency?: number;
  leaseMs?: number;
  /** Delay before attempt n + 1 after attempt n failed (default: 10 s · 2^(n−1), at most an hour, ±20 %). */
  backoffMs?: (attempt: number) => number;
  /** Who this runner is in `locked_by` (default host:pid:random). */
  workerId?: string;
}

export const defaultBackoff = (attempt: number) =>
  Math.min(3_600_000, 10_000 * 2 ** (attempt - 1)) * (0.8 + Math.random() * 0.4);

const PRUNE_EVERY_MS = 3_600_000;

export class JobRunner {
  readonly workerId: string;
  private readonly handlers = new Map<string, JobHandler<never>>();
  private readonly schedules: { schedule: Schedule; enqueued: number }[] = [];
  private readonly active = new Set<Promise<void>>();
  private readonly pollMs: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly backoffMs: (attempt: number) => number;
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private timer: NodeJS.Timeout | null = null;
  private ticking: Promise<void> | null = null;
  private again = false;
  private lastPrune = 0;
  private lastSweep = 0;

  constructor(private readonly opts: RunnerOptions) {
    this.workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.pollMs = opts.pollMs ?? opts.config.jobsPollMs;
    this.concurrency = opts.concurrency ?? opts.config.jobsConcurrency;
    this.leaseMs = opts.leaseMs ?? opts.config.jobsLeaseSeconds * 1000;
    this.backoffMs = opts.backoffMs ?? defaultBackoff;
  }

  /** Runs jobs of `kind` with `handler` in this process (one handler per kind). */
  handle<P>(kind: string, handler: JobHandler<P>): this {
    if (this.handlers.has(kind)) throw new Error(`A handler for job kind ${kind} is already registered`);
    this.handlers.set(kind, handler as JobHandler<never>);
    this.wake();
    return this;
  }

  /** Enqueues the schedule's occurrences, each once however many processes run it. */
  every(schedule: Schedule): this {
    checkSchedule(schedule, this.opts.config.timeZone);
    this.schedules.push({ schedule, enqueued: 0 });
    this.wake();
    return this;
  }

  async start() {
    if (this.state !== 'new') return;
    this.state = 'running';
    // PostgreSQL: an enqueue anywhere wakes every runner on commit. Embedded: polling alone.
    if (this.opts.database.kind === 'postgres')
      await this.opts.database.listen(repo.JOBS_CHANNEL, () => this.wake());
    this.wake();
  }

  /** Looks for due jobs now rather than at the next poll. */
  wake() {
    if (this.state !== 'running') return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.ticking = this.tick().finally(() => {
      this.ticking = null;
      if (this.state !== 'running') return;
      if (this.again) {
        this.again = false;
        this.wake();
      } else {
        this.timer = setTimeout(() => this.wake(), this.pollMs);
        this.timer.unref();
      }
    });
  }

  /** Takes no new job, and waits (up to `graceMs`) for the running ones to finish. */
  async stop(graceMs = 30_000) {
    if (this.state === 'stopped' || this.state === 'stopping') return;
    this.state = 'stopping';
    if (this.timer) clearTimeout(this.timer);
    await this.ticking;
    let timeout: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((ok) => {
      timeout = setTimeout(() => ok('late'), graceMs);
    });
    const outcome = await Promise.race([Promise.allSettled([...this.active]), late]);
    clearTimeout(timeout);
    if (outcome === 'late')
      this.log.warn(
        { running: this.active.size },
        'jobs still running at shutdown: another process will run them again once their lease runs out',
      );
    this.state = 'stopped';
  }

  private get log() {
    return this.opts.log;
  }

  private async tick() {
    const { db } = this.opts.database;
    try {
      // Housekeeping once per poll interval; claims at every wake-up.
      if (Date.now() - this.lastSweep >= this.pollMs) {
        this.lastSweep = Date.now();
        await this.enqueueSchedules();
        const recovered = await repo.recoverExpired(db);
        if (recovered.requeued || recovered.failed)
          this.log.warn(recovered, 'jobs whose process stopped were taken back');
      }
      if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
        this.lastPrune = Date.now();
        await repo.pruneFinished(db, 7, 30);
      }
      const free = this.concurrency - this.active.size;
      if (free <= 0 || this.state !== 'running') return;
      const claimed = await repo.claim(db, this.workerId, [...this.handlers.keys()], free, this.leaseMs);
      for (const job of claimed) this.track(this.execute(job));
      if (claimed.length === free) this.again = true; // there may be more
    } catch (err) {
      this.log.error({ err }, 'job runner: could not reach the database; trying again at the next poll');
    }
  }

  private async enqueueSchedules() {
    const now = new Date();
    for (const entry of this.schedules) {
      const { schedule } = entry;
      const at = nextOccurrence(schedule, now, this.opts.config.timeZone);
      if (entry.enqueued === at.getTime()) continue;
      await repo.enqueueOccurrence(this.opts.database.db, {
        kind: schedule.kind,
        payload: schedule.payload ?? {},
        runAt: at,
        dedupeKey: occurrenceKey(schedule, at),
        ...(schedule.maxAttempts ? { maxAttempts: schedule.maxAttempts } : {}),
      });
      entry.enqueued = at.getTime();
    }
  }

  private track(p: Promise<void>) {
    this.active.add(p);
    void p.finally(() => {
      this.active.delete(p);
      this.wake();
    });
  }

  private async execute(job: repo.ClaimedJob) {
    const { database, config } = this.opts;
    const log = this.log.child({ job: job.id, kind: job.kind, attempt: job.attempts });
    const ctx: Ctx = {
      ...systemCtx(config, database),
      requestId: `job:${job.id}`,
      userAgent: 'pharos-jobs',
      log,
    };
    let committed = false;
    const commit = async <T>(fn: (tx: Tx) => Promise<T>) => {
      const out = await inTx(ctx, async (tx) => {
        const value = await fn(tx);
        if (!(await repo.markDone(tx, job.id, this.workerId))) throw new LeaseLost();
        return value;
      });
      committed = true;
      return out;
    };
    const heartbeat = setInterval(() => {
      repo.renewLease(database.db, job.id, this.workerId, this.leaseMs).then(
        (mine) => mine || log.warn('job lease lost: another process may run it again'),
        (err) => log.warn({ err }, 'could not renew the job lease'),
      );
    }, this.leaseMs / 3);
    heartbeat.unref();
    const started = performance.now();
    try {
      await this.handlers.get(job.kind)!({ ...job, ctx, log, commit } as JobContext<never>);
      if (!committed && !(await repo.markDone(database.db, job.id, this.workerId))) throw new LeaseLost();
      log.info({ ms: Math.round(performance.now() - started) }, 'job done');
    } catch (err) {
      if (err instanceof LeaseLost) {
        log.warn('job finished after its lease ran out: another process owns it now');
        return;
      }
      await this.recordFailure(job, err, log);
    } finally {
      clearInterval(heartbeat);
    }
  }

  private async recordFailure(job: repo.ClaimedJob, err: unknown, log: FastifyBaseLogger) {
    const final = err instanceof PermanentJobError;
    const message = err instanceof Error ? err.message || err.name : String(err);
    const retryIn = this.backoffMs(job.attempts);
    try {
      const state = await repo.markFailed(
        this.opts.database.db,
        job.id,
        this.workerId,
        message,
        retryIn,
        final,
      );
      if (state === 'failed') log.error({ err }, 'job failed for good');
      else if (state === 'queued')
        log.warn({ err, retryInMs: Math.round(retryIn) }, 'job failed; will retry');
    } catch (dbErr) {
      log.error({ err: dbErr }, 'could not record a job failure; it runs again once its lease runs out');
    }
  }
}
