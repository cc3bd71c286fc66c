import type { GateDecision, GateReviewOpen, GateReviewUpdate, PhaseTrack, Role } from '@pharos/api';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { gateReviews } from '../db/schema/index';
import { AppError, conflict, notFound } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { notifyUsers } from '../notify/notifications';
import { grantHolders } from '../notify/recipients';
import { covers } from '../policy/reach';
import { evidenceOf, gatesOf, presentReviews } from './gate-view';
import { nextGate, phaseIndex } from './lifecycle-checks';
import { publishedLifecycleFor } from './phase-guard';
import { getProject, loadProject, projectAnchors, projectPlaceOf, warm } from './project-ref';

/*
 * Gate reviews (C9): a project's review of the next gate of its lifecycle, the evidence gathered
 * for it (checklist answers, deliverable links) while it is open, and the project's phase track.
 * Votes and the decision are in gate-decisions.ts.
 */

const ENDED = ['cancelled', 'completed'];

/** The review row, locked, with its project, if the caller may see both; else not_found. */
export async function loadReview(ctx: Ctx, tx: Tx, id: string) {
  const [row] = await tx.select().from(gateReviews).where(eq(gateReviews.id, id)).for('update');
  if (!row) throw notFound('Gate review');
  const project = await loadProject(ctx, tx, row.projectId);
  if (!(await ctx.access.can('gateReview', 'read', projectAnchors(project)))) throw notFound('Gate review');
  return { row, project };
}

export async function getGateReview(ctx: Ctx, id: string) {
  const [row] = await ctx.db.select().from(gateReviews).where(eq(gateReviews.id, id));
  if (!row) throw notFound('Gate review');
  const project = await getProject(ctx, row.projectId).catch(() => {
    throw notFound('Gate review');
  });
  if (!(await ctx.access.can('gateReview', 'read', projectAnchors(project)))) throw notFound('Gate review');
  return (await presentReviews(ctx, ctx.db, project, [row]))[0]!;
}

/** The project's reviews, newest first, if the caller may read them there. */
async function reviewsOf(ctx: Ctx, projectId: string) {
  const project = await getProject(ctx, projectId);
  await ctx.access.authorize('gateReview', 'read', projectAnchors(project));
  const rows = await ctx.db
    .select()
    .from(gateReviews)
    .where(eq(gateReviews.projectId, projectId))
    .orderBy(desc(gateReviews.createdAt), desc(gateReviews.id));
  return { project, rows };
}

export async function listGateReviews(ctx: Ctx, projectId: string) {
  const { project, rows } = await reviewsOf(ctx, projectId);
  return { items: await presentReviews(ctx, ctx.db, project, rows) };
}

/** Opens the review of the project's next gate; its approvers are told. */
export async function openGateReview(ctx: Ctx, projectId: string, body: z.output<typeof GateReviewOpen>) {
  await warm(ctx, 'gateReview.create');
  const id = await inTx(ctx, async (tx) => {
    const project = await loadProject(ctx, tx, projectId);
    await ctx.access.authorize('gateReview', 'create', projectAnchors(project));
    // One open review per project: openings of the same project are serialized.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pharos.gate-review:${projectId}`}))`);
    if (ENDED.includes(project.status))
      throw new AppError('invalid_state', `The project is ${project.status}: no gate is reviewed`, 'status');
    const lc = await publishedLifecycleFor(tx, project.typeId);
    if (!lc)
      throw new AppError(
        'invalid_state',
        'No published lifecycle governs projects of this type: there is no gate to review',
        'typeId',
      );
    const [open] = await tx
      .select({ id: gateReviews.id, toPhase: gateReviews.toPhase })
      .from(gateReviews)
      .where(and(eq(gateReviews.projectId, projectId), eq(gateReviews.state, 'open')));
    if (open)
      throw new AppError(
        'invalid_state',
        `The review of the gate into ${open.toPhase} is still open`,
        'state',
      );
    const next = nextGate(lc.phases, project.phase);
    if (!next)
      throw new AppError('invalid_state', `Lifecycle ${lc.code} has no gate after ${project.phase}`, 'phase');
    const gate = next.gate!;
    const [row] = await tx
      .insert(gateReviews)
      .values({
        projectId,
        lifecycleId: lc.id,
        gateKey: gate.key,
        fromPhase: project.phase,
        toPhase: next.key,
        scheduledOn: body.scheduledOn,
        evidence: { checklist: {}, deliverables: {} },
        votes: [],
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'gateReview',
      entityId: row!.id,
      after: {
        projectId,
        lifecycle: `${lc.code} r${lc.revision}`,
        gate: gate.name,
        from: project.phase,
        to: next.key,
      },
    });
    const approvers = [
      ...(await grantHolders(tx, gate.approverRoles as Role[], projectPlaceOf(project))),
      ...gate.approverIds,
    ];
    await notifyUsers(ctx, tx, {
      userIds: approvers,
      kind: 'gate.review',
      title: `Gate review: ${gate.name} of ${project.code} ${project.name}`,
      body: `The project asks to enter ${next.name}. Review the evidence and vote go, hold, recycle or stop.`,
      link: `/projects/${projectId}?tab=governance`,
      subjectType: 'gateReview',
      subjectId: row!.id,
    });
    return row!.id;
  });
  return getGateReview(ctx, id);
}

/** Changes the evidence or the date of an open review; each evidence part sent replaces that part. */
export async function updateGateReview(ctx: Ctx, id: string, body: z.output<typeof GateReviewUpdate>) {
  await warm(ctx, 'gateReview.read', 'gateReview.update');
  await inTx(ctx, async (tx) => {
    const { row, project } = await loadReview(ctx, tx, id);
    await ctx.access.authorize('gateReview', 'update', projectAnchors(project));
    if (body.version !== row.version) throw conflict('gate review');
    if (row.state !== 'open')
      throw new AppError('invalid_state', 'The review is decided: its evidence is kept as it was', 'state');
    const { gate } = (await gatesOf(tx, [row])).get(row.id)!;
    const before = evidenceOf(row);
    const after = { ...before };
    if (body.evidence?.checklist) {
      const bad = Object.keys(body.evidence.checklist).find((k) => !gate.checklist.some((c) => c.id === k));
      if (bad)
        throw new AppError(
          'validation_failed',
          `The gate has no checklist item ${bad}`,
          `evidence.checklist.${bad}`,
        );
      after.checklist = body.evidence.checklist;
    }
    if (body.evidence?.deliverables) {
      const bad = Object.keys(body.evidence.deliverables).find(
        (k) => !gate.deliverables.some((d) => d.id === k),
      );
      if (bad)
        throw new AppError(
          'validation_failed',
          `The gate has no deliverable ${bad}`,
          `evidence.deliverables.${bad}`,
        );
      after.deliverables = body.evidence.deliverables;
    }
    const scheduledOn = body.scheduledOn !== undefined ? body.scheduledOn : row.scheduledOn;
    const [done] = await tx
      .update(gateReviews)
      .set({ evidence: after, scheduledOn, version: sql`${gateReviews.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(gateReviews.id, id), eq(gateReviews.version, body.version)))
      .returning({ id: gateReviews.id });
    if (!done) throw conflict('gate review');
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'gateReview',
      entityId: id,
      before: { evidence: before, scheduledOn: row.scheduledOn },
      after: { evidence: after, scheduledOn },
    });
  });
  return getGateReview(ctx, id);
}

/** The lifecycle's phases for this project: where it stands, each gate's last review, what is next. */
export async function phaseTrack(ctx: Ctx, projectId: string): Promise<PhaseTrack> {
  type Phase = PhaseTrack['phase'];
  const { project, rows } = await reviewsOf(ctx, projectId);
  const lc = await publishedLifecycleFor(ctx.db, project.typeId);
  const open = rows.find((r) => r.state === 'open') ?? null;
  const at = phaseIndex(project.phase);
  // Rows are newest first: the first one into a phase is its gate's last review.
  const last = (key: string) => rows.find((r) => r.toPhase === key) ?? null;
  const phases = (lc?.phases ?? []).map((p) => {
    const r = p.gate ? last(p.key) : null;
    const i = phaseIndex(p.key);
    return {
      key: p.key as Phase,
      name: p.name,
      gate: p.gate as PhaseTrack['phases'][number]['gate'],
      position: i < at ? ('done' as const) : i === at ? ('current' as const) : ('upcoming' as const),
      lastReview: r
        ? {
            id: r.id,
            state: r.state,
            decision: (r.decision as GateDecision | null) ?? null,
            decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
          }
        : null,
    };
  });
  const next = lc ? nextGate(lc.phases, project.phase) : null;
  const mayCreate = covers(await ctx.access.reach('gateReview', 'create'), projectAnchors(project));
  return {
    projectId,
    phase: project.phase as Phase,
    lifecycle: lc ? { id: lc.id, code: lc.code, name: lc.name, revision: lc.revision } : null,
    phases,
    nextGate: next ? { key: next.gate!.key, name: next.gate!.name, toPhase: next.key as Phase } : null,
    openReviewId: open?.id ?? null,
    mayOpen: Boolean(next) && !open && mayCreate && !ENDED.includes(project.status),
  };
}
