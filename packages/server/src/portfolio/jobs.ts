/*
 * A scenario's solve or frontier, running in a worker thread while the server keeps answering.
 * One job per scenario at a time; its state is polled (`job`) and it can be cancelled, keeping the
 * best plan found. The finished plan (or frontier) is written onto the scenario in a transaction
 * of its own, recorded in the audit trail as the person who started it.
 *
 * Jobs live in the process that started them: with several Pharos processes, a poll that lands on
 * another process sees the saved result once it is written, not the progress.
 */
import type { FrontierStart, SolveJobState, SolveStart } from '@pharos/api';
import { type Scenario as EngineScenario, greedy, prepare, rankThenCut } from '@pharos/engine';
import type { SolveResult } from '@pharos/engine/solver';
import type { z } from 'zod';
import { AppError } from '../errors';
import { type Ctx, inTx } from '../http/context';
import {
  describePlan,
  loadForChange,
  sameBody,
  savePlan,
  scenarioEntity,
  scenarioSpec,
  warm,
} from './scenarios';
import { startFrontier, startSolve } from './solver';

type State = z.infer<typeof SolveJobState>;

interface Job {
  state: State;
  started: number;
  cancel: () => void;
  done: Promise<void>;
}

const jobs = new Map<string, Job>();

const idle = (): State => ({
  kind: 'solve',
  state: 'idle',
  startedAt: null,
  seconds: 0,
  value: null,
  bound: null,
  gap: null,
  greedyValue: null,
  points: 0,
  totalPoints: 0,
  message: null,
});

function snapshot(job: Job): State {
  return {
    ...job.state,
    seconds: job.state.state === 'running' ? (Date.now() - job.started) / 1000 : job.state.seconds,
  };
}

export async function jobState(ctx: Ctx, id: string): Promise<State> {
  await scenarioEntity.get(ctx, id); // not_found unless the caller may read it
  const job = jobs.get(id);
  return job ? snapshot(job) : idle();
}

/** Waits for a scenario's job to end (tests, the CLI). */
export async function jobDone(id: string) {
  await jobs.get(id)?.done;
}

function begin(id: string, kind: State['kind']) {
  if (jobs.get(id)?.state.state === 'running')
    throw new AppError(
      'invalid_state',
      'A solve is already running for this scenario; cancel it or wait',
      'id',
    );
  const job: Job = {
    state: { ...idle(), kind, state: 'running', startedAt: new Date().toISOString() },
    started: Date.now(),
    cancel: () => {},
    done: Promise.resolve(),
  };
  jobs.set(id, job);
  return job;
}

/** Writes the outcome onto the scenario; one whose candidates or limits changed meanwhile gets it marked stale. */
async function finish(
  ctx: Ctx,
  id: string,
  start: { version: number; body: unknown },
  write: (version: number) => object,
) {
  await inTx(ctx, async (tx) => {
    const row = await scenarioEntity.load(ctx, tx, id, true);
    const stale = !sameBody(row.body, start.body);
    await savePlan(tx, ctx, row, write(stale ? start.version : row.version + 1));
  });
}

export async function startScenarioSolve(ctx: Ctx, id: string, opts: z.output<typeof SolveStart>) {
  await warm(ctx, 'update');
  const row = await inTx(ctx, (tx) => loadForChange(ctx, tx, id, 'update'));
  const body = row.body as EngineScenario;
  const job = begin(id, 'solve');
  const prepared = prepare(body);
  const first = greedy(body, {}, prepared);
  job.state.greedyValue = first.value;
  job.state.value = first.value;
  const cut = rankThenCut(body, prepared).value;
  const run = startSolve(body, { timeLimit: opts.timeLimit, relativeGap: opts.gap }, (p) => {
    Object.assign(job.state, { value: p.value, bound: p.bound, gap: p.gap });
  });
  job.cancel = run.cancel;
  job.done = run.result.then(
    async (r: SolveResult) => {
      const cancelled = r.status === 'interrupted';
      await finish(ctx, id, row, (version) => ({
        plan: describePlan(
          body,
          r.starts,
          {
            source: 'solver',
            status: r.status,
            bound: r.bound,
            gap: r.gap,
            seconds: r.seconds,
            greedyValue: r.greedy.value,
            rankThenCutValue: cut,
            binding: r.binding,
          },
          version,
        ),
      }));
      Object.assign(job.state, {
        state: cancelled ? 'cancelled' : 'done',
        value: r.value,
        bound: r.bound,
        gap: r.gap,
        seconds: r.seconds,
        message: r.issues.length ? r.issues.map((i) => i.message).join('; ') : null,
      });
    },
    (err: unknown) => fail(ctx, job, err),
  );
  return snapshot(job);
}

export async function startScenarioFrontier(ctx: Ctx, id: string, opts: z.output<typeof FrontierStart>) {
  await warm(ctx, 'update');
  const row = await inTx(ctx, (tx) => loadForChange(ctx, tx, id, 'update'));
  const body = row.body as EngineScenario;
  if (body.budget.length === 0)
    throw new AppError(
      'validation_failed',
      'The frontier sweeps the budget: give the scenario budget limits first',
      'body.budget',
    );
  const job = begin(id, 'frontier');
  job.state.totalPoints = opts.points;
  const run = startFrontier(body, opts, (p, index) => {
    Object.assign(job.state, { points: index + 1, value: p.value, bound: p.bound, gap: p.gap });
  });
  job.cancel = run.cancel;
  job.done = run.result.then(
    async (points) => {
      await finish(ctx, id, row, () => ({ frontier: points }));
      Object.assign(job.state, {
        state: points.length < opts.points ? 'cancelled' : 'done',
        points: points.length,
        seconds: (Date.now() - job.started) / 1000,
      });
    },
    (err: unknown) => fail(ctx, job, err),
  );
  return snapshot(job);
}

function fail(ctx: Ctx, job: Job, err: unknown) {
  ctx.log.error({ err }, 'portfolio solve failed');
  Object.assign(job.state, {
    state: 'failed',
    seconds: (Date.now() - job.started) / 1000,
    message: err instanceof Error ? err.message : String(err),
  });
}

export async function cancelJob(ctx: Ctx, id: string) {
  const row = await scenarioEntity.get(ctx, id);
  await ctx.access.authorize('scenario', 'update', scenarioSpec.anchors(row));
  const job = jobs.get(id);
  if (job?.state.state !== 'running') return job ? snapshot(job) : idle();
  job.cancel();
  await job.done;
  return snapshot(job);
}
