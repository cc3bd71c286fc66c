import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import type { RoleDemandData } from '../db/schema/index';
import { invalidRef } from '../errors';
import type { Row } from '../registry/spec';

/**
 * What a proposal's fields hold beyond single references (those the registry's checkRefs does):
 * its objectives and the work roles it asks for. Only what is newly linked must be active: a link
 * to something archived since stays as it is.
 */
export async function checkProposalLinks(tx: Tx, values: Row, before: Row | null = null) {
  const held = new Set((before?.objectiveIds as string[] | undefined) ?? []);
  const objectiveIds = ((values.objectiveIds as string[] | undefined) ?? []).filter((id) => !held.has(id));
  if (objectiveIds.length) {
    const active = await activeIds(tx, 'objectives', objectiveIds);
    const bad = objectiveIds.find((id) => !active.has(id));
    if (bad) throw invalidRef('objectiveIds', `No active objective with id ${bad}`);
  }
  const heldRoles = new Set(((before?.demand as RoleDemandData[] | undefined) ?? []).map((d) => d.roleId));
  const demand = (values.demand as RoleDemandData[] | undefined) ?? [];
  const roleIds = demand.map((d) => d.roleId).filter((id) => !heldRoles.has(id));
  if (roleIds.length) {
    const active = await activeIds(tx, 'work_roles', roleIds);
    const i = demand.findIndex((d) => !heldRoles.has(d.roleId) && !active.has(d.roleId));
    if (i >= 0) throw invalidRef(`demand.${i}.roleId`, `No active work role with id ${demand[i]!.roleId}`);
  }
}

async function activeIds(tx: Tx, table: 'objectives' | 'work_roles', ids: string[]) {
  const res = await tx.execute<{ id: string }>(
    sql`select id::text as id from ${sql.identifier(table)} where id = any(${sql.param([...new Set(ids)])}::uuid[]) and archived_at is null`,
  );
  return new Set(res.rows.map((r) => r.id));
}

/** The next free code PR-0001, PR-0002, … (numbering is serialized by a transaction lock). */
export async function nextProposalCode(tx: Tx) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('pharos.proposal-code'))`);
  const res = await tx.execute<{ n: number }>(
    sql`select coalesce(max(substring(code from 4)::int), 0)::int as n from proposals where code ~ '^PR-[0-9]{1,9}$'`,
  );
  return `PR-${String((res.rows[0]?.n ?? 0) + 1).padStart(4, '0')}`;
}

/** Before a new proposal is written: its code when none is given, and its links checked. */
export async function deriveProposal(tx: Tx, values: Row) {
  if (!values.code) values.code = await nextProposalCode(tx);
  await checkProposalLinks(tx, values);
}
