import { and, eq, gt, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { apiTokens, roleGrants, sessions, users } from '../db/schema/index';
import type { Actor } from '../policy/access';

/** The signed-in user behind a session digest or token digest, with the grants they hold. */
export async function findActor(
  db: Tx,
  via: 'session' | 'token',
  secretDigest: string,
): Promise<Actor | null> {
  const grants = sql<Actor['grants']>`coalesce((
      select json_agg(json_build_object('id', g.id, 'role', g.role, 'scopeType', g.scope_type,
                                        'scopeId', g.scope_id, 'createdAt', g.created_at))
      from ${roleGrants} g where g.user_id = ${users.id} and g.revoked_at is null), '[]'::json)`;
  const base = { userId: users.id, email: users.email, name: users.name, title: users.title, grants };
  if (via === 'session') {
    const [row] = await db
      .select({
        ...base,
        sessionId: sessions.id,
        csrfToken: sessions.csrfToken,
        lastSeenAt: sessions.lastSeenAt,
      })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(
        and(eq(sessions.id, secretDigest), gt(sessions.expiresAt, sql`now()`), isNull(users.archivedAt)),
      );
    if (!row) return null;
    return { ...row, grants: row.grants.map(fixDate), via, lastSeenAt: row.lastSeenAt } as Actor & {
      lastSeenAt: Date;
    };
  }
  const [row] = await db
    .select({ ...base, tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, secretDigest),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql`now()`)),
        isNull(users.archivedAt),
      ),
    );
  if (!row) return null;
  // "Last used" to the minute: no write on every request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000)
    await db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.tokenId));
  const { tokenId: _t, lastUsedAt: _l, ...actor } = row;
  return { ...actor, grants: row.grants.map(fixDate), via, sessionId: null, csrfToken: null };
}

const fixDate = (g: Actor['grants'][number]) => ({ ...g, createdAt: new Date(g.createdAt) });

export async function createSession(
  db: Tx,
  s: {
    id: string;
    userId: string;
    csrfToken: string;
    hours: number;
    ip: string | null;
    userAgent: string | null;
  },
) {
  await db.insert(sessions).values({
    id: s.id,
    userId: s.userId,
    csrfToken: s.csrfToken,
    expiresAt: sql`now() + make_interval(secs => ${s.hours * 3600})`,
    ip: s.ip,
    userAgent: s.userAgent,
  });
}

/** Slides the idle expiry forward; called at most every few minutes per session. */
export async function touchSession(db: Tx, id: string, hours: number) {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()`, expiresAt: sql`now() + make_interval(secs => ${hours * 3600})` })
    .where(eq(sessions.id, id));
}

export async function deleteSession(db: Tx, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id));
}

export async function deleteOtherSessions(db: Tx, userId: string, keepId: string | null) {
  await db
    .delete(sessions)
    .where(keepId ? and(eq(sessions.userId, userId), ne(sessions.id, keepId)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Tx) {
  await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`));
}
