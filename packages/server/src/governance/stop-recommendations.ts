import type { StopDecisionBody, StopRecommendation } from '@pharos/api';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { stopRecommendations } from '../db/schema/index';
import { AppError, conflict, notFound } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { notifyUsers } from '../notify/notifications';
import { grantHolders } from '../notify/recipients';
import { covers } from '../policy/reach';
import {
  changeProject,
  getProject,
  iso,
  loadProject,
  type ProjectRef,
  peopleNames,
  projectAnchors,
  projectPlaceOf,
  warm,
} from './project-ref';

/*
 * Stop recommendations (C9): the PMO recommends that a project be stopped, with its reason; the
 * deciders accept (the project is cancelled, through the registry) or reject it, and the outcome is
 * kept. One recommendation is open per project at a time. A gate's stop decision opens one too.
 */

type Row = typeof stopRecommendations.$inferSelect;
const ENDED = ['cancelled', 'completed'];

async function present(ctx: Ctx, db: Tx, project: ProjectRef, rows: Row[]): Promise<StopRecommendation[]> {
  const names = await peopleNames(
    db,
    rows.flatMap((r) => [r.recommendedBy, r.decidedBy]),
  );
  const anchors = projectAnchors(project);
  const decide = covers(await ctx.access.reach('stopRecommendation', 'decide'), anchors);
  const create = covers(await ctx.access.reach('stopRecommendation', 'create'), anchors);
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    projectId: r.projectId,
    reason: r.reason,
    recommendedBy: r.recommendedBy,
    recommendedByName: r.recommendedBy ? (names.get(r.recommendedBy) ?? null) : null,
    state: r.state as StopRecommendation['state'],
    outcome: r.outcome,
    decidedBy: r.decidedBy,
    decidedByName: r.decidedBy ? (names.get(r.decidedBy) ?? null) : null,
    decidedAt: iso(r.decidedAt),
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
    abilities: { decide: r.state === 'open' && decide, withdraw: r.state === 'open' && create },
  }));
}

export async function listStopRecommendations(ctx: Ctx, projectId: string) {
  const project = await getProject(ctx, projectId);
  await ctx.access.authorize('stopRecommendation', 'read', projectAnchors(project));
  const rows = await ctx.db
    .select()
    .from(stopRecommendations)
    .where(eq(stopRecommendations.projectId, projectId))
    .orderBy(desc(stopRecommendations.createdAt), desc(stopRecommendations.id));
  return { items: await present(ctx, ctx.db, project, rows) };
}

async function getOne(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(stopRecommendations).where(eq(stopRecommendations.id, id));
  if (!row) throw notFound('Stop recommendation');
  const project = await getProject(ctx, row.projectId);
  if (!(await ctx.access.can('stopRecommendation', 'read', projectAnchors(project))))
    throw notFound('Stop recommendation');
  return (await present(ctx, ctx.db, project, [row]))[0]!;
}

/**
 * Opens a recommendation to stop the project, in the caller's transaction, unless one is open
 * already (then that one stands); the sponsor, the manager and the portfolio managers are told.
 */
export async function openStopRecommendation(ctx: Ctx, tx: Tx, project: ProjectRef, reason: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pharos.stop:${project.id}`}))`);
  const [open] = await tx
    .select({ id: stopRecommendations.id })
    .from(stopRecommendations)
    .where(and(eq(stopRecommendations.projectId, project.id), eq(stopRecommendations.state, 'open')));
  if (open) return { id: open.id, created: false };
  const [row] = await tx
    .insert(stopRecommendations)
    .values({ projectId: project.id, reason, recommendedBy: ctx.actor?.userId ?? null })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'create',
    entityType: 'stopRecommendation',
    entityId: row!.id,
    after: { projectId: project.id, reason },
  });
  const portfolioManagers = await grantHolders(tx, ['portfolio_manager'], projectPlaceOf(project));
  await notifyUsers(ctx, tx, {
    userIds: [project.sponsorId, project.managerId, ...portfolioManagers].filter((x): x is string => !!x),
    kind: 'stop.recommended',
    title: `Recommendation to stop ${project.code} ${project.name}`,
    body: reason,
    link: `/projects/${project.id}?tab=governance`,
    subjectType: 'stopRecommendation',
    subjectId: row!.id,
  });
  return { id: row!.id, created: true };
}

export async function recommendStop(ctx: Ctx, projectId: string, reason: string) {
  await warm(ctx, 'stopRecommendation.create');
  const id = await inTx(ctx, async (tx) => {
    const project = await loadProject(ctx, tx, projectId);
    await ctx.access.authorize('stopRecommendation', 'create', projectAnchors(project));
    if (ENDED.includes(project.status))
      throw new AppError('invalid_state', `The project is already ${project.status}`, 'status');
    const out = await openStopRecommendation(ctx, tx, project, reason);
    if (!out.created)
      throw new AppError('invalid_state', 'A recommendation to stop this project is already open', 'state');
    return out.id;
  });
  return getOne(ctx, id);
}

async function loadLocked(ctx: Ctx, tx: Tx, id: string) {
  const [row] = await tx
    .select()
    .from(stopRecommendations)
    .where(eq(stopRecommendations.id, id))
    .for('update');
  if (!row) throw notFound('Stop recommendation');
  const project = await loadProject(ctx, tx, row.projectId);
  if (!(await ctx.access.can('stopRecommendation', 'read', projectAnchors(project))))
    throw notFound('Stop recommendation');
  return { row, project };
}

async function close(tx: Tx, row: Row, state: string, outcome: string, by: string | null) {
  const [done] = await tx
    .update(stopRecommendations)
    .set({
      state,
      outcome,
      decidedBy: by,
      decidedAt: sql`now()`,
      version: sql`${stopRecommendations.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(stopRecommendations.id, row.id), eq(stopRecommendations.version, row.version)))
    .returning({ id: stopRecommendations.id });
  if (!done) throw conflict('stop recommendation');
}

/** Accept (the project is cancelled) or reject, with the outcome written down. */
export async function decideStop(ctx: Ctx, id: string, body: z.output<typeof StopDecisionBody>) {
  await warm(ctx, 'stopRecommendation.read', 'stopRecommendation.decide');
  await inTx(ctx, async (tx) => {
    const { row, project } = await loadLocked(ctx, tx, id);
    await ctx.access.authorize('stopRecommendation', 'decide', projectAnchors(project));
    if (body.version !== row.version) throw conflict('stop recommendation');
    if (row.state !== 'open')
      throw new AppError('invalid_state', `The recommendation is ${row.state}`, 'state');
    const state = body.decision === 'accept' ? 'accepted' : 'rejected';
    await close(tx, row, state, body.outcome, ctx.actor?.userId ?? null);
    if (state === 'accepted' && !ENDED.includes(project.status))
      await changeProject(ctx, tx, project.id, { status: 'cancelled' });
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'stopRecommendation',
      entityId: id,
      before: { state: 'open', projectStatus: project.status },
      after: {
        state,
        outcome: body.outcome,
        projectStatus: state === 'accepted' ? 'cancelled' : project.status,
      },
    });
  });
  return getOne(ctx, id);
}

export async function withdrawStop(ctx: Ctx, id: string, version: number) {
  await warm(ctx, 'stopRecommendation.read', 'stopRecommendation.create');
  await inTx(ctx, async (tx) => {
    const { row, project } = await loadLocked(ctx, tx, id);
    await ctx.access.authorize('stopRecommendation', 'create', projectAnchors(project));
    if (version !== row.version) throw conflict('stop recommendation');
    if (row.state !== 'open')
      throw new AppError('invalid_state', `The recommendation is ${row.state}`, 'state');
    await close(tx, row, 'withdrawn', 'Withdrawn', ctx.actor?.userId ?? null);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'stopRecommendation',
      entityId: id,
      before: { state: 'open' },
      after: { state: 'withdrawn' },
    });
  });
  return getOne(ctx, id);
}
