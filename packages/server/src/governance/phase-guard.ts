import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import type { PhaseData } from '../db/schema/index';
import { AppError } from '../errors';
import { gatesCrossed, phaseIndex } from './lifecycle-checks';

export type PublishedLifecycle = {
  id: string;
  code: string;
  name: string;
  revision: number;
  phases: PhaseData[];
};

/** The published lifecycle governing projects of this type, or null. */
export async function publishedLifecycleFor(tx: Tx, typeId: string): Promise<PublishedLifecycle | null> {
  const res = await tx.execute<PublishedLifecycle>(sql`
    select id, code, name, revision, phases from lifecycles
    where status = 'published' and archived_at is null and ${typeId}::uuid = any(project_type_ids)
    order by published_at desc limit 1`);
  return res.rows[0] ?? null;
}

/**
 * The phase guard (C9), called by the registry whenever a project's phase changes, inside the
 * changing transaction: a project whose type has a published lifecycle enters a later phase only
 * when the last decision at every gate it crosses is a go. Moving back (to rework a phase) is
 * always allowed; projects of types without a lifecycle are not concerned.
 */
export async function checkPhaseChange(tx: Tx, projectId: string, fromPhase: string, toPhase: string) {
  if (phaseIndex(toPhase) <= phaseIndex(fromPhase)) return;
  const type = await tx.execute<{ type_id: string }>(
    sql`select type_id from projects where id = ${projectId}`,
  );
  const typeId = type.rows[0]?.type_id;
  if (!typeId) return;
  const lc = await publishedLifecycleFor(tx, typeId);
  if (!lc) return;
  for (const p of gatesCrossed(lc.phases, fromPhase, toPhase)) {
    const last = await tx.execute<{ decision: string }>(sql`
      select decision from gate_reviews
      where project_id = ${projectId} and to_phase = ${p.key} and state = 'decided'
      order by decided_at desc, updated_at desc limit 1`);
    const decision = last.rows[0]?.decision;
    if (decision !== 'go')
      throw new AppError(
        'invalid_state',
        `The project cannot enter ${p.name} without a go at the gate "${p.gate!.name}" of lifecycle ${lc.code}${
          decision ? ` (its last decision was ${decision})` : ''
        }: open a gate review`,
        'phase',
      );
  }
}
