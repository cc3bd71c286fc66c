import { Worker } from 'node:worker_threads';
import type { Scenario } from '@pharos/engine';
import type { SolveOptions, SolveProgress, SolveResult } from '@pharos/engine/solver';

/** Options a solve takes across the thread boundary (no functions). */
export type SolveSettings = Omit<SolveOptions, 'onProgress' | 'shouldStop' | 'onLog'>;

/** A portfolio solve running in a worker thread. */
export interface SolveJob {
  /** The answer: the best plan found, with its proven gap (also after `cancel`). */
  result: Promise<SolveResult>;
  /** Stops the solve at its next checkpoint; `result` then holds the best plan so far. */
  cancel(): void;
}

/** Seconds a worker is given past its time limit to answer before it is stopped outright. */
const GRACE_S = 15;

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
  const stop = new SharedArrayBuffer(4);
  const flag = new Int32Array(stop);
  const worker = new Worker(new URL('./solver-worker.mjs', import.meta.url), {
    workerData: { scenario, options: settings, stop },
  });
  const result = new Promise<SolveResult>((resolve, reject) => {
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
      ((settings.timeLimit ?? 10) + GRACE_S) * 1000,
    );
    deadline.unref();
    worker.on(
      'message',
      (m: { type: string; progress?: SolveProgress; result?: SolveResult; message?: string }) => {
        if (m.type === 'progress' && m.progress) onProgress?.(m.progress);
        else if (m.type === 'result') finish(() => resolve(m.result!));
        else if (m.type === 'error') finish(() => reject(new Error(m.message)));
      },
    );
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
