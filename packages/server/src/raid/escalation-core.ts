/*
 * Escalation steps (C8). An open risk or issue sits at an office of its chain (its register's
 * office, then each office above); the engine's nextEscalation says whether it must rise one level
 * as of a day. Each step is kept as a `raid_escalations` row, moves the item (escalatedToOfficeId,
 * escalationLevel, a new version), leaves an audit row and tells the receiving office's PMO staff.
 * `climb` asks again after each step, so an item far above every tolerance rises level by level.
 */
import type { RaidKind } from '@pharos/api';
import {
  type ChainOffice,
  type EscalationDecision,
  type EscalationItem,
  type IssueSeverity,
  nextEscalation,
} from '@pharos/engine';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { raidEscalations } from '../db/schema/index';
import type { Ctx } from '../http/context';
import { notifyUsers } from '../notify/notifications';
import { grantHolders } from '../notify/recipients';
import { type ChainOfficeRow, officeChain } from './place';
import type { ItemRow } from './present';
import { loadRow } from './register';
import { dayIn, todayIn } from './today';
import { readTolerances, toleranceOf } from './tolerances';
import { isOpen } from './values';

export const ESCALATING_KINDS: readonly RaidKind[] = ['risk', 'issue'];

/** What deciding escalations needs: the day, the tolerances, the chains (read once, remembered). */
export interface EscalationEnv {
  asOf: string;
  timeZone: string;
  tolerances: Awaited<ReturnType<typeof readTolerances>>;
  chain(tx: Tx, homeOfficeId: string): Promise<ChainOfficeRow[]>;
}

export async function escalationEnv(
  tx: Tx,
  timeZone: string,
  asOf = todayIn(timeZone),
): Promise<EscalationEnv> {
  const chains = new Map<string, ChainOfficeRow[]>();
  return {
    asOf,
    timeZone,
    tolerances: await readTolerances(tx),
    chain: async (db, home) => {
      let c = chains.get(home);
      if (!c) {
        c = await officeChain(db, home);
        chains.set(home, c);
      }
      return c;
    },
  };
}

/** The chain as the engine takes it, each office with its tolerance. */
export function engineChain(env: EscalationEnv, chain: ChainOfficeRow[]): ChainOffice[] {
  return chain.map((o) => ({ officeId: o.id, name: o.name, tolerance: toleranceOf(env.tolerances, o) }));
}

/**
 * The item as the engine takes it. Its trail is where it sits now: the office it was last moved to
 * and the day it arrived there (a hand-back counts as an arrival); a chain changed since (its
 * project moved) is read at the same level, as far up as the new chain goes.
 */
export function engineItem(r: ItemRow, chain: ChainOfficeRow[], timeZone: string): EscalationItem {
  const level = Math.min(r.escalationLevel, chain.length - 1);
  return {
    id: r.id,
    open: isOpen(r.kind, r.status) && r.archivedAt === null,
    score: r.kind === 'risk' ? r.score : null,
    severity: r.kind === 'issue' ? (r.severity as IssueSeverity | null) : null,
    // A risk's date is when to review it; only an issue has a resolution deadline.
    due: r.kind === 'issue' ? r.dueOn : null,
    trail:
      level > 0 && r.escalatedAt
        ? [
            {
              fromOfficeId: chain[level - 1]!.id,
              toOfficeId: chain[level]!.id,
              on: dayIn(timeZone, new Date(r.escalatedAt)),
              reasons: [],
            },
          ]
        : [],
  };
}

/** Where the item stands as of the env's day. */
export async function decide(tx: Tx, env: EscalationEnv, r: ItemRow): Promise<EscalationDecision> {
  const chain = await env.chain(tx, r.aOffice!);
  const d = nextEscalation(engineItem(r, chain, env.timeZone), engineChain(env, chain), env.asOf);
  if (!d.ok) throw new Error(`Escalation of ${r.code}: ${d.error.message}`);
  return d.value;
}

export interface Step {
  fromOfficeId: string | null;
  toOfficeId: string;
  level: number;
  reason: 'tolerance' | 'deadline' | 'manual' | 'de-escalated';
  detail: string;
  /** A new due date set with the step (a hand-back). */
  dueOn?: string;
}

/** Records one step: the trail row, the item moved, its audit row, the receiving office told. */
export async function recordStep(ctx: Ctx, tx: Tx, r: ItemRow, step: Step): Promise<string> {
  const [row] = await tx
    .insert(raidEscalations)
    .values({
      itemId: r.id,
      level: step.level,
      fromOfficeId: step.fromOfficeId,
      toOfficeId: step.toOfficeId,
      reason: step.reason,
      detail: step.detail,
      actorId: ctx.actor?.userId ?? null,
      // Steps of one climb share a transaction: the clock, not its start, orders them.
      at: sql`clock_timestamp()`,
    })
    .returning({ id: raidEscalations.id });
  const to = step.level === 0 ? null : step.toOfficeId;
  await tx.execute(sql`update raid_items set escalated_to_office_id = ${to}, escalation_level = ${step.level},
      escalated_at = now(), version = version + 1, updated_at = now()
      ${step.dueOn ? sql`, due_on = ${step.dueOn}` : sql``}
    where id = ${r.id}`);
  await recordAudit(tx, ctx, {
    action: 'update',
    entityType: 'raidItem',
    entityId: r.id,
    before: {
      escalatedToOfficeId: r.escalatedToOfficeId,
      escalationLevel: r.escalationLevel,
      ...(step.dueOn ? { dueOn: r.dueOn } : {}),
      version: r.version,
    },
    after: {
      escalatedToOfficeId: to,
      escalationLevel: step.level,
      ...(step.dueOn ? { dueOn: step.dueOn } : {}),
      version: r.version + 1,
      escalation: { reason: step.reason, detail: step.detail },
    },
  });
  await tellOffice(ctx, tx, r, step);
  return row!.id;
}

const staff = ['pmo_director', 'pmo_analyst'] as const;

/** The receiving office's PMO staff, or (an office without any) those above it. */
async function tellOffice(ctx: Ctx, tx: Tx, r: ItemRow, step: Step) {
  let ids = await grantHolders(tx, staff, { officeId: step.toOfficeId }, { exactOffice: true });
  if (ids.length === 0) ids = await grantHolders(tx, staff, { officeId: step.toOfficeId });
  const [office] = (
    await tx.execute<{ name: string }>(sql`select name from offices where id = ${step.toOfficeId}`)
  ).rows;
  const up = step.reason !== 'de-escalated';
  await notifyUsers(ctx, tx, {
    userIds: ids,
    kind: 'raid.escalated',
    title: `${r.code} ${up ? 'escalated' : 'handed back'} to ${office?.name ?? 'your office'}`,
    body: `${r.title}. ${step.detail}`,
    link: `/escalations?officeId=${step.toOfficeId}`,
    subjectType: 'raidItem',
    subjectId: r.id,
  });
}

/**
 * Takes every step the item must take as of the env's day (none when it stays), each recorded;
 * returns how many. The item must be locked by the caller's transaction.
 */
export async function climb(ctx: Ctx, tx: Tx, id: string, env: EscalationEnv): Promise<number> {
  let steps = 0;
  for (;;) {
    const r = await loadRow(tx, id);
    if (!r || !ESCALATING_KINDS.includes(r.kind)) return steps;
    const d = await decide(tx, env, r);
    if (!d.escalate) return steps;
    const reasons = d.step.reasons;
    await recordStep(ctx, tx, r, {
      fromOfficeId: d.step.fromOfficeId,
      toOfficeId: d.step.toOfficeId,
      level: d.toLevel,
      reason: reasons.some((x) => x.kind !== 'deadline') ? 'tolerance' : 'deadline',
      detail: reasons.map((x) => x.message).join('; '),
    });
    steps++;
  }
}
