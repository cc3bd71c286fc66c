/*
 * Who to tell: the people holding some roles over an item. A grant covers an item when it is
 * organization-wide, or at an office above the item's office, a portfolio above its portfolio,
 * its program or the project itself (the same rule as the permission table's 'inScope').
 */
import type { Role } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';

export interface ItemPlace {
  officeId?: string | null;
  portfolioId?: string | null;
  programId?: string | null;
  projectId?: string | null;
}

/**
 * Active users holding one of `roles` by a grant that covers `place`. With `exactOffice`, only
 * grants at that office itself (its staff), not above it nor organization-wide.
 */
export async function grantHolders(
  tx: Tx,
  roles: readonly Role[],
  place: ItemPlace,
  opts: { exactOffice?: boolean } = {},
): Promise<string[]> {
  if (roles.length === 0) return [];
  const office = place.officeId ?? null;
  const portfolio = place.portfolioId ?? null;
  const scopes = opts.exactOffice
    ? sql`(g.scope_type = 'office' and g.scope_id = ${office}::uuid)`
    : sql`(
        g.scope_type = 'organization'
        or (g.scope_type = 'office' and g.scope_id in (select id from office_chain))
        or (g.scope_type = 'portfolio' and g.scope_id in (select id from portfolio_chain))
        or (g.scope_type = 'program' and g.scope_id = ${place.programId ?? null}::uuid)
        or (g.scope_type = 'project' and g.scope_id = ${place.projectId ?? null}::uuid)
      )`;
  const rows = await tx.execute<{ id: string }>(sql`
    with recursive office_chain(id) as (
      select id, parent_id from offices where id = ${office}::uuid
      union all select o.id, o.parent_id from offices o join office_chain c on o.id = c.parent_id
    ), portfolio_chain(id) as (
      select id, parent_id from portfolios where id = ${portfolio}::uuid
      union all select p.id, p.parent_id from portfolios p join portfolio_chain c on p.id = c.parent_id
    )
    select distinct u.id from role_grants g join users u on u.id = g.user_id
    where g.revoked_at is null and u.archived_at is null
      and g.role in ${[...roles]}
      and ${scopes}
    order by u.id`);
  return rows.rows.map((r) => r.id);
}

/** Where a project sits: its office, portfolio, program and itself. */
export async function projectPlace(
  tx: Tx,
  projectId: string,
): Promise<ItemPlace & { managerId: string | null; sponsorId: string | null }> {
  const rows = await tx.execute<{
    office_id: string;
    portfolio_id: string | null;
    program_id: string | null;
    manager_id: string | null;
    sponsor_id: string | null;
  }>(
    sql`select office_id, portfolio_id, program_id, manager_id, sponsor_id from projects where id = ${projectId}`,
  );
  const r = rows.rows[0];
  if (!r) return { projectId, managerId: null, sponsorId: null };
  return {
    officeId: r.office_id,
    portfolioId: r.portfolio_id,
    programId: r.program_id,
    projectId,
    managerId: r.manager_id,
    sponsorId: r.sponsor_id,
  };
}
