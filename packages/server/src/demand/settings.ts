import type { DemandSettings, DemandSettingsUpdate } from '@pharos/api';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { settings } from '../db/schema/index';
import { conflict } from '../errors';
import { type Ctx, inTx } from '../http/context';

/** The organization's demand settings: the business-case currency, discount rate and timing. */
export type Settings = Omit<DemandSettings, 'version'>;
const KEY = 'demand';
const defaults: Settings = { currency: 'EUR', discountRate: 0.08, cashFlowTiming: 'year-end' };
/** The audit trail names items by UUID: this one stands for the demand settings. */
export const DEMAND_SETTINGS_ID = '00000000-0000-4000-8000-00000000de0d';

/** The settings as stored, over the defaults; version 1 while nobody has changed them. */
export async function readSettings(db: Tx, lock = false): Promise<DemandSettings & { stored: boolean }> {
  const q = db.select().from(settings).where(eq(settings.key, KEY));
  const [row] = await (lock ? q.for('update') : q);
  return { ...defaults, ...(row?.value as Partial<Settings>), version: row?.version ?? 1, stored: !!row };
}

/** The settings for a request, remembered until the next write. */
export async function demandSettings(ctx: Ctx): Promise<DemandSettings> {
  const { stored: _s, ...s } = await ctx.reads.memo('settings:demand', () => readSettings(ctx.db));
  return s;
}

export async function updateDemandSettings(ctx: Ctx, body: z.output<typeof DemandSettingsUpdate>) {
  await ctx.access.authorize('settings', 'update');
  return inTx(ctx, async (tx) => {
    const current = await readSettings(tx, true);
    if (body.version !== current.version) throw conflict('setting');
    const { version, stored, ...before } = current;
    const { version: _v, ...changes } = body;
    const value: Settings = { ...before, ...changes };
    const [row] = stored
      ? await tx
          .update(settings)
          .set({ value, version: sql`${settings.version} + 1`, updatedAt: sql`now()` })
          .where(and(eq(settings.key, KEY), eq(settings.version, version)))
          .returning()
      : await tx
          .insert(settings)
          .values({ key: KEY, value, version: version + 1 })
          .onConflictDoNothing()
          .returning();
    if (!row) throw conflict('setting');
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'settings',
      entityId: DEMAND_SETTINGS_ID,
      before: { ...before, version },
      after: { ...value, version: row.version },
    });
    return { ...value, version: row.version };
  });
}
