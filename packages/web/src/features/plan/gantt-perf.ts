/**
 * Marks on the browser's performance timeline, so benchmarks (bench/src/gantt.ts) and people
 * with DevTools can time the Gantt: `gantt:data` when a plan arrives, `gantt:ready` after its
 * first paint; `gantt:edit` when an edit is made, `gantt:local-schedule` once the browser has
 * rescheduled the plan with it, `gantt:edit-painted` after the first repaint that shows the edit's
 * effect (the local schedule; the server's answer for an edit the browser does not schedule),
 * with a `gantt:edit→repaint` measure, and `gantt:change-painted` after the repaint that follows
 * the server's PlanChange (`gantt:edit→change-painted`, `gantt:change→repaint`).
 */
let waitingForFirstPaint = false;
/** The edit made and not painted yet. */
let editWaiting = false;
let localWaiting = false;
let changeWaiting = false;

export function markData() {
  performance.mark('gantt:data');
  waitingForFirstPaint = true;
}

export function markEdit() {
  performance.mark('gantt:edit');
  editWaiting = true;
  localWaiting = false;
}

/** `detail`: how long its steps took (see LocalSchedule.timing). */
export function markLocalSchedule(detail?: object) {
  performance.mark('gantt:local-schedule', { detail });
  measure('gantt:edit→local-schedule', 'gantt:edit', 'gantt:local-schedule');
  localWaiting = true;
}

/** `agreement`: how many tasks the server's answer moved, and how many of them the browser had elsewhere. */
export function markChangeApplied(agreement: { moved: number; differed: number }) {
  performance.mark('gantt:change-applied', { detail: agreement });
  changeWaiting = true;
}

/** Called at the end of every paint of the bars. */
export function afterPaint() {
  if (waitingForFirstPaint) {
    waitingForFirstPaint = false;
    performance.mark('gantt:ready');
    measure('gantt:data→ready', 'gantt:data', 'gantt:ready');
  }
  if (editWaiting && (localWaiting || changeWaiting)) {
    editWaiting = false;
    localWaiting = false;
    performance.mark('gantt:edit-painted');
    measure('gantt:edit→repaint', 'gantt:edit', 'gantt:edit-painted');
  }
  if (changeWaiting) {
    changeWaiting = false;
    performance.mark('gantt:change-painted');
    measure('gantt:edit→change-painted', 'gantt:edit', 'gantt:change-painted');
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
