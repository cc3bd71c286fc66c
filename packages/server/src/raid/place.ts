/*
 * Where a RAID item sits: the register that owns it (a project, program, portfolio or office),
 * what contains that register (the anchors the policy looks at), the office it starts at, and the
 * chain of offices it escalates along (its own office, then each parent office up to the top).
 */
import type { officeKinds } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { invalidRef } from '../errors';
import type { Anchors } from '../policy/reach';

export type RegisterField = 'projectId' | 'programId' | 'portfolioId' | 'officeId';
export const REGISTER_FIELDS: readonly RegisterField[] = [
  'projectId',
  'programId',
  'portfolioId',
  'officeId',
];

export interface Register {
  field: RegisterField;
  id: string;
}

/** The register an item (or a body) names: its one owner field that is set. */
export function registerOf(v: Partial<Record<RegisterField, string | null | undefined>>): Register {
  for (const field of REGISTER_FIELDS) {
    const id = v[field];
    if (id) return { field, id };
  }
  throw new Error('A RAID item has no register');
}

export interface Place {
  anchors: Anchors;
  /** The office the item starts at: its register's office (an office's register: the office). */
  homeOfficeId: string;
  archived: boolean;
}

const tableOf: Record<RegisterField, string> = {
  projectId: 'projects',
  programId: 'programs',
  portfolioId: 'portfolios',
  officeId: 'offices',
};
const nounOf: Record<RegisterField, string> = {
  projectId: 'project',
  programId: 'program',
  portfolioId: 'portfolio',
  officeId: 'office',
};

/** Where the register sits; an unknown register is an invalid reference naming its field. */
export async function placeOf(tx: Tx, r: Register): Promise<Place> {
  const res = await tx.execute<{
    office_id: string;
    portfolio_id: string | null;
    program_id: string | null;
    archived: boolean;
  }>(sql`select ${sql.raw(r.field === 'officeId' ? 'id' : 'office_id')} as office_id,
      ${sql.raw(r.field === 'projectId' || r.field === 'programId' ? 'portfolio_id' : r.field === 'portfolioId' ? 'id' : 'null::uuid')} as portfolio_id,
      ${sql.raw(r.field === 'projectId' ? 'program_id' : r.field === 'programId' ? 'id' : 'null::uuid')} as program_id,
      archived_at is not null as archived
    from ${sql.identifier(tableOf[r.field])} where id = ${r.id}`);
  const row = res.rows[0];
  if (!row) throw invalidRef(r.field, `No ${nounOf[r.field]} with id ${r.id}`);
  return {
    anchors: {
      office: row.office_id,
      portfolio: row.portfolio_id,
      program: row.program_id,
      project: r.field === 'projectId' ? r.id : null,
    },
    homeOfficeId: row.office_id,
    archived: row.archived,
  };
}

/** Anchors of a project, for the other side of a dependency. */
export async function projectAnchors(tx: Tx, projectId: string): Promise<Anchors | null> {
  const res = await tx.execute<{ office_id: string; portfolio_id: string | null; program_id: string | null }>(
    sql`select office_id, portfolio_id, program_id from projects where id = ${projectId}`,
  );
  const p = res.rows[0];
  return p
    ? { project: projectId, program: p.program_id, portfolio: p.portfolio_id, office: p.office_id }
    : null;
}

export type ChainOfficeRow = {
  id: string;
  name: string;
  kind: (typeof officeKinds)[number];
};

/** An office and every office above it, the office itself first. */
export async function officeChain(tx: Tx, officeId: string): Promise<ChainOfficeRow[]> {
  const res = await tx.execute<ChainOfficeRow & { depth: number }>(sql`
    with recursive up(id, parent_id, name, kind, depth) as (
      select id, parent_id, name, kind, 0 from offices where id = ${officeId}
      union all
      select o.id, o.parent_id, o.name, o.kind, up.depth + 1
      from offices o join up on o.id = up.parent_id where up.depth < 50
    )
    select id::text as id, name, kind, depth from up order by depth`);
  return res.rows.map(({ id, name, kind }) => ({ id, name, kind }));
}

/**
 * SQL expressions, over `raid_items t` joined to its register's project `pj`, program `pg` and
 * portfolio `pf`, for the anchors an item sits in.
 */
export const anchorSql = {
  office: 'coalesce(pj.office_id, pg.office_id, pf.office_id, t.office_id)',
  portfolio: 'coalesce(pj.portfolio_id, pg.portfolio_id, t.portfolio_id)',
  program: 'coalesce(pj.program_id, t.program_id)',
  project: 't.project_id',
} as const;

/** The joins `anchorSql` and a dependency's other side (`dp`) need. */
export const placeJoins = `left join projects pj on pj.id = t.project_id
  left join programs pg on pg.id = t.program_id
  left join portfolios pf on pf.id = t.portfolio_id
  left join projects dp on dp.id = t.depends_on_project_id`;
