import { type PlanLinkT, type PlanT, type PlanTaskT, routes, TaskUpdate } from '@pharos/api';
import type { z } from 'zod';
import { api } from '../../api/client';
import type { PlanEdit } from './plan-editor';

type TaskPatch = Omit<z.input<typeof TaskUpdate>, 'version'>;

const taskOf = (plan: PlanT, uid: number): PlanTaskT => {
  const t = plan.tasks.find((x) => x.uid === uid);
  if (!t) throw new Error('This task is no longer in the plan.');
  return t;
};

const sameLink = (a: Pick<PlanLinkT, 'predecessorUid' | 'successorUid'>, p: number, s: number) =>
  a.predecessorUid === p && a.successorUid === s;

/**
 * A task's entered fields changed as the server changes them: the body read by the same schema
 * (its defaults included), a milestone without duration, progress or duration resetting the
 * remaining duration.
 */
function applyTaskPatch(t: PlanTaskT, body: TaskPatch) {
  const { version: _v, ...patch } = TaskUpdate.parse({ ...body, version: t.version });
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (t as Record<string, unknown>)[k] = v;
  if (patch.milestone === true && patch.duration === undefined) t.duration = 0;
  if (patch.duration !== undefined && patch.duration > 0 && patch.milestone === undefined)
    t.milestone = false;
  if (patch.percentComplete !== undefined || patch.duration !== undefined) t.remainingDuration = null;
}

/** The rows a task spans in `plan`: itself and the deeper tasks after it. */
function subtree(plan: PlanT, uid: number) {
  const i = plan.tasks.findIndex((t) => t.uid === uid);
  if (i < 0) return [0, 0] as const;
  let j = i + 1;
  while (j < plan.tasks.length && plan.tasks[j]!.outlineLevel > plan.tasks[i]!.outlineLevel) j++;
  return [i, j] as const;
}

/**
 * The edits the Gantt makes, each as a PlanEdit for the editor's queue: what it does to the plan
 * (the editor reschedules it in the browser) and the call that makes it.
 */
export const planEdits = (projectId: string) => ({
  updateTask: (uid: number, name: string, body: TaskPatch, structural = false): PlanEdit => ({
    label: `Change ${name}`,
    apply: (p) => applyTaskPatch(taskOf(p, uid), body),
    send: (p) =>
      api.call(routes.plan.updateTask, {
        params: { id: projectId, uid },
        body: { ...body, version: taskOf(p, uid).version },
      }),
    structural,
  }),
  createTask: (body: {
    name: string;
    outlineLevel: number;
    beforeRow?: number;
    duration?: number;
  }): PlanEdit => ({
    label: `Add ${body.name}`,
    send: () => api.call(routes.plan.createTask, { params: { id: projectId }, body }),
    structural: true,
  }),
  deleteTask: (uid: number, name: string): PlanEdit => ({
    label: `Delete ${name}`,
    apply: (p) => {
      const [i, j] = subtree(p, uid);
      const gone = new Set(p.tasks.splice(i, j - i).map((t) => t.uid));
      p.links = p.links.filter((l) => !gone.has(l.predecessorUid) && !gone.has(l.successorUid));
    },
    send: (p) =>
      api.call(routes.plan.deleteTask, {
        params: { id: projectId, uid },
        body: { version: taskOf(p, uid).version },
      }),
    structural: true,
  }),
  createLink: (
    link: Pick<PlanLinkT, 'predecessorUid' | 'successorUid' | 'type'> &
      Partial<Pick<PlanLinkT, 'lag' | 'lagUnit'>>,
  ): PlanEdit => ({
    label: 'Link tasks',
    apply: (p) => {
      p.links.push({ lag: 0, lagUnit: 'd', ...link });
    },
    send: () => api.call(routes.plan.createLink, { params: { id: projectId }, body: link }),
  }),
  updateLink: (link: PlanLinkT, change: Partial<Pick<PlanLinkT, 'type' | 'lag' | 'lagUnit'>>): PlanEdit => ({
    label: 'Change the link',
    apply: (p) => {
      const i = p.links.findIndex((l) => sameLink(l, link.predecessorUid, link.successorUid));
      if (i >= 0) p.links[i] = { ...p.links[i]!, ...change };
    },
    send: () =>
      api.call(routes.plan.updateLink, {
        params: { id: projectId, predecessorUid: link.predecessorUid, successorUid: link.successorUid },
        body: change,
      }),
  }),
  deleteLink: (link: PlanLinkT): PlanEdit => ({
    label: 'Remove link',
    apply: (p) => {
      p.links = p.links.filter((l) => !sameLink(l, link.predecessorUid, link.successorUid));
    },
    send: () =>
      api.call(routes.plan.deleteLink, {
        params: { id: projectId, predecessorUid: link.predecessorUid, successorUid: link.successorUid },
      }),
    removedLinks: [link],
  }),
  setBaseline: (number: number): PlanEdit => ({
    label: `Set baseline ${number}`,
    send: () => api.call(routes.plan.setBaseline, { params: { id: projectId, number } }),
    structural: true,
  }),
  statusDate: (statusDate: string | null): PlanEdit => ({
    label: 'Set the status date',
    apply: (p) => {
      p.statusDate = statusDate;
    },
    send: (p) =>
      api.call(routes.plan.updateSettings, {
        params: { id: projectId },
        body: { statusDate, version: p.version },
      }),
  }),
});

export type PlanEdits = ReturnType<typeof planEdits>;
