import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { AppError } from '../errors';

/** Tables whose items are kept in revisions of one family (scoring frameworks, lifecycles). */
export type RevisedTable = 'scoring_frameworks' | 'lifecycles';

/**
 * The number of a family's next revision, when a new draft may be made: the family's revisions
 * are locked while numbering, and a family has at most one draft (`noun` names it in the error).
 */
export async function nextDraftRevision(tx: Tx, table: RevisedTable, familyId: string, noun: string) {
  const t = sql.identifier(table);
  // One family's revisions are numbered one after the other: lock them while numbering.
  await tx.execute(sql`select id from ${t} where family_id = ${familyId} for update`);
  const draft = await tx.execute<{ revision: number }>(
    sql`select revision from ${t} where family_id = ${familyId} and status = 'draft' limit 1`,
  );
  if (draft.rows[0])
    throw new AppError(
      'invalid_state',
      `Revision ${draft.rows[0].revision} of this ${noun} is already a draft: change that one`,
      'status',
    );
  const top = await tx.execute<{ top: number | null }>(
    sql`select max(revision) as top from ${t} where family_id = ${familyId}`,
  );
  return Number(top.rows[0]?.top ?? 0) + 1;
}
