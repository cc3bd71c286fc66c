import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/connect';
import type { GeneratedOrg } from '../demo/types';
import type { TestUser } from '../test/harness';
import type { Crud, RouteCase } from './matrix.cases';
import type { Fixture, Item } from './matrix.fixture';

interface CaseTools {
  /** The six standard routes of an entity (matrix.cases.ts). */
  crud: Crud;
  add: (method: string, path: string, c: RouteCase) => unknown;
  as: (u: TestUser | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  ok: (...codes: number[]) => (res: LightMyRequestResponse) => boolean;
  passedAuth: (res: LightMyRequestResponse) => boolean;
  db: Database['pool'];
}

let n = 0;
const uniq = (p: string) => `${p}-${++n}-${Math.random().toString(36).slice(2, 6)}`;

/** The demand items the matrix works on, made through the API by the administrator. */
export interface DemandFixture {
  /** A draft proposal of the program office, in the portfolio. */
  proposal: Item & { code: string };
  /** A proposal in screening, there too, with the published framework. */
  screeningProposal: Item;
  /** The program office's published scoring framework, and a draft one. */
  framework: Item & { code: string };
  draftFramework: Item & { code: string };
  workRole: Item & { code: string };
}

export const criteria = [
  { id: 'value', name: 'Value', weight: 2, scale: { min: 0, max: 5 } },
  { id: 'risk', name: 'Risk', weight: 1, scale: { min: 0, max: 5 }, direction: 'negative' },
];

export function newProposal(o: GeneratedOrg, officeId: string, portfolioId: string, extra = {}) {
  return {
    title: 'Automate supplier onboarding',
    orgUnitId: o.orgUnits[0]!.id,
    officeId,
    portfolioId,
    businessCase: { firstYear: 2027, years: [{ capex: 100_000_00 }, { benefits: 80_000_00 }] },
    earliestStart: '2027-01',
    latestStart: '2027-06',
    durationMonths: 6,
    ...extra,
  };
}

export async function demandFixture(
  admin: TestUser,
  o: GeneratedOrg,
  officeId: string,
  portfolioId: string,
): Promise<DemandFixture> {
  const post = async (url: string, payload: Record<string, unknown>) => {
    const res = await admin.req({ method: 'POST', url, payload });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.body}`);
    return res.json();
  };
  const fw = (code: string) => ({ code, name: 'Matrix framework', officeId, criteria });
  const framework = await post('/api/v1/scoring-frameworks', fw('SF-MATRIX'));
  await post(`/api/v1/scoring-frameworks/${framework.id}/publish`, { version: framework.version });
  const draftFramework = await post('/api/v1/scoring-frameworks', fw('SF-MATRIX-DRAFT'));
  const workRole = await post('/api/v1/work-roles', { code: 'ROLE-MATRIX', name: 'Matrix role' });
  const proposal = await post('/api/v1/proposals', newProposal(o, officeId, portfolioId));
  let screening = await post(
    '/api/v1/proposals',
    newProposal(o, officeId, portfolioId, { frameworkId: framework.id, title: 'Screen me' }),
  );
  for (const to of ['submitted', 'screening'])
    screening = await post(`/api/v1/proposals/${screening.id}/transition`, {
      to,
      version: screening.version,
    });
  return {
    proposal: { id: proposal.id, code: proposal.code },
    screeningProposal: { id: screening.id },
    framework: { id: framework.id, code: framework.code },
    draftFramework: { id: draftFramework.id, code: draftFramework.code },
    workRole: { id: workRole.id, code: workRole.code },
  };
}

/** The demand routes' cases (see matrix.cases.ts); F and OG are the fixture's portfolio and program office. */
export function demandCases(
  { add, as, ok, passedAuth, db, crud }: CaseTools,
  f: Fixture,
  o: GeneratedOrg,
  { F, OG }: Record<'F' | 'OG', string>,
) {
  const _version = async (table: string, id: string) =>
    (await db.query(`select version from ${table} where id = $1`, [id])).rows[0].version as number;
  const inItems = (id: string) => (res: LightMyRequestResponse) =>
    (res.json().items as { id?: string; proposalId?: string }[]).some((x) => (x.proposalId ?? x.id) === id);

  // Settings: everyone reads them; changing them is organization-level (sent stale: 409 once allowed).
  add('GET', '/api/v1/settings/demand', {
    call: (u) => as(u, { method: 'GET', url: '/api/v1/settings/demand' }),
    scopes: [],
    allowed: ok(200),
  });
  add('PATCH', '/api/v1/settings/demand', {
    call: (u) =>
      as(u, {
        method: 'PATCH',
        url: '/api/v1/settings/demand',
        payload: { version: 999_999, discountRate: 0.07 },
      }),
    scopes: [],
    allowed: ok(409),
  });

  // Work roles: reference data, kept by the organization's leaders and resource managers.
  crud(
    'work-roles',
    'work_roles',
    f.workRole,
    [],
    [],
    () => ({
      code: uniq('ROLE'),
      name: 'Role',
      capacity: [{ orgUnitId: o.orgUnits[0]!.id, from: '2027-01', hoursPerMonth: 320 }],
    }),
    { description: uniq('d') },
  );
  add('GET', '/api/v1/work-roles/capacity', {
    call: (u) => as(u, { method: 'GET', url: '/api/v1/work-roles/capacity?from=2027-01&months=12' }),
    scopes: [],
    allowed: ok(200),
  });

  // Proposals sit in the program office and the portfolio.
  const PS = [OG, F];
  crud(
    'proposals',
    'proposals',
    f.proposal,
    PS,
    PS,
    () => newProposal(o, f.programOffice.id, f.portfolio.id, { title: uniq('Proposal') }),
    { outcome: uniq('o') },
  );
  const proposal = `/api/v1/proposals/${f.proposal.id}`;
  // Each step is checked against its own permission; sent stale, an allowed step gets 409.
  add('POST', '/api/v1/proposals/:id/transition', {
    call: (u) =>
      as(u, {
        method: 'POST',
        url: `${proposal}/transition`,
        payload: { to: 'submitted', version: 999_999 },
      }),
    scopes: PS,
    check: { resource: 'proposal', action: 'submit' },
    allowed: ok(409),
  });
  add('POST', '/api/v1/proposals/:id/convert', {
    call: (u) => as(u, { method: 'POST', url: `${proposal}/convert`, payload: { version: 999_999 } }),
    scopes: PS,
    allowed: ok(409),
  });
  add('GET', '/api/v1/proposals/pipeline', {
    call: (u) => as(u, { method: 'GET', url: `/api/v1/proposals/pipeline?officeId=${f.programOffice.id}` }),
    scopes: PS,
    list: true,
    allowed: ok(200),
  });
  const screening = `/api/v1/proposals/${f.screeningProposal.id}`;
  add('GET', '/api/v1/proposals/:id/scores', {
    call: (u) => as(u, { method: 'GET', url: `${screening}/scores` }),
    scopes: PS,
    allowed: ok(200),
  });
  add('PUT', '/api/v1/proposals/:id/scores/mine', {
    call: (u) =>
      as(u, { method: 'PUT', url: `${screening}/scores/mine`, payload: { values: { value: 4, risk: 2 } } }),
    scopes: PS,
    allowed: ok(200),
  });

  // Scoring frameworks belong to the program office; everyone reads them.
  crud(
    'scoring-frameworks',
    'scoring_frameworks',
    f.draftFramework,
    [OG],
    [OG],
    () => ({ code: uniq('SF'), name: 'Framework', officeId: f.programOffice.id, criteria }),
    { description: uniq('d') },
  );
  const framework = `/api/v1/scoring-frameworks/${f.framework.id}`;
  add('POST', '/api/v1/scoring-frameworks/:id/publish', {
    call: (u) =>
      as(u, {
        method: 'POST',
        url: `/api/v1/scoring-frameworks/${f.draftFramework.id}/publish`,
        payload: { version: 999_999 },
      }),
    scopes: [OG],
    allowed: ok(409),
  });
  // The first allowed call makes a draft revision; later ones are told a draft exists (409).
  add('POST', '/api/v1/scoring-frameworks/:id/revise', {
    call: (u) => as(u, { method: 'POST', url: `${framework}/revise` }),
    scopes: [OG],
    allowed: passedAuth,
  });
  add('GET', '/api/v1/scoring-frameworks/:id/ranking', {
    call: (u) => as(u, { method: 'GET', url: `${framework}/ranking` }),
    scopes: PS,
    list: true,
    visible: inItems(f.screeningProposal.id),
    allowed: ok(200),
  });
}
