import type { ApiToken } from '@pharos/api';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/audit';
import { apiTokens, users } from '../db/schema/index';
import { AppError, notFound } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { Access } from '../policy/access';
import { hashPassword, verifyPassword } from './passwords';
import { createSession, deleteOtherSessions, deleteSession, findActor } from './repo';
import { digest, newSecret, TOKEN_PREFIX } from './secrets';

/** The `Me` document: who, their grants with scope names, organization abilities, CSRF token. */
export async function describeMe(ctx: Ctx) {
  const actor = ctx.actor!;
  const { grantsWithNames } = await import('../people/repo');
  return {
    user: { id: actor.userId, email: actor.email, name: actor.name, title: actor.title },
    grants: await grantsWithNames(ctx.db, actor.userId),
    abilities: await ctx.access.abilities(),
    csrfToken: actor.csrfToken,
  };
}

/**
 * Signs in: checks the password (argon2id), ends any session the browser presented (rotation),
 * and opens a new one. Returns the cookie secret to set.
 */
export async function login(ctx: Ctx, email: string, password: string, oldCookie: string | undefined) {
  const [user] = await ctx.db
    .select({ id: users.id, hash: users.passwordHash })
    .from(users)
    .where(and(eq(users.email, email), isNull(users.archivedAt)));
  const ok = await verifyPassword(user?.hash ?? null, password);
  if (!user || !ok) throw new AppError('invalid_credentials', 'Wrong e-mail address or password');
  const secret = newSecret();
  await inTx(ctx, async (tx) => {
    if (oldCookie) await deleteSession(tx, digest(oldCookie));
    await createSession(tx, {
      id: digest(secret),
      userId: user.id,
      csrfToken: newSecret(24),
      hours: ctx.config.sessionHours,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
    });
    await tx.update(users).set({ lastSignInAt: sql`now()` }).where(eq(users.id, user.id));
    await recordAudit(
      tx,
      { actor: { userId: user.id } as Ctx['actor'], requestId: ctx.requestId },
      {
        action: 'sign_in',
        entityType: 'user',
        entityId: user.id,
      },
    );
  });
  await ctx.authChanged(user.id); // the session it replaced is gone
  const actor = await findActor(ctx.db, 'session', digest(secret));
  const signedIn: Ctx = { ...ctx, actor, access: new Access(actor, ctx.db, ctx.reads) };
  return { secret, me: await describeMe(signedIn) };
}

export async function logout(ctx: Ctx) {
  const actor = ctx.actor!;
  await inTx(ctx, async (tx) => {
    if (actor.sessionId) await deleteSession(tx, actor.sessionId);
    await recordAudit(tx, ctx, { action: 'sign_out', entityType: 'user', entityId: actor.userId });
  });
  await ctx.authChanged(actor.userId);
}

/** Changes the password and ends every other session of the user. */
export async function changePassword(ctx: Ctx, current: string, next: string) {
  const actor = ctx.actor!;
  const [u] = await ctx.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, actor.userId));
  if (!u || !(await verifyPassword(u.hash, current)))
    throw new AppError('validation_failed', 'The current password is wrong', 'currentPassword');
  const hashed = await hashPassword(next);
  await inTx(ctx, async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: hashed, passwordChangedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(users.id, actor.userId));
    await deleteOtherSessions(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, ctx, { action: 'password_change', entityType: 'user', entityId: actor.userId });
  });
  await ctx.authChanged(actor.userId);
}

const presentToken = (t: typeof apiTokens.$inferSelect): ApiToken => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
});

export async function listTokens(ctx: Ctx, userId: string) {
  const rows = await ctx.db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt));
  return { items: rows.map(presentToken) };
}

/** Creates an API token for `userId`; the secret is returned once and stored only as a digest. */
export async function createToken(ctx: Ctx, userId: string, name: string, expiresInDays: number | null) {
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  return inTx(ctx, async (tx) => {
    const [owner] = await tx.select({ archivedAt: users.archivedAt }).from(users).where(eq(users.id, userId));
    if (!owner) throw notFound('User');
    if (owner.archivedAt)
      throw new AppError('archived', 'The user is deactivated: a token of theirs would not work');
    const [row] = await tx
      .insert(apiTokens)
      .values({
        userId,
        name,
        prefix: token.slice(0, TOKEN_PREFIX.length + 6),
        tokenHash: digest(token),
        expiresAt: expiresInDays ? sql`now() + make_interval(days => ${expiresInDays})` : null,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'token_create',
      entityType: 'user',
      entityId: userId,
      after: { name },
    });
    return { ...presentToken(row!), token };
  });
}

export async function revokeToken(ctx: Ctx, userId: string, tokenId: string) {
  const out = await inTx(ctx, async (tx) => {
    const [row] = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
      .returning();
    if (!row) throw notFound('API token');
    await recordAudit(tx, ctx, {
      action: 'token_revoke',
      entityType: 'user',
      entityId: userId,
      before: { token: row.name },
    });
    return presentToken(row);
  });
  await ctx.authChanged(userId);
  return out;
}
