import type { PlanLinkT, PlanTaskT } from '@pharos/api';
import type { PlanDocument, ScheduleMemo } from './document';

export interface LivePlan {
  version: number;
  doc: PlanDocument;
  source: string;
  updatedAt: string;
  /** What the last schedule of the plan left for the next one (compiled calendars, inputs, date texts). */
  memo?: ScheduleMemo;
}

/** Most tasks kept in memory at once, over all plans. */
const MAX_TASKS = 400_000;

/**
 * Plans kept in memory between edits, by project. An entry serves only while the stored plan
 * still has its version (checked in the transaction, under the plan's lock), so an edit by
 * another process is never missed; it saves reading a large plan back before every edit.
 */
export class LivePlans {
  private readonly plans = new Map<string, LivePlan>();
  private tasks = 0;

  get(projectId: string, version: number): LivePlan | undefined {
    const p = this.plans.get(projectId);
    if (!p || p.version !== version) return undefined;
    // Most recently used last.
    this.plans.delete(projectId);
    this.plans.set(projectId, p);
    return p;
  }

  put(projectId: string, plan: LivePlan) {
    this.forget(projectId);
    if (plan.doc.tasks.length > MAX_TASKS) return;
    guardStored(plan.doc);
    this.plans.set(projectId, plan);
    this.tasks += plan.doc.tasks.length;
    for (const [id, p] of this.plans) {
      if (this.tasks <= MAX_TASKS) break;
      this.forget(id);
      void p;
    }
  }

  forget(projectId: string) {
    const p = this.plans.get(projectId);
    if (!p) return;
    this.tasks -= p.doc.tasks.length;
    this.plans.delete(projectId);
  }
}

/** One set of live plans per database (tests open many in one process). */
const perDatabase = new WeakMap<object, LivePlans>();
export function livePlans(key: object): LivePlans {
  let l = perDatabase.get(key);
  if (!l) {
    l = new LivePlans();
    perDatabase.set(key, l);
  }
  return l;
}

/**
 * A plan being edited: the stored document with its lists copied and its tasks and links shared
 * until written (copy on write). The stored plan, which readers may be holding, stays as it was
 * whatever becomes of the edit, and a reschedule that moves a few tasks copies those alone.
 */
export class PlanDraft {
  readonly doc: PlanDocument;
  /** Objects this draft made, which it may change in place. */
  private readonly owned = new Set<object>();

  constructor(before: PlanDocument) {
    this.doc = {
      ...before,
      baselinesSet: [...before.baselinesSet],
      calendars: [...before.calendars],
      tasks: [...before.tasks],
      links: [...before.links],
      resources: [...before.resources],
      assignments: [...before.assignments],
    };
  }

  /** The task at index `i`, to change: the draft's own copy. */
  readonly task = (i: number): PlanTaskT => {
    const t = this.doc.tasks[i]!;
    if (this.owned.has(t)) return t;
    const copy = { ...t };
    this.owned.add(copy);
    this.doc.tasks[i] = copy;
    return copy;
  };

  /**
   * Writable tasks by row, for a pass over every task once the edit has added and removed what it
   * does (numbering, checks, the reschedule): row `i`'s task, copied the first time.
   */
  byRow(): (i: number) => PlanTaskT {
    const tasks = this.doc.tasks;
    const mine = new Uint8Array(tasks.length);
    // An object never put in a set has no identity hash yet, and is looked up without making one.
    for (let i = 0; i < tasks.length; i++) if (this.owned.has(tasks[i]!)) mine[i] = 1;
    return (i) => {
      if (mine[i] === 1) return tasks[i]!;
      const copy = { ...tasks[i]! };
      tasks[i] = copy;
      mine[i] = 1;
      return copy;
    };
  }

  /** The link at index `i`, to change: the draft's own copy. */
  link(i: number): PlanLinkT {
    const l = this.doc.links[i]!;
    if (this.owned.has(l)) return l;
    const copy = { ...l };
    this.owned.add(copy);
    (this.doc.links as PlanLinkT[])[i] = copy;
    return copy;
  }

  /** Marks a new object as the draft's own. */
  adopt<T extends object>(x: T): T {
    this.owned.add(x);
    return x;
  }
}

/**
 * Makes a stored plan's tasks, links and calendars read-only, where a test runs: an edit that
 * changed one in place (rather than through its draft) fails there instead of leaking into what
 * readers hold.
 */
export function guardStored(doc: PlanDocument) {
  if (!process.env.VITEST) return;
  for (const t of doc.tasks) Object.freeze(t);
  for (const l of doc.links) Object.freeze(l);
  for (const c of doc.calendars) Object.freeze(c);
}
