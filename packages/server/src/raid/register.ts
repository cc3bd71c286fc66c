/*
 * Registers and heat maps (C8): the items of a project, program, portfolio or office (and of what
 * lies below), only what the caller may read, filtered, sorted and paged; and the 5 × 5 map of
 * their risks, inherent or residual.
 */
import {
  type RaidHeatMap,
  type RaidHeatMapQuery,
  type RaidKind,
  type RaidListQuery,
  type RaidPage,
  raidKinds,
} from '@pharos/api';
import { heatMap, riskImpact } from '@pharos/engine';
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../db/connect';
import type { Ctx } from '../http/context';
import { isoInstant } from '../registry/list-sql';
import { placeJoins, REGISTER_FIELDS, type Register } from './place';
import { type ItemRow, itemColumnsSql, presentItems } from './present';
import { filterSql, orderSql, type RegisterScope, reachSql, scopeSql } from './register-sql';
import { todayIn } from './today';

type Scoped = Partial<Record<Register['field'], string>> & { includeBelow: boolean };

export function scopeOf(q: Scoped): RegisterScope {
  const field = REGISTER_FIELDS.find((f) => q[f]);
  return { register: field ? { field, id: q[field]! } : null, includeBelow: q.includeBelow };
}

const from = sql.raw(`from raid_items t ${placeJoins}`);

const INSTANTS = ['archivedAt', 'createdAt', 'updatedAt', 'escalatedAt', 'closedAt'] as const;
/** Instants as Dates, however the driver hands them over (the embedded one as text). */
function rowOf(raw: Record<string, unknown>): ItemRow {
  for (const k of INSTANTS) {
    const v = raw[k];
    if (typeof v === 'string') raw[k] = new Date(isoInstant(v));
  }
  return raw as unknown as ItemRow;
}

/** One item with its anchors, optionally locked for an update (null when there is none). */
export async function loadRow(tx: Tx, id: string, lock = false): Promise<ItemRow | null> {
  const res = await tx.execute<ItemRow & Record<string, unknown>>(
    sql`select ${sql.raw(itemColumnsSql)} ${from} where t.id = ${id} ${sql.raw(lock ? 'for update of t' : '')}`,
  );
  return res.rows[0] ? rowOf(res.rows[0]) : null;
}

/** The rows matching conditions, with their relation to the register. */
export async function selectRows(tx: Tx, where: SQL[], relation: SQL, tail: SQL = sql``): Promise<ItemRow[]> {
  const res = await tx.execute<ItemRow & Record<string, unknown>>(
    sql`select ${sql.raw(itemColumnsSql)}, ${relation} as "relation" ${from}
      where ${sql.join(where, sql` and `)} ${tail}`,
  );
  return res.rows.map(rowOf);
}

/** A page of a register, with the count of matches per kind. */
export async function listRegister(ctx: Ctx, q: z.output<typeof RaidListQuery>): Promise<RaidPage> {
  const reach = await ctx.access.reach('raidItem', 'read');
  const today = todayIn(ctx.config.timeZone);
  const scope = scopeSql(scopeOf(q));
  const where = [reachSql(reach), scope.cond, ...filterSql(q, today)];
  const kindCond = q.kind ? [sql`t.kind = ${q.kind}`] : [];
  const tail = sql`order by ${orderSql(q.sort)} limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`;
  const rows = await selectRows(ctx.db, [...where, ...kindCond], scope.relation, tail);
  const counts = await ctx.db.execute<{ kind: RaidKind; n: number }>(
    sql`select t.kind, count(*)::int as n ${from} where ${sql.join(where, sql` and `)} group by t.kind`,
  );
  const byKind = Object.fromEntries(raidKinds.map((k) => [k, 0])) as Record<RaidKind, number>;
  for (const r of counts.rows) byKind[r.kind] = r.n;
  const total = q.kind ? byKind[q.kind] : Object.values(byKind).reduce((a, b) => a + b, 0);
  return {
    items: await presentItems(ctx, rows, today),
    total,
    page: q.page,
    pageSize: q.pageSize,
    counts: byKind,
  };
}

type Ratings = { probability: number; impact: Partial<Record<string, number>> };

/** The heat map of a register's risks: each placed by its ratings (or its residual ratings). */
export async function registerHeatMap(ctx: Ctx, q: z.output<typeof RaidHeatMapQuery>): Promise<RaidHeatMap> {
  const reach = await ctx.access.reach('raidItem', 'read');
  const today = todayIn(ctx.config.timeZone);
  const scope = scopeSql(scopeOf(q));
  const rows = await selectRows(
    ctx.db,
    [reachSql(reach), scope.cond, sql`t.kind = 'risk'`, ...filterSql(q, today)],
    scope.relation,
    sql`order by t.code`,
  );
  const risks = rows.map((r) => {
    const residual = q.residual ? (r.details.residual as Ratings | null | undefined) : null;
    const impact = residual ? riskImpact(residual.impact) : null;
    const probability = residual ? residual.probability : (r.probability ?? 0);
    const level = impact?.ok ? impact.value : (r.impact ?? 0);
    return {
      id: r.id,
      code: r.code,
      title: r.title,
      probability,
      impact: level,
      score: probability * level,
      status: r.status,
      projectId: r.projectId,
    };
  });
  const map = heatMap(risks);
  const placed = new Set(map.cells.flatMap((c) => c.ids));
  return {
    residual: q.residual,
    cells: map.cells,
    total: map.total,
    risks: risks.filter((r) => placed.has(r.id)),
  };
}
