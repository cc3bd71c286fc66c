import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import type { EntityType, Row } from './spec';

const tableOf: Record<EntityType, string> = {
  orgUnit: 'org_units',
  office: 'offices',
  objective: 'objectives',
  portfolio: 'portfolios',
  program: 'programs',
  project: 'projects',
  operation: 'operations',
  projectType: 'project_types',
  user: 'users',
};

/**
 * The display names of everything `rows` refer to, fetched in one query, so a list of 50
 * projects shows its offices, managers and types without 50 more requests.
 */
export async function labelsFor(tx: Tx, refs: Record<string, EntityType>, rows: Row[]) {
  const ids = new Map<EntityType, Set<string>>();
  for (const row of rows)
    for (const [field, type] of Object.entries(refs)) {
      const v = row[field];
      if (typeof v === 'string') (ids.get(type) ?? ids.set(type, new Set()).get(type)!).add(v);
    }
  const names = new Map<string, string>();
  if (ids.size > 0) {
    const parts = [...ids].map(
      ([type, set]) => sql`select id, name from ${sql.identifier(tableOf[type])} where id in ${[...set]}`,
    );
    const res = await tx.execute<{ id: string; name: string }>(sql.join(parts, sql` union all `));
    for (const r of res.rows) names.set(r.id, r.name);
  }
  return rows.map((row) => {
    const out: Record<string, string> = {};
    for (const field of Object.keys(refs)) {
      const v = row[field];
      if (typeof v === 'string' && names.has(v)) out[field] = names.get(v)!;
    }
    return out;
  });
}
