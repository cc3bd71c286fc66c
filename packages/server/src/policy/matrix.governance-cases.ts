import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/connect';
import type { TestUser, TestWorld } from '../test/harness';
import type { RouteCase } from './matrix.cases';
import type { Fixture } from './matrix.fixture';

interface CaseTools {
  add: (method: string, path: string, c: RouteCase) => unknown;
  as: (u: TestUser | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  ok: (...codes: number[]) => (res: LightMyRequestResponse) => boolean;
  passedAuth: (res: LightMyRequestResponse) => boolean;
  db: Database['pool'];
}

let n = 0;
const uniq = (p: string) => `${p}-${++n}-${Math.random().toString(36).slice(2, 6)}`;

/** Every role that may decide a gate or a change step: the fixture's gates and steps ask all of them. */
const deciders = [
  'admin',
  'pmo_director',
  'portfolio_manager',
  'program_manager',
  'executive',
  'finance_controller',
];

interface GovernanceFixture {
  lifecycle: { id: string; code: string };
  draft: { id: string };
  review: { id: string };
  draftChange: { id: string };
  submittedChange: { id: string };
  stop: { id: string };
}

/**
 * The governance items the matrix works on, made once through the API by the administrator, the
 * first time a governance case runs: a published lifecycle for the project's type owned by the
 * program office (its gates asking every deciding role, so the gate's own approver list never
 * narrows who the matrix expects), a draft one, an open gate review of the project, its approved
 * values, a draft and a submitted change request, and an open stop recommendation.
 */
async function governanceFixture(w: TestWorld, f: Fixture): Promise<GovernanceFixture> {
  const admin = await w.tokenFor('admin@pharos.demo');
  const db = w.database.pool;
  const call = async (method: 'POST' | 'PUT', url: string, payload: Record<string, unknown> = {}) => {
    const res = await admin.req({ method, url, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  await db.query(`update projects set phase = 'initiation', status = 'active' where id = $1`, [f.project.id]);
  const typeId = w.org.projects.find((p) => p.id === f.project.id)!.typeId;
  const gate = (name: string) => ({ name, approverRoles: deciders.slice(0, 5) });
  const body = (code: string) => ({
    code,
    name: 'Matrix lifecycle',
    officeId: f.programOffice.id,
    projectTypeIds: [typeId],
    phases: [
      { key: 'initiation' },
      { key: 'planning', gate: gate('Planning gate') },
      { key: 'execution', gate: gate('Execution gate') },
    ],
  });
  const lc = await call('POST', '/api/v1/lifecycles', body('LC-MATRIX'));
  await call('POST', `/api/v1/lifecycles/${lc.id}/publish`, { version: lc.version });
  const draft = await call('POST', '/api/v1/lifecycles', body('LC-MATRIX-DRAFT'));
  const project = `/api/v1/projects/${f.project.id}`;
  const review = await call('POST', `${project}/gate-reviews`);
  await call('PUT', `${project}/approved-values`, { currency: 'EUR', budget: 1_000_000_00 });
  const change = () =>
    call('POST', `${project}/change-requests`, { title: 'Matrix', impact: { budgetDelta: 100 } });
  const draftChange = await change();
  let submitted = await change();
  submitted = await call('POST', `/api/v1/change-requests/${submitted.id}/submit`, {
    version: submitted.version,
  });
  await db.query(
    `update change_requests set steps = jsonb_set(steps, '{0,roles}', $2::jsonb) where id = $1`,
    [submitted.id, JSON.stringify(deciders)],
  );
  const stop = await call('POST', `${project}/stop-recommendations`, { reason: 'Matrix' });
  return {
    lifecycle: { id: lc.id, code: lc.code },
    draft: { id: draft.id },
    review: { id: review.id },
    draftChange: { id: draftChange.id },
    submittedChange: { id: submitted.id },
    stop: { id: stop.id },
  };
}

/**
 * The governance routes' cases (see matrix.cases.ts). Lifecycles sit in their office; gate reviews,
 * approved values, change requests and stop recommendations in their project. Writes that would
 * use the fixture up are sent stale (409 once authorized) or reset.
 */
export function governanceCases(
  { add, as, ok, passedAuth, db }: CaseTools,
  w: TestWorld,
  f: Fixture,
  { P, G, F, OP, OG }: Record<'P' | 'G' | 'F' | 'OP' | 'OG', string>,
) {
  let made: Promise<GovernanceFixture> | null = null;
  let fx: GovernanceFixture | null = null;
  const g = () => {
    made ??= governanceFixture(w, f).then((x) => {
      fx = x;
      return x;
    });
    return made;
  };
  const version = async (table: string, id: string) =>
    (await db.query(`select version from ${table} where id = $1`, [id])).rows[0].version as number;
  const inProject = [P, G, F, OP, OG];
  type Opts = {
    payload?: (x: GovernanceFixture) => Promise<object> | object;
    before?: (u: TestUser | null, x: GovernanceFixture) => Promise<void>;
  };
  const route = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    url: (x: GovernanceFixture) => string,
    scopes: string[],
    allowed: (res: LightMyRequestResponse) => boolean,
    opts: Opts & Partial<RouteCase> = {},
  ) => {
    const { payload, before, ...extra } = opts;
    add(method, path, {
      call: async (u) => {
        const x = await g();
        await before?.(u, x);
        return as(u, {
          method,
          url: url(x),
          ...(payload ? { payload: (await payload(x)) as Record<string, unknown> } : {}),
        });
      },
      scopes,
      allowed,
      ...extra,
    });
  };
  const stale = { version: 999_999 };

  // Lifecycles: everyone reads them; the program office's keepers write them.
  const L = '/api/v1/lifecycles';
  route('GET', L, (x) => `${L}?q=${x.lifecycle.code}`, [OG], ok(200), {
    list: true,
    visible: (res) => (res.json().items as { id: string }[]).some((i) => i.id === fx?.lifecycle.id),
  });
  route('GET', `${L}/:id`, (x) => `${L}/${x.lifecycle.id}`, [OG], ok(200));
  route('POST', L, () => L, [OG], ok(201), {
    payload: () => ({
      code: uniq('LC'),
      name: 'New',
      officeId: f.programOffice.id,
      phases: [{ key: 'initiation' }],
    }),
  });
  route('PATCH', `${L}/:id`, (x) => `${L}/${x.draft.id}`, [OG], ok(200), {
    payload: async (x) => ({ version: await version('lifecycles', x.draft.id), description: uniq('d') }),
  });
  const unarchive = async () => {
    const x = await g();
    await db.query('update lifecycles set archived_at = null where id = $1', [x.draft.id]);
  };
  route('POST', `${L}/:id/archive`, (x) => `${L}/${x.draft.id}/archive`, [OG], ok(200), {
    payload: async (x) => ({ version: await version('lifecycles', x.draft.id) }),
    reset: unarchive,
  });
  route('POST', `${L}/:id/restore`, (x) => `${L}/${x.draft.id}/restore`, [OG], ok(200), {
    before: async (_u, x) => {
      await db.query('update lifecycles set archived_at = now() where id = $1', [x.draft.id]);
    },
    payload: async (x) => ({ version: await version('lifecycles', x.draft.id) }),
    reset: unarchive,
  });
  route('POST', `${L}/:id/publish`, (x) => `${L}/${x.draft.id}/publish`, [OG], passedAuth, {
    payload: () => stale,
  });
  route('POST', `${L}/:id/revise`, (x) => `${L}/${x.lifecycle.id}/revise`, [OG], passedAuth);

  // Gate reviews: in the project; votes and decisions also need the gate to ask the caller (it asks every decider).
  const project = `/api/v1/projects/${f.project.id}`;
  route('GET', '/api/v1/projects/:id/phase-track', () => `${project}/phase-track`, inProject, ok(200));
  route('GET', '/api/v1/projects/:id/gate-reviews', () => `${project}/gate-reviews`, inProject, ok(200));
  route('POST', '/api/v1/projects/:id/gate-reviews', () => `${project}/gate-reviews`, inProject, passedAuth, {
    payload: () => ({}),
  });
  const R = '/api/v1/gate-reviews';
  route('GET', `${R}/:id`, (x) => `${R}/${x.review.id}`, inProject, ok(200));
  route('PATCH', `${R}/:id`, (x) => `${R}/${x.review.id}`, inProject, passedAuth, { payload: () => stale });
  route('POST', `${R}/:id/votes`, (x) => `${R}/${x.review.id}/votes`, inProject, ok(200), {
    payload: () => ({ vote: 'hold', comment: 'Matrix' }),
    reset: async () => {
      const x = await g();
      await db.query(`update gate_reviews set votes = '[]', state = 'open', decision = null where id = $1`, [
        x.review.id,
      ]);
    },
  });
  route('POST', `${R}/:id/decision`, (x) => `${R}/${x.review.id}/decision`, inProject, passedAuth, {
    payload: () => ({ ...stale, decision: 'hold' }),
  });

  // Approved values: reading and setting them is reading and updating the project (set already: 409).
  route(
    'GET',
    '/api/v1/projects/:id/approved-values',
    () => `${project}/approved-values`,
    inProject,
    ok(200),
  );
  route(
    'PUT',
    '/api/v1/projects/:id/approved-values',
    () => `${project}/approved-values`,
    inProject,
    passedAuth,
    {
      payload: () => ({ currency: 'EUR', budget: 1 }),
    },
  );

  // Authority thresholds: an office setting (sent stale: 409 once allowed).
  const A = `/api/v1/offices/${f.projectOffice.id}/authority`;
  route('GET', '/api/v1/offices/:id/authority', () => A, [OP, OG], ok(200));
  route('PUT', '/api/v1/offices/:id/authority', () => A, [OP, OG], passedAuth, {
    payload: () => ({
      version: 999_999,
      rules: [{ kind: 'scope', steps: [{ label: 'PM', roles: ['program_manager'] }] }],
    }),
  });

  // Change requests: in the project; a step is taken by a holder of its roles (the fixture's asks
  // every decider); only the requester withdraws (the case makes the caller the requester).
  const C = '/api/v1/change-requests';
  route(
    'GET',
    '/api/v1/projects/:id/change-requests',
    () => `${project}/change-requests`,
    inProject,
    ok(200),
  );
  route(
    'POST',
    '/api/v1/projects/:id/change-requests',
    () => `${project}/change-requests`,
    inProject,
    ok(201),
    {
      payload: () => ({ title: uniq('CR'), impact: { scopeChange: 'Matrix' } }),
    },
  );
  route('GET', `${C}/:id`, (x) => `${C}/${x.submittedChange.id}`, inProject, ok(200));
  route('PATCH', `${C}/:id`, (x) => `${C}/${x.draftChange.id}`, inProject, passedAuth, {
    payload: () => stale,
  });
  route('POST', `${C}/:id/submit`, (x) => `${C}/${x.draftChange.id}/submit`, inProject, passedAuth, {
    payload: () => stale,
  });
  route(
    'POST',
    `${C}/:id/decisions`,
    (x) => `${C}/${x.submittedChange.id}/decisions`,
    inProject,
    passedAuth,
    {
      payload: () => ({ ...stale, decision: 'approve' }),
    },
  );
  route('POST', `${C}/:id/withdraw`, (x) => `${C}/${x.submittedChange.id}/withdraw`, inProject, passedAuth, {
    before: async (u, x) => {
      if (u)
        await db.query('update change_requests set requested_by = $2 where id = $1', [
          x.submittedChange.id,
          u.id,
        ]);
    },
    payload: () => stale,
  });

  // Stop recommendations: in the project (one is open: a new one is refused with 409 once allowed).
  const S = '/api/v1/stop-recommendations';
  route(
    'GET',
    '/api/v1/projects/:id/stop-recommendations',
    () => `${project}/stop-recommendations`,
    inProject,
    ok(200),
  );
  route(
    'POST',
    '/api/v1/projects/:id/stop-recommendations',
    () => `${project}/stop-recommendations`,
    inProject,
    passedAuth,
    {
      payload: () => ({ reason: 'Matrix' }),
    },
  );
  route('POST', `${S}/:id/decision`, (x) => `${S}/${x.stop.id}/decision`, inProject, passedAuth, {
    payload: () => ({ ...stale, decision: 'reject', outcome: 'Matrix' }),
  });
  route('POST', `${S}/:id/withdraw`, (x) => `${S}/${x.stop.id}/withdraw`, inProject, passedAuth, {
    payload: () => stale,
  });
}
