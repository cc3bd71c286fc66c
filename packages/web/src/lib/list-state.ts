/**
 * The state of a list page (paging, sorting, search, archived filter and per-entity filters) lives in
 * the URL search params. These pure helpers read it leniently (anything invalid is dropped, so a
 * hand-edited URL never breaks the page), and turn it into the API query with defaults applied.
 */

export type FilterSpec = { kind: 'enum'; values: readonly string[] } | { kind: 'id' };

export interface ListSpec<F extends string = string> {
  sortFields: readonly string[];
  defaultSort?: string;
  filters: Record<F, FilterSpec>;
}

export const pageSizes = [10, 25, 50, 100] as const;
export const defaultPageSize = 25;
export type ArchivedFilter = 'active' | 'archived' | 'all';

export interface BaseSearch {
  page?: number;
  pageSize?: number;
  sort?: string;
  q?: string;
  archived?: 'archived' | 'all';
}
export type ListSearch<F extends string> = BaseSearch & Partial<Record<F, string>>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function int(v: unknown): number | undefined {
  const s = str(v);
  if (s === undefined || !/^\d+$/.test(s)) return undefined;
  return Number(s);
}

export function sortValues(spec: ListSpec): string[] {
  return spec.sortFields.flatMap((f) => [f, `-${f}`]);
}

/** Read list state from raw search params; only valid, non-default values are kept. */
export function parseListSearch<F extends string>(
  spec: ListSpec<F>,
  raw: Record<string, unknown>,
): ListSearch<F> {
  const out: ListSearch<F> = {};
  const page = int(raw.page);
  if (page !== undefined && page > 1) out.page = page;
  const pageSize = int(raw.pageSize);
  if (
    pageSize !== undefined &&
    pageSize !== defaultPageSize &&
    (pageSizes as readonly number[]).includes(pageSize)
  )
    out.pageSize = pageSize;
  const sort = str(raw.sort);
  if (sort !== undefined && sort !== spec.defaultSort && sortValues(spec).includes(sort)) out.sort = sort;
  const q = str(raw.q)?.trim().slice(0, 200);
  if (q) out.q = q;
  if (raw.archived === 'archived' || raw.archived === 'all') out.archived = raw.archived;
  for (const [name, f] of Object.entries(spec.filters) as [F, FilterSpec][]) {
    const v = str(raw[name]);
    if (v === undefined) continue;
    if (f.kind === 'enum' ? f.values.includes(v) : uuid.test(v)) (out as Record<string, string>)[name] = v;
  }
  return out;
}

/** Merge a change into the list state; any change other than the page itself goes back to page 1. */
export function updateListSearch<S extends BaseSearch>(prev: S, change: Partial<S>): S {
  const next = { ...prev, ...change } as S & Record<string, unknown>;
  if (!('page' in change)) delete next.page;
  for (const k of Object.keys(next))
    if (next[k] === undefined || next[k] === null || next[k] === '') delete next[k];
  if (next.page === 1) delete next.page;
  return next;
}

/** The API query for a list state: defaults applied, filters passed through. */
export function toListQuery<F extends string>(spec: ListSpec<F>, s: ListSearch<F>) {
  const filters: Partial<Record<F, string>> = {};
  for (const name of Object.keys(spec.filters) as F[]) if (s[name]) filters[name] = s[name];
  return {
    page: s.page ?? 1,
    pageSize: s.pageSize ?? defaultPageSize,
    sort: s.sort ?? spec.defaultSort,
    q: s.q,
    archived: (s.archived ?? 'active') as ArchivedFilter,
    ...filters,
  };
}

/** The sort that clicking a column header produces: ascending first, then descending. */
export function nextSort(current: string | undefined, field: string): string {
  return current === field ? `-${field}` : field;
}

export function sortState(current: string | undefined, field: string): 'ascending' | 'descending' | 'none' {
  if (current === field) return 'ascending';
  if (current === `-${field}`) return 'descending';
  return 'none';
}

/** How many of the spec's filters are set (for a "Filters (2)" button). */
export function countFilters<F extends string>(spec: ListSpec<F>, s: ListSearch<F>): number {
  return (Object.keys(spec.filters) as F[]).filter((f) => Boolean(s[f])).length;
}
