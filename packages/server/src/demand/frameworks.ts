import { randomUUID } from 'node:crypto';
import type { ScoringFramework, ScoringFrameworkCreate, ScoringFrameworkUpdate } from '@pharos/api';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { type CriterionData, objectives, proposals, scoringFrameworks } from '../db/schema/index';
import { AppError, conflict, invalidRef } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { nextDraftRevision } from '../registry/revisions';
import { entityService, type ListParams } from '../registry/service';
import type { EntitySpec, Row } from '../registry/spec';
import { columns } from '../registry/specs';
import { evaluateFramework, type FrameworkData } from './framework-weights';

/**
 * Scoring frameworks: office-owned, versioned. Every revision is a row; the revisions of one
 * framework share a family id (the first revision's id) and its code. Only a draft changes;
 * publishing retires the family's previously published revision; scores stay with their revision.
 */
export const frameworkSpec: EntitySpec = {
  type: 'scoringFramework',
  resource: 'scoringFramework',
  label: 'scoring framework',
  table: scoringFrameworks,
  col: columns(scoringFrameworks),
  refs: { officeId: 'office' },
  filters: ['officeId', 'status', 'familyId'],
  anchors: (r) => ({ office: r.officeId as string }),
  anchorsFor: (v) => ({ office: (v.officeId as string | null) ?? null }),
  anchorColumns: { office: 'officeId' },
  children: [{ table: proposals, column: 'framework_id', label: 'proposals scored with it' }],
  derive: checkDraft,
};

const svc = entityService(frameworkSpec);

/** Only a draft changes, and what it holds must be usable (AHP may still be incomplete). */
async function checkDraft(tx: Tx, values: Row) {
  if (values.status !== 'draft')
    throw new AppError(
      'invalid_state',
      `Revision ${values.revision} is ${values.status}: only a draft changes; start a new revision from it`,
      'status',
    );
  const ev = evaluateFramework(values as unknown as FrameworkData);
  if (ev.error) throw new AppError('validation_failed', ev.error.message, ev.error.field);
  const criteria = values.criteria as CriterionData[];
  for (const [i, c] of criteria.entries()) {
    if (!c.objectiveId) continue;
    const [o] = await tx
      .select({ archivedAt: objectives.archivedAt })
      .from(objectives)
      .where(eq(objectives.id, c.objectiveId));
    if (!o) throw invalidRef(`criteria.${i}.objectiveId`, `No objective with id ${c.objectiveId}`);
  }
}

type Item = Record<string, unknown> & { id: string; status: string; abilities: { update: boolean } };

/**
 * Adds the weights, the AHP outcome and the warnings; only a draft can be updated. The shape is
 * checked by the route's response schema, as the registry's are.
 */
export function presentFramework(item: Record<string, unknown>): ScoringFramework {
  const ev = evaluateFramework(item as unknown as FrameworkData);
  const out = item as Item;
  out.abilities.update &&= out.status === 'draft';
  Object.assign(out, { weights: ev.weights, ahpOutcome: ev.ahpOutcome, warnings: ev.warnings });
  return out as unknown as ScoringFramework;
}

export async function listFrameworks(ctx: Ctx, q: ListParams) {
  const page = await svc.list(ctx, q);
  return { ...page, items: page.items.map(presentFramework) };
}

export const getFramework = async (ctx: Ctx, id: string) => presentFramework(await svc.get(ctx, id));

export async function createFramework(ctx: Ctx, body: z.output<typeof ScoringFrameworkCreate>) {
  const id = randomUUID();
  const [taken] = await ctx.db
    .select({ id: scoringFrameworks.id })
    .from(scoringFrameworks)
    .where(eq(scoringFrameworks.code, body.code))
    .limit(1);
  if (taken) throw new AppError('duplicate', `A scoring framework already has the code ${body.code}`, 'code');
  return presentFramework(await svc.create(ctx, { ...body, id, familyId: id, revision: 1, status: 'draft' }));
}

export async function updateFramework(ctx: Ctx, id: string, body: z.output<typeof ScoringFrameworkUpdate>) {
  if (body.code !== undefined) {
    // Every revision of a family shares its code; another family may not have it.
    const other = await ctx.db.execute(sql`
      select 1 from scoring_frameworks
      where code = ${body.code} and family_id <> (select family_id from scoring_frameworks where id = ${id})
      limit 1`);
    if (other.rows.length)
      throw new AppError('duplicate', `Another scoring framework has the code ${body.code}`, 'code');
  }
  return presentFramework(await svc.update(ctx, id, body));
}

export const archiveFramework = async (ctx: Ctx, id: string, version: number) =>
  presentFramework(await svc.archive(ctx, id, version));
export const restoreFramework = async (ctx: Ctx, id: string, version: number) =>
  presentFramework(await svc.restore(ctx, id, version));

/** Publishes a draft whose weights are settled; the family's published revision retires. */
export async function publishFramework(ctx: Ctx, id: string, version: number) {
  await inTx(ctx, async (tx) => {
    const row = await svc.load(ctx, tx, id, true);
    await ctx.access.authorize('scoringFramework', 'update', frameworkSpec.anchors(row));
    if (row.archivedAt)
      throw new AppError('archived', 'This scoring framework is archived; restore it first');
    if (version !== row.version) throw conflict('scoring framework');
    if (row.status !== 'draft')
      throw new AppError('invalid_state', `Revision ${row.revision} is already ${row.status}`, 'status');
    const ev = evaluateFramework(row as unknown as FrameworkData);
    if (ev.error) throw new AppError('validation_failed', ev.error.message, ev.error.field);
    if (ev.unpublishable) throw new AppError('validation_failed', ev.unpublishable, 'ahp');
    const retired = await tx
      .update(scoringFrameworks)
      .set({ status: 'retired', version: sql`${scoringFrameworks.version} + 1`, updatedAt: sql`now()` })
      .where(
        and(
          eq(scoringFrameworks.familyId, row.familyId as string),
          eq(scoringFrameworks.status, 'published'),
          ne(scoringFrameworks.id, id),
        ),
      )
      .returning({ id: scoringFrameworks.id, revision: scoringFrameworks.revision });
    for (const r of retired)
      await recordAudit(tx, ctx, {
        action: 'update',
        entityType: 'scoringFramework',
        entityId: r.id,
        before: { status: 'published' },
        after: { status: 'retired', by: `revision ${row.revision}` },
      });
    await tx
      .update(scoringFrameworks)
      .set({
        status: 'published',
        publishedAt: sql`now()`,
        version: sql`${scoringFrameworks.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(scoringFrameworks.id, id));
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'scoringFramework',
      entityId: id,
      before: { status: 'draft', version },
      after: { status: 'published', version: version + 1, weights: ev.weights },
    });
  });
  return getFramework(ctx, id);
}

/** A new draft revision copied from a published one (same family and code, revision + 1). */
export async function reviseFramework(ctx: Ctx, id: string) {
  const newId = randomUUID();
  await inTx(ctx, async (tx) => {
    const row = await svc.load(ctx, tx, id);
    await ctx.access.authorize('scoringFramework', 'update', frameworkSpec.anchors(row));
    if (row.status !== 'published')
      throw new AppError(
        'invalid_state',
        `Only a published revision is revised; this one is ${row.status}`,
        'status',
      );
    const familyId = row.familyId as string;
    const revision = await nextDraftRevision(tx, 'scoring_frameworks', familyId, 'framework');
    const copy = {
      id: newId,
      familyId,
      revision,
      status: 'draft',
      code: row.code as string,
      name: row.name as string,
      officeId: row.officeId as string,
      description: row.description as string,
      combine: row.combine as string,
      disagreementThreshold: row.disagreementThreshold as number,
      weighting: row.weighting as string,
      criteria: row.criteria as CriterionData[],
      ahp: row.ahp as FrameworkData['ahp'],
    };
    await tx.insert(scoringFrameworks).values(copy);
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'scoringFramework',
      entityId: newId,
      after: { ...copy, from: id },
    });
  });
  return getFramework(ctx, newId);
}
