import { type PlanChangeT, type PlanLinkT, type PlanT, routes } from '@pharos/api';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { markData } from './gantt-perf';

export const planKeys = {
  plan: (projectId: string) => ['plan', projectId] as const,
  timeline: (kind: 'portfolio' | 'program', id: string) => ['timeline', kind, id] as const,
};

export async function fetchPlan(projectId: string): Promise<PlanT> {
  const plan = await api.call(routes.plan.get, { params: { id: projectId } });
  markData();
  return plan;
}

/** A project's plan. Thousands of tasks: no structural sharing (a deep compare per edit costs more than it saves). */
export function usePlan(projectId: string) {
  return useQuery({
    queryKey: planKeys.plan(projectId),
    queryFn: () => fetchPlan(projectId),
    structuralSharing: false,
    staleTime: 30_000,
  });
}

const linkKey = (l: Pick<PlanLinkT, 'predecessorUid' | 'successorUid'>) =>
  `${l.predecessorUid}>${l.successorUid}`;

/**
 * The plan after an edit: the tasks the PlanChange names replace (or join) the cached ones, removed
 * tasks and their links go, and the links it names replace the cached ones between the same tasks.
 */
export function applyChange(plan: PlanT, change: PlanChangeT, removedLinks: PlanLinkT[] = []): PlanT {
  const changed = new Map(change.tasks.map((t) => [t.uid, t]));
  // Tasks that only moved: their new computed fields over the cached task.
  const m = change.moved;
  const at = new Map(m.uid.map((uid, i) => [uid, i]));
  for (const t of plan.tasks) {
    const i = at.get(t.uid);
    if (i === undefined || changed.has(t.uid)) continue;
    changed.set(t.uid, {
      ...t,
      row: m.row[i]!,
      wbs: m.wbs[i]!,
      summary: m.summary[i]!,
      start: m.start[i]!,
      finish: m.finish[i]!,
      earlyStart: m.earlyStart[i]!,
      earlyFinish: m.earlyFinish[i]!,
      lateStart: m.lateStart[i]!,
      lateFinish: m.lateFinish[i]!,
      totalSlack: m.totalSlack[i]!,
      freeSlack: m.freeSlack[i]!,
      critical: m.critical[i]!,
      remainingDuration: m.remainingDuration[i]!,
    });
  }
  const removed = new Set(change.removed);
  const tasks = [];
  let resort = false;
  for (const t of plan.tasks) {
    if (removed.has(t.uid)) continue;
    const c = changed.get(t.uid);
    if (c) {
      if (c.row !== t.row) resort = true;
      changed.delete(t.uid);
      tasks.push(c);
    } else tasks.push(t);
  }
  for (const t of changed.values()) {
    tasks.push(t);
    resort = true;
  }
  if (resort || removed.size) tasks.sort((a, b) => a.row - b.row);
  const drop = new Set(removedLinks.map(linkKey));
  const fresh = new Map(change.links.map((l) => [linkKey(l), l]));
  const links = plan.links.filter((l) => {
    const k = linkKey(l);
    return !drop.has(k) && !fresh.has(k) && !removed.has(l.predecessorUid) && !removed.has(l.successorUid);
  });
  for (const l of fresh.values()) links.push(l);
  return { ...plan, version: change.version, finish: change.finish, tasks, links };
}

/** The plan with some task fields changed at once (the optimistic picture of an edit). */
export function patchTasks(plan: PlanT, uid: number, patch: Partial<PlanT['tasks'][number]>): PlanT {
  return { ...plan, tasks: plan.tasks.map((t) => (t.uid === uid ? { ...t, ...patch } : t)) };
}
