/*
 * RAG thresholds per project type (the methodology's limits, C7/C10): a type stores any part of
 * them, the engine's defaults fill in the rest. `thresholdsForProject` is what suggestions use.
 */
import type { RagThresholdsUpdate } from '@pharos/api';
import {
  DEFAULT_RAG_THRESHOLDS,
  type RagThresholds,
  type RagThresholdsInput,
  resolveRagThresholds,
} from '@pharos/engine';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { projects, ragThresholds } from '../db/schema/index';
import { conflict } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { registry } from '../registry/routes';
import { engineValue } from './common';

async function storedRow(tx: Tx, projectTypeId: string, lock = false) {
  const q = tx.select().from(ragThresholds).where(eq(ragThresholds.projectTypeId, projectTypeId));
  const [row] = await (lock ? q.for('update') : q);
  return row ?? null;
}

/** Stored input over the defaults; a stored value the engine refuses falls back to the defaults. */
function resolved(stored: Record<string, unknown> | null | undefined): RagThresholds {
  const r = resolveRagThresholds((stored ?? {}) as RagThresholdsInput);
  return r.ok ? r.value : DEFAULT_RAG_THRESHOLDS;
}

/** The thresholds in force for a project: its type's, over the defaults. */
export async function thresholdsForProject(tx: Tx, projectId: string): Promise<RagThresholds> {
  const rows = await tx
    .select({ thresholds: ragThresholds.thresholds })
    .from(projects)
    .leftJoin(ragThresholds, eq(ragThresholds.projectTypeId, projects.typeId))
    .where(eq(projects.id, projectId));
  return resolved(rows[0]?.thresholds);
}

/** The thresholds of several projects at once, by project id. */
export async function thresholdsForProjects(tx: Tx, projectIds: readonly string[]) {
  const out = new Map<string, RagThresholds>();
  if (projectIds.length === 0) return out;
  const rows = (
    await tx.execute(sql`
      select p.id::text as id, r.thresholds from projects p
      left join rag_thresholds r on r.project_type_id = p.type_id
      where p.id = any(${sql.param([...projectIds])}::uuid[])`)
  ).rows as { id: string; thresholds: Record<string, unknown> | null }[];
  for (const r of rows) out.set(r.id, resolved(r.thresholds));
  return out;
}

async function view(ctx: Ctx, tx: Tx, projectTypeId: string) {
  const row = await storedRow(tx, projectTypeId);
  return {
    projectTypeId,
    thresholds: resolved(row?.thresholds),
    stored: (row?.thresholds ?? {}) as RagThresholdsInput,
    defaults: DEFAULT_RAG_THRESHOLDS,
    version: row?.version ?? 1,
    canUpdate: await ctx.access.can('projectType', 'update'),
  };
}

export async function getRagThresholds(ctx: Ctx, projectTypeId: string) {
  await registry.projectType.load(ctx, ctx.db, projectTypeId);
  return view(ctx, ctx.db, projectTypeId);
}

/** Replaces what a project type sets, checked by the engine (errors name `thresholds.cost.cpi.red`). */
export async function putRagThresholds(
  ctx: Ctx,
  projectTypeId: string,
  body: z.output<typeof RagThresholdsUpdate>,
) {
  await registry.projectType.load(ctx, ctx.db, projectTypeId);
  await ctx.access.authorize('projectType', 'update');
  const input = body.thresholds as RagThresholdsInput;
  const after = engineValue(resolveRagThresholds(input), 'thresholds');
  return inTx(ctx, async (tx) => {
    const current = await storedRow(tx, projectTypeId, true);
    if (body.version !== (current?.version ?? 1)) throw conflict('project type’s RAG thresholds');
    const stored = input as Record<string, unknown>;
    const [row] = current
      ? await tx
          .update(ragThresholds)
          .set({ thresholds: stored, version: sql`${ragThresholds.version} + 1`, updatedAt: sql`now()` })
          .where(
            and(eq(ragThresholds.projectTypeId, projectTypeId), eq(ragThresholds.version, current.version)),
          )
          .returning()
      : await tx
          .insert(ragThresholds)
          .values({ projectTypeId, thresholds: stored, version: 2 })
          .onConflictDoNothing()
          .returning();
    if (!row) throw conflict('project type’s RAG thresholds');
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'ragThresholds',
      entityId: projectTypeId,
      before: { thresholds: current?.thresholds ?? {}, version: current?.version ?? 1 },
      after: { thresholds: stored, resolved: after, version: row.version },
    });
    return view(ctx, tx, projectTypeId);
  });
}
