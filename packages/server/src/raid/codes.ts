import { type RaidKind, raidCodePrefix } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';

/**
 * The next free code of a kind: R-0001, I-0001, A-0001, D-0001, L-0001. Numbering is serialized
 * per kind by a transaction-scoped advisory lock: two items created at once wait for each other,
 * and the second reads the first's code once it has committed.
 */
export async function nextRaidCode(tx: Tx, kind: RaidKind): Promise<string> {
  const prefix = raidCodePrefix[kind];
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`pharos.raid-code.${kind}`}))`);
  const res = await tx.execute<{ n: number }>(sql`
    select coalesce(max(split_part(code, '-', 2)::int), 0)::int as n
    from raid_items where kind = ${kind} and code ~ ${`^${prefix}-[0-9]{1,9}$`}`);
  return `${prefix}-${String((res.rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}
