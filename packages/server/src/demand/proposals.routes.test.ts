import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProposal } from '../policy/matrix.demand-cases';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';

let w: TestWorld;
let admin: TestUser;
let requester: TestUser;
let analyst: TestUser;
let officeId: string;
let portfolioId: string;
let frameworkId: string;
let roleId: string;
const ghost = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  const pf = w.org.portfolios.find((p) => p.code === 'PF-DIG')!;
  portfolioId = pf.id;
  officeId = pf.officeId;
  requester = await w.userWith([{ role: 'business_requester', scopeType: 'office', scopeId: officeId }]);
  analyst = await w.userWith([{ role: 'pmo_analyst', scopeType: 'office', scopeId: officeId }]);
  const fw = await admin.req({
    method: 'POST',
    url: '/api/v1/scoring-frameworks',
    payload: {
      code: 'SF-TEST',
      name: 'Test framework',
      officeId,
      criteria: [
        { id: 'value', name: 'Value', weight: 3, scale: { min: 1, max: 5 } },
        { id: 'fit', name: 'Strategic fit', weight: 1, scale: { min: 1, max: 5 } },
      ],
    },
  });
  frameworkId = fw.json().id;
  const role = await admin.req({
    method: 'POST',
    url: '/api/v1/work-roles',
    payload: { code: 'DEV-T', name: 'Dev' },
  });
  roleId = role.json().id;
  await admin.req({
    method: 'POST',
    url: `/api/v1/scoring-frameworks/${frameworkId}/publish`,
    payload: { version: 1 },
  });
});
afterAll(() => w.close());

async function create(as: TestUser, extra: Record<string, unknown> = {}) {
  const res = await as.req({
    method: 'POST',
    url: '/api/v1/proposals',
    payload: newProposal(w.org, officeId, portfolioId, { frameworkId, ...extra }),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function move(as: TestUser, p: { id: string; version: number }, to: string, reason = '') {
  return as.req({
    method: 'POST',
    url: `/api/v1/proposals/${p.id}/transition`,
    payload: { to, version: p.version, reason },
  });
}

/** Moves a proposal along several steps as the administrator, returning it. */
async function walk(p: { id: string; version: number }, steps: string[]) {
  let cur = p;
  for (const to of steps) {
    const res = await move(admin, cur, to, to === 'rejected' || to === 'deferred' ? 'Because' : '');
    expect(res.statusCode, res.body).toBe(200);
    cur = res.json();
  }
  return cur as Record<string, unknown> & { id: string; version: number };
}

const score = (as: TestUser, id: string, values: Record<string, number>) =>
  as.req({ method: 'PUT', url: `/api/v1/proposals/${id}/scores/mine`, payload: { values } });

describe('proposals', () => {
  it('creates a draft with a code, the requester, the business case measures and what the caller may do', async () => {
    const p = await create(requester);
    expect(p).toMatchObject({
      status: 'draft',
      requesterId: requester.id,
      version: 1,
      score: null,
      scorers: 0,
    });
    expect(p.code).toMatch(/^PR-\d{4}$/);
    expect(p.measures).toMatchObject({ totalCost: 100_000_00, totalBenefits: 80_000_00, discountRate: 0.08 });
    expect(p.measures.npv).toBe(Math.round(-100_000_00 + 80_000_00 / 1.08));
    expect(p.measures.irr).toBeCloseTo(-0.2);
    expect(p.allowed).toEqual(['submitted']);
    expect(p.labels.officeId).toBeTruthy();
    expect(p.transitions).toEqual([]);
    const next = await create(requester);
    expect(Number(next.code.slice(3))).toBe(Number(p.code.slice(3)) + 1);
  });

  it('names the field of each bad reference', async () => {
    for (const [field, extra] of [
      ['officeId', { officeId: ghost }],
      ['sponsorId', { sponsorId: ghost }],
      ['typeId', { typeId: ghost }],
      ['frameworkId', { frameworkId: ghost }],
      ['objectiveIds', { objectiveIds: [ghost] }],
      [
        'demand.1.roleId',
        {
          demand: [
            { roleId, fromMonth: 0, months: 3, hoursPerMonth: 100 },
            { roleId: ghost, fromMonth: 0, months: 3, hoursPerMonth: 100 },
          ],
        },
      ],
    ] as const) {
      const payload = newProposal(w.org, officeId, portfolioId, extra);
      const res = await admin.req({ method: 'POST', url: '/api/v1/proposals', payload });
      expect(res.statusCode, field).toBe(422);
      expect(res.json().error).toMatchObject({ code: 'invalid_reference', field });
    }
    const window = await admin.req({
      method: 'POST',
      url: '/api/v1/proposals',
      payload: newProposal(w.org, officeId, portfolioId, { latestStart: '2026-01' }),
    });
    expect(window.json().error).toMatchObject({ code: 'validation_failed', field: 'latestStart' });
  });

  it('runs the pipeline to approval, measuring the time to decision', async () => {
    let p = await create(requester);
    const sub = await move(requester, p, 'submitted');
    expect(sub.statusCode, sub.body).toBe(200);
    p = sub.json();
    expect(p.submittedAt).toBeTruthy();
    expect(p.daysWaiting).toBe(0);
    // The requester may withdraw or nothing more; the analyst may screen it.
    expect(p.allowed).toEqual(['draft']);
    // Submitted ten days ago.
    await w.database.pool.query(
      `update proposals set submitted_at = now() - interval '10 days' where id = $1`,
      [p.id],
    );
    const screened = await move(analyst, p, 'screening');
    expect(screened.statusCode, screened.body).toBe(200);
    p = screened.json();
    expect(p.daysWaiting).toBe(10);
    expect(p.allowed).toEqual(['scored']); // rejecting or deferring is a decision
    expect((await score(analyst, p.id, { value: 5, fit: 3 })).statusCode).toBe(200);
    p = await walk(p, ['scored', 'shortlisted', 'approved']);
    expect(p).toMatchObject({ status: 'approved', daysToDecision: 10, daysWaiting: null, scorers: 1 });
    expect(p.score).toBeCloseTo(100 * (0.75 * 1 + 0.25 * 0.5));
    expect((p.transitions as { to: string }[]).map((t) => t.to)).toEqual([
      'submitted',
      'screening',
      'scored',
      'shortlisted',
      'approved',
    ]);
    expect((p.transitions as { actorName: string }[])[2]!.actorName).toBe('Pharos Administrator');
    const history = (await admin.req({ method: 'GET', url: `/api/v1/audit/proposal/${p.id}` })).json();
    expect(history.items[0].after).toMatchObject({ status: 'approved' });
    const pipeline = (
      await admin.req({ method: 'GET', url: `/api/v1/proposals/pipeline?officeId=${officeId}` })
    ).json();
    expect(pipeline.counts.approved).toBeGreaterThanOrEqual(1);
    expect(pipeline.medianDaysToDecision).not.toBeNull();
  });

  it('refuses a step that does not start from the status, naming `to`', async () => {
    const p = await create(requester);
    const res = await move(admin, p, 'approved');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'invalid_state', field: 'to' });
    expect(res.json().error.message).toContain('submitted');
  });

  it('refuses a step the caller may not take', async () => {
    const p = await walk(await create(requester), ['submitted']);
    const res = await move(requester, p, 'screening');
    expect(res.statusCode).toBe(403);
  });

  it('needs a reason to reject or defer', async () => {
    const p = await walk(await create(requester), ['submitted', 'screening']);
    const res = await move(admin, p, 'rejected', '  ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'reason' });
    const deferred = await move(admin, p, 'deferred', 'Next budget year');
    expect(deferred.json()).toMatchObject({ status: 'deferred', statusReason: 'Next budget year' });
    expect(deferred.json().decidedAt).toBeTruthy();
  });

  it('refuses to mark as scored, shortlist or approve an unscored proposal, saying what is missing', async () => {
    const p = await walk(await create(requester), ['submitted', 'screening']);
    await score(analyst, p.id, { value: 4 });
    const res = await move(admin, p, 'scored');
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'invalid_state', field: 'to' });
    expect(res.json().error.message).toContain('Strategic fit');
    const none = await walk(await create(requester, { frameworkId: null }), ['submitted', 'screening']);
    expect((await move(admin, none, 'scored')).json().error).toMatchObject({ field: 'frameworkId' });
  });

  it('lets a mandatory proposal be approved without scores', async () => {
    const p = await create(requester, { mandatory: true, mandatoryReason: 'New regulation' });
    await w.database.pool.query(
      `update proposals set status = 'scored', version = version + 1 where id = $1`,
      [p.id],
    );
    const done = await walk({ id: p.id, version: 2 }, ['shortlisted', 'approved']);
    expect(done.status).toBe('approved');
  });

  it('lets a requester change their proposal until screening starts', async () => {
    let p = await create(requester);
    const ok = await requester.req({
      method: 'PATCH',
      url: `/api/v1/proposals/${p.id}`,
      payload: { version: p.version, outcome: 'Faster onboarding' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    p = await walk(ok.json(), ['submitted', 'screening']);
    const seen = (await requester.req({ method: 'GET', url: `/api/v1/proposals/${p.id}` })).json();
    expect(seen.abilities).toMatchObject({ update: false });
    expect(seen.allowed).toEqual([]);
    const refused = await requester.req({
      method: 'PATCH',
      url: `/api/v1/proposals/${p.id}`,
      payload: { version: p.version, outcome: 'Changed later' },
    });
    expect(refused.statusCode).toBe(403);
    const pmo = await analyst.req({
      method: 'PATCH',
      url: `/api/v1/proposals/${p.id}`,
      payload: { version: p.version, outcome: 'Clarified by the PMO' },
    });
    expect(pmo.statusCode, pmo.body).toBe(200);
    const stale = await analyst.req({
      method: 'PATCH',
      url: `/api/v1/proposals/${p.id}`,
      payload: { version: p.version, outcome: 'Stale' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', field: 'version' });
    const staleMove = await move(admin, p, 'scored');
    expect(staleMove.json().error.code).toBe('version_conflict');
    const badRef = await analyst.req({
      method: 'PATCH',
      url: `/api/v1/proposals/${p.id}`,
      payload: { version: pmo.json().version, sponsorId: ghost },
    });
    expect(badRef.json().error).toMatchObject({ code: 'invalid_reference', field: 'sponsorId' });
  });

  it('lists what the caller may see, filtered and searched', async () => {
    const p = await create(requester, { title: 'Unique searchable widget' });
    const found = (
      await requester.req({ method: 'GET', url: '/api/v1/proposals?q=searchable+widget' })
    ).json();
    expect(found.items.map((x: { id: string }) => x.id)).toEqual([p.id]);
    const byCode = (
      await admin.req({ method: 'GET', url: `/api/v1/proposals?q=${p.code}&status=draft` })
    ).json();
    expect(byCode.total).toBe(1);
    const elsewhere = await w.userWith([
      { role: 'business_requester', scopeType: 'office', scopeId: w.org.offices.at(-1)!.id },
    ]);
    const hidden = (
      await elsewhere.req({ method: 'GET', url: '/api/v1/proposals?q=searchable+widget' })
    ).json();
    expect(hidden.total).toBe(0);
    expect((await elsewhere.req({ method: 'GET', url: `/api/v1/proposals/${p.id}` })).statusCode).toBe(404);
  });

  it('converts an approved proposal into a planned project, in one transaction', async () => {
    let p = await create(requester, { earliestStart: '2027-03', latestStart: '2027-06', durationMonths: 10 });
    p = await walk(p, ['submitted', 'screening']);
    const early = await score(analyst, p.id, { value: 4, fit: 9 });
    expect(early.json().error).toMatchObject({ code: 'validation_failed', field: 'values.fit' });
    await score(analyst, p.id, { value: 4, fit: 4 });
    p = await walk(p, ['scored', 'shortlisted', 'approved']);
    const noType = await admin.req({
      method: 'POST',
      url: `/api/v1/proposals/${p.id}/convert`,
      payload: { version: p.version },
    });
    expect(noType.json().error).toMatchObject({ code: 'validation_failed', field: 'typeId' });
    const projects = Number((await w.database.pool.query('select count(*) from projects')).rows[0].count);
    const taken = await admin.req({
      method: 'POST',
      url: `/api/v1/proposals/${p.id}/convert`,
      payload: { version: p.version, typeId: w.org.projectTypes[0]!.id, code: w.org.projects[0]!.code },
    });
    expect(taken.json().error).toMatchObject({ code: 'duplicate', field: 'code' });
    expect(Number((await w.database.pool.query('select count(*) from projects')).rows[0].count)).toBe(
      projects,
    );
    const res = await admin.req({
      method: 'POST',
      url: `/api/v1/proposals/${p.id}/convert`,
      payload: { version: p.version, typeId: w.org.projectTypes[0]!.id },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { proposal, projectId } = res.json();
    expect(proposal).toMatchObject({ status: 'converted', projectId });
    const project = (await admin.req({ method: 'GET', url: `/api/v1/projects/${projectId}` })).json();
    expect(project).toMatchObject({
      code: p.code,
      name: p.title,
      plannedStart: '2027-03-01',
      plannedFinish: '2027-12-31',
      officeId,
      portfolioId,
    });
    const again = await admin.req({
      method: 'POST',
      url: `/api/v1/proposals/${p.id}/convert`,
      payload: { version: proposal.version, typeId: w.org.projectTypes[0]!.id },
    });
    expect(again.json().error).toMatchObject({ code: 'invalid_state', field: 'status' });
  });
});
