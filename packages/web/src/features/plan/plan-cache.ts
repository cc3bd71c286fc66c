import { movedFields, type PlanChangeT, type PlanLinkT, type PlanT, routes } from '@pharos/api';
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
 * A task that only moved keeps its cached object when it is already where the server says (the
 * browser scheduled the edit the same way), so agreeing answers change nothing on screen.
 */
export function applyChange(
  plan: PlanT,
  change: PlanChangeT,
  removedLinks: PlanLinkT[] = [],
  /** Counts the tasks the answer moved, and those of them not yet where it says. */
  agreement: { moved: number; differed: number } = { moved: 0, differed: 0 },
): PlanT {
  const changed = new Map(change.tasks.map((t) => [t.uid, t]));
  // Tasks that only moved: their new computed fields over the cached task.
  const m = change.moved;
  const at = new Map(m.uid.map((uid, i) => [uid, i]));
  for (const t of plan.tasks) {
    const i = at.get(t.uid);
    if (i === undefined || changed.has(t.uid)) continue;
    agreement.moved++;
    if (movedFields.every((k) => t[k] === m[k][i])) continue;
    agreement.differed++;
    const moved: PlanT['tasks'][number] = { ...t };
    for (const k of movedFields) (moved as Record<string, unknown>)[k] = m[k][i];
    changed.set(t.uid, moved);
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
