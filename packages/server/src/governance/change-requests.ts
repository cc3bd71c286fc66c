import type { ChangeRequestCreate, ChangeRequestListQuery, ChangeRequestUpdate, Role } from '@pharos/api';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { changeRequests } from '../db/schema/index';
import { AppError, conflict, forbidden } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { notifyUsers } from '../notify/notifications';
import { grantHolders } from '../notify/recipients';
import { approvedValuesOf } from './approved-values';
import { effectiveAuthority } from './authority';
import { kindsOf, measureChange, routeChange } from './authority-rules';
import {
  type ChangeRow,
  getChangeRequest,
  impactOf,
  loadChange,
  presentChanges,
  type StoredStep,
} from './change-view';
import {
  getProject,
  loadProject,
  type ProjectRef,
  projectAnchors,
  projectPlaceOf,
  warm,
} from './project-ref';

/*
 * Change requests (C9): drafted with their impact on the approved values, submitted (the approval
 * steps then follow from the office's authority thresholds), decided step by step
 * (change-decisions.ts), or withdrawn by the requester.
 */

type Impact = z.output<typeof ChangeRequestCreate>['impact'];

function checkImpact(impact: Impact) {
  const kinds = kindsOf(impact);
  if (kinds.length === 0)
    throw new AppError(
      'validation_failed',
      'Say what changes: a budget change, days the finish moves, or a scope change',
      'impact',
    );
  return kinds;
}

export async function listChangeRequests(
  ctx: Ctx,
  projectId: string,
  q: z.output<typeof ChangeRequestListQuery>,
) {
  const project = await getProject(ctx, projectId);
  await ctx.access.authorize('changeRequest', 'read', projectAnchors(project));
  const rows = await ctx.db
    .select()
    .from(changeRequests)
    .where(
      and(eq(changeRequests.projectId, projectId), q.state ? eq(changeRequests.state, q.state) : undefined),
    )
    .orderBy(desc(changeRequests.createdAt), desc(changeRequests.code));
  return { items: await presentChanges(ctx, ctx.db, project, rows) };
}

/** The next free code CR-0001, CR-0002, … (numbering is serialized by a transaction lock). */
async function nextCode(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('pharos.change-request-code'))`);
  const res = await tx.execute<{ n: number }>(
    sql`select coalesce(max(substring(code from 4)::int), 0)::int as n from change_requests where code ~ '^CR-[0-9]{1,9}$'`,
  );
  return `CR-${String((res.rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}

export async function createChangeRequest(
  ctx: Ctx,
  projectId: string,
  body: z.output<typeof ChangeRequestCreate>,
) {
  await warm(ctx, 'changeRequest.create');
  const kinds = checkImpact(body.impact);
  const id = await inTx(ctx, async (tx) => {
    const project = await loadProject(ctx, tx, projectId);
    await ctx.access.authorize('changeRequest', 'create', projectAnchors(project));
    const code = await nextCode(tx);
    const [row] = await tx
      .insert(changeRequests)
      .values({
        code,
        projectId,
        title: body.title,
        description: body.description,
        kinds,
        impact: body.impact,
        requestedBy: ctx.actor?.userId ?? null,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'changeRequest',
      entityId: row!.id,
      after: { code, projectId, title: body.title, kinds, impact: body.impact },
    });
    return row!.id;
  });
  return getChangeRequest(ctx, id);
}

export async function updateChangeRequest(ctx: Ctx, id: string, body: z.output<typeof ChangeRequestUpdate>) {
  await warm(ctx, 'changeRequest.read', 'changeRequest.update');
  await inTx(ctx, async (tx) => {
    const { row, project } = await loadChange(ctx, tx, id);
    await ctx.access.authorize('changeRequest', 'update', projectAnchors(project));
    if (body.version !== row.version) throw conflict('change request');
    if (row.state !== 'draft')
      throw new AppError(
        'invalid_state',
        `The change request is ${row.state}: only a draft changes`,
        'state',
      );
    const impact = body.impact ?? impactOf(row);
    const after = {
      title: body.title ?? row.title,
      description: body.description ?? row.description,
      impact,
      kinds: checkImpact(impact),
    };
    const [done] = await tx
      .update(changeRequests)
      .set({ ...after, version: sql`${changeRequests.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(changeRequests.id, id), eq(changeRequests.version, body.version)))
      .returning({ id: changeRequests.id });
    if (!done) throw conflict('change request');
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'changeRequest',
      entityId: id,
      before: { title: row.title, description: row.description, impact: row.impact },
      after,
    });
  });
  return getChangeRequest(ctx, id);
}

/** Tells the people who may take the step that it waits for them. */
export async function askApprovers(ctx: Ctx, tx: Tx, row: ChangeRow, project: ProjectRef, step: StoredStep) {
  await notifyUsers(ctx, tx, {
    userIds: await grantHolders(tx, step.roles as Role[], projectPlaceOf(project)),
    kind: 'change.approval',
    title: `${row.code} waits for your approval (${step.label}): ${row.title}`,
    body: `Change request on ${project.code} ${project.name}. ${step.reason}.`,
    link: `/projects/${project.id}?tab=governance`,
    subjectType: 'changeRequest',
    subjectId: row.id,
  });
}

/**
 * Submits a draft: the approval steps follow from the authority thresholds of the project's office
 * and the impact measured against the approved values, which must be set.
 */
export async function submitChangeRequest(ctx: Ctx, id: string, version: number) {
  await warm(ctx, 'changeRequest.read', 'changeRequest.submit');
  await inTx(ctx, async (tx) => {
    const { row, project } = await loadChange(ctx, tx, id);
    await ctx.access.authorize('changeRequest', 'submit', projectAnchors(project));
    if (version !== row.version) throw conflict('change request');
    if (row.state !== 'draft')
      throw new AppError('invalid_state', `The change request is already ${row.state}`, 'state');
    const approved = await approvedValuesOf(tx, project.id);
    if (!approved)
      throw new AppError(
        'invalid_state',
        "Set the project's approved values (its baseline) before submitting a change to them",
        'approvedValues',
      );
    const impact = impactOf(row);
    const measured = measureChange(impact, approved.budget);
    if (measured.kinds.includes('schedule') && !approved.approvedFinish)
      throw new AppError(
        'invalid_state',
        'The approved values have no finish date for this change to move',
        'approvedValues.approvedFinish',
      );
    if (approved.budget + (impact.budgetDelta ?? 0) < 0)
      throw new AppError(
        'validation_failed',
        'The approved budget cannot become negative',
        'impact.budgetDelta',
      );
    const authority = await effectiveAuthority(tx, project.officeId);
    const routed = routeChange(authority.rules, measured);
    if ('uncovered' in routed)
      throw new AppError(
        'invalid_state',
        `${routed.uncovered}: ask the PMO to complete the office's authority thresholds`,
        'impact',
      );
    for (const [i, s] of routed.steps.entries())
      if ((await grantHolders(tx, s.roles, projectPlaceOf(project))).length === 0)
        throw new AppError(
          'invalid_state',
          `Nobody holds ${s.label} (${s.roles.join(' or ')}) over this project to approve step ${i + 1}`,
          `steps.${i}`,
        );
    const steps: StoredStep[] = routed.steps.map((s) => ({
      ...s,
      decision: null,
      by: null,
      byName: null,
      at: null,
      comment: '',
    }));
    await tx
      .update(changeRequests)
      .set({
        state: 'submitted',
        steps: steps as never,
        currentStep: 0,
        kinds: measured.kinds,
        submittedAt: sql`now()`,
        version: sql`${changeRequests.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(changeRequests.id, id));
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'changeRequest',
      entityId: id,
      before: { state: 'draft' },
      after: { state: 'submitted', steps: steps.map((s) => s.label), authority: authority.source },
    });
    await askApprovers(ctx, tx, row, project, steps[0]!);
  });
  return getChangeRequest(ctx, id);
}

/** The requester withdraws their request before it is decided. */
export async function withdrawChangeRequest(ctx: Ctx, id: string, version: number) {
  await warm(ctx, 'changeRequest.read', 'changeRequest.submit');
  await inTx(ctx, async (tx) => {
    const { row, project } = await loadChange(ctx, tx, id);
    await ctx.access.authorize('changeRequest', 'submit', projectAnchors(project));
    if (row.requestedBy !== ctx.actor?.userId)
      throw forbidden('Only the requester withdraws a change request');
    if (version !== row.version) throw conflict('change request');
    if (!['draft', 'submitted'].includes(row.state))
      throw new AppError('invalid_state', `The change request is already ${row.state}`, 'state');
    await tx
      .update(changeRequests)
      .set({
        state: 'withdrawn',
        decidedAt: sql`now()`,
        version: sql`${changeRequests.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(changeRequests.id, id));
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'changeRequest',
      entityId: id,
      before: { state: row.state },
      after: { state: 'withdrawn' },
    });
  });
  return getChangeRequest(ctx, id);
}
