import type { OfficeAuthority, OfficeAuthorityPut } from '@pharos/api';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { officeAuthority } from '../db/schema/index';
import { AppError, conflict } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { registry } from '../registry/routes';
import { defaultAuthorityRules, type Rule, rulesProblem } from './authority-rules';
import { iso } from './project-ref';

/*
 * An office's authority thresholds for change requests (C9). An office without rules of its own
 * follows the nearest office above it that has some, and the organization's default rule when
 * none has.
 */

export interface EffectiveAuthority {
  rules: Rule[];
  source: 'own' | 'inherited' | 'default';
  sourceOfficeId: string | null;
  sourceOfficeName: string | null;
  version: number | null;
  updatedAt: string | null;
}

/** The rules that apply to an office: its own, the nearest ancestor's, or the default. */
export async function effectiveAuthority(tx: Tx, officeId: string): Promise<EffectiveAuthority> {
  const res = await tx.execute<{
    id: string;
    name: string;
    rules: Rule[];
    version: number;
    updated_at: string | Date;
    depth: number;
  }>(sql`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from offices where id = ${officeId}
      union all
      select o.id, o.parent_id, c.depth + 1 from offices o join chain c on o.id = c.parent_id where c.depth < 50
    )
    select c.id::text as id, o.name, a.rules, a.version, a.updated_at, c.depth
    from chain c join offices o on o.id = c.id join office_authority a on a.office_id = c.id
    order by c.depth limit 1`);
  const r = res.rows[0];
  if (!r)
    return {
      rules: defaultAuthorityRules,
      source: 'default',
      sourceOfficeId: null,
      sourceOfficeName: null,
      version: null,
      updatedAt: null,
    };
  const own = r.depth === 0;
  return {
    rules: r.rules,
    source: own ? 'own' : 'inherited',
    sourceOfficeId: r.id,
    sourceOfficeName: r.name,
    version: own ? r.version : null,
    updatedAt: own ? iso(new Date(r.updated_at)) : null,
  };
}

export async function getAuthority(ctx: Ctx, officeId: string): Promise<OfficeAuthority> {
  await registry.office.get(ctx, officeId); // not_found unless the caller may see it
  const eff = await effectiveAuthority(ctx.db, officeId);
  return { officeId, ...eff, mayEdit: await ctx.access.can('office', 'update', { office: officeId }) };
}

/** Sets the office's own rules (first time: version null; then the version loaded). */
export async function setAuthority(ctx: Ctx, officeId: string, body: z.output<typeof OfficeAuthorityPut>) {
  await registry.office.get(ctx, officeId);
  await ctx.access.authorize('office', 'update', { office: officeId });
  const problem = rulesProblem(body.rules);
  if (problem) throw new AppError('validation_failed', problem.message, problem.field);
  await inTx(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(officeAuthority)
      .where(eq(officeAuthority.officeId, officeId))
      .for('update');
    if ((row?.version ?? null) !== body.version) throw conflict('office authority');
    if (row) {
      const [done] = await tx
        .update(officeAuthority)
        .set({ rules: body.rules, version: sql`${officeAuthority.version} + 1`, updatedAt: sql`now()` })
        .where(eq(officeAuthority.officeId, officeId))
        .returning({ v: officeAuthority.version });
      if (!done) throw conflict('office authority');
    } else {
      const [done] = await tx
        .insert(officeAuthority)
        .values({ officeId, rules: body.rules })
        .onConflictDoNothing()
        .returning({ v: officeAuthority.version });
      if (!done) throw conflict('office authority');
    }
    // Kept in the office's own history.
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'office',
      entityId: officeId,
      before: { authorityRules: row?.rules ?? null },
      after: { authorityRules: body.rules },
    });
  });
  return getAuthority(ctx, officeId);
}
