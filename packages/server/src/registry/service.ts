import {
  and,
  asc,
  desc,
  eq,
  getTableName,
  ilike,
  inArray,
  isNotNull,
  isNull,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { AppError, conflict, notFound } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { covers } from '../policy/reach';
import { present } from './present';
import { checkRefs, tables, wouldCycle } from './refs';
import type { EntitySpec, Row } from './spec';

export interface ListParams {
  page: number;
  pageSize: number;
  sort?: string | undefined;
  q?: string | undefined;
  archived: 'active' | 'archived' | 'all';
  [filter: string]: unknown;
}

const META = new Set(['id', 'version', 'archivedAt', 'createdAt', 'updatedAt']);

/** A registry entity's use cases, driven by its spec. */
export function entityService(spec: EntitySpec) {
  const { table, col } = spec;

  // One query reads an item with the names of what it refers to and its linked ids.
  const labelColumns = Object.fromEntries(
    Object.entries(spec.refs).map(([field, type]) => [
      field,
      sql<
        string | null
      >`(select l.name from ${sql.identifier(getTableName(tables[type]))} l where l.id = ${col(field)})`,
    ]),
  );
  const selection = {
    row: table,
    ...(Object.keys(labelColumns).length ? { labels: labelColumns } : {}),
    ...(spec.extra ? { extra: spec.extra.select } : {}),
  };
  type Selected = { row: Row; labels?: Record<string, string | null>; extra?: Record<string, unknown> };

  async function decorate(ctx: Ctx, rows: Selected[]) {
    const upd = await ctx.access.reach(spec.resource, 'update');
    const arc = await ctx.access.reach(spec.resource, 'archive');
    return rows.map(({ row, labels, extra }) => {
      const a = spec.anchors(row);
      const names = Object.fromEntries(Object.entries(labels ?? {}).filter(([, v]) => v !== null));
      return present(
        { ...row, ...(extra ?? {}), labels: names },
        { update: covers(upd, a), archive: covers(arc, a) },
      );
    });
  }

  // The hottest read, built once per database and executed as a named prepared statement.
  const prepared = new WeakMap<object, { execute: (p: { id: string }) => Promise<unknown> }>();
  function preparedGet(db: Ctx['db']) {
    let q = prepared.get(db);
    if (!q) {
      q = db
        .select(selection)
        .from(table)
        .where(eq(col('id'), sql.placeholder('id')))
        .prepare(`get_${spec.type}`);
      prepared.set(db, q);
    }
    return q;
  }

  async function selectById(tx: Tx, id: string, lock = false) {
    const q = tx
      .select(selection)
      .from(table)
      .where(eq(col('id'), id));
    return ((await (lock ? q.for('update', { of: table }) : q)) as Selected[])[0];
  }

  /** The caller's visibility as SQL, or undefined when they see everything. */
  async function visible(ctx: Ctx): Promise<SQL | undefined> {
    const r = await ctx.access.reach(spec.resource, 'read');
    if (r.organization) return undefined;
    const parts: SQL[] = [];
    const add = (anchor: keyof typeof spec.anchorColumns, ids: Set<string>) => {
      const c = spec.anchorColumns[anchor];
      if (c && ids.size) parts.push(inArray(col(c), [...ids]));
    };
    add('office', r.offices);
    add('portfolio', r.portfolios);
    add('program', r.programs);
    add('project', r.projects);
    return parts.length ? or(...parts) : sql`false`;
  }

  async function list(ctx: Ctx, p: ListParams) {
    const conds: (SQL | undefined)[] = [await visible(ctx)];
    if (p.archived === 'active') conds.push(isNull(col('archivedAt')));
    if (p.archived === 'archived') conds.push(isNotNull(col('archivedAt')));
    if (p.q) {
      const like = `%${p.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      conds.push(or(...(spec.search ?? ['code', 'name']).map((c) => ilike(col(c), like))));
    }
    for (const f of spec.filters) {
      const v = p[f];
      if (typeof v === 'string') conds.push(v === 'none' ? isNull(col(f)) : eq(col(f), v));
    }
    conds.push(...(spec.conditions?.(p) ?? []));
    const sortField = p.sort?.replace(/^-/, '') ?? spec.defaultSort ?? 'code';
    const order = p.sort?.startsWith('-') ? desc(col(sortField)) : asc(col(sortField));
    const where = and(...conds);
    // The page and the count apart: labels are then read for the 50 rows shown, not for every match.
    const [rows, [count]] = await Promise.all([
      ctx.db
        .select(selection)
        .from(table)
        .where(where)
        .orderBy(order, asc(col('id')))
        .limit(p.pageSize)
        .offset((p.page - 1) * p.pageSize),
      ctx.db.select({ n: sql<number>`count(*)::int` }).from(table).where(where),
    ]);
    const total = count?.n ?? 0;
    return {
      items: await decorate(ctx, rows as unknown as Selected[]),
      total,
      page: p.page,
      pageSize: p.pageSize,
    };
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
    const [found] = (await preparedGet(ctx.db).execute({ id })) as Selected[];
    if (!found || !(await ctx.access.can(spec.resource, 'read', spec.anchors(found.row))))
      throw notFound(cap(spec.label));
    return (await decorate(ctx, [found]))[0]!;
  }

  /** The item as it now is, inside the transaction that changed it. */
  async function reread(ctx: Ctx, tx: Tx, id: string) {
    return (await decorate(ctx, [(await selectById(tx, id))!]))[0]!;
  }

  async function create(ctx: Ctx, body: Record<string, unknown>) {
    return inTx(ctx, async (tx) => {
      const values = { ...body } as Row;
      await spec.derive?.(tx, values);
      await ctx.access.authorize(spec.resource, 'create', anchorsOrNull(spec.anchorsFor(values)));
      await checkRefs(tx, spec.refs, values);
      const stored = pick(values, (k) => !(spec.extra && k in spec.extra.select));
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
      const [beforeView] = await decorate(ctx, [beforeSel]);
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
