import { randomUUID } from 'node:crypto';
import type { Lifecycle, LifecycleCreate, LifecycleUpdate } from '@pharos/api';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { lifecycles, type PhaseData } from '../db/schema/index';
import { AppError, conflict } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { checkRefs } from '../registry/refs';
import { nextDraftRevision } from '../registry/revisions';
import { entityService, type ListParams } from '../registry/service';
import type { EntitySpec, EntityType, Row } from '../registry/spec';
import { columns } from '../registry/specs';
import { draftProblem, normalizePhases, publishProblem } from './lifecycle-checks';

/**
 * Lifecycles (C9): an office's phases and stage gates for some project types, kept in revisions
 * as scoring frameworks are. The revisions of one lifecycle share a family id (the first
 * revision's id) and its code; only a draft changes; publishing retires the family's previously
 * published revision, and a project type has at most one published lifecycle.
 */
export const lifecycleSpec: EntitySpec = {
  type: 'lifecycle',
  resource: 'lifecycle',
  label: 'lifecycle',
  table: lifecycles,
  col: columns(lifecycles),
  refs: { officeId: 'office' },
  filters: ['officeId', 'status', 'familyId'],
  conditions: (q, param) =>
    typeof q.projectTypeId === 'string' ? [`${param(q.projectTypeId)}::uuid = any(t.project_type_ids)`] : [],
  anchors: (r) => ({ office: r.officeId as string }),
  anchorsFor: (v) => ({ office: (v.officeId as string | null) ?? null }),
  anchorColumns: { office: 'officeId' },
  // Gate reviews are history: they keep their revision, and do not keep a lifecycle from being archived.
  children: [],
  derive: checkDraft,
};

const svc = entityService(lifecycleSpec);

/** Only a draft changes; its phases are put in their stored shape and checked. */
async function checkDraft(tx: Tx, values: Row) {
  if (values.status !== 'draft')
    throw new AppError(
      'invalid_state',
      `Revision ${values.revision} is ${values.status}: only a draft changes; start a new revision from it`,
      'status',
    );
  const phases = normalizePhases(values.phases as Parameters<typeof normalizePhases>[0]);
  values.phases = phases;
  values.projectTypeIds = [...new Set(values.projectTypeIds as string[])];
  const problem = draftProblem(phases);
  if (problem) throw new AppError('validation_failed', problem.message, problem.field);
  await checkLinks(tx, phases, values.projectTypeIds as string[]);
}

/** Every project type and named approver exists and is active (the registry's own check, naming the field). */
async function checkLinks(tx: Tx, phases: PhaseData[], typeIds: string[]) {
  const refs: Record<string, EntityType> = {};
  const values: Record<string, string> = {};
  for (const [i, id] of typeIds.entries()) {
    refs[`projectTypeIds.${i}`] = 'projectType';
    values[`projectTypeIds.${i}`] = id;
  }
  for (const [i, p] of phases.entries())
    for (const [j, id] of (p.gate?.approverIds ?? []).entries()) {
      refs[`phases.${i}.gate.approverIds.${j}`] = 'user';
      values[`phases.${i}.gate.approverIds.${j}`] = id;
    }
  await checkRefs(tx, refs, values);
}

type Item = Record<string, unknown> & { status: string; abilities: { update: boolean } };

/** Only a draft can be updated; the shape is checked by the route's response schema. */
export function presentLifecycle(item: Record<string, unknown>): Lifecycle {
  const out = item as Item;
  out.abilities.update &&= out.status === 'draft';
  return out as unknown as Lifecycle;
}

export async function listLifecycles(ctx: Ctx, q: ListParams) {
  const page = await svc.list(ctx, q);
  return { ...page, items: page.items.map(presentLifecycle) };
}

export const getLifecycle = async (ctx: Ctx, id: string) => presentLifecycle(await svc.get(ctx, id));

export async function createLifecycle(ctx: Ctx, body: z.output<typeof LifecycleCreate>) {
  const id = randomUUID();
  const [taken] = await ctx.db
    .select({ id: lifecycles.id })
    .from(lifecycles)
    .where(eq(lifecycles.code, body.code))
    .limit(1);
  if (taken) throw new AppError('duplicate', `A lifecycle already has the code ${body.code}`, 'code');
  return presentLifecycle(await svc.create(ctx, { ...body, id, familyId: id, revision: 1, status: 'draft' }));
}

export async function updateLifecycle(ctx: Ctx, id: string, body: z.output<typeof LifecycleUpdate>) {
  if (body.code !== undefined) {
    // Every revision of a family shares its code; another family may not have it.
    const other = await ctx.db.execute(sql`
      select 1 from lifecycles
      where code = ${body.code} and family_id <> (select family_id from lifecycles where id = ${id})
      limit 1`);
    if (other.rows.length)
      throw new AppError('duplicate', `Another lifecycle has the code ${body.code}`, 'code');
  }
  return presentLifecycle(await svc.update(ctx, id, body));
}

export const archiveLifecycle = async (ctx: Ctx, id: string, version: number) =>
  presentLifecycle(await svc.archive(ctx, id, version));
export const restoreLifecycle = async (ctx: Ctx, id: string, version: number) =>
  presentLifecycle(await svc.restore(ctx, id, version));

/** Publishes a sound draft; the family's published revision retires. One published lifecycle per project type. */
export async function publishLifecycle(ctx: Ctx, id: string, version: number) {
  await ctx.access.reach('lifecycle', 'read');
  await ctx.access.reach('lifecycle', 'update');
  await inTx(ctx, async (tx) => {
    // Publications are serialized: two drafts for the same type cannot both pass the check below.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('pharos.lifecycle-publish'))`);
    const row = await svc.load(ctx, tx, id, true);
    await ctx.access.authorize('lifecycle', 'update', lifecycleSpec.anchors(row));
    if (row.archivedAt) throw new AppError('archived', 'This lifecycle is archived; restore it first');
    if (version !== row.version) throw conflict('lifecycle');
    if (row.status !== 'draft')
      throw new AppError('invalid_state', `Revision ${row.revision} is already ${row.status}`, 'status');
    const typeIds = row.projectTypeIds as string[];
    const problem = publishProblem({ phases: row.phases as PhaseData[], projectTypeIds: typeIds });
    if (problem) throw new AppError('validation_failed', problem.message, problem.field);
    await checkLinks(tx, row.phases as PhaseData[], typeIds);
    const clash = await tx.execute<{ code: string; revision: number; type: string }>(sql`
      select l.code, l.revision, pt.name as type
      from lifecycles l join project_types pt on pt.id = any(l.project_type_ids)
      where l.status = 'published' and l.archived_at is null and l.family_id <> ${row.familyId as string}
        and pt.id = any(${sql.param(typeIds)}::uuid[])
      order by l.code limit 1`);
    const c = clash.rows[0];
    if (c)
      throw new AppError(
        'duplicate',
        `Projects of type ${c.type} already follow lifecycle ${c.code} (revision ${c.revision}); a project type has one published lifecycle`,
        'projectTypeIds',
      );
    const retired = await tx
      .update(lifecycles)
      .set({ status: 'retired', version: sql`${lifecycles.version} + 1`, updatedAt: sql`now()` })
      .where(
        and(
          eq(lifecycles.familyId, row.familyId as string),
          eq(lifecycles.status, 'published'),
          ne(lifecycles.id, id),
        ),
      )
      .returning({ id: lifecycles.id });
    for (const r of retired)
      await recordAudit(tx, ctx, {
        action: 'update',
        entityType: 'lifecycle',
        entityId: r.id,
        before: { status: 'published' },
        after: { status: 'retired', by: `revision ${row.revision}` },
      });
    await tx
      .update(lifecycles)
      .set({
        status: 'published',
        publishedAt: sql`now()`,
        version: sql`${lifecycles.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(lifecycles.id, id));
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'lifecycle',
      entityId: id,
      before: { status: 'draft', version },
      after: { status: 'published', version: version + 1 },
    });
  });
  return getLifecycle(ctx, id);
}

/** A new draft revision copied from a published one (same family and code, revision + 1). */
export async function reviseLifecycle(ctx: Ctx, id: string) {
  const newId = randomUUID();
  await ctx.access.reach('lifecycle', 'read');
  await ctx.access.reach('lifecycle', 'update');
  await inTx(ctx, async (tx) => {
    const row = await svc.load(ctx, tx, id);
    await ctx.access.authorize('lifecycle', 'update', lifecycleSpec.anchors(row));
    if (row.status !== 'published')
      throw new AppError(
        'invalid_state',
        `Only a published revision is revised; this one is ${row.status}`,
        'status',
      );
    const familyId = row.familyId as string;
    const revision = await nextDraftRevision(tx, 'lifecycles', familyId, 'lifecycle');
    const copy = {
      id: newId,
      familyId,
      revision,
      status: 'draft' as const,
      code: row.code as string,
      name: row.name as string,
      officeId: row.officeId as string,
      projectTypeIds: row.projectTypeIds as string[],
      description: row.description as string,
      phases: row.phases as PhaseData[],
    };
    await tx.insert(lifecycles).values(copy);
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'lifecycle',
      entityId: newId,
      after: { ...copy, from: id },
    });
  });
  return getLifecycle(ctx, newId);
}
