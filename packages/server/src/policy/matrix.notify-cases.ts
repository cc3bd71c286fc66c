import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/connect';
import type { TestUser } from '../test/harness';
import type { RouteCase } from './matrix.cases';

interface CaseTools {
  add: (method: string, path: string, c: RouteCase) => unknown;
  as: (u: TestUser | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  ok: (...codes: number[]) => (res: LightMyRequestResponse) => boolean;
  db: Database['pool'];
}

/**
 * Notifications are signed-in routes on the caller's own notifications: every role may use them,
 * nobody without credentials. Each call works on a notification of the caller's own.
 */
export function notifyCases({ add, as, ok, db }: CaseTools) {
  const base = '/api/v1/notifications';
  const own = async (u: TestUser | null) => {
    if (!u) return randomUUID();
    const r = await db.query(
      `insert into notifications (user_id, kind, title) values ($1, 'status.reminder', 'Matrix') returning id`,
      [u.id],
    );
    return r.rows[0].id as string;
  };
  add('GET', base, {
    call: (u) => as(u, { method: 'GET', url: `${base}?unread=true&pageSize=5` }),
    scopes: [],
    allowed: ok(200),
  });
  add('GET', `${base}/unread-count`, {
    call: (u) => as(u, { method: 'GET', url: `${base}/unread-count` }),
    scopes: [],
    allowed: ok(200),
  });
  add('POST', `${base}/:id/read`, {
    call: async (u) => as(u, { method: 'POST', url: `${base}/${await own(u)}/read` }),
    scopes: [],
    allowed: ok(200),
  });
  add('POST', `${base}/read-all`, {
    call: async (u) => {
      await own(u);
      return as(u, { method: 'POST', url: `${base}/read-all` });
    },
    scopes: [],
    allowed: ok(200),
  });
  add('GET', `${base}/preferences`, {
    call: (u) => as(u, { method: 'GET', url: `${base}/preferences` }),
    scopes: [],
    allowed: ok(200),
  });
  add('PUT', `${base}/preferences`, {
    call: async (u) => {
      const current = u ? (await as(u, { method: 'GET', url: `${base}/preferences` })).json() : null;
      return as(u, {
        method: 'PUT',
        url: `${base}/preferences`,
        payload: { delivery: { 'status.reminder': 'in_app' }, digestHour: 8, version: current?.version ?? 1 },
      });
    },
    scopes: [],
    allowed: ok(200),
  });
  add('POST', `${base}/test`, {
    call: (u) => as(u, { method: 'POST', url: `${base}/test`, payload: { kind: 'gate.decided' } }),
    scopes: [],
    allowed: ok(201),
  });
}
