import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProposal } from '../policy/matrix.demand-cases';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';

let w: TestWorld;
let admin: TestUser;
let officeId: string;
let portfolioId: string;

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  const pf = w.org.portfolios.find((p) => p.code === 'PF-DIG')!;
  portfolioId = pf.id;
  officeId = pf.officeId;
});
afterAll(() => w.close());

const criterion = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: id[0]!.toUpperCase() + id.slice(1),
  scale: { min: 1, max: 5 },
  ...extra,
});

async function createFramework(extra: Record<string, unknown>) {
  const res = await admin.req({
    method: 'POST',
    url: '/api/v1/scoring-frameworks',
    payload: { code: `SF-${Math.random().toString(36).slice(2, 8)}`, name: 'Framework', officeId, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const post = (url: string, payload?: Record<string, unknown>) =>
  admin.req({ method: 'POST', url, ...(payload ? { payload } : {}) });

describe('scoring frameworks', () => {
  it('weights by AHP: warns when the judgements are inconsistent and refuses to publish them', async () => {
    const criteria = ['value', 'fit', 'risk'].map((id) => criterion(id));
    const f = await createFramework({
      criteria,
      weighting: 'ahp',
      ahp: {
        comparisons: [
          [0, 1, 9],
          [1, 2, 9],
          [0, 2, 1 / 9],
        ],
      },
    });
    expect(f).toMatchObject({ status: 'draft', revision: 1, familyId: f.id });
    expect(f.ahpOutcome.consistent).toBe(false);
    expect(f.ahpOutcome.cr).toBeGreaterThan(0.1);
    expect(f.ahpOutcome.worst).not.toBeNull();
    expect(f.warnings[0]).toMatch(/inconsistent \(CR \d\.\d{3}, above 0\.10\)/);
    const refused = await post(`/api/v1/scoring-frameworks/${f.id}/publish`, { version: f.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'validation_failed', field: 'ahp' });

    const fixed = await admin.req({
      method: 'PATCH',
      url: `/api/v1/scoring-frameworks/${f.id}`,
      payload: {
        version: f.version,
        ahp: {
          comparisons: [
            [0, 1, 2],
            [1, 2, 2],
            [0, 2, 4],
          ],
        },
      },
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json().warnings).toEqual([]);
    expect(fixed.json().ahpOutcome.cr).toBeCloseTo(0);
    const weights = fixed.json().weights as number[];
    expect(weights[0]).toBeCloseTo(4 / 7);
    expect(weights[2]).toBeCloseTo(1 / 7);
    const published = await post(`/api/v1/scoring-frameworks/${f.id}/publish`, {
      version: fixed.json().version,
    });
    expect(published.json()).toMatchObject({ status: 'published', abilities: { update: false } });
    expect(published.json().publishedAt).toBeTruthy();
    const frozen = await admin.req({
      method: 'PATCH',
      url: `/api/v1/scoring-frameworks/${f.id}`,
      payload: { version: published.json().version, name: 'Changed' },
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error).toMatchObject({ code: 'invalid_state', field: 'status' });
  });

  it('keeps equal weights until every pair is compared, and names a bad judgement', async () => {
    const criteria = ['a', 'b', 'c'].map((id) => criterion(id));
    const f = await createFramework({ criteria, weighting: 'ahp', ahp: { comparisons: [[0, 1, 3]] } });
    expect(f.weights).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(f.warnings[0]).toContain('missing');
    const refused = await post(`/api/v1/scoring-frameworks/${f.id}/publish`, { version: f.version });
    expect(refused.json().error.field).toBe('ahp');
    const bad = await admin.req({
      method: 'POST',
      url: '/api/v1/scoring-frameworks',
      payload: {
        code: 'SF-BAD',
        name: 'Bad',
        officeId,
        criteria,
        weighting: 'ahp',
        ahp: { comparisons: [[0, 1, 12]] },
      },
    });
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'ahp.comparisons.0' });
    const scale = await admin.req({
      method: 'POST',
      url: '/api/v1/scoring-frameworks',
      payload: {
        code: 'SF-BAD',
        name: 'Bad',
        officeId,
        criteria: [criterion('x', { scale: { min: 5, max: 1 } })],
      },
    });
    expect(scale.json().error).toMatchObject({ code: 'validation_failed', field: 'criteria.0.scale' });
  });

  it('revises a published revision into a new draft; publishing it retires the old one', async () => {
    const f = await createFramework({ criteria: [criterion('value')] });
    const v1 = (await post(`/api/v1/scoring-frameworks/${f.id}/publish`, { version: f.version })).json();
    const res = await post(`/api/v1/scoring-frameworks/${f.id}/revise`);
    expect(res.statusCode, res.body).toBe(201);
    const v2 = res.json();
    expect(v2).toMatchObject({ code: f.code, familyId: f.id, revision: 2, status: 'draft' });
    expect(v2.id).not.toBe(f.id);
    const twice = await post(`/api/v1/scoring-frameworks/${f.id}/revise`);
    expect(twice.json().error).toMatchObject({ code: 'invalid_state', field: 'status' });
    const draftRevise = await post(`/api/v1/scoring-frameworks/${v2.id}/revise`);
    expect(draftRevise.json().error.field).toBe('status');
    await post(`/api/v1/scoring-frameworks/${v2.id}/publish`, { version: v2.version });
    const old = (await admin.req({ method: 'GET', url: `/api/v1/scoring-frameworks/${f.id}` })).json();
    expect(old).toMatchObject({ status: 'retired', version: v1.version + 1 });
    const family = (
      await admin.req({ method: 'GET', url: `/api/v1/scoring-frameworks?familyId=${f.id}&sort=revision` })
    ).json();
    expect(family.items.map((x: { status: string }) => x.status)).toEqual(['retired', 'published']);
  });
});

describe('scores and ranking', () => {
  let fw: { id: string };
  const proposals: { id: string; version: number }[] = [];
  const scorers: TestUser[] = [];

  beforeAll(async () => {
    const f = await createFramework({
      combine: 'median',
      criteria: [criterion('value', { weight: 3 }), criterion('risk', { weight: 1, direction: 'negative' })],
    });
    fw = (await post(`/api/v1/scoring-frameworks/${f.id}/publish`, { version: f.version })).json();
    for (const title of ['Alpha', 'Beta', 'Gamma', 'Delta']) {
      let p = (
        await post(
          '/api/v1/proposals',
          newProposal(w.org, officeId, portfolioId, { title, frameworkId: fw.id }),
        )
      ).json();
      for (const to of ['submitted', 'screening'])
        p = (await post(`/api/v1/proposals/${p.id}/transition`, { to, version: p.version })).json();
      proposals.push(p);
    }
    for (const name of ['Ann Scorer', 'Bob Scorer', 'Cy Scorer'])
      scorers.push(await w.userWith([{ role: 'pmo_analyst', scopeType: 'office', scopeId: officeId }], name));
  });

  const put = (u: TestUser, id: string, values: Record<string, number>) =>
    u.req({ method: 'PUT', url: `/api/v1/proposals/${id}/scores/mine`, payload: { values, comment: 'ok' } });

  it('keeps every scorer’s values and combines them by the median, flagging disagreement', async () => {
    const [alpha] = proposals;
    const given = [
      [1, 2],
      [2, 2],
      [5, 3],
    ];
    for (const [i, [value, risk]] of given.entries()) {
      const res = await put(scorers[i]!, alpha!.id, { value: value!, risk: risk! });
      expect(res.statusCode, res.body).toBe(200);
    }
    const s = (await admin.req({ method: 'GET', url: `/api/v1/proposals/${alpha!.id}/scores` })).json();
    expect(s.scores.map((x: { scorerName: string }) => x.scorerName)).toEqual([
      'Ann Scorer',
      'Bob Scorer',
      'Cy Scorer',
    ]);
    expect(s.mayScore).toBe(true);
    const value = s.result.criteria[0];
    expect(value).toMatchObject({ criterionId: 'value', count: 3, value: 2, range: 4, disagreement: true });
    expect(s.result.disagreement.criteria).toEqual(['value']);
    // value median 2 → 0.25 × 0.75; risk median 2 (negative) → 0.75 × 0.25.
    expect(s.result.total).toBeCloseTo(100 * (0.75 * 0.25 + 0.25 * 0.75));
    const item = (await admin.req({ method: 'GET', url: `/api/v1/proposals/${alpha!.id}` })).json();
    expect(item).toMatchObject({ scorers: 3 });
    expect(item.score).toBeCloseTo(s.result.total);
    // Changing one's own scores replaces them.
    await put(scorers[2]!, alpha!.id, { value: 2, risk: 2 });
    const again = (await admin.req({ method: 'GET', url: `/api/v1/proposals/${alpha!.id}/scores` })).json();
    expect(again.scores).toHaveLength(3);
    expect(again.result.disagreement.criteria).toEqual([]);
  });

  it('refuses scores off the scale, on unknown criteria, before screening or without a published framework', async () => {
    const [, beta] = proposals;
    const off = await put(scorers[0]!, beta!.id, { value: 7 });
    expect(off.json().error).toMatchObject({ code: 'validation_failed', field: 'values.value' });
    const unknown = await put(scorers[0]!, beta!.id, { speed: 3 });
    expect(unknown.json().error.field).toBe('values.speed');
    const draft = (
      await post('/api/v1/proposals', newProposal(w.org, officeId, portfolioId, { frameworkId: fw.id }))
    ).json();
    const early = await put(scorers[0]!, draft.id, { value: 3 });
    expect(early.json().error).toMatchObject({ code: 'invalid_state', field: 'status' });
    const loose = await createFramework({ criteria: [criterion('value')] });
    let p = (
      await post('/api/v1/proposals', newProposal(w.org, officeId, portfolioId, { frameworkId: loose.id }))
    ).json();
    for (const to of ['submitted', 'screening'])
      p = (await post(`/api/v1/proposals/${p.id}/transition`, { to, version: p.version })).json();
    const unpublished = await put(scorers[0]!, p.id, { value: 3 });
    expect(unpublished.json().error).toMatchObject({ code: 'validation_failed', field: 'frameworkId' });
    const outsider = await w.userWith([
      { role: 'pmo_analyst', scopeType: 'office', scopeId: w.org.offices.at(-1)!.id },
    ]);
    expect((await put(outsider, beta!.id, { value: 3 })).statusCode).toBe(404);
  });

  it('ranks the proposals by total, the unscored last without a rank', async () => {
    const [alpha, beta, gamma] = proposals;
    await put(scorers[0]!, beta!.id, { value: 5, risk: 1 });
    await put(scorers[0]!, gamma!.id, { value: 3, risk: 3 });
    const r = (await admin.req({ method: 'GET', url: `/api/v1/scoring-frameworks/${fw.id}/ranking` })).json();
    // Scored first by total; then the unscored (the fourth, and a draft of the test above).
    expect(r.items.slice(0, 3).map((x: { proposalId: string }) => x.proposalId)).toEqual([
      beta!.id,
      gamma!.id,
      alpha!.id,
    ]);
    expect(r.items.map((x: { rank: number | null }) => x.rank)).toEqual([1, 2, 3, null, null]);
    expect(r.items.map((x: { proposalId: string }) => x.proposalId)).toContain(proposals[3]!.id);
    expect(r.items[0]).toMatchObject({ total: 100, scorers: 1, title: 'Beta', status: 'screening' });
    expect(typeof r.items[0].npv).toBe('number');
    const filtered = (
      await admin.req({ method: 'GET', url: `/api/v1/scoring-frameworks/${fw.id}/ranking?status=scored` })
    ).json();
    expect(filtered.items).toEqual([]);
  });
});
