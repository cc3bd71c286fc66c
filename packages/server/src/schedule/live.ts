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

/** A copy of a document an edit may change without touching the original. */
export function editableCopy(doc: PlanDocument): PlanDocument {
  return {
    ...doc,
    baselinesSet: [...doc.baselinesSet],
    calendars: [...doc.calendars],
    tasks: doc.tasks.map((t) => ({ ...t })),
    links: doc.links.map((l) => ({ ...l })),
    resources: [...doc.resources],
    assignments: [...doc.assignments],
  };
}
