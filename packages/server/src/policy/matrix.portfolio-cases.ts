import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/connect';
import type { TestUser } from '../test/harness';
import type { RouteCase } from './matrix.cases';
import type { Item } from './matrix.fixture';

interface CaseTools {
  add: (method: string, path: string, c: RouteCase) => unknown;
  as: (u: TestUser | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  ok: (...codes: number[]) => (res: LightMyRequestResponse) => boolean;
  passedAuth: (res: LightMyRequestResponse) => boolean;
  db: Database['pool'];
}

let n = 0;
const uniq = (p: string) => `${p}-${++n}-${Math.random().toString(36).slice(2, 6)}`;

/** A one-candidate scenario file. */
export const tinyScenarioFile = (name = 'Matrix scenario') => ({
  format: 'pharos-scenario',
  version: 1,
  name,
  scenario: {
    horizon: { start: '2027-01', months: 12 },
    candidates: [
      {
        id: 'ONE',
        name: 'The one',
        value: { score: 10 },
        duration: 2,
        earliestStart: 0,
        latestStart: 3,
        plannedStart: 0,
      },
    ],
  },
});

export interface PortfolioFixture {
  /** A scenario of the fixture's portfolio, and an archived one (so solves and commits stop after authorization). */
  scenario: Item & { code: string };
  archivedScenario: Item;
  /** The office the portfolio belongs to. */
  portfolioOffice: string;
}

export async function portfolioFixture(admin: TestUser, portfolioId: string): Promise<PortfolioFixture> {
  const make = async (code: string) => {
    const res = await admin.req({
      method: 'POST',
      url: '/api/v1/scenarios/import',
      payload: { portfolioId, code, file: tinyScenarioFile() },
    });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json() as { id: string; code: string; version: number; officeId?: string };
  };
  const scenario = await make('SC-MATRIX');
  const archived = await make('SC-MATRIX-ARCHIVED');
  await admin.req({
    method: 'POST',
    url: `/api/v1/scenarios/${archived.id}/archive`,
    payload: { version: archived.version },
  });
  const p = (await admin.req({ method: 'GET', url: `/api/v1/portfolios/${portfolioId}` })).json();
  return {
    scenario: { id: scenario.id, code: scenario.code },
    archivedScenario: { id: archived.id },
    portfolioOffice: p.officeId,
  };
}

/**
 * The portfolio-planning routes' cases (see matrix.cases.ts). A scenario sits in its portfolio
 * and the portfolio's office. Writes are sent stale or to an archived scenario, so an allowed call
 * stops right after authorization (409) without starting a solve.
 */
export function portfolioCases(
  { add, as, ok, passedAuth, db }: CaseTools,
  f: PortfolioFixture & { portfolio: Item },
  F: string,
) {
  const S = [F, `office:${f.portfolioOffice}`];
  const base = '/api/v1/scenarios';
  const id = f.scenario.id;
  const dead = f.archivedScenario.id;
  const version = async (sid: string) =>
    (await db.query('select version from scenarios where id = $1', [sid])).rows[0].version as number;
  const unarchive = async () => {
    await db.query('update scenarios set archived_at = null where id = $1', [id]);
  };
  const get = (path: string, url: string, allowed = ok(200)) =>
    add('GET', path, { call: (u) => as(u, { method: 'GET', url }), scopes: S, allowed });
  const write = (
    method: 'POST' | 'PUT' | 'PATCH',
    path: string,
    url: string,
    payload: () => Promise<object>,
  ) =>
    add(method, path, {
      call: async (u) => as(u, { method, url, payload: (await payload()) as Record<string, unknown> }),
      scopes: S,
      allowed: passedAuth,
    });

  add('GET', base, {
    call: (u) => as(u, { method: 'GET', url: `${base}?q=${f.scenario.code}` }),
    scopes: S,
    list: true,
    visible: (res) => (res.json().items as Item[]).some((x) => x.id === id),
    allowed: ok(200),
  });
  get(`${base}/:id`, `${base}/${id}`);
  add('POST', base, {
    call: (u) =>
      as(u, {
        method: 'POST',
        url: base,
        payload: {
          code: uniq('SC'),
          name: 'Matrix',
          portfolioId: f.portfolio.id,
          horizonStart: '2027-01',
          months: 12,
        },
      }),
    scopes: S,
    allowed: ok(201),
  });
  add('POST', `${base}/import`, {
    call: (u) =>
      as(u, {
        method: 'POST',
        url: `${base}/import`,
        payload: { portfolioId: f.portfolio.id, code: uniq('SCI'), file: tinyScenarioFile() },
      }),
    scopes: S,
    allowed: ok(201),
  });
  write('PATCH', `${base}/:id`, `${base}/${id}`, async () => ({ version: 999_999, name: 'Renamed' }));
  add('POST', `${base}/:id/archive`, {
    call: async (u) =>
      as(u, { method: 'POST', url: `${base}/${id}/archive`, payload: { version: await version(id) } }),
    scopes: S,
    allowed: ok(200),
    reset: unarchive,
  });
  add('POST', `${base}/:id/restore`, {
    call: async (u) => {
      await db.query('update scenarios set archived_at = now() where id = $1', [id]);
      return as(u, { method: 'POST', url: `${base}/${id}/restore`, payload: { version: await version(id) } });
    },
    scopes: S,
    allowed: ok(200),
    reset: unarchive,
  });
  get(`${base}/:id/file`, `${base}/${id}/file`);
  get(`${base}/:id/result.xlsx`, `${base}/${id}/result.xlsx`, passedAuth);
  get(`${base}/:id/job`, `${base}/${id}/job`);
  get(`${base}/:id/explanation`, `${base}/${id}/explanation`, passedAuth);
  get(`${base}/compare`, `${base}/compare?ids=${id},${id}`);
  write('PUT', `${base}/:id/plan`, `${base}/${id}/plan`, async () => ({ version: 999_999, starts: [0] }));
  write('POST', `${base}/:id/solve`, `${base}/${dead}/solve`, async () => ({ timeLimit: 1 }));
  write('POST', `${base}/:id/frontier`, `${base}/${dead}/frontier`, async () => ({}));
  write('POST', `${base}/:id/commit`, `${base}/${dead}/commit`, async () => ({
    version: await version(dead),
  }));
  add('POST', `${base}/:id/job/cancel`, {
    call: (u) => as(u, { method: 'POST', url: `${base}/${id}/job/cancel` }),
    scopes: S,
    allowed: ok(200),
  });
  add('GET', '/api/v1/portfolios/:id/plan-of-record', {
    call: (u) => as(u, { method: 'GET', url: `/api/v1/portfolios/${f.portfolio.id}/plan-of-record` }),
    scopes: S,
    allowed: ok(200),
  });
}
