import {
  type Page,
  type Proposal,
  type ProposalCreate,
  type ProposalDetail,
  type ProposalUpdate,
  proposalStatusLabels,
} from '@pharos/api';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import { proposals, proposalTransitions } from '../db/schema/index';
import { AppError, conflict, forbidden } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { labelsOf } from '../registry/labels';
import { checkRefs } from '../registry/refs';
import type { ListParams } from '../registry/service';
import type { Row } from '../registry/spec';
import { checkProposalLinks } from './proposal-checks';
import {
  type ProposalRow,
  proposalAnchors,
  proposalSpec,
  requesterEditable,
  proposalService as svc,
} from './proposal-spec';
import { type Presented, viewProposals } from './proposal-view';

// The shapes below are checked by each route's response schema, as the registry's are.
export async function listProposals(ctx: Ctx, q: ListParams): Promise<Page<Proposal>> {
  const page = await svc.list(ctx, q);
  const items = await viewProposals(ctx, page.items as Presented[]);
  return { ...page, items: items as unknown as Proposal[] };
}

/** One proposal with its measures, score and the moves it made along the pipeline. */
export async function getProposal(ctx: Ctx, id: string): Promise<ProposalDetail> {
  const [item] = await viewProposals(ctx, [(await svc.get(ctx, id)) as Presented]);
  return { ...(item as unknown as Proposal), transitions: await transitionsOf(ctx, id) };
}

async function transitionsOf(ctx: Ctx, id: string) {
  const rows = await ctx.db
    .select()
    .from(proposalTransitions)
    .where(eq(proposalTransitions.proposalId, id))
    .orderBy(asc(proposalTransitions.at));
  const names = await labelsOf(ctx.db, ctx.reads, { actorId: 'user' }, rows);
  return rows.map((t, i) => ({
    from: t.fromStatus as ProposalRow['status'] | null,
    to: t.toStatus as ProposalRow['status'],
    reason: t.reason,
    actorId: t.actorId,
    actorName: names[i]!.actorId ?? null,
    at: t.at.toISOString(),
  }));
}

/** A new draft, requested by the caller; its code is assigned (PR-0001, …) when none is given. */
export async function createProposal(ctx: Ctx, body: z.output<typeof ProposalCreate>) {
  const created = await svc.create(ctx, { ...body, requesterId: ctx.actor?.userId ?? null });
  return getProposal(ctx, created.id);
}

/**
 * Changes a proposal's fields (its status moves only along the pipeline). A requester — anyone
 * who may not screen it — may change it only while it is a draft, submitted or deferred; once
 * converted, it stays as it was decided.
 */
export async function updateProposal(ctx: Ctx, id: string, body: z.output<typeof ProposalUpdate>) {
  await inTx(ctx, async (tx) => {
    const before = (await svc.load(ctx, tx, id, true)) as ProposalRow;
    const anchors = proposalAnchors(before);
    await ctx.access.authorize('proposal', 'update', anchors);
    if (before.archivedAt) throw new AppError('archived', 'This proposal is archived; restore it first');
    if (body.version !== before.version) throw conflict('proposal');
    if (before.status === 'converted')
      throw new AppError('invalid_state', 'A converted proposal stays as it was decided', 'status');
    if (!requesterEditable.includes(before.status) && !(await ctx.access.can('proposal', 'screen', anchors)))
      throw forbidden(
        `This proposal is ${proposalStatusLabels[before.status].toLowerCase()}: only the PMO changes it now`,
      );
    const { version, ...changes } = body;
    const merged = { ...before, ...changes } as Row;
    if (String(merged.latestStart) < String(merged.earliestStart))
      throw new AppError('validation_failed', 'The latest start is before the earliest start', 'latestStart');
    const moved = merged.officeId !== before.officeId || merged.portfolioId !== before.portfolioId;
    if (moved) await ctx.access.authorize('proposal', 'update', proposalAnchors(merged));
    const refs = Object.entries(proposalSpec.refs).filter(([f]) => f in changes && merged[f] !== before[f]);
    await checkRefs(tx, Object.fromEntries(refs), merged);
    await checkProposalLinks(tx, merged, before);
    const [after] = await tx
      .update(proposals)
      .set({ ...changes, version: sql`${proposals.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(proposals.id, id), eq(proposals.version, version)))
      .returning();
    if (!after) throw conflict('proposal');
    const b: Record<string, unknown> = { version: before.version };
    const a: Record<string, unknown> = { version: after.version };
    for (const k of Object.keys(changes)) {
      const was = before[k];
      const now = (after as Record<string, unknown>)[k];
      if (JSON.stringify(was) !== JSON.stringify(now)) {
        b[k] = was;
        a[k] = now;
      }
    }
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'proposal',
      entityId: id,
      before: b,
      after: a,
    });
  });
  return getProposal(ctx, id);
}

export async function archiveProposal(ctx: Ctx, id: string, version: number) {
  await svc.archive(ctx, id, version);
  return getProposal(ctx, id);
}

export async function restoreProposal(ctx: Ctx, id: string, version: number) {
  await svc.restore(ctx, id, version);
  return getProposal(ctx, id);
}
