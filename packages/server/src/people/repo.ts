import type { Grant, Role, ScopeType } from '@pharos/api';
import { and, asc, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { roleGrants } from '../db/schema/index';

/** A user's active grants, each with the name of the office, portfolio, program or project it is over. */
export async function grantsWithNames(db: Tx, userId: string): Promise<Grant[]> {
  return (await grantsOf(db, [userId])).get(userId) ?? [];
}

/** The active grants of several users at once (a page of the users list), or of everyone. */
export async function grantsOf(db: Tx, userIds?: string[]): Promise<Map<string, Grant[]>> {
  const out = new Map<string, Grant[]>();
  if (userIds?.length === 0) return out;
  const scope = (column: 'name' | 'code') => sql<string | null>`case ${roleGrants.scopeType}
        when 'office' then (select ${sql.raw(column)} from offices where id = ${roleGrants.scopeId})
        when 'portfolio' then (select ${sql.raw(column)} from portfolios where id = ${roleGrants.scopeId})
        when 'program' then (select ${sql.raw(column)} from programs where id = ${roleGrants.scopeId})
        when 'project' then (select ${sql.raw(column)} from projects where id = ${roleGrants.scopeId})
        else null end`;
  const rows = await db
    .select({
      id: roleGrants.id,
      userId: roleGrants.userId,
      role: roleGrants.role,
      scopeType: roleGrants.scopeType,
      scopeId: roleGrants.scopeId,
      createdAt: roleGrants.createdAt,
      scopeName: scope('name'),
      scopeCode: scope('code'),
    })
    .from(roleGrants)
    .where(and(userIds ? inArray(roleGrants.userId, userIds) : undefined, isNull(roleGrants.revokedAt)))
    .orderBy(asc(roleGrants.createdAt), asc(roleGrants.id));
  for (const r of rows) {
    const g = {
      ...r,
      role: r.role as Role,
      scopeType: r.scopeType as ScopeType,
      createdAt: r.createdAt.toISOString(),
    };
    out.set(r.userId, [...(out.get(r.userId) ?? []), g]);
  }
  return out;
}
