import { Worker } from 'node:worker_threads';
import type { Scenario } from '@pharos/engine';
import type {
  FrontierOptions,
  FrontierPoint,
  SolveOptions,
  SolveProgress,
  SolveResult,
} from '@pharos/engine/solver';

/** Options a solve takes across the thread boundary (no functions). */
export type SolveSettings = Omit<SolveOptions, 'onProgress' | 'shouldStop' | 'onLog'>;

/** Options an efficient frontier takes across the thread boundary (no functions). */
export type FrontierSettings = Omit<FrontierOptions, 'onPoint' | 'shouldStop'>;

/** A portfolio solve running in a worker thread. */
export interface SolveJob {
  /** The answer: the best plan found, with its proven gap (also after `cancel`). */
  result: Promise<SolveResult>;
  /** Stops the solve at its next checkpoint; `result` then holds the best plan so far. */
  cancel(): void;
}

/** An efficient frontier running in a worker thread. */
export interface FrontierJob {
  /** The levels solved, lowest budget first (after `cancel`, those done so far). */
  result: Promise<FrontierPoint[]>;
  /** Stops after the level in progress (kept, with its best plan so far). */
  cancel(): void;
}

/** Seconds a worker is given past its time limit to answer before it is stopped outright. */
const GRACE_S = 15;

type WorkerMessage =
  | { type: 'progress'; progress: SolveProgress }
  | { type: 'point'; point: FrontierPoint; index: number; total: number }
  | { type: 'result'; result: unknown }
  | { type: 'error'; message: string };

/**
 * Runs one job in a worker thread of its own with a shared stop flag; the answer comes back as a
 * `result` message, or the job fails when the worker errs, exits, or outlives `seconds`.
 */
function runInWorker<T>(
  job: { kind: 'solve'; options: SolveSettings } | { kind: 'frontier'; options: FrontierSettings },
  scenario: Scenario,
  seconds: number,
  onMessage: (m: WorkerMessage) => void,
): { result: Promise<T>; cancel(): void } {
  const stop = new SharedArrayBuffer(4);
  const flag = new Int32Array(stop);
  const worker = new Worker(new URL('./solver-worker.mjs', import.meta.url), {
    workerData: { kind: job.kind, scenario, options: job.options, stop },
  });
  const result = new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      fn();
      void worker.terminate();
    };
    const deadline = setTimeout(
      () => finish(() => reject(new Error('The solver did not answer in time and was stopped'))),
      seconds * 1000,
    );
    deadline.unref();
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'result') finish(() => resolve(m.result as T));
      else if (m.type === 'error') finish(() => reject(new Error(m.message)));
      else onMessage(m);
    });
    worker.on('error', (err) => finish(() => reject(err)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`The solver stopped before answering (exit code ${code})`))),
    );
  });
  return {
    result,
    cancel: () => {
      Atomics.store(flag, 0, 1);
    },
  };
}

/**
 * Solves a scenario in a worker thread of its own, so the server keeps answering while HiGHS
 * works (it blocks the thread it runs on). `onProgress` hears each improvement of the plan or of
 * its bound. Cancelling asks the solver to stop at its next checkpoint and keep its best plan;
 * a worker that does not answer in time is terminated.
 */
export function startSolve(
  scenario: Scenario,
  settings: SolveSettings = {},
  onProgress?: (p: SolveProgress) => void,
): SolveJob {
  return runInWorker<SolveResult>(
    { kind: 'solve', options: settings },
    scenario,
    (settings.timeLimit ?? 10) + GRACE_S,
    (m) => {
      if (m.type === 'progress') onProgress?.(m.progress);
    },
  );
}

/**
 * The efficient frontier (`solveFrontier`) in a worker thread: `onPoint` hears each budget level
 * as it is done. Cancelling stops after the level in progress; the levels done so far are the
 * answer. The worker has `points × timeLimitPerPoint` seconds, and the same grace, to answer.
 */
export function startFrontier(
  scenario: Scenario,
  settings: FrontierSettings = {},
  onPoint?: (point: FrontierPoint, index: number, total: number) => void,
): FrontierJob {
  const seconds = (settings.points ?? 15) * (settings.timeLimitPerPoint ?? 4) + GRACE_S;
  return runInWorker<FrontierPoint[]>({ kind: 'frontier', options: settings }, scenario, seconds, (m) => {
    if (m.type === 'point') onPoint?.(m.point, m.index, m.total);
  });
}
