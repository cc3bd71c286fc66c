/**
 * Marks on the browser's performance timeline, so benchmarks (bench/src/gantt.ts) and people
 * with DevTools can time the Gantt: `gantt:data` when a plan arrives, `gantt:ready` after its
 * first paint, `gantt:edit` when an edit is sent and `gantt:change-painted` after the repaint
 * that follows its PlanChange (with a `gantt:edit→repaint` measure between the two).
 */
let waitingForFirstPaint = false;
let changeWaiting = false;

export function markData() {
  performance.mark('gantt:data');
  waitingForFirstPaint = true;
}

export function markEdit() {
  performance.mark('gantt:edit');
}

export function markChangeApplied() {
  changeWaiting = true;
}

/** Called at the end of every paint of the bars. */
export function afterPaint() {
  if (waitingForFirstPaint) {
    waitingForFirstPaint = false;
    performance.mark('gantt:ready');
    measure('gantt:data→ready', 'gantt:data', 'gantt:ready');
  }
  if (changeWaiting) {
    changeWaiting = false;
    performance.mark('gantt:change-painted');
    measure('gantt:edit→repaint', 'gantt:edit', 'gantt:change-painted');
    measure('gantt:change→repaint', 'gantt:change-received', 'gantt:change-painted');
  }
}

function measure(name: string, from: string, to: string) {
  try {
    performance.measure(name, from, to);
  } catch {
    // the start mark was cleared (e.g. by a benchmark between runs)
  }
}
