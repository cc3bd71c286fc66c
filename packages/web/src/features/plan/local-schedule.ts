import type { PlanT, PlanTaskT } from '@pharos/api';
import { ScheduleMemo, scheduleDocument } from '@pharos/engine';

/** The fields of a task an edit or a schedule may change (all but its version and baselines). */
const SHOWN: readonly (keyof PlanTaskT)[] = [
  'uid',
  'row',
  'wbs',
  'summary',
  'name',
  'outlineLevel',
  'notes',
  'milestone',
  'manual',
  'duration',
  'durationUnit',
  'constraintType',
  'constraintDate',
  'deadline',
  'calendarUid',
  'percentComplete',
  'actualStart',
  'actualFinish',
  'manualStart',
  'start',
  'finish',
  'earlyStart',
  'earlyFinish',
  'lateStart',
  'lateFinish',
  'totalSlack',
  'freeSlack',
  'critical',
  'remainingDuration',
];

/** Schedules of an unchanged plan run while the browser is idle after it loads (see `prepare`). */
const WARM_PASSES = 4;

function sameShown(a: PlanTaskT, b: PlanTaskT): boolean {
  for (const k of SHOWN) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The plan open in the Gantt, scheduled in the browser with the engine the server uses
 * (`scheduleDocument`), so an edit shows its whole effect at once; the server's PlanChange
 * follows and stays the authority.
 *
 * It keeps a working copy of the plan with task objects of its own, which edits change and the
 * engine writes its dates into, and the engine's memo, so an edit costs a reschedule of what
 * changed rather than a copy and a full schedule of every task. The copy follows the cached plan
 * task by task: where the cached task is the object published last, the working task still
 * matches it; any other is copied again (after the server's answer, a reload or a roll-back).
 */
export class LocalSchedule {
  private memo = new ScheduleMemo();
  /** The cached plan the working tasks match, index by index. */
  private basis: PlanT | null = null;
  private work: PlanTaskT[] = [];
  /** Schedules run by `prepare`. */
  private passes = 0;
  /** Milliseconds the last `apply` took: following the cached plan, the edit, the engine, the tasks to show. */
  timing = { sync: 0, edit: 0, schedule: 0, publish: 0 };

  /**
   * The plan after `edit` (which changes the working copy it is given in place), rescheduled;
   * unchanged tasks keep their objects. Null when the browser cannot schedule it (a cycle, a
   * reference to nothing): the server's answer will tell.
   */
  apply(plan: PlanT, edit?: (work: PlanT) => void): PlanT | null {
    const t0 = performance.now();
    const work: PlanT = { ...plan, tasks: this.sync(plan), links: [...plan.links] };
    const t1 = performance.now();
    let t2 = t1;
    try {
      edit?.(work);
      // As the server does before scheduling: a manually scheduled task without a start keeps its own.
      for (const t of work.tasks) if (t.manual && t.manualStart === null) t.manualStart = t.start ?? null;
      t2 = performance.now();
      scheduleDocument(work, this.memo);
    } catch {
      // Nothing half-done is kept: the next schedule starts afresh.
      this.memo = new ScheduleMemo();
      this.forget();
      return null;
    }
    const t3 = performance.now();
    const next = { ...work, tasks: this.publish(plan, work.tasks) };
    this.basis = next;
    this.timing = { sync: t1 - t0, edit: t2 - t1, schedule: t3 - t2, publish: performance.now() - t3 };
    return next;
  }

  /**
   * Schedules the plan as it is, so the first edit finds the working copy and the memo ready.
   * Nothing is published: when the browser agrees with the server, the cached plan is the basis.
   * The first passes over a plan also warm the engine's code up (an edit right after a load would
   * otherwise run it cold, several times slower). Returns whether another pass is wanted.
   */
  prepare(plan: PlanT): boolean {
    if (this.basis === plan && this.passes >= WARM_PASSES) return false;
    this.passes++;
    const next = this.apply(plan);
    if (next && next.finish === plan.finish && next.tasks.every((t, i) => t === plan.tasks[i]))
      this.basis = plan;
    return this.passes < WARM_PASSES;
  }

  /** Drops the working copy (the memo checks whatever it keeps against the next document). */
  forget() {
    this.basis = null;
    this.work = [];
  }

  /** The working tasks, brought up to the cached plan. */
  private sync(plan: PlanT): PlanTaskT[] {
    const b = this.basis;
    const n = plan.tasks.length;
    if (b === null || b.tasks.length !== n || this.work.length !== n) {
      this.work = plan.tasks.map((t) => ({ ...t }));
    } else if (b !== plan) {
      const was = b.tasks;
      const now = plan.tasks;
      for (let i = 0; i < n; i++) if (now[i] !== was[i]) this.work[i] = { ...now[i]! };
    }
    return this.work;
  }

  /** The tasks to show: the cached object where nothing shown changed, else a copy of the working task. */
  private publish(plan: PlanT, work: PlanTaskT[]): PlanTaskT[] {
    this.work = work;
    const cached = plan.tasks;
    const aligned = work.length === cached.length;
    let byUid: Map<number, PlanTaskT> | null = null;
    const out = new Array<PlanTaskT>(work.length);
    for (let i = 0; i < work.length; i++) {
      const w = work[i]!;
      let c = aligned ? cached[i] : undefined;
      if (c === undefined || c.uid !== w.uid) {
        byUid ??= new Map(cached.map((t) => [t.uid, t]));
        c = byUid.get(w.uid);
      }
      out[i] = c !== undefined && sameShown(c, w) ? c : { ...w };
    }
    return out;
  }
}
