import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newProposal } from '../policy/matrix.demand-cases';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';

let w: TestWorld;
let admin: TestUser;
const unit = (code: string) => w.org.orgUnits.find((u) => u.code === code)!.id;

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
});
afterAll(() => w.close());

describe('work roles', () => {
  it('checks each capacity step, naming the field', async () => {
    const step = (orgUnitId: string, from: string) => ({ orgUnitId, from, hoursPerMonth: 160 });
    const fin = unit('NW-FIN');
    const bad = await admin.req({
      method: 'POST',
      url: '/api/v1/work-roles',
      payload: {
        code: 'QA',
        name: 'Tester',
        capacity: [
          step(fin, '2027-01'),
          step(fin, '2027-02'),
          step(fin, '2027-03'),
          step('00000000-0000-4000-8000-000000000000', '2027-01'),
        ],
      },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'invalid_reference', field: 'capacity.3.orgUnitId' });
    const twice = await admin.req({
      method: 'POST',
      url: '/api/v1/work-roles',
      payload: { code: 'QA', name: 'Tester', capacity: [step(fin, '2027-01'), step(fin, '2027-01')] },
    });
    expect(twice.json().error).toMatchObject({ code: 'validation_failed', field: 'capacity.1.from' });
    const requester = await w.tokenFor('requester@pharos.demo');
    const refused = await requester.req({
      method: 'POST',
      url: '/api/v1/work-roles',
      payload: { code: 'QA', name: 'Tester' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('adds up capacity per month: a step holds until the next step of the same unit', async () => {
    const fin = unit('NW-FIN');
    const retail = unit('NW-FIN-RETAIL');
    const res = await admin.req({
      method: 'POST',
      url: '/api/v1/work-roles',
      payload: {
        code: 'ARCH-T',
        name: 'Solution architect',
        capacity: [
          { orgUnitId: fin, from: '2027-04', hoursPerMonth: 150 },
          { orgUnitId: fin, from: '2027-01', hoursPerMonth: 100 },
          { orgUnitId: retail, from: '2027-02', hoursPerMonth: 50 },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id;
    const table = async (extra = '') => {
      const t = await admin.req({
        method: 'GET',
        url: `/api/v1/work-roles/capacity?from=2026-12&months=6${extra}`,
      });
      expect(t.statusCode, t.body).toBe(200);
      return t.json().roles.find((r: { id: string }) => r.id === id).hours;
    };
    expect(await table()).toEqual([0, 100, 150, 150, 200, 200]);
    expect(await table(`&orgUnitId=${fin}`)).toEqual([0, 100, 150, 150, 200, 200]);
    expect(await table(`&orgUnitId=${retail}`)).toEqual([0, 0, 50, 50, 50, 50]);
    expect(await table(`&orgUnitId=${unit('NW-LOG')}`)).toEqual([0, 0, 0, 0, 0, 0]);
    const ghost = await admin.req({
      method: 'GET',
      url: '/api/v1/work-roles/capacity?from=2027-01&orgUnitId=00000000-0000-4000-8000-000000000000',
    });
    expect(ghost.json().error).toMatchObject({ code: 'invalid_reference', field: 'orgUnitId' });
  });
});

describe('demand settings', () => {
  it('has defaults, changes with the version, and every NPV follows the rate', async () => {
    const s = (await admin.req({ method: 'GET', url: '/api/v1/settings/demand' })).json();
    expect(s).toMatchObject({ currency: 'EUR', cashFlowTiming: 'year-end' });
    const requester = await w.tokenFor('requester@pharos.demo');
    const refused = await requester.req({
      method: 'PATCH',
      url: '/api/v1/settings/demand',
      payload: { version: s.version, discountRate: 0.1 },
    });
    expect(refused.statusCode).toBe(403);
    const changed = await admin.req({
      method: 'PATCH',
      url: '/api/v1/settings/demand',
      payload: { version: s.version, discountRate: 0.1 },
    });
    expect(changed.json()).toMatchObject({ discountRate: 0.1, currency: 'EUR', version: s.version + 1 });
    const stale = await admin.req({
      method: 'PATCH',
      url: '/api/v1/settings/demand',
      payload: { version: s.version, currency: 'USD' },
    });
    expect(stale.statusCode).toBe(409);
    const pf = w.org.portfolios[0]!;
    const p = (
      await admin.req({
        method: 'POST',
        url: '/api/v1/proposals',
        payload: newProposal(w.org, pf.officeId, pf.id),
      })
    ).json();
    expect(p.measures).toMatchObject({ discountRate: 0.1, npv: Math.round(-100_000_00 + 80_000_00 / 1.1) });
    const history = (await admin.req({ method: 'GET', url: '/api/v1/audit?entityType=settings' })).json();
    expect(history.items[0].after).toMatchObject({ discountRate: 0.1 });
  });
});
