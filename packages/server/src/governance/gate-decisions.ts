import type { GateDecision, GateDecisionBody, GateVoteBody } from '@pharos/api';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { type GateData, gateReviews } from '../db/schema/index';
import { AppError, conflict, forbidden } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { notifyUsers } from '../notify/notifications';
import { getGateReview, loadReview } from './gate-reviews';
import {
  evidenceOf,
  gateSlots,
  gatesOf,
  isLeader,
  mySlots,
  type ReviewRow,
  type StoredVote,
  votesOf,
} from './gate-view';
import { blockersOf, tallyOf } from './lifecycle-checks';
import { changeProject, type ProjectRef, projectAnchors, warm } from './project-ref';
import { openStopRecommendation } from './stop-recommendations';

/*
 * Gate decisions (C9). Each approver of the gate votes go, hold, recycle or stop; when every
 * approver has voted, the decision is recorded (unanimous go is go, any stop is stop, else the
 * most severe of recycle and hold). An approver or a PMO leader may also record the decision
 * directly. A go while required items are missing needs written conditions.
 *
 * What a decision does, in the same transaction:
 *   go      — the project enters the gate's phase (through the registry);
 *   hold    — nothing moves: the project waits at the gate; a new review is opened later;
 *   recycle — nothing moves: the project reworks its current phase and comes back to the gate;
 *   stop    — the project is put on hold and a stop recommendation is opened (or the open one is
 *             kept), for the deciders of stop recommendations to accept (cancelled) or reject.
 */

export async function voteOnGate(ctx: Ctx, id: string, body: z.output<typeof GateVoteBody>) {
  await warm(ctx, 'gateReview.read', 'gateReview.decide');
  await inTx(ctx, async (tx) => {
    const { row, project } = await loadReview(ctx, tx, id);
    await ctx.access.authorize('gateReview', 'decide', projectAnchors(project));
    const { gate } = (await gatesOf(tx, [row])).get(row.id)!;
    const me = ctx.actor!.userId;
    const slots = await mySlots(tx, me, gate, project);
    if (slots.length === 0) throw forbidden(`You are not one of the approvers of the gate ${gate.name}`);
    if (row.state !== 'open') throw new AppError('invalid_state', 'The review is already decided', 'state');
    const vote: StoredVote = {
      approverId: me,
      approverName: ctx.actor!.name,
      slots,
      vote: body.vote,
      comment: body.comment,
      at: new Date().toISOString(),
    };
    const votes = [...votesOf(row).filter((v) => v.approverId !== me), vote];
    await tx
      .update(gateReviews)
      .set({ votes: votes as never, version: sql`${gateReviews.version} + 1`, updatedAt: sql`now()` })
      .where(eq(gateReviews.id, id));
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'gateReview',
      entityId: id,
      before: { vote: votesOf(row).find((v) => v.approverId === me)?.vote ?? null },
      after: { vote: body.vote, comment: body.comment },
    });
    const tally = tallyOf(await gateSlots(tx, gate), votes);
    // A go with required items missing waits for someone to write its conditions.
    if (tally && (tally !== 'go' || blockersOf(gate, evidenceOf(row)).length === 0))
      await applyDecision(ctx, tx, { ...row, version: row.version + 1 }, project, gate, {
        decision: tally,
        conditions: '',
        comment: 'Every approver voted',
      });
  });
  return getGateReview(ctx, id);
}

export async function decideGate(ctx: Ctx, id: string, body: z.output<typeof GateDecisionBody>) {
  await warm(ctx, 'gateReview.read', 'gateReview.decide');
  await inTx(ctx, async (tx) => {
    const { row, project } = await loadReview(ctx, tx, id);
    await ctx.access.authorize('gateReview', 'decide', projectAnchors(project));
    const { gate } = (await gatesOf(tx, [row])).get(row.id)!;
    const me = ctx.actor?.userId;
    if ((await mySlots(tx, me, gate, project)).length === 0 && !(await isLeader(tx, me, project)))
      throw forbidden(`Only an approver of the gate ${gate.name} or a PMO leader records its decision`);
    if (body.version !== row.version) throw conflict('gate review');
    if (row.state !== 'open') throw new AppError('invalid_state', 'The review is already decided', 'state');
    const blockers = blockersOf(gate, evidenceOf(row));
    if (body.decision === 'go' && blockers.length > 0 && !body.conditions.trim())
      throw new AppError(
        'validation_failed',
        `A go with required items missing needs conditions: ${blockers.join('; ')}`,
        'conditions',
      );
    await applyDecision(ctx, tx, row, project, gate, body);
  });
  return getGateReview(ctx, id);
}

async function applyDecision(
  ctx: Ctx,
  tx: Tx,
  row: ReviewRow,
  project: ProjectRef,
  gate: GateData,
  d: { decision: GateDecision; conditions: string; comment: string },
) {
  const [done] = await tx
    .update(gateReviews)
    .set({
      state: 'decided',
      decision: d.decision,
      conditions: d.conditions,
      evidence: { ...(row.evidence as object), decisionNote: d.comment },
      decidedAt: sql`now()`,
      decidedBy: ctx.actor?.userId ?? null,
      version: sql`${gateReviews.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(gateReviews.id, row.id), eq(gateReviews.version, row.version)))
    .returning({ id: gateReviews.id });
  if (!done) throw conflict('gate review');
  await recordAudit(tx, ctx, {
    action: 'update',
    entityType: 'gateReview',
    entityId: row.id,
    before: { state: 'open' },
    after: { state: 'decided', decision: d.decision, conditions: d.conditions, comment: d.comment },
  });
  if (d.decision === 'go') {
    if (project.phase !== row.fromPhase)
      throw new AppError(
        'invalid_state',
        `The project moved to ${project.phase} since the review opened in ${row.fromPhase}: open a new review`,
        'phase',
      );
    await changeProject(ctx, tx, project.id, { phase: row.toPhase });
  }
  if (d.decision === 'stop') {
    if (!['on_hold', 'cancelled', 'completed'].includes(project.status))
      await changeProject(ctx, tx, project.id, { status: 'on_hold' });
    const why = [d.comment, d.conditions].filter((s) => s.trim()).join(' — ');
    await openStopRecommendation(
      ctx,
      tx,
      project,
      `The gate ${gate.name} decided stop${why ? `: ${why}` : ''}`,
    );
  }
  await notifyUsers(ctx, tx, {
    userIds: project.managerId ? [project.managerId] : [],
    kind: 'gate.decided',
    title: `Gate ${gate.name} of ${project.code}: ${d.decision}`,
    body: [
      d.decision === 'go' ? `The project enters ${row.toPhase}.` : '',
      d.conditions ? `Conditions: ${d.conditions}` : '',
      d.comment,
    ]
      .filter(Boolean)
      .join('\n'),
    link: `/projects/${project.id}?tab=governance`,
    subjectType: 'gateReview',
    subjectId: row.id,
  });
}
