import type { ChangeRequest, Role } from '@pharos/api';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { changeRequests } from '../db/schema/index';
import { notFound } from '../errors';
import type { Ctx } from '../http/context';
import { covers } from '../policy/reach';
import {
  getProject,
  iso,
  loadProject,
  type ProjectRef,
  peopleNames,
  projectAnchors,
  projectPlaceOf,
  rolesHeld,
} from './project-ref';

export type ChangeRow = typeof changeRequests.$inferSelect;
export type StoredStep = ChangeRequest['steps'][number];
export const stepsOf = (r: ChangeRow) => r.steps as unknown as StoredStep[];
export const impactOf = (r: ChangeRow) => r.impact as unknown as ChangeRequest['impact'];

/** The step waiting for a decision, if the request is submitted. */
export const currentStepOf = (r: ChangeRow) =>
  r.state === 'submitted' ? (stepsOf(r)[r.currentStep] ?? null) : null;

/** Whether the user holds one of the step's roles over the project. */
export async function mayTakeStep(db: Tx, userId: string | undefined, step: StoredStep, project: ProjectRef) {
  return (await rolesHeld(db, userId, step.roles as Role[], projectPlaceOf(project))).size > 0;
}

/** Change requests as the API shows them, with what the caller may do with each. */
export async function presentChanges(ctx: Ctx, db: Tx, project: ProjectRef, rows: readonly ChangeRow[]) {
  const anchors = projectAnchors(project);
  const can = async (a: 'update' | 'submit' | 'decide') =>
    covers(await ctx.access.reach('changeRequest', a), anchors);
  const [update, submit, decide] = [await can('update'), await can('submit'), await can('decide')];
  const me = ctx.actor?.userId;
  const names = await peopleNames(
    db,
    rows.map((r) => r.requestedBy),
  );
  const out: ChangeRequest[] = [];
  for (const r of rows) {
    const step = currentStepOf(r);
    out.push({
      id: r.id,
      version: r.version,
      archivedAt: iso(r.archivedAt),
      createdAt: iso(r.createdAt)!,
      updatedAt: iso(r.updatedAt)!,
      code: r.code,
      projectId: r.projectId,
      title: r.title,
      description: r.description,
      kinds: r.kinds as ChangeRequest['kinds'],
      impact: impactOf(r),
      state: r.state as ChangeRequest['state'],
      steps: stepsOf(r),
      currentStep: r.currentStep,
      requestedBy: r.requestedBy,
      requestedByName: r.requestedBy ? (names.get(r.requestedBy) ?? null) : null,
      submittedAt: iso(r.submittedAt),
      decidedAt: iso(r.decidedAt),
      applied: (r.applied as ChangeRequest['applied']) ?? null,
      abilities: {
        update: r.state === 'draft' && update,
        submit: r.state === 'draft' && submit,
        withdraw: ['draft', 'submitted'].includes(r.state) && submit && r.requestedBy === me,
        decide: Boolean(step) && decide && (await mayTakeStep(db, me, step!, project)),
      },
    });
  }
  return out;
}

/** The request, locked, with its project, if the caller may see both; else not_found. */
export async function loadChange(ctx: Ctx, tx: Tx, id: string) {
  const [row] = await tx.select().from(changeRequests).where(eq(changeRequests.id, id)).for('update');
  if (!row) throw notFound('Change request');
  const project = await loadProject(ctx, tx, row.projectId);
  if (!(await ctx.access.can('changeRequest', 'read', projectAnchors(project))))
    throw notFound('Change request');
  return { row, project };
}

export async function getChangeRequest(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(changeRequests).where(eq(changeRequests.id, id));
  if (!row) throw notFound('Change request');
  const project = await getProject(ctx, row.projectId).catch(() => {
    throw notFound('Change request');
  });
  if (!(await ctx.access.can('changeRequest', 'read', projectAnchors(project))))
    throw notFound('Change request');
  return (await presentChanges(ctx, ctx.db, project, [row]))[0]!;
}
