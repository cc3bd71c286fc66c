import type { auditActions } from '@pharos/api';
import { and, count, desc, eq, inArray, or, type SQL } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import type { ReadCache } from '../db/read-cache';
import { auditEvents, users } from '../db/schema/index';
import type { Ctx } from '../http/context';

export type AuditAction = (typeof auditActions)[number];

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Records who did what to which entity, before and after, inside the caller's transaction. */
export async function recordAudit(tx: Tx, ctx: Pick<Ctx, 'actor' | 'requestId'>, e: AuditEntry) {
  await tx.insert(auditEvents).values({
    actorId: ctx.actor?.userId ?? null,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before ? clean(e.before) : null,
    after: e.after ? clean(e.after) : null,
    requestId: ctx.requestId,
  });
}

/** Keeps what is worth keeping: no secrets, no permission decorations. */
function clean(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'passwordHash' || k === 'abilities' || k === 'tokenHash') continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorId?: string | undefined;
  action?: string | undefined;
  /** Also these items (e.g. an office's catalog services, shown in the office's history). */
  alsoEntities?: { type: string; ids: string[] } | undefined;
  page: number;
  pageSize: number;
}

/** A page of the trail, newest first. The count of all matches is remembered until the next write. */
export async function listAudit(db: Tx, f: AuditFilter, reads: ReadCache | null = null) {
  const conds: SQL[] = [];
  const own: SQL[] = [];
  if (f.entityType) own.push(eq(auditEvents.entityType, f.entityType));
  if (f.entityId) own.push(eq(auditEvents.entityId, f.entityId));
  const also = f.alsoEntities?.ids.length
    ? and(eq(auditEvents.entityType, f.alsoEntities.type), inArray(auditEvents.entityId, f.alsoEntities.ids))
    : undefined;
  if (own.length) conds.push(also ? or(and(...own), also)! : and(...own)!);
  if (f.actorId) conds.push(eq(auditEvents.actorId, f.actorId));
  if (f.action) conds.push(eq(auditEvents.action, f.action));
  const where = conds.length ? and(...conds) : undefined;
  const counted = db.select({ n: count() }).from(auditEvents).where(where);
  const countAll = async () => (await counted)[0]?.n ?? 0;
  const { sql: countText, params } = counted.toSQL();
  const [rows, total] = await Promise.all([
    db
      .select({ e: auditEvents, actorName: users.name })
      .from(auditEvents)
      .leftJoin(users, eq(users.id, auditEvents.actorId))
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    reads ? reads.memo(`count:${countText}:${JSON.stringify(params)}`, countAll) : countAll(),
  ]);
  return {
    items: rows.map(({ e, actorName }) => ({
      id: String(e.id),
      at: e.at.toISOString(),
      actorId: e.actorId,
      actorName,
      action: e.action as AuditAction,
      entityType: e.entityType,
      entityId: e.entityId,
      before: e.before,
      after: e.after,
      requestId: e.requestId,
    })),
    total,
    page: f.page,
    pageSize: f.pageSize,
  };
}
