// One portfolio solve, off the main thread: HiGHS (WebAssembly) blocks the thread it runs on.
// Pharos runs from its TypeScript sources, so the worker loads them through tsx as the main
// thread does. Progress goes to the parent as it comes; the parent stops the solve by setting
// the shared flag, which the solver polls at every checkpoint of its branch and bound.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { solvePortfolio } = await import('@pharos/engine/solver');
const stop = new Int32Array(workerData.stop);
try {
  const result = await solvePortfolio(workerData.scenario, {
    ...workerData.options,
    onProgress: (progress) => parentPort.postMessage({ type: 'progress', progress }),
    shouldStop: () => Atomics.load(stop, 0) === 1,
  });
  parentPort.postMessage({ type: 'result', result });
} catch (err) {
  parentPort.postMessage({ type: 'error', message: err instanceof Error ? err.message : String(err) });
}
