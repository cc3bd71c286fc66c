import { and, eq, getTableName, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { AppError, conflict, notFound } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { covers } from '../policy/reach';
import { labelsOf } from './labels';
import { type ListParams, listStatements } from './list-sql';
import { present } from './present';
import { checkRefs, wouldCycle } from './refs';
import type { EntitySpec, Row } from './spec';

export type { ListParams };

const META = new Set(['id', 'version', 'archivedAt', 'createdAt', 'updatedAt']);

/** A registry entity's use cases, driven by its spec. */
export function entityService(spec: EntitySpec) {
  const { table, col } = spec;

  // One query reads an item with its linked ids; the names of what it refers to come from labelsOf.
  const extraColumns = spec.extra?.columns(`${quoted(getTableName(table))}.id`) ?? {};
  const selection = {
    row: table,
    ...(spec.extra
      ? { extra: Object.fromEntries(Object.entries(extraColumns).map(([k, text]) => [k, sql.raw(text)])) }
      : {}),
  };
  type Selected = { row: Row; extra?: Record<string, unknown> };
  const statements = listStatements(spec);

  /** Items as the API shows them. Inside a transaction pass it: names are then read through it. */
  async function decorate(ctx: Ctx, rows: Selected[], tx: Tx | null = null) {
    const upd = await ctx.access.reach(spec.resource, 'update');
    const arc = await ctx.access.reach(spec.resource, 'archive');
    const names = await labelsOf(
      tx ?? ctx.db,
      tx ? null : ctx.reads,
      spec.refs,
      rows.map((r) => r.row),
    );
    return rows.map(({ row, extra }, i) => {
      const a = spec.anchors(row);
      return present(extra ? Object.assign(row, extra) : row, names[i]!, {
        update: covers(upd, a),
        archive: covers(arc, a),
      });
    });
  }

  async function selectById(tx: Tx, id: string, lock = false) {
    const q = tx
      .select(selection)
      .from(table)
      .where(eq(col('id'), id));
    return ((await (lock ? q.for('update', { of: table }) : q)) as Selected[])[0];
  }

  async function list(ctx: Ctx, p: ListParams) {
    const reach = await ctx.access.reach(spec.resource, 'read');
    const { page, count } = statements.list(reach, p);
    // The count of all matches changes only with a write: it is remembered until the next one.
    const [rows, total] = await Promise.all([
      ctx.db.$client.query<Row>(page),
      ctx.reads.memo(`count:${count.text}:${JSON.stringify(count.values)}`, async () => {
        const res = await ctx.db.$client.query<{ n: number }>(count);
        return res.rows[0]?.n ?? 0;
      }),
    ]);
    // Extra fields (linked ids) come as columns of the row: presenting merges them anyway.
    const selected = rows.rows.map((row) => ({ row }));
    return { items: await decorate(ctx, selected), total, page: p.page, pageSize: p.pageSize };
  }

  /** Loads an item the caller may read, or fails with not_found (never revealing it exists). */
  async function loadSelected(ctx: Ctx, tx: Tx, id: string, lock = false): Promise<Selected> {
    const found = await selectById(tx, id, lock);
    if (!found || !(await ctx.access.can(spec.resource, 'read', spec.anchors(found.row))))
      throw notFound(cap(spec.label));
    return found;
  }

  async function load(ctx: Ctx, tx: Tx, id: string, lock = false): Promise<Row> {
    return (await loadSelected(ctx, tx, id, lock)).row;
  }

  async function get(ctx: Ctx, id: string) {
    // Outside a transaction straight through the pool (a prepared statement); inside one (an
    // import reading what it wrote) through the transaction.
    const pool = (ctx.db as Partial<Ctx['db']>).$client;
    const found: Selected | undefined = pool
      ? ((await pool.query<Row>(statements.byId(id))).rows.map((row) => ({ row }))[0] as Selected | undefined)
      : await selectById(ctx.db, id);
    if (!found || !(await ctx.access.can(spec.resource, 'read', spec.anchors(found.row))))
      throw notFound(cap(spec.label));
    return (await decorate(ctx, [found]))[0]!;
  }

  /** The item as it now is, inside the transaction that changed it. */
  async function reread(ctx: Ctx, tx: Tx, id: string) {
    return (await decorate(ctx, [(await selectById(tx, id))!], tx))[0]!;
  }

  async function create(ctx: Ctx, body: Record<string, unknown>) {
    return inTx(ctx, async (tx) => {
      const values = { ...body } as Row;
      await spec.derive?.(tx, values);
      await ctx.access.authorize(spec.resource, 'create', anchorsOrNull(spec.anchorsFor(values)));
      await checkRefs(tx, spec.refs, values);
      const stored = pick(values, (k) => !(selection.extra && k in selection.extra));
      const [row] = (await tx.insert(table).values(stored).returning()) as Row[];
      if (spec.extra) await spec.extra.save(tx, row!.id, values);
      const out = await reread(ctx, tx, row!.id);
      await recordAudit(tx, ctx, {
        action: 'create',
        entityType: spec.type,
        entityId: row!.id,
        after: strip(out!),
      });
      return out!;
    });
  }

  async function update(ctx: Ctx, id: string, body: Record<string, unknown> & { version: number }) {
    return inTx(ctx, async (tx) => {
      const beforeSel = await loadSelected(ctx, tx, id, true);
      const before = beforeSel.row;
      await ctx.access.authorize(spec.resource, 'update', spec.anchors(before));
      if (before.archivedAt)
        throw new AppError('archived', `This ${spec.label} is archived; restore it first`);
      if (body.version !== before.version) throw conflict(spec.label);
      const { version: _v, ...changes } = body;
      // A copy: presenting works in place, and `before` is compared with below.
      const [beforeView] = await decorate(ctx, [{ ...beforeSel, row: { ...before } }], tx);
      const merged = { ...beforeView, ...before, ...changes } as Row;
      await spec.derive?.(tx, merged);
      const moved = Object.values(spec.anchorColumns).some((c) => c !== 'id' && merged[c] !== before[c]);
      if (moved) await ctx.access.authorize(spec.resource, 'update', anchorsOrNull(spec.anchorsFor(merged)));
      const changedRefs = Object.fromEntries(
        Object.entries(spec.refs).filter(([f]) => merged[f] !== before[f]),
      );
      await checkRefs(tx, changedRefs, merged);
      if (spec.parentField && merged[spec.parentField] !== before[spec.parentField]) {
        if (await wouldCycle(tx, spec, id, merged[spec.parentField] as string | null))
          throw new AppError(
            'cycle',
            `A ${spec.label} cannot be moved under itself or its own descendants`,
            spec.parentField,
          );
      }
      const stored = pick(merged, (k) => k in before && !META.has(k));
      const [after] = (await tx
        .update(table)
        .set({ ...stored, version: sql`${col('version')} + 1`, updatedAt: sql`now()` })
        .where(and(eq(col('id'), id), eq(col('version'), body.version)))
        .returning()) as Row[];
      if (!after) throw conflict(spec.label);
      if (spec.extra) await spec.extra.save(tx, id, merged);
      await spec.afterUpdate?.(tx, before, after);
      const out = await reread(ctx, tx, id);
      const diff = changedFields(strip(beforeView!), strip(out!));
      await recordAudit(tx, ctx, { action: 'update', entityType: spec.type, entityId: id, ...diff });
      return out!;
    });
  }

  async function setArchived(ctx: Ctx, id: string, version: number, archive: boolean) {
    return inTx(ctx, async (tx) => {
      const before = await load(ctx, tx, id, true);
      await ctx.access.authorize(spec.resource, 'archive', spec.anchors(before));
      if (version !== before.version) throw conflict(spec.label);
      if (archive && before.archivedAt)
        throw new AppError('archived', `This ${spec.label} is already archived`);
      if (!archive && !before.archivedAt)
        throw new AppError('validation_failed', `This ${spec.label} is not archived`);
      if (archive) {
        for (const c of spec.children) {
          const [hit] = await tx
            .select({ id: sql`1` })
            .from(c.table)
            .where(and(eq(sql.identifier(c.column), id), isNull(sql.identifier('archived_at'))))
            .limit(1);
          if (hit)
            throw new AppError(
              'has_active_children',
              `This ${spec.label} still has active ${c.label}; move or archive them first`,
            );
        }
      } else {
        // Restoring under an archived parent would hide the item again: restore the parent first.
        const refs = Object.fromEntries(
          Object.entries(spec.refs).filter(([f]) => f === spec.parentField || isContainer(f)),
        );
        await checkRefs(tx, refs, before);
      }
      const [after] = (await tx
        .update(table)
        .set({
          archivedAt: archive ? sql`now()` : null,
          version: sql`${col('version')} + 1`,
          updatedAt: sql`now()`,
        })
        .where(and(eq(col('id'), id), eq(col('version'), version)))
        .returning()) as Row[];
      if (!after) throw conflict(spec.label);
      if (archive) await spec.onArchive?.(tx, after);
      const out = await reread(ctx, tx, id);
      await recordAudit(tx, ctx, {
        action: archive ? 'archive' : 'restore',
        entityType: spec.type,
        entityId: id,
        before: { archivedAt: before.archivedAt?.toISOString() ?? null, version: before.version },
        after: { archivedAt: out!.archivedAt, version: out!.version },
      });
      return out!;
    });
  }

  return {
    spec,
    list,
    get,
    load,
    create,
    update,
    archive: (ctx: Ctx, id: string, version: number) => setArchived(ctx, id, version, true),
    restore: (ctx: Ctx, id: string, version: number) => setArchived(ctx, id, version, false),
  };
}

export type EntityService = ReturnType<typeof entityService>;

const isContainer = (f: string) => ['portfolioId', 'programId', 'officeId'].includes(f);
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);
const quoted = (name: string) => `"${name}"`;

/** An item that sits nowhere (no anchors) needs an organization-wide grant. */
function anchorsOrNull(a: ReturnType<EntitySpec['anchors']>) {
  return Object.values(a).some((v) => v != null) ? a : null;
}

function pick(o: Record<string, unknown>, keep: (k: string) => boolean) {
  return Object.fromEntries(Object.entries(o).filter(([k]) => keep(k)));
}

function strip(item: Record<string, unknown>) {
  return pick(item, (k) => !['abilities', 'labels', 'createdAt', 'updatedAt'].includes(k));
}

function changedFields(before: Record<string, unknown>, after: Record<string, unknown>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const k of Object.keys(after)) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}
