// One portfolio solve or efficient frontier, off the main thread: HiGHS (WebAssembly) blocks the
// thread it runs on. Pharos runs from its TypeScript sources, so the worker loads them through
// tsx as the main thread does. Progress (or each frontier level) goes to the parent as it comes;
// the parent stops the job by setting the shared flag, which the solver polls at every checkpoint
// of its branch and bound (and the frontier between levels).
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { solveFrontier, solvePortfolio } = await import('@pharos/engine/solver');
const stop = new Int32Array(workerData.stop);
const shouldStop = () => Atomics.load(stop, 0) === 1;
try {
  const result =
    workerData.kind === 'frontier'
      ? await solveFrontier(workerData.scenario, {
          ...workerData.options,
          onPoint: (point, index, total) => parentPort.postMessage({ type: 'point', point, index, total }),
          shouldStop,
        })
      : await solvePortfolio(workerData.scenario, {
          ...workerData.options,
          onProgress: (progress) => parentPort.postMessage({ type: 'progress', progress }),
          shouldStop,
        });
  parentPort.postMessage({ type: 'result', result });
} catch (err) {
  parentPort.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
