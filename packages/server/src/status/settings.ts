/*
 * An office's reporting settings (C7): the cadence of its projects' reports, when a report is due
 * after its period, when reminders go out and how colours roll up. An office without its own row
 * inherits from the nearest office above it that has one; the organization default applies at the
 * top. `effectiveStatusSettings` is what every other use case reads.
 */
import type { OfficeStatusSettingsUpdate } from '@pharos/api';
import {
  type CombineRule,
  combineRuleError,
  periodOf,
  type ReportingCadence,
  reportDeadline,
} from '@pharos/engine';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { officeStatusSettings } from '../db/schema/index';
import { conflict } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { registry } from '../registry/routes';
import { engineError, engineValue, todayIn } from './common';

export type RollupSetting =
  | { method: 'worst' }
  | { method: 'weighted'; by: 'budget' | 'priority'; amberFrom?: number; redFrom?: number };

export interface StatusSettings {
  cadence: ReportingCadence;
  dueDaysAfterPeriod: number;
  reminderDaysBefore: number[];
  rollup: RollupSetting;
}

export interface EffectiveStatusSettings extends StatusSettings {
  /** Set on the office asked about, inherited from an office above it, or the organization's default. */
  source: 'office' | 'inherited' | 'default';
  sourceOfficeId: string | null;
}

export const DEFAULT_STATUS_SETTINGS: StatusSettings = {
  cadence: { kind: 'weekly' },
  dueDaysAfterPeriod: 1,
  reminderDaysBefore: [1],
  rollup: { method: 'worst' },
};

/** The engine's combine rule of a roll-up setting (what weighs is the roll-up's business). */
export function combineRuleOf(rollup: RollupSetting): CombineRule {
  if (rollup.method === 'worst') return { method: 'worst' };
  const rule: CombineRule = { method: 'weighted' };
  if (rollup.amberFrom !== undefined) rule.amberFrom = rollup.amberFrom;
  if (rollup.redFrom !== undefined) rule.redFrom = rollup.redFrom;
  return rule;
}

/** The settings in force for an office: its own, the nearest above it, or the default. */
export async function effectiveStatusSettings(tx: Tx, officeId: string): Promise<EffectiveStatusSettings> {
  const rows = (
    await tx.execute(sql`
      with recursive chain(id, parent_id, depth) as (
        select id, parent_id, 0 from offices where id = ${officeId}::uuid
        union all
        select o.id, o.parent_id, c.depth + 1 from offices o join chain c on o.id = c.parent_id where c.depth < 50
      )
      select s.office_id::text as office_id, s.cadence, s.due_days_after_period, s.reminder_days_before, s.rollup
      from chain c join office_status_settings s on s.office_id = c.id
      order by c.depth limit 1`)
  ).rows as Record<string, unknown>[];
  const row = rows[0];
  if (!row) return { ...DEFAULT_STATUS_SETTINGS, source: 'default', sourceOfficeId: null };
  return {
    cadence: row.cadence as ReportingCadence,
    dueDaysAfterPeriod: Number(row.due_days_after_period),
    reminderDaysBefore: row.reminder_days_before as number[],
    rollup: row.rollup as RollupSetting,
    source: row.office_id === officeId ? 'office' : 'inherited',
    sourceOfficeId: row.office_id as string,
  };
}

/** The effective settings of several offices, each read once. */
export async function effectiveSettingsOf(tx: Tx, officeIds: Iterable<string>) {
  const out = new Map<string, EffectiveStatusSettings>();
  for (const id of officeIds) if (!out.has(id)) out.set(id, await effectiveStatusSettings(tx, id));
  return out;
}

async function ownVersion(tx: Tx, officeId: string, lock = false) {
  const q = tx
    .select({ version: officeStatusSettings.version })
    .from(officeStatusSettings)
    .where(eq(officeStatusSettings.officeId, officeId));
  const [row] = await (lock ? q.for('update') : q);
  return row?.version ?? null;
}

async function view(ctx: Ctx, tx: Tx, officeId: string) {
  const effective = await effectiveStatusSettings(tx, officeId);
  return {
    officeId,
    ...effective,
    version: (await ownVersion(tx, officeId)) ?? 1,
    canUpdate: await ctx.access.can('office', 'update', { office: officeId }),
  };
}

export async function getOfficeStatusSettings(ctx: Ctx, officeId: string) {
  await registry.office.load(ctx, ctx.db, officeId);
  return view(ctx, ctx.db, officeId);
}

/** Checks settings with the engine's own rules; errors name the field. */
export function checkSettings(s: StatusSettings, today: string) {
  const period = engineValue(periodOf(today, s.cadence));
  const deadline = reportDeadline(period, { cadence: s.cadence, dueOffsetDays: s.dueDaysAfterPeriod });
  if (!deadline.ok) throw engineError(deadline.error, '', { 'rule.dueOffsetDays': 'dueDaysAfterPeriod' });
  const ruleError = combineRuleError(combineRuleOf(s.rollup), 'rollup');
  if (ruleError) throw engineError(ruleError);
}

/** Sets an office's own settings, against the version the caller loaded. */
export async function putOfficeStatusSettings(
  ctx: Ctx,
  officeId: string,
  body: z.output<typeof OfficeStatusSettingsUpdate>,
) {
  await ctx.access.reach('office', 'update');
  const office = await registry.office.load(ctx, ctx.db, officeId);
  await ctx.access.authorize('office', 'update', { office: office.id });
  const { version, ...given } = body;
  const settings: StatusSettings = {
    ...given,
    reminderDaysBefore: [...new Set(given.reminderDaysBefore)].sort((a, b) => b - a),
  };
  checkSettings(settings, todayIn(ctx.config.timeZone));
  return inTx(ctx, async (tx) => {
    const before = await effectiveStatusSettings(tx, officeId);
    const current = await ownVersion(tx, officeId, true);
    if (version !== (current ?? 1)) throw conflict('office’s reporting settings');
    const values = { ...settings, cadence: settings.cadence as Record<string, unknown> };
    const [row] =
      current === null
        ? await tx
            .insert(officeStatusSettings)
            .values({ officeId, ...values, rollup: settings.rollup, version: 2 })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(officeStatusSettings)
            .set({
              ...values,
              rollup: settings.rollup,
              version: sql`${officeStatusSettings.version} + 1`,
              updatedAt: sql`now()`,
            })
            .where(
              and(eq(officeStatusSettings.officeId, officeId), eq(officeStatusSettings.version, current)),
            )
            .returning();
    if (!row) throw conflict('office’s reporting settings');
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'officeStatusSettings',
      entityId: officeId,
      before: { ...before, version: current ?? 1 },
      after: { ...settings, version: row.version },
    });
    return view(ctx, tx, officeId);
  });
}
