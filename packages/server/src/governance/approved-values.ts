import type { ApprovedValuesPut } from '@pharos/api';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { projectApprovedValues } from '../db/schema/index';
import { AppError } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { covers } from '../policy/reach';
import { getProject, iso, loadProject, projectAnchors, warm } from './project-ref';

/*
 * A project's approved values (C9): the budget, dates and scope it was approved with. The first
 * setting is the baseline, made by those who may update the project; after that they change only
 * through approved change requests (change-decisions.ts). Their history is the project's audit
 * trail and its change requests.
 */

export type ApprovedRow = typeof projectApprovedValues.$inferSelect;

export async function approvedValuesOf(tx: Tx, projectId: string, lock = false) {
  const q = tx.select().from(projectApprovedValues).where(eq(projectApprovedValues.projectId, projectId));
  const [row] = await (lock ? q.for('update') : q);
  return row ?? null;
}

/** What a change request changes, as kept in its `applied` record. */
export const snapshotOf = (r: ApprovedRow) => ({
  budget: r.budget,
  currency: r.currency,
  approvedFinish: r.approvedFinish,
  scope: r.scope,
});

const view = (r: ApprovedRow) => ({ ...r, updatedAt: iso(r.updatedAt)! });

export async function getApprovedValues(ctx: Ctx, projectId: string) {
  const project = await getProject(ctx, projectId);
  const row = await approvedValuesOf(ctx.db, projectId);
  const mayUpdate = covers(await ctx.access.reach('project', 'update'), projectAnchors(project));
  return { values: row ? view(row) : null, maySet: !row && mayUpdate };
}

/** Sets the baseline; once set, PUT is refused (changes go through change requests). */
export async function setApprovedValues(
  ctx: Ctx,
  projectId: string,
  body: z.output<typeof ApprovedValuesPut>,
) {
  await warm(ctx, 'project.update');
  await inTx(ctx, async (tx) => {
    const project = await loadProject(ctx, tx, projectId);
    await ctx.access.authorize('project', 'update', projectAnchors(project));
    const [row] = await tx
      .insert(projectApprovedValues)
      .values({ projectId, ...body })
      .onConflictDoNothing()
      .returning();
    if (!row)
      throw new AppError(
        'invalid_state',
        'The approved values are set: change them through a change request',
        'approvedValues',
      );
    // Kept in the project's own history, where people look for it.
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'project',
      entityId: projectId,
      before: { approvedValues: null },
      after: { approvedValues: { ...body } },
    });
  });
  return getApprovedValues(ctx, projectId);
}
