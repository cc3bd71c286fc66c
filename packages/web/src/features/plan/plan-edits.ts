import { type PlanLinkT, type PlanT, type PlanTaskT, routes, type TaskUpdate } from '@pharos/api';
import type { z } from 'zod';
import { api } from '../../api/client';
import { patchTasks } from './plan-cache';
import type { PlanEdit } from './plan-editor';

type TaskPatch = Omit<z.input<typeof TaskUpdate>, 'version'>;

const taskOf = (plan: PlanT, uid: number): PlanTaskT => {
  const t = plan.tasks.find((x) => x.uid === uid);
  if (!t) throw new Error('This task is no longer in the plan.');
  return t;
};

/** The edits the Gantt makes, each as a PlanEdit for the editor's queue. */
export const planEdits = (projectId: string) => ({
  updateTask: (
    uid: number,
    name: string,
    body: TaskPatch,
    show?: Partial<PlanTaskT>,
    structural = false,
  ): PlanEdit => ({
    label: `Change ${name}`,
    optimistic: show ? (p) => patchTasks(p, uid, show) : undefined,
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
    optimistic: (p) => ({ ...p, tasks: p.tasks.filter((t) => t.uid !== uid) }),
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
    optimistic: (p) => ({ ...p, links: [...p.links, { lag: 0, lagUnit: 'd', ...link }] }),
    send: () => api.call(routes.plan.createLink, { params: { id: projectId }, body: link }),
  }),
  updateLink: (link: PlanLinkT, change: Partial<Pick<PlanLinkT, 'type' | 'lag' | 'lagUnit'>>): PlanEdit => ({
    label: 'Change the link',
    send: () =>
      api.call(routes.plan.updateLink, {
        params: { id: projectId, predecessorUid: link.predecessorUid, successorUid: link.successorUid },
        body: change,
      }),
  }),
  deleteLink: (link: PlanLinkT): PlanEdit => ({
    label: 'Remove link',
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
    optimistic: (p) => ({ ...p, statusDate }),
    send: (p) =>
      api.call(routes.plan.updateSettings, {
        params: { id: projectId },
        body: { statusDate, version: p.version },
      }),
  }),
});

export type PlanEdits = ReturnType<typeof planEdits>;
