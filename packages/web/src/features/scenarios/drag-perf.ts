/**
 * How long a drag on the scenario timeline takes to show its effect: from the pointer event to the
 * repainted bars and histograms (budget and capacity use recomputed with `moveInUsage`). The last
 * figure, the worst and a count are kept on `window.__pharosPortfolioDrag` for benchmarks, browser
 * tests and people with DevTools; each step is also a `portfolio:drag` measure on the performance
 * timeline. The target is 50 ms for 300 candidates × 36 months × 10 roles.
 */
export interface DragFigures {
  /** Milliseconds of the last drag step (compute + paint). */
  last: number;
  /** Of that: recomputing the usage. */
  lastCompute: number;
  max: number;
  count: number;
  candidates: number;
  months: number;
  roles: number;
}

declare global {
  interface Window {
    __pharosPortfolioDrag?: DragFigures;
  }
}

export function recordDrag(
  started: number,
  computed: number,
  size: { candidates: number; months: number; roles: number },
) {
  const end = performance.now();
  const ms = end - started;
  const prev = window.__pharosPortfolioDrag;
  window.__pharosPortfolioDrag = {
    last: ms,
    lastCompute: computed - started,
    max: Math.max(prev?.max ?? 0, ms),
    count: (prev?.count ?? 0) + 1,
    ...size,
  };
  try {
    performance.measure('portfolio:drag', { start: started, end });
  } catch {
    // an old browser without measure options: the figure on window is enough
  }
}
