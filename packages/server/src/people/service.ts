import type { GrantCreate, UserCreate } from '@pharos/api';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import { hashPassword } from '../auth/passwords';
import { deleteOtherSessions } from '../auth/repo';
import type { Tx } from '../db/connect';
import { roleGrants, users } from '../db/schema/index';
import { AppError, notFound } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { checkRefs } from '../registry/refs';
import { entityService } from '../registry/service';
import { columns } from '../registry/specs';
import { grantsWithNames } from './repo';

/** People share the registry's list, get, update and archive (deactivate); creation and grants are theirs. */
export const userService = entityService({
  type: 'user',
  resource: 'user',
  label: 'user',
  table: users,
  col: columns(users),
  refs: { orgUnitId: 'orgUnit' },
  filters: ['orgUnitId'],
  conditions: (q, param) =>
    typeof q.role === 'string'
      ? [
          `exists (select 1 from role_grants g where g.user_id = t.id and g.role = ${param(q.role)} and g.revoked_at is null)`,
        ]
      : [],
  search: ['email', 'name'],
  defaultSort: 'name',
  anchors: () => ({}),
  anchorsFor: () => ({}),
  anchorColumns: {},
  children: [],
  onArchive: async (tx, row) => {
    await refuseLastAdministrator(tx, row.id, null);
    await deleteOtherSessions(tx, row.id, null);
  },
});

/** Pharos must keep one active administrator over the whole organization, or nobody can manage it. */
async function refuseLastAdministrator(tx: Tx, userId: string, grantId: string | null) {
  const [other] = await tx
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(
      and(
        eq(roleGrants.role, 'admin'),
        eq(roleGrants.scopeType, 'organization'),
        isNull(roleGrants.revokedAt),
        isNull(users.archivedAt),
        grantId ? ne(roleGrants.id, grantId) : ne(roleGrants.userId, userId),
      ),
    )
    .limit(1);
  const [mine] = await tx
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, 'admin'),
        eq(roleGrants.scopeType, 'organization'),
        isNull(roleGrants.revokedAt),
      ),
    )
    .limit(1);
  if (mine && !other)
    throw new AppError(
      'validation_failed',
      'This is the last administrator; make someone else administrator first',
      'role',
    );
}

/** Sets a password (an administrator's reset, or for someone imported without one) and ends their sessions. */
export async function setPassword(ctx: Ctx, userId: string, password: string) {
  await ctx.access.authorize('user', 'update');
  const passwordHash = await hashPassword(password);
  await inTx(ctx, async (tx) => {
    const user = await userService.load(ctx, tx, userId, true);
    if (user.archivedAt) throw new AppError('archived', 'The user is deactivated; reactivate them first');
    await tx
      .update(users)
      .set({ passwordHash, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, userId));
    await deleteOtherSessions(tx, userId, null);
    await recordAudit(tx, ctx, { action: 'password_change', entityType: 'user', entityId: userId });
  });
  await ctx.authChanged(userId);
}

export async function getUser(ctx: Ctx, id: string) {
  const user = await userService.get(ctx, id);
  const mayReadGrants = ctx.actor?.userId === id || (await ctx.access.can('grant', 'read'));
  return mayReadGrants ? { ...user, grants: await grantsWithNames(ctx.db, id) } : user;
}

export async function createUser(ctx: Ctx, body: z.output<typeof UserCreate>) {
  await ctx.access.authorize('user', 'create');
  const passwordHash = await hashPassword(body.password);
  const id = await inTx(ctx, async (tx) => {
    await checkRefs(tx, { orgUnitId: 'orgUnit' }, body);
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, body.email));
    if (taken) throw new AppError('duplicate', 'That e-mail address is already in use', 'email');
    const [row] = await tx
      .insert(users)
      .values({
        email: body.email,
        name: body.name,
        title: body.title,
        orgUnitId: body.orgUnitId,
        passwordHash,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'user',
      entityId: row!.id,
      after: { email: row!.email, name: row!.name, title: row!.title, orgUnitId: row!.orgUnitId },
    });
    for (const g of body.grants) await addGrant(ctx, tx, row!.id, g);
    return row!.id;
  });
  return getUser(ctx, id);
}

async function addGrant(ctx: Ctx, tx: Tx, userId: string, g: z.output<typeof GrantCreate>) {
  if (g.scopeType !== 'organization') await checkRefs(tx, { scopeId: g.scopeType }, g);
  const [dup] = await tx
    .select({ id: roleGrants.id })
    .from(roleGrants)
    .where(
      and(
        eq(roleGrants.userId, userId),
        eq(roleGrants.role, g.role),
        eq(roleGrants.scopeType, g.scopeType),
        g.scopeId ? eq(roleGrants.scopeId, g.scopeId) : isNull(roleGrants.scopeId),
        isNull(roleGrants.revokedAt),
      ),
    );
  if (dup) throw new AppError('duplicate', 'The user already holds this role at this scope', 'role');
  const [row] = await tx
    .insert(roleGrants)
    .values({
      userId,
      role: g.role,
      scopeType: g.scopeType,
      scopeId: g.scopeId,
      createdBy: ctx.actor?.userId ?? null,
    })
    .returning();
  await recordAudit(tx, ctx, {
    action: 'grant',
    entityType: 'user',
    entityId: userId,
    after: { grantId: row!.id, role: g.role, scopeType: g.scopeType, scopeId: g.scopeId },
  });
  return row!;
}

export async function grant(ctx: Ctx, userId: string, g: z.output<typeof GrantCreate>) {
  await ctx.access.authorize('grant', 'create');
  const row = await inTx(ctx, async (tx) => {
    const user = await userService.load(ctx, tx, userId, true);
    if (user.archivedAt) throw new AppError('archived', 'The user is deactivated; reactivate them first');
    return addGrant(ctx, tx, userId, g);
  });
  await ctx.authChanged(userId);
  const all = await grantsWithNames(ctx.db, userId);
  return all.find((x) => x.id === row.id)!;
}

export async function revoke(ctx: Ctx, userId: string, grantId: string) {
  await ctx.access.authorize('grant', 'archive');
  await inTx(ctx, async (tx) => {
    const [g] = await tx
      .select()
      .from(roleGrants)
      .where(and(eq(roleGrants.id, grantId), eq(roleGrants.userId, userId), isNull(roleGrants.revokedAt)))
      .for('update');
    if (!g) throw notFound('Grant');
    if (g.role === 'admin' && g.scopeType === 'organization')
      await refuseLastAdministrator(tx, userId, grantId);
    await tx
      .update(roleGrants)
      .set({ revokedAt: sql`now()`, revokedBy: ctx.actor?.userId ?? null })
      .where(eq(roleGrants.id, grantId));
    await recordAudit(tx, ctx, {
      action: 'revoke',
      entityType: 'user',
      entityId: userId,
      before: { grantId, role: g.role, scopeType: g.scopeType, scopeId: g.scopeId },
    });
  });
  await ctx.authChanged(userId);
}
