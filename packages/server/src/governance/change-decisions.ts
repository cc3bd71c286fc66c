import type { ChangeDecisionBody } from '@pharos/api';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { changeRequests, projectApprovedValues } from '../db/schema/index';
import { AppError, conflict, forbidden } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { notifyUsers } from '../notify/notifications';
import { approvedValuesOf, snapshotOf } from './approved-values';
import { askApprovers } from './change-requests';
import {
  type ChangeRow,
  currentStepOf,
  getChangeRequest,
  impactOf,
  loadChange,
  mayTakeStep,
  type StoredStep,
  stepsOf,
} from './change-view';
import { type ProjectRef, projectAnchors, warm } from './project-ref';

/*
 * Deciding a change request (C9): each step in order, by a holder of one of its roles over the
 * project. A rejection at any step ends it; the last approval applies the change to the project's
 * approved values in the same transaction and keeps them before and after. Every step keeps who
 * decided and when.
 */

export async function decideChange(ctx: Ctx, id: string, body: z.output<typeof ChangeDecisionBody>) {
  await warm(ctx, 'changeRequest.read', 'changeRequest.decide');
  await inTx(ctx, async (tx) => {
    const { row, project } = await loadChange(ctx, tx, id);
    await ctx.access.authorize('changeRequest', 'decide', projectAnchors(project));
    const step = currentStepOf(row);
    if (!step)
      throw new AppError('invalid_state', `The change request is ${row.state}: no step waits`, 'state');
    if (!(await mayTakeStep(tx, ctx.actor?.userId, step, project)))
      throw forbidden(
        `Step ${row.currentStep + 1} (${step.label}) is for ${step.roles.join(' or ')} over the project`,
      );
    if (body.version !== row.version) throw conflict('change request');
    const steps = stepsOf(row).map((s, i) =>
      i === row.currentStep
        ? {
            ...s,
            decision: body.decision,
            by: ctx.actor!.userId,
            byName: ctx.actor!.name,
            at: new Date().toISOString(),
            comment: body.comment,
          }
        : s,
    );
    const last = row.currentStep === steps.length - 1;
    const state = body.decision === 'reject' ? 'rejected' : last ? 'approved' : 'submitted';
    const applied = state === 'approved' ? await applyChange(ctx, tx, row) : null;
    await tx
      .update(changeRequests)
      .set({
        steps: steps as never,
        state,
        currentStep: state === 'submitted' ? row.currentStep + 1 : row.currentStep,
        decidedAt: state === 'submitted' ? null : sql`now()`,
        applied,
        version: sql`${changeRequests.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(changeRequests.id, id));
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'changeRequest',
      entityId: id,
      before: { state: row.state, step: row.currentStep + 1 },
      after: { state, step: row.currentStep + 1, decision: body.decision, comment: body.comment },
    });
    if (state === 'submitted') await askApprovers(ctx, tx, row, project, steps[row.currentStep + 1]!);
    else await tellRequester(ctx, tx, row, project, state, steps[row.currentStep]!);
  });
  return getChangeRequest(ctx, id);
}

/** Applies an approved change to the approved values: budget += delta, finish moved, scope appended. */
async function applyChange(ctx: Ctx, tx: Tx, row: ChangeRow) {
  const before = await approvedValuesOf(tx, row.projectId, true);
  if (!before)
    throw new AppError('invalid_state', "The project's approved values are not set", 'approvedValues');
  const impact = impactOf(row);
  const budget = before.budget + (impact.budgetDelta ?? 0);
  if (budget < 0)
    throw new AppError('invalid_state', 'The approved budget would become negative', 'impact.budgetDelta');
  const approvedFinish =
    impact.finishDeltaDays && before.approvedFinish
      ? addDays(before.approvedFinish, impact.finishDeltaDays)
      : before.approvedFinish;
  const scope = impact.scopeChange.trim()
    ? [before.scope.trim(), `${row.code} ${row.title}: ${impact.scopeChange.trim()}`]
        .filter(Boolean)
        .join('\n\n')
    : before.scope;
  const [after] = await tx
    .update(projectApprovedValues)
    .set({
      budget,
      approvedFinish,
      scope,
      version: sql`${projectApprovedValues.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(eq(projectApprovedValues.projectId, row.projectId))
    .returning();
  const applied = { before: snapshotOf(before), after: snapshotOf(after!) };
  await recordAudit(tx, ctx, {
    action: 'update',
    entityType: 'project',
    entityId: row.projectId,
    before: { approvedValues: applied.before },
    after: { approvedValues: applied.after, by: row.code },
  });
  return applied;
}

/** `YYYY-MM-DD` plus `n` calendar days. */
export function addDays(date: string, n: number) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

async function tellRequester(
  ctx: Ctx,
  tx: Tx,
  row: ChangeRow,
  project: ProjectRef,
  state: 'approved' | 'rejected',
  step: StoredStep,
) {
  if (!row.requestedBy) return;
  await notifyUsers(ctx, tx, {
    userIds: [row.requestedBy],
    kind: 'change.decided',
    title: `${row.code} ${state}: ${row.title}`,
    body: `${step.label} ${state === 'approved' ? 'approved it; the approved values are updated' : 'rejected it'}.${
      step.comment ? ` ${step.comment}` : ''
    }`,
    link: `/projects/${project.id}?tab=governance`,
    subjectType: 'changeRequest',
    subjectId: row.id,
  });
}
