import {
  ProjectCreate,
  type ProposalConvert,
  type ProposalStatus,
  type ProposalTransition,
  proposalStatusLabels,
  proposalSteps,
} from '@pharos/api';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Db, Tx } from '../db/connect';
import { proposals, proposalTransitions } from '../db/schema/index';
import { AppError, conflict } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { registry } from '../registry/routes';
import { addMonths, lastDayOf } from './common';
import { type ProposalRow, proposalAnchors, proposalService } from './proposal-spec';
import { getProposal } from './proposals';
import { frameworksById, scoreResult, scoresOf } from './scores';

const label = (s: ProposalStatus) => proposalStatusLabels[s].toLowerCase();
const decisions: readonly ProposalStatus[] = ['approved', 'rejected', 'deferred'];

/**
 * Moves a proposal one step along the pipeline. The step must start from its status; the caller
 * needs the step's permission where the proposal sits; rejecting and deferring need a reason;
 * scored, shortlisted and approved need it fully scored with its framework (shortlisting and
 * approving a mandatory proposal do not). The move is kept as a transition and in the audit trail.
 */
export async function transition(ctx: Ctx, id: string, body: z.output<typeof ProposalTransition>) {
  // The grant trees are read before the transaction: the embedded database has one connection.
  await ctx.access.reach('proposal', 'read');
  await inTx(ctx, async (tx) => {
    const p = (await proposalService.load(ctx, tx, id, true)) as ProposalRow;
    if (p.archivedAt) throw new AppError('archived', 'This proposal is archived; restore it first');
    const step = proposalSteps.find((s) => s.from === p.status && s.to === body.to);
    if (!step) {
      const next = proposalSteps.filter((s) => s.from === p.status).map((s) => label(s.to));
      throw new AppError(
        'invalid_state',
        `A proposal that is ${label(p.status)} cannot become ${label(body.to)}${next.length ? `; it can become ${next.join(', ')}` : ''}`,
        'to',
      );
    }
    await ctx.access.authorize('proposal', step.action, proposalAnchors(p));
    if (body.version !== p.version) throw conflict('proposal');
    if ((body.to === 'rejected' || body.to === 'deferred') && !body.reason)
      throw new AppError('validation_failed', `Say why the proposal is ${label(body.to)}`, 'reason');
    if (body.to === 'scored' || ((body.to === 'shortlisted' || body.to === 'approved') && !p.mandatory))
      await requireScored(tx, p, body.to);
    await move(ctx, tx, p, body.to, body.reason);
  });
  return getProposal(ctx, id);
}

/** Writes the move: status, reason, submission and decision times, the transition and audit rows. */
async function move(
  ctx: Ctx,
  tx: Tx,
  p: ProposalRow,
  to: ProposalStatus,
  reason: string,
  extra: { projectId?: string } = {},
) {
  const [after] = await tx
    .update(proposals)
    .set({
      ...extra,
      status: to,
      statusReason: to === 'rejected' || to === 'deferred' ? reason : '',
      submittedAt: to === 'submitted' ? sql`coalesce(${proposals.submittedAt}, now())` : undefined,
      decidedAt: decisions.includes(to) ? sql`now()` : undefined,
      version: sql`${proposals.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(proposals.id, p.id), eq(proposals.version, p.version)))
    .returning({ version: proposals.version });
  if (!after) throw conflict('proposal');
  await tx.insert(proposalTransitions).values({
    proposalId: p.id,
    fromStatus: p.status,
    toStatus: to,
    reason,
    actorId: ctx.actor?.userId ?? null,
  });
  await recordAudit(tx, ctx, {
    action: 'update',
    entityType: 'proposal',
    entityId: p.id,
    before: { status: p.status, version: p.version },
    after: { status: to, ...(reason ? { reason } : {}), ...extra, version: after.version },
  });
}

/** Refuses unless every criterion of the proposal's framework has a score, saying what is missing. */
async function requireScored(tx: Tx, p: ProposalRow, to: ProposalStatus) {
  if (!p.frameworkId)
    throw new AppError(
      'invalid_state',
      `Choose the proposal's scoring framework and score it before it is ${label(to)}`,
      'frameworkId',
    );
  const fw = (await frameworksById(tx, [p.frameworkId])).get(p.frameworkId)!;
  const result = scoreResult(fw.ev, p.id, (await scoresOf(tx, [p])).get(p.id) ?? []);
  if (!result)
    throw new AppError('invalid_state', fw.ev.error?.message ?? 'The framework is not usable', 'frameworkId');
  if (!result.scored) {
    const names = result.missing.map((c) => fw.ev.engine.criteria.find((x) => x.id === c)?.name ?? c);
    throw new AppError(
      'invalid_state',
      `It cannot be ${label(to)} before it is fully scored with ${fw.row.code} revision ${fw.row.revision}: nobody has scored ${names.join(', ')} yet`,
      'to',
    );
  }
}

/**
 * Turns an approved proposal into a project, in one transaction: the project is created through
 * the registry (so the caller needs to be allowed to create it there, and it is audited), planned
 * from the first day of its start month to the last day of its last month.
 */
export async function convert(ctx: Ctx, id: string, body: z.output<typeof ProposalConvert>) {
  let projectId = '';
  await inTx(ctx, async (tx) => {
    const p = (await proposalService.load(ctx, tx, id, true)) as ProposalRow;
    await ctx.access.authorize('proposal', 'convert', proposalAnchors(p));
    if (p.archivedAt) throw new AppError('archived', 'This proposal is archived; restore it first');
    if (body.version !== p.version) throw conflict('proposal');
    if (p.status !== 'approved')
      throw new AppError(
        'invalid_state',
        `Only an approved proposal becomes a project; this one is ${label(p.status)}`,
        'status',
      );
    const typeId = body.typeId ?? (p.typeId as string | null);
    if (!typeId) throw new AppError('validation_failed', 'Choose the type of project it becomes', 'typeId');
    const start = body.start ?? (p.earliestStart as string);
    const parsed = ProjectCreate.safeParse({
      code: body.code ?? p.code,
      name: p.title,
      typeId,
      phase: 'initiation',
      status: 'active',
      officeId: p.officeId,
      orgUnitId: p.orgUnitId,
      portfolioId: body.portfolioId !== undefined ? body.portfolioId : p.portfolioId,
      programId: body.programId ?? null,
      sponsorId: p.sponsorId,
      managerId: body.managerId ?? null,
      plannedStart: `${start}-01`,
      plannedFinish: lastDayOf(addMonths(start, (p.durationMonths as number) - 1)),
      objectiveIds: p.objectiveIds,
      description: [p.problem, p.outcome && `Expected outcome: ${p.outcome}`].filter(Boolean).join('\n\n'),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new AppError('validation_failed', issue.message, issue.path.join('.') || undefined);
    }
    // The registry's own use case, inside this transaction (its own becomes a savepoint).
    const project = await registry.project.create({ ...ctx, db: tx as Db }, parsed.data);
    projectId = project.id as string;
    await move(ctx, tx, p, 'converted', '', { projectId });
  });
  return { proposal: await getProposal(ctx, id), projectId };
}
