import type { FastifyReply, FastifyRequest } from 'fastify';
import { findActor, touchSession } from '../auth/repo';
import { digest, sameSecret, TOKEN_PREFIX } from '../auth/secrets';
import { AppError } from '../errors';
import { Access, type Actor } from '../policy/access';
import type { Ctx } from './context';

export const SESSION_COOKIE = 'pharos_session';
export const AUTH_CHANNEL = 'pharos_auth';
const TOUCH_EVERY_MS = 5 * 60_000;
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds who is calling — a session cookie or a Bearer API token — and builds the request
 * context. Cookie-authenticated writes must carry the session's CSRF token; a token-authenticated
 * call carries no ambient credential, so it needs none.
 */
export async function authenticate(req: FastifyRequest, _reply: FastifyReply) {
  if (!req.url.startsWith('/api/')) return;
  const { database, config, actorCache: cache } = req.server;
  const lookup = async (via: 'session' | 'token', secret: string) => {
    const key = `${via}:${digest(secret)}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const mark = cache.mark();
    const found = await findActor(database.db, via, digest(secret));
    if (found) cache.set(key, found, mark);
    return found;
  };
  let actor: Actor | null = null;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const token = auth.slice(7).trim();
    actor = token.startsWith(TOKEN_PREFIX) ? await lookup('token', token) : null;
    if (!actor) throw new AppError('unauthenticated', 'The API token is unknown, expired or revoked');
  } else {
    const cookie = req.cookies[SESSION_COOKIE];
    if (cookie) {
      const found = (await lookup('session', cookie)) as (Actor & { lastSeenAt: Date }) | null;
      if (found) {
        actor = found;
        if (Date.now() - found.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
          await touchSession(database.db, found.sessionId!, config.sessionHours);
          found.lastSeenAt = new Date();
        }
        const isPublic = (req.routeOptions.config as { auth?: unknown } | undefined)?.auth === 'public';
        if (!SAFE.has(req.method) && !isPublic) {
          const sent = req.headers['x-csrf-token'];
          if (typeof sent !== 'string' || !sameSecret(sent, found.csrfToken ?? ''))
            throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header for this session');
        }
      }
    }
  }
  const ctx: Ctx = {
    db: database.db,
    reads: database.reads,
    config,
    actor,
    access: new Access(actor, database.db, database.reads),
    requestId: req.id,
    ip: req.ip ?? null,
    userAgent: req.headers['user-agent'] ?? null,
    log: req.log,
    authChanged: (userId) => {
      cache.forgetUser(userId);
      return database.notify(AUTH_CHANNEL, userId);
    },
  };
  req.ctx = ctx;
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
}
