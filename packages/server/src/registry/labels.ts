import { getTableName, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import type { ReadCache } from '../db/read-cache';
import { tables } from './refs';
import type { EntityType } from './spec';

/**
 * The names of the items `rows` refer to, per row and field (`{ officeId: 'Group PMO' }`), so a
 * list shows names and not ids. Names come from the read cache (one map of names by id per
 * type); the missing ones are read in one statement for every type. Inside a transaction pass no
 * cache: the transaction may see names nobody else sees yet.
 */
export async function labelsOf(
  db: Tx,
  reads: ReadCache | null,
  refs: Record<string, EntityType>,
  rows: readonly Record<string, unknown>[],
): Promise<Record<string, string>[]> {
  const fields = Object.entries(refs);
  const mark = reads?.mark() ?? 0;
  const names = new Map<EntityType, Map<string, string>>();
  const nameMap = (type: EntityType) => {
    let m = names.get(type);
    if (!m) {
      m = reads?.mapAt<string, string>(`labels:${type}`, mark) ?? new Map();
      names.set(type, m);
    }
    return m;
  };
  const missing = new Map<EntityType, Set<string>>();
  for (const row of rows)
    for (const [field, type] of fields) {
      const id = row[field];
      if (typeof id !== 'string' || nameMap(type).has(id)) continue;
      const ids = missing.get(type) ?? new Set();
      missing.set(type, ids.add(id));
    }
  if (missing.size) {
    const parts: SQL[] = [...missing].map(
      ([type, ids]) =>
        sql`select ${type}::text as type, id::text as id, name from ${sql.identifier(getTableName(tables[type]))} where id in (${sql.join(
          [...ids].map((id) => sql`${id}`),
          sql`, `,
        )})`,
    );
    const res = await db.execute<{ type: EntityType; id: string; name: string }>(
      sql.join(parts, sql` union all `),
    );
    // If a write committed meanwhile, the cache has let go of these maps: nothing stale is kept.
    for (const { type, id, name } of res.rows) nameMap(type).set(id, name);
  }
  return rows.map((row) => {
    const out: Record<string, string> = {};
    for (const [field, type] of fields) {
      const id = row[field];
      const name = typeof id === 'string' ? names.get(type)?.get(id) : undefined;
      if (name !== undefined) out[field] = name;
    }
    return out;
  });
}
