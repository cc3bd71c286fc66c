/*
 * RAID items (C8): create, read, change, archive and restore, each write one transaction with its
 * audit row. A risk or issue that a write takes past its office's tolerance escalates in the same
 * transaction; the owner named on an item is told it is theirs.
 */
import type { RaidItem, RaidItemCreate, RaidItemUpdate } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { raidItems } from '../db/schema/index';
import { AppError, conflict, notFound } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { notifyUsers } from '../notify/notifications';
import { nextRaidCode } from './codes';
import { climb, escalationEnv } from './escalation-core';
import { placeOf, registerOf } from './place';
import { anchorsOf, type ItemRow, mayRead, presentItems } from './present';
import { loadRow } from './register';
import { todayIn } from './today';
import { type ItemColumns, itemColumns } from './values';

/** Reach is read before a transaction: the embedded database has one connection. */
export async function warmReach(ctx: Ctx) {
  for (const action of ['read', 'create', 'update', 'archive'] as const)
    await ctx.access.reach('raidItem', action);
}

/** Loads an item the caller may read, or fails with not_found (never revealing it exists). */
export async function loadReadable(ctx: Ctx, tx: Tx, id: string, lock = false): Promise<ItemRow> {
  const r = await loadRow(tx, id, lock);
  if (!r || !(await mayRead(ctx, r))) throw notFound('RAID item');
  return r;
}

/** An item the caller may change: readable, allowed, not archived, at the version they loaded. */
export async function loadForChange(ctx: Ctx, tx: Tx, id: string, version: number): Promise<ItemRow> {
  const r = await loadReadable(ctx, tx, id, true);
  await ctx.access.authorize('raidItem', 'update', anchorsOf(r));
  if (r.archivedAt) throw new AppError('archived', 'This item is archived; restore it first');
  if (version !== r.version) throw conflict('item');
  return r;
}

export async function getItem(ctx: Ctx, id: string, tx: Tx | null = null): Promise<RaidItem> {
  const r = await loadReadable(ctx, tx ?? ctx.db, id);
  return (await presentItems(ctx, [r], todayIn(ctx.config.timeZone), tx))[0]!;
}

const stored = (c: ItemColumns) => ({
  title: c.title,
  description: c.description,
  ownerId: c.ownerId,
  dueOn: c.dueOn,
  status: c.status,
  details: c.details,
  probability: c.probability,
  impact: c.impact,
  score: c.score,
  residualScore: c.residualScore,
  severity: c.severity,
  dependsOnProjectId: c.dependsOnProjectId,
  closedAt: c.closedAt,
});

export async function createItem(ctx: Ctx, body: z.output<typeof RaidItemCreate>): Promise<RaidItem> {
  await warmReach(ctx);
  const today = todayIn(ctx.config.timeZone);
  const id = await inTx(ctx, async (tx) => {
    const register = registerOf(body);
    const place = await placeOf(tx, register);
    await ctx.access.authorize('raidItem', 'create', place.anchors);
    if (place.archived)
      throw new AppError('archived', `This ${register.field.slice(0, -2)} is archived`, register.field);
    const cols = await itemColumns(tx, body, {
      actorId: ctx.actor?.userId ?? null,
      today,
      projectId: body.projectId ?? null,
    });
    const [row] = await tx
      .insert(raidItems)
      .values({
        ...stored(cols),
        kind: body.kind,
        code: await nextRaidCode(tx, body.kind),
        [register.field]: register.id,
      })
      .returning({ id: raidItems.id });
    const created = await getItem(ctx, row!.id, tx);
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'raidItem',
      entityId: row!.id,
      after: audited(created),
    });
    await tellOwner(ctx, tx, created, null);
    await climb(ctx, tx, row!.id, await escalationEnv(tx, ctx.config.timeZone, today));
    return row!.id;
  });
  return getItem(ctx, id);
}

export async function updateItem(
  ctx: Ctx,
  id: string,
  body: z.output<typeof RaidItemUpdate>,
): Promise<RaidItem> {
  await warmReach(ctx);
  const today = todayIn(ctx.config.timeZone);
  await inTx(ctx, async (tx) => {
    const before = await loadForChange(ctx, tx, id, body.version);
    if (body.kind !== before.kind)
      throw new AppError(
        'validation_failed',
        `This item is a ${before.kind}; its kind cannot change`,
        'kind',
      );
    const beforeView = await getItem(ctx, id, tx);
    const cols = await itemColumns(
      tx,
      {
        kind: before.kind,
        title: body.title ?? before.title,
        description: body.description ?? before.description,
        ownerId: body.ownerId === undefined ? before.ownerId : body.ownerId,
        dueOn: body.dueOn === undefined ? before.dueOn : body.dueOn,
        status: (body.status ?? before.status) as ItemColumns['status'],
        details: { ...beforeView.details, ...definedOnly(body.details ?? {}) },
      },
      { actorId: ctx.actor?.userId ?? null, today, projectId: before.projectId },
      before,
    );
    const res = await tx.execute(sql`update raid_items set
        title = ${cols.title}, description = ${cols.description}, owner_id = ${cols.ownerId},
        due_on = ${cols.dueOn}, status = ${cols.status}, details = ${JSON.stringify(cols.details)}::jsonb,
        probability = ${cols.probability}, impact = ${cols.impact}, score = ${cols.score},
        residual_score = ${cols.residualScore}, severity = ${cols.severity},
        depends_on_project_id = ${cols.dependsOnProjectId}, closed_at = ${cols.closedAt},
        version = version + 1, updated_at = now()
      where id = ${id} and version = ${body.version} returning id`);
    if (res.rows.length === 0) throw conflict('item');
    const after = await getItem(ctx, id, tx);
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'raidItem',
      entityId: id,
      ...diff(beforeView, after),
    });
    await tellOwner(ctx, tx, after, before.ownerId);
    await climb(ctx, tx, id, await escalationEnv(tx, ctx.config.timeZone, today));
  });
  return getItem(ctx, id);
}

export async function setArchived(ctx: Ctx, id: string, version: number, archive: boolean) {
  await warmReach(ctx);
  await inTx(ctx, async (tx) => {
    const r = await loadReadable(ctx, tx, id, true);
    await ctx.access.authorize('raidItem', 'archive', anchorsOf(r));
    if (version !== r.version) throw conflict('item');
    if (archive && r.archivedAt) throw new AppError('archived', 'This item is already archived');
    if (!archive && !r.archivedAt) throw new AppError('validation_failed', 'This item is not archived');
    await tx.execute(sql`update raid_items set archived_at = ${archive ? sql`now()` : null},
        version = version + 1, updated_at = now() where id = ${id}`);
    await recordAudit(tx, ctx, {
      action: archive ? 'archive' : 'restore',
      entityType: 'raidItem',
      entityId: id,
      before: { archivedAt: r.archivedAt?.toISOString() ?? null, version: r.version },
      after: { archivedAt: archive ? new Date().toISOString() : null, version: r.version + 1 },
    });
  });
  return getItem(ctx, id);
}

/** The person newly named as owner is told (not the one who named themself). */
async function tellOwner(ctx: Ctx, tx: Tx, item: RaidItem, was: string | null) {
  if (!item.ownerId || item.ownerId === was) return;
  await notifyUsers(ctx, tx, {
    userIds: [item.ownerId],
    kind: 'raid.assigned',
    title: `${item.code} is yours: ${item.title}`,
    body: `You own this ${item.kind}${item.dueOn ? `, due ${item.dueOn}` : ''}.`,
    link: itemLink(item),
    subjectType: 'raidItem',
    subjectId: item.id,
  });
}

/** Where an item shows in the web app: its register's RAID tab, opened on it. */
export function itemLink(i: Pick<RaidItem, 'id' | 'projectId' | 'programId' | 'portfolioId' | 'officeId'>) {
  const [path, id] = i.projectId
    ? ['projects', i.projectId]
    : i.programId
      ? ['programs', i.programId]
      : i.portfolioId
        ? ['portfolios', i.portfolioId]
        : ['offices', i.officeId];
  return `/${path}/${id}?tab=raid&item=${i.id}`;
}

function definedOnly(o: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

const META = new Set(['abilities', 'labels', 'createdAt', 'updatedAt', 'open', 'overdue', 'relation']);
function audited(item: RaidItem) {
  return Object.fromEntries(Object.entries(item).filter(([k]) => !META.has(k)));
}

function diff(before: RaidItem, after: RaidItem) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  const was = audited(before);
  for (const [k, v] of Object.entries(audited(after)))
    if (JSON.stringify(was[k]) !== JSON.stringify(v)) {
      b[k] = was[k];
      a[k] = v;
    }
  return { before: b, after: a };
}
