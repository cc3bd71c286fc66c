import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/connect';
import type { TestUser } from '../test/harness';
import type { RouteCase } from './matrix.cases';
import type { Fixture } from './matrix.fixture';

interface CaseTools {
  add: (method: string, path: string, c: RouteCase) => unknown;
  as: (u: TestUser | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  ok: (...codes: number[]) => (res: LightMyRequestResponse) => boolean;
  passedAuth: (res: LightMyRequestResponse) => boolean;
  db: Database['pool'];
}

/** The plan and timeline routes' cases (see matrix.cases.ts); the P, G, F, OP, OG scopes are the fixture's. */
export function planCases(
  { add, as, ok, passedAuth, db }: CaseTools,
  f: Fixture,
  { P, G, F, OP, OG }: Record<'P' | 'G' | 'F' | 'OP' | 'OG', string>,
) {
  // Plans: reading follows reading the project, every edit follows updating it. The fixture's
  // plan has tasks 1 and 2 linked 1 → 2; edits that would consume it are sent stale (409) or reset.
  const plan = `/api/v1/projects/${f.project.id}/plan`;
  const planScopes = [P, G, F, OP, OG];
  const planCase = (
    method: string,
    path: string,
    url: string,
    payload?: unknown,
    extra: Partial<RouteCase> = {},
  ) =>
    add(method, path, {
      call: (u) =>
        as(u, {
          method: method as 'GET',
          url,
          ...(payload === undefined
            ? {}
            : typeof payload === 'string'
              ? { payload, headers: { 'content-type': 'application/xml' } }
              : { payload: payload as Record<string, unknown> }),
        }),
      scopes: planScopes,
      allowed: passedAuth,
      ...extra,
    });
  const P_ = '/api/v1/projects/:id/plan';
  const [ta, tb] = f.planTasks;
  planCase('GET', P_, plan, undefined, { allowed: ok(200) });
  planCase('PATCH', P_, plan, { version: 999_999 });
  planCase('POST', `${P_}/tasks`, `${plan}/tasks`, { name: 'Matrix task' });
  planCase('PATCH', `${P_}/tasks/:uid`, `${plan}/tasks/${ta}`, { name: 'Renamed', version: 999_999 });
  planCase('DELETE', `${P_}/tasks/:uid`, `${plan}/tasks/${ta}`, { version: 999_999 });
  planCase('POST', `${P_}/links`, `${plan}/links`, { predecessorUid: ta, successorUid: tb });
  planCase('PATCH', `${P_}/links/:predecessorUid/:successorUid`, `${plan}/links/${ta}/${tb}`, { lag: 0 });
  planCase('DELETE', `${P_}/links/:predecessorUid/:successorUid`, `${plan}/links/${ta}/${tb}`, undefined, {
    reset: async () => {
      await db.query(
        `insert into plan_links (project_id, predecessor_uid, successor_uid) values ($1, $2, $3) on conflict do nothing`,
        [f.project.id, ta, tb],
      );
      // Every change to a plan's rows moves its version (plans are kept in memory by version).
      await db.query('update plans set version = version + 1 where project_id = $1', [f.project.id]);
    },
  });
  planCase('POST', `${P_}/calendars`, `${plan}/calendars`, {
    uid: 1,
    name: 'Standard',
    week: [null, null, null, null, null, null, null],
    version: 999_999,
  });
  planCase('POST', `${P_}/progress`, `${plan}/progress`, {
    tasks: [{ uid: ta, percentComplete: 10, version: 999_999 }],
  });
  planCase('POST', `${P_}/baselines/:number`, `${plan}/baselines/0`);
  planCase('DELETE', `${P_}/baselines/:number`, `${plan}/baselines/3`);
  planCase('PUT', `${P_}/mspdi`, `${plan}/mspdi`, 'not a Microsoft Project file');
  planCase('GET', `${P_}/mspdi`, `${plan}/mspdi`, undefined, { allowed: ok(200) });
  add('GET', '/api/v1/portfolios/:id/timeline', {
    call: (u) => as(u, { method: 'GET', url: `/api/v1/portfolios/${f.portfolio.id}/timeline` }),
    scopes: [F],
    allowed: ok(200),
  });
  add('GET', '/api/v1/programs/:id/timeline', {
    call: (u) => as(u, { method: 'GET', url: `/api/v1/programs/${f.program.id}/timeline` }),
    scopes: [G, F, OG],
    allowed: ok(200),
  });
}
