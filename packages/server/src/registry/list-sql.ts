import { createHash } from 'node:crypto';
import { getTableColumns, getTableName } from 'drizzle-orm';
import pg from 'pg';
import { AppError } from '../errors';
import type { Reach } from '../policy/reach';
import type { EntitySpec } from './spec';

/** Collects a statement's parameters and hands out their placeholders. */
export class Params {
  readonly values: unknown[] = [];
  add = (value: unknown) => {
    this.values.push(value);
    return `$${this.values.length}`;
  };
}

/** A list request: paging, sort (a field, `-` for descending), search, archived, filters by field. */
export interface ListParams {
  page: number;
  pageSize: number;
  sort?: string | undefined;
  q?: string | undefined;
  archived: 'active' | 'archived' | 'all';
  [filter: string]: unknown;
}

const snake = (key: string) => key.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The statements of a registry list, written out once per entity rather than composed by the ORM
 * on every request: a list is the hottest path of the API. Conditions use the alias `t`; every
 * value is a parameter, and the reach of the caller is one array parameter per level, so a
 * caller's statement text does not depend on how many items they may see.
 */
export function listStatements(spec: EntitySpec) {
  const table = quote(getTableName(spec.table));
  const keys = Object.keys(getTableColumns(spec.table));
  const dbName = new Map(keys.map((k) => [k, snake(k)]));
  const column = (key: string) => {
    const name = dbName.get(key);
    if (!name) throw new AppError('validation_failed', `Unknown field ${key}`, 'sort');
    return `t.${quote(name)}`;
  };
  // A password hash never leaves the database on a list.
  const rowColumns = keys
    .filter((k) => k !== 'passwordHash')
    .map((k) => `t.${quote(dbName.get(k)!)} as ${quote(k)}`)
    .join(', ');
  const extraColumns = spec.extra
    ? Object.entries(spec.extra.columns('t.id'))
        .map(([k, text]) => `, ${text} as ${quote(k)}`)
        .join('')
    : '';

  /** The WHERE clause (without the keyword) for what the caller may see and asked for. */
  function where(reach: Reach, p: ListParams, param: Params['add']): string {
    const conds: string[] = [];
    if (!reach.organization) {
      const parts: string[] = [];
      for (const [anchor, ids] of [
        ['office', reach.offices],
        ['portfolio', reach.portfolios],
        ['program', reach.programs],
        ['project', reach.projects],
      ] as const) {
        const c = spec.anchorColumns[anchor];
        if (c && ids.size) parts.push(`${column(c)} = any(${param([...ids])}::uuid[])`);
      }
      conds.push(parts.length ? `(${parts.join(' or ')})` : 'false');
    }
    if (p.archived === 'active') conds.push('t.archived_at is null');
    if (p.archived === 'archived') conds.push('t.archived_at is not null');
    if (p.q) {
      const like = param(`%${p.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
      conds.push(
        `(${(spec.search ?? ['code', 'name']).map((c) => `${column(c)} ilike ${like}`).join(' or ')})`,
      );
    }
    for (const f of spec.filters) {
      const v = p[f];
      if (typeof v === 'string')
        conds.push(v === 'none' ? `${column(f)} is null` : `${column(f)} = ${param(v)}`);
    }
    conds.push(...(spec.conditions?.(p, param) ?? []));
    return conds.length ? conds.join(' and ') : 'true';
  }

  return {
    /**
     * One page, sorted by `sort` (a field, `-` for descending) then id, and the count of all
     * matches (every page together), from one WHERE clause. Linked ids (extra columns) are read for
     * the rows of the page only, not for the rows skipped before it.
     */
    list(reach: Reach, p: ListParams) {
      const params = new Params();
      const cond = where(reach, p, params.add);
      const count = {
        text: `select count(*)::int as n from ${table} t where ${cond}`,
        values: [...params.values],
      };
      const field = p.sort?.replace(/^-/, '') ?? spec.defaultSort ?? 'code';
      const dir = p.sort?.startsWith('-') ? 'desc' : 'asc';
      const order = `${column(field)} ${dir}, t.id asc`;
      const limit = params.add(p.pageSize);
      const offset = params.add((p.page - 1) * p.pageSize);
      const inner = `select * from ${table} t where ${cond} order by ${order} limit ${limit} offset ${offset}`;
      const text = `select ${rowColumns}${extraColumns} from (${inner}) t order by ${order}`;
      return { page: { name: statementName(text), text, values: params.values, types: listTypes }, count };
    },
    /** One item by id, with its extra columns: the hottest read, prepared once per connection. */
    byId(id: string) {
      return {
        name: `get_${getTableName(spec.table)}`,
        text: `select ${rowColumns}${extraColumns} from ${table} t where t.id = $1`,
        values: [id],
        types: listTypes,
      };
    },
  };
}

/**
 * Page statements are prepared (named) once per connection: parsing one costs the embedded
 * database about as much as running it. The texts are few (one per combination of filters and
 * sort); past a bound, further ones run unprepared rather than pile up in every connection.
 */
const named = new Set<string>();
const MAX_NAMED = 500;
function statementName(text: string): string | undefined {
  const name = `list_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
  if (named.has(name)) return name;
  if (named.size >= MAX_NAMED) return undefined;
  named.add(name);
  return name;
}

const TIMESTAMPTZ = 1184;
const parseInstant = pg.types.getTypeParser(TIMESTAMPTZ) as (text: string) => Date;

/** An instant as the API writes it (`toISOString`), from PostgreSQL's text, without a Date between. */
export function isoInstant(text: string): string {
  const m = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d{1,6}))?\+00$/.exec(text);
  if (m) return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
  return parseInstant(text).toISOString(); // another session time zone, or a year past 9999
}

/** Result types for list statements: instants as ISO strings, everything else as usual. */
export const listTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ ? isoInstant : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};
