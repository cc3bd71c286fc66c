import { routes } from '@pharos/api';
import type { FastifyReply } from 'fastify';
import { SESSION_COOKIE } from '../http/authenticate';
import { bind } from '../http/bind';
import type { Ctx } from '../http/context';
import { changePassword, createToken, describeMe, listTokens, login, logout, revokeToken } from './service';

function setSessionCookie(ctx: Ctx, reply: FastifyReply, secret: string) {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.cookieSecure,
    maxAge: Math.round(ctx.config.sessionHours * 3600),
  });
}

export const authBindings = [
  bind(routes.liveness, async (ctx, { req }) => {
    // The embedded database's one connection busy with a statement is alive: answer at once
    // rather than queue the check behind that work.
    const { kind, pool } = req.server.database;
    const busy = kind === 'pglite' && pool.totalCount > 0 && pool.idleCount === 0;
    if (!busy) await ctx.db.execute('select 1');
    return { status: 'ok' as const };
  }),
  bind(
    routes.login,
    async (ctx, { body, req, reply }) => {
      const { secret, me } = await login(ctx, body.email, body.password, req.cookies[SESSION_COOKIE]);
      setSessionCookie(ctx, reply, secret);
      return me;
    },
    {
      rateLimit: {
        max: (req: { server: { config: { loginAttemptsPerMinute: number } } }) =>
          req.server.config.loginAttemptsPerMinute,
        timeWindow: 60_000,
        keyGenerator: (req: { ip: string; body?: { email?: string } }) =>
          `${req.ip}|${String(req.body?.email ?? '').toLowerCase()}`,
      },
    },
  ),
  bind(routes.logout, async (ctx, { reply }) => {
    await logout(ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  }),
  bind(routes.me, async (ctx) => describeMe(ctx)),
  bind(routes.changePassword, async (ctx, { body }) => {
    await changePassword(ctx, body.currentPassword, body.newPassword);
    return { ok: true as const };
  }),
  bind(routes.listTokens, async (ctx) => listTokens(ctx, ctx.actor!.userId)),
  bind(routes.createToken, async (ctx, { body }) =>
    createToken(ctx, ctx.actor!.userId, body.name, body.expiresInDays),
  ),
  bind(routes.revokeToken, async (ctx, { params }) => revokeToken(ctx, ctx.actor!.userId, params.id)),
];
