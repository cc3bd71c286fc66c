/*
 * The escalation tolerances (C8), kept in the organization's settings under `raid:tolerances`: by
 * kind of office (a project office handles risk scores up to 14 and issues up to medium, a program
 * office up to 19 and high, the strategic office everything), and offices that set their own.
 */
import type { RaidTolerances, RaidTolerancesPut, RaidToleranceValue } from '@pharos/api';
import { DEFAULT_ESCALATION_TOLERANCES } from '@pharos/engine';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { offices, settings } from '../db/schema/index';
import { AppError, conflict, invalidRef } from '../errors';
import { type Ctx, inTx } from '../http/context';
import type { ChainOfficeRow } from './place';

const KEY = 'raid:tolerances';
/** The audit trail names items by UUID: this one stands for the escalation tolerances. */
export const RAID_TOLERANCES_ID = '00000000-0000-4000-8000-00000000a1d0';

const tol = (t: {
  maxScore?: number | null;
  maxSeverity?: RaidToleranceValue['maxSeverity'];
  resolutionDays?: number | null;
}): RaidToleranceValue => ({
  maxScore: t.maxScore ?? null,
  maxSeverity: t.maxSeverity ?? null,
  resolutionDays: t.resolutionDays ?? null,
});

type Stored = Omit<RaidTolerances, 'version'>;
export const DEFAULT_TOLERANCES: Stored = {
  byOfficeKind: {
    project: tol(DEFAULT_ESCALATION_TOLERANCES.project),
    program: tol(DEFAULT_ESCALATION_TOLERANCES.program),
    strategic: tol(DEFAULT_ESCALATION_TOLERANCES.strategic),
    coe: tol(DEFAULT_ESCALATION_TOLERANCES.strategic),
  },
  offices: [],
};

/** The tolerances as stored, over the defaults; version 1 while nobody has changed them. */
export async function readTolerances(db: Tx, lock = false): Promise<RaidTolerances & { stored: boolean }> {
  const q = db.select().from(settings).where(eq(settings.key, KEY));
  const [row] = await (lock ? q.for('update') : q);
  const value = row?.value as Partial<Stored> | undefined;
  return {
    byOfficeKind: { ...DEFAULT_TOLERANCES.byOfficeKind, ...value?.byOfficeKind },
    offices: value?.offices ?? [],
    version: row?.version ?? 1,
    stored: !!row,
  };
}

/** The tolerance an office applies: its own, else its kind's. */
export function toleranceOf(t: Stored, office: Pick<ChainOfficeRow, 'id' | 'kind'>): RaidToleranceValue {
  const own = t.offices.find((o) => o.officeId === office.id);
  if (own) return tol(own);
  return t.byOfficeKind[office.kind] ?? DEFAULT_TOLERANCES.byOfficeKind.strategic;
}

export async function raidTolerances(ctx: Ctx): Promise<RaidTolerances> {
  const { stored: _s, ...t } = await ctx.reads.memo(`settings:${KEY}`, () => readTolerances(ctx.db));
  return t;
}

export async function updateRaidTolerances(ctx: Ctx, body: z.output<typeof RaidTolerancesPut>) {
  await ctx.access.authorize('settings', 'update');
  return inTx(ctx, async (tx) => {
    const current = await readTolerances(tx, true);
    if (body.version !== current.version) throw conflict('setting');
    await checkOffices(
      tx,
      body.offices.map((o) => o.officeId),
    );
    const { version, stored, ...before } = current;
    const value: Stored = { byOfficeKind: body.byOfficeKind, offices: body.offices };
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
      entityId: RAID_TOLERANCES_ID,
      before: { ...before, version },
      after: { ...value, version: row.version },
    });
    return { ...value, version: row.version };
  });
}

async function checkOffices(tx: Tx, ids: string[]) {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id))
      throw new AppError('validation_failed', 'This office is listed twice', `offices.${i}.officeId`);
    seen.add(id);
  });
  if (ids.length === 0) return;
  const found = new Set(
    (await tx.select({ id: offices.id }).from(offices).where(inArray(offices.id, ids))).map((o) => o.id),
  );
  const bad = ids.findIndex((id) => !found.has(id));
  if (bad >= 0) throw invalidRef(`offices.${bad}.officeId`, `No office with id ${ids[bad]}`);
}
