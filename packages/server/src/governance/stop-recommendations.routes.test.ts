import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import {
  type GovProject,
  newProject,
  newProjectType,
  notificationsOf,
  ok,
  personAt,
  send,
} from './governance.fixture';

let w: TestWorld;
let admin: TestUser;
let p: GovProject;
let analyst: TestUser;
let portfolioManager: TestUser;

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  p = await newProject(w, admin, await newProjectType(admin));
  analyst = await personAt(w, p)('pmo_analyst', 'office');
  portfolioManager = await personAt(w, p)('portfolio_manager', 'portfolio');
});
afterAll(() => w.close());

const url = () => `/api/v1/projects/${p.id}/stop-recommendations`;
const status = async () => (await ok(admin, 'GET', `/api/v1/projects/${p.id}`)).status as string;

describe('stop recommendations', () => {
  it('the PMO recommends, the sponsor, manager and portfolio managers are told; one is open at a time', async () => {
    const pm = await personAt(w, p)('project_manager');
    expect((await send(pm, 'POST', url(), { reason: 'No' })).statusCode).toBe(403);
    const empty = await send(analyst, 'POST', url(), { reason: ' ' });
    expect(empty.json().error).toMatchObject({ code: 'validation_failed', field: 'reason' });
    const rec = await ok(analyst, 'POST', url(), { reason: 'The benefits case no longer holds' });
    expect(rec).toMatchObject({
      state: 'open',
      recommendedBy: analyst.id,
      abilities: { decide: false, withdraw: true },
    });
    for (const id of [p.sponsorId, p.managerId, portfolioManager.id])
      expect(await notificationsOf(w, id, 'stop.recommended')).toHaveLength(1);
    const second = await send(analyst, 'POST', url(), { reason: 'Again' });
    expect(second.json().error).toMatchObject({ code: 'invalid_state' });
  });

  it('records a rejection with its outcome and leaves the project running', async () => {
    const [rec] = (await ok(portfolioManager, 'GET', url())).items;
    expect(rec.abilities.decide).toBe(true);
    const programManager = await personAt(w, p)('program_manager', 'program');
    const refused = await send(programManager, 'POST', `/api/v1/stop-recommendations/${rec.id}/decision`, {
      version: rec.version,
      decision: 'accept',
      outcome: 'x',
    });
    expect(refused.statusCode).toBe(403);
    const noOutcome = await send(
      portfolioManager,
      'POST',
      `/api/v1/stop-recommendations/${rec.id}/decision`,
      {
        version: rec.version,
        decision: 'reject',
        outcome: '',
      },
    );
    expect(noOutcome.json().error.field).toBe('outcome');
    const rejected = await ok(portfolioManager, 'POST', `/api/v1/stop-recommendations/${rec.id}/decision`, {
      version: rec.version,
      decision: 'reject',
      outcome: 'Board keeps it: a regulator asked for it',
    });
    expect(rejected).toMatchObject({ state: 'rejected', decidedBy: portfolioManager.id });
    expect(rejected.outcome).toContain('regulator');
    expect(await status()).toBe('active');
    const twice = await send(portfolioManager, 'POST', `/api/v1/stop-recommendations/${rec.id}/decision`, {
      version: rejected.version,
      decision: 'accept',
      outcome: 'x',
    });
    expect(twice.json().error.code).toBe('invalid_state');
  });

  it('withdraws, and on acceptance cancels the project', async () => {
    const a = await ok(analyst, 'POST', url(), { reason: 'Overrun' });
    const stale = await send(analyst, 'POST', `/api/v1/stop-recommendations/${a.id}/withdraw`, {
      version: 99,
    });
    expect(stale.json().error.code).toBe('version_conflict');
    const gone = await ok(analyst, 'POST', `/api/v1/stop-recommendations/${a.id}/withdraw`, {
      version: a.version,
    });
    expect(gone.state).toBe('withdrawn');
    const b = await ok(analyst, 'POST', url(), { reason: 'Overrun, confirmed' });
    const exec = await personAt(w, p)('executive', 'portfolio');
    const accepted = await ok(exec, 'POST', `/api/v1/stop-recommendations/${b.id}/decision`, {
      version: b.version,
      decision: 'accept',
      outcome: 'Stopped by the board on 4 May',
    });
    expect(accepted.state).toBe('accepted');
    expect(await status()).toBe('cancelled');
    const after = await send(analyst, 'POST', url(), { reason: 'Again' });
    expect(after.json().error).toMatchObject({ code: 'invalid_state', field: 'status' });
    const history = (await ok(admin, 'GET', url())).items.map((r: { state: string }) => r.state);
    expect(history).toEqual(['accepted', 'withdrawn', 'rejected']);
  });
});
