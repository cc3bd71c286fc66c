/*
 * Escalation by hand (C8): escalate a risk or issue one office up, hand it back one office down,
 * the receiving office acknowledging it, and the trail with the chain and where the item stands.
 */
import type { RaidDeescalateBody, RaidEscalateBody, RaidEscalation, RaidEscalationTrail } from '@pharos/api';
import { nextEscalation } from '@pharos/engine';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import type { ReadCache } from '../db/read-cache';
import { raidEscalations } from '../db/schema/index';
import { AppError, notFound } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { type Anchors, covers } from '../policy/reach';
import { labelsOf } from '../registry/labels';
import {
  decide,
  ESCALATING_KINDS,
  type EscalationEnv,
  engineChain,
  engineItem,
  escalationEnv,
  recordStep,
} from './escalation-core';
import { getItem, loadForChange, loadReadable, warmReach } from './items';
import type { ItemRow } from './present';
import { anchorsOf } from './present';
import { todayIn } from './today';
import { toleranceOf } from './tolerances';
import { isOpen } from './values';

/** A risk or issue that is open, for a step by hand. */
function checkEscalating(r: ItemRow) {
  if (!ESCALATING_KINDS.includes(r.kind))
    throw new AppError('invalid_state', 'Only risks and issues are escalated', 'kind');
  if (!isOpen(r.kind, r.status))
    throw new AppError(
      'invalid_state',
      `This ${r.kind} is ${r.status}: only open items are escalated`,
      'status',
    );
}

export async function escalateItem(ctx: Ctx, id: string, body: z.output<typeof RaidEscalateBody>) {
  await warmReach(ctx);
  await inTx(ctx, async (tx) => {
    const r = await loadForChange(ctx, tx, id, body.version);
    checkEscalating(r);
    const env = await escalationEnv(tx, ctx.config.timeZone);
    const chain = await env.chain(tx, r.aOffice!);
    const level = Math.min(r.escalationLevel, chain.length - 1);
    if (level >= chain.length - 1)
      throw new AppError('invalid_state', `It is already with ${chain[level]!.name}, the top of its chain`);
    await recordStep(ctx, tx, r, {
      fromOfficeId: chain[level]!.id,
      toOfficeId: chain[level + 1]!.id,
      level: level + 1,
      reason: 'manual',
      detail: body.reason,
    });
  });
  return getItem(ctx, id);
}

/** One office down, with the reason; refused when the item would rise again at once. */
export async function deescalateItem(ctx: Ctx, id: string, body: z.output<typeof RaidDeescalateBody>) {
  await warmReach(ctx);
  await inTx(ctx, async (tx) => {
    const r = await loadForChange(ctx, tx, id, body.version);
    checkEscalating(r);
    if (r.escalationLevel === 0)
      throw new AppError('invalid_state', 'It is with its own office: there is nowhere to hand it back to');
    const env = await escalationEnv(tx, ctx.config.timeZone);
    const chain = await env.chain(tx, r.aOffice!);
    const level = Math.min(r.escalationLevel, chain.length - 1);
    const to = chain[level - 1]!;
    const after: ItemRow = {
      ...r,
      escalationLevel: level - 1,
      escalatedToOfficeId: level - 1 === 0 ? null : to.id,
      escalatedAt: new Date(),
      dueOn: body.dueOn ?? r.dueOn,
    };
    const again = nextEscalation(engineItem(after, chain, env.timeZone), engineChain(env, chain), env.asOf);
    if (again.ok && again.value.escalate) {
      const reasons = again.value.step.reasons;
      throw new AppError(
        'invalid_state',
        `It would rise again at once: ${reasons.map((x) => x.message).join('; ')}`,
        reasons.some((x) => x.kind === 'deadline') ? 'dueOn' : undefined,
      );
    }
    await recordStep(ctx, tx, r, {
      fromOfficeId: chain[level]!.id,
      toOfficeId: to.id,
      level: level - 1,
      reason: 'de-escalated',
      detail: body.reason,
      ...(body.dueOn ? { dueOn: body.dueOn } : {}),
    });
  });
  return getItem(ctx, id);
}

/** The receiving office takes the step on: its staff (or, for a hand-back home, the item's keepers). */
export async function acknowledgeEscalation(ctx: Ctx, id: string, escalationId: string) {
  await warmReach(ctx);
  return inTx(ctx, async (tx) => {
    const r = await loadReadable(ctx, tx, id, true);
    const [step] = await tx.select().from(raidEscalations).where(eq(raidEscalations.id, escalationId));
    if (!step || step.itemId !== id) throw notFound('Escalation');
    await ctx.access.authorize('raidItem', 'update', ackAnchors(step, r));
    if (step.acknowledgedAt)
      throw new AppError('invalid_state', 'This escalation has already been acknowledged');
    const [done] = await tx
      .update(raidEscalations)
      .set({ acknowledgedAt: sql`now()`, acknowledgedBy: ctx.actor?.userId ?? null })
      .where(eq(raidEscalations.id, escalationId))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'raidItem',
      entityId: id,
      before: { escalation: escalationId, acknowledgedAt: null },
      after: {
        escalation: escalationId,
        acknowledgedAt: done!.acknowledgedAt,
        acknowledgedBy: done!.acknowledgedBy,
      },
    });
    return (await presentSteps(ctx, tx, null, [done!], new Map([[id, r]])))[0]!;
  });
}

type StepRow = typeof raidEscalations.$inferSelect;

/** Who acknowledges a step: the receiving office's people; a hand-back home, those who keep the item. */
const ackAnchors = (s: Pick<StepRow, 'level' | 'toOfficeId'>, item: ItemRow): Anchors =>
  s.level === 0 ? anchorsOf(item) : { office: s.toOfficeId };

/** Trail rows as the API shows them, with office and people names and whether the caller may acknowledge. */
export async function presentSteps(
  ctx: Ctx,
  db: Tx,
  reads: ReadCache | null,
  rows: StepRow[],
  items: Map<string, ItemRow>,
): Promise<RaidEscalation[]> {
  const upd = await ctx.access.reach('raidItem', 'update');
  const names = await labelsOf(
    db,
    reads,
    { fromOfficeId: 'office', toOfficeId: 'office', actorId: 'user', acknowledgedBy: 'user' },
    rows,
  );
  return rows.map((s, i) => ({
    id: s.id,
    itemId: s.itemId,
    level: s.level,
    fromOfficeId: s.fromOfficeId,
    toOfficeId: s.toOfficeId,
    reason: s.reason as RaidEscalation['reason'],
    detail: s.detail,
    actorId: s.actorId,
    at: s.at.toISOString(),
    acknowledgedAt: s.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy: s.acknowledgedBy,
    canAcknowledge: !s.acknowledgedAt && covers(upd, ackAnchors(s, items.get(s.itemId)!)),
    labels: names[i]!,
  }));
}

/** The trails of items, oldest step first, by item. */
export async function trailsOf(ctx: Ctx, items: ItemRow[]): Promise<Map<string, RaidEscalation[]>> {
  const ids = items.map((r) => r.id);
  const out = new Map<string, RaidEscalation[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = await ctx.db
    .select()
    .from(raidEscalations)
    .where(inArray(raidEscalations.itemId, ids))
    .orderBy(asc(raidEscalations.at), asc(raidEscalations.level));
  const byId = new Map(items.map((r) => [r.id, r]));
  for (const s of await presentSteps(ctx, ctx.db, ctx.reads, rows, byId)) out.get(s.itemId)!.push(s);
  return out;
}

/** An item's trail, its chain of offices with their tolerances, and where it stands today. */
export async function escalationTrail(ctx: Ctx, id: string): Promise<RaidEscalationTrail> {
  const r = await loadReadable(ctx, ctx.db, id);
  const env: EscalationEnv = await escalationEnv(ctx.db, ctx.config.timeZone, todayIn(ctx.config.timeZone));
  const chain = await env.chain(ctx.db, r.aOffice!);
  const d = await decide(ctx.db, env, r);
  const level = Math.min(r.escalationLevel, chain.length - 1);
  return {
    items: (await trailsOf(ctx, [r])).get(id)!,
    chain: chain.map((o) => ({
      officeId: o.id,
      name: o.name,
      kind: o.kind,
      tolerance: toleranceOf(env.tolerances, o),
    })),
    current: d.escalate
      ? { level, officeId: chain[level]!.id, deadline: null, breaches: [], state: 'escalate' }
      : {
          level: d.level,
          officeId: d.officeId,
          deadline: d.deadline,
          breaches: d.breaches.map((b) => b.message),
          state: d.why,
        },
  };
}
