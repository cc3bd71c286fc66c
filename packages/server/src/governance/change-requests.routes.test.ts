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
let requester: TestUser;
let programManager: TestUser;
let director: TestUser;
let portfolioManager: TestUser;

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  p = await newProject(w, admin, await newProjectType(admin));
  const at = personAt(w, p);
  requester = await at('project_manager');
  programManager = await at('program_manager', 'program');
  director = await at('pmo_director', 'office');
  portfolioManager = await at('portfolio_manager', 'portfolio');
});
afterAll(() => w.close());

const url = () => `/api/v1/projects/${p.id}`;
const baseline = {
  currency: 'EUR',
  budget: 1_000_000_00,
  approvedStart: '2027-01-01',
  approvedFinish: '2027-12-31',
  scope: 'Build the platform',
};

async function draft(impact: Record<string, unknown>, title = 'Change') {
  return ok(requester, 'POST', `${url()}/change-requests`, { title, impact });
}
async function submitted(impact: Record<string, unknown>, title?: string) {
  const d = await draft(impact, title);
  return ok(requester, 'POST', `/api/v1/change-requests/${d.id}/submit`, { version: d.version });
}
const decide = (
  u: TestUser,
  cr: { id: string; version: number },
  decision: 'approve' | 'reject',
  comment = '',
) =>
  send(u, 'POST', `/api/v1/change-requests/${cr.id}/decisions`, { version: cr.version, decision, comment });
const values = async () => (await ok(admin, 'GET', `${url()}/approved-values`)).values;

describe('approved values and change requests', () => {
  it('needs the approved values before a change is submitted; they are set once', async () => {
    const empty = await ok(requester, 'GET', `${url()}/approved-values`);
    expect(empty).toEqual({ values: null, maySet: true });
    const d = await draft({ budgetDelta: 10_000_00 });
    expect(d).toMatchObject({ state: 'draft', kinds: ['budget'], code: expect.stringMatching(/^CR-\d{4}$/) });
    const early = await send(requester, 'POST', `/api/v1/change-requests/${d.id}/submit`, {
      version: d.version,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'invalid_state', field: 'approvedValues' });

    const exec = await personAt(w, p)('executive');
    expect((await send(exec, 'PUT', `${url()}/approved-values`, baseline)).statusCode).toBe(403);
    const bad = await send(requester, 'PUT', `${url()}/approved-values`, {
      ...baseline,
      approvedFinish: '2026-01-01',
    });
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'approvedFinish' });
    const set = await ok(requester, 'PUT', `${url()}/approved-values`, baseline);
    expect(set).toMatchObject({ maySet: false, values: { budget: baseline.budget, version: 1 } });
    const again = await send(requester, 'PUT', `${url()}/approved-values`, { ...baseline, budget: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_state');

    const nothing = await send(requester, 'POST', `${url()}/change-requests`, {
      title: 'Nothing',
      impact: {},
    });
    expect(nothing.json().error).toMatchObject({ code: 'validation_failed', field: 'impact' });
  });

  it('routes a small budget change to the program manager, who approves it into the approved values', async () => {
    const cr = await submitted({ budgetDelta: 50_000_00 }, 'More testers');
    expect(cr.steps.map((s: { label: string }) => s.label)).toEqual(['Program manager']);
    expect(cr.steps[0].reason).toContain('5.0 %');
    expect(await notificationsOf(w, programManager.id, 'change.approval')).toHaveLength(1);
    const wrong = await decide(director, cr, 'approve');
    expect(wrong.statusCode).toBe(403);
    const stale = await decide(programManager, { ...cr, version: cr.version - 1 }, 'approve');
    expect(stale.json().error.code).toBe('version_conflict');
    const done = (await decide(programManager, cr, 'approve', 'Within tolerance')).json();
    expect(done).toMatchObject({
      state: 'approved',
      steps: [{ decision: 'approve', by: programManager.id }],
    });
    expect(done.steps[0].at).toBeTruthy();
    expect(done.applied).toEqual({
      before: {
        budget: 1_000_000_00,
        currency: 'EUR',
        approvedFinish: '2027-12-31',
        scope: 'Build the platform',
      },
      after: {
        budget: 1_050_000_00,
        currency: 'EUR',
        approvedFinish: '2027-12-31',
        scope: 'Build the platform',
      },
    });
    expect(await values()).toMatchObject({ budget: 1_050_000_00, version: 2 });
    expect(await notificationsOf(w, requester.id, 'change.decided')).toHaveLength(1);
  });

  it('routes a large budget change to the PMO board, step by step, in order', async () => {
    const cr = await submitted({ budgetDelta: 300_000_00, finishDeltaDays: 10 }, 'New market');
    expect(cr.kinds).toEqual(['budget', 'schedule']);
    expect(cr.steps.map((s: { label: string }) => s.label)).toEqual([
      'PMO director',
      'Portfolio board',
      'Program manager',
    ]);
    expect((await decide(portfolioManager, cr, 'approve')).statusCode).toBe(403);
    const first = (await decide(director, cr, 'approve')).json();
    expect(first).toMatchObject({ state: 'submitted', currentStep: 1 });
    expect(await values()).toMatchObject({ budget: 1_050_000_00 });
    expect(await notificationsOf(w, portfolioManager.id, 'change.approval')).toHaveLength(1);
    const second = (await decide(portfolioManager, first, 'approve')).json();
    expect(second).toMatchObject({ state: 'submitted', currentStep: 2 });
    const last = (await decide(programManager, second, 'approve')).json();
    expect(last.state).toBe('approved');
    expect(await values()).toMatchObject({ budget: 1_350_000_00, approvedFinish: '2028-01-10' });
  });

  it('ends at a rejection, changing nothing; appends an approved scope change', async () => {
    const cr = await submitted({ finishDeltaDays: 60 }, 'Slip');
    expect(cr.steps.map((s: { label: string }) => s.label)).toEqual(['PMO director', 'Portfolio board']);
    const rejected = (await decide(director, cr, 'reject', 'No')).json();
    expect(rejected).toMatchObject({ state: 'rejected', applied: null, steps: [{ decision: 'reject' }, {}] });
    expect((await decide(portfolioManager, rejected, 'approve')).statusCode).toBe(409);
    expect(await values()).toMatchObject({ approvedFinish: '2028-01-10' });

    const scope = await submitted({ scopeChange: 'Add a mobile app' }, 'Mobile');
    expect(scope.steps.map((s: { label: string }) => s.label)).toEqual(['Program manager', 'PMO director']);
    const one = (await decide(programManager, scope, 'approve')).json();
    await decide(director, one, 'approve');
    expect((await values()).scope).toBe(`Build the platform\n\n${scope.code} Mobile: Add a mobile app`);
  });

  it('changes only drafts, with their version; only the requester withdraws', async () => {
    const d = await draft({ budgetDelta: 1_00 });
    const changed = await ok(requester, 'PATCH', `/api/v1/change-requests/${d.id}`, {
      version: d.version,
      impact: { budgetDelta: 2_00, scopeChange: 'And a report' },
    });
    expect(changed).toMatchObject({ kinds: ['budget', 'scope'], impact: { budgetDelta: 2_00 } });
    const stale = await send(requester, 'PATCH', `/api/v1/change-requests/${d.id}`, {
      version: d.version,
      title: 'x',
    });
    expect(stale.json().error.code).toBe('version_conflict');
    const sub = await ok(requester, 'POST', `/api/v1/change-requests/${d.id}/submit`, {
      version: changed.version,
    });
    const frozen = await send(requester, 'PATCH', `/api/v1/change-requests/${d.id}`, {
      version: sub.version,
      title: 'x',
    });
    expect(frozen.json().error).toMatchObject({ code: 'invalid_state', field: 'state' });
    const other = await personAt(w, p)('project_coordinator');
    const notMine = await send(other, 'POST', `/api/v1/change-requests/${d.id}/withdraw`, {
      version: sub.version,
    });
    expect(notMine.statusCode).toBe(403);
    expect(sub.abilities.withdraw).toBe(true);
    const gone = await ok(requester, 'POST', `/api/v1/change-requests/${d.id}/withdraw`, {
      version: sub.version,
    });
    expect(gone.state).toBe('withdrawn');
    const list = await ok(requester, 'GET', `${url()}/change-requests?state=withdrawn`);
    expect(list.items.map((c: { id: string }) => c.id)).toEqual([d.id]);
  });
  it('follows the office authority rules, inherited by the offices below', async () => {
    const office = (await ok(admin, 'GET', `/api/v1/offices/${p.officeId}`)) as { parentId: string | null };
    const parent = office.parentId!;
    const before = await ok(admin, 'GET', `/api/v1/offices/${p.officeId}/authority`);
    expect(before).toMatchObject({ source: 'default', version: null });
    const rules = [
      { kind: 'budget', upToPercent: 50, steps: [{ label: 'Program manager', roles: ['program_manager'] }] },
      { kind: 'budget', steps: [{ label: 'PMO director', roles: ['pmo_director'] }] },
    ];
    const bad = await send(admin, 'PUT', `/api/v1/offices/${parent}/authority`, {
      version: null,
      rules: [{ ...rules[0], upToDays: 3 }],
    });
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'rules.0.upToDays' });
    const unreachable = await send(admin, 'PUT', `/api/v1/offices/${parent}/authority`, {
      version: null,
      rules: [rules[1], rules[0]],
    });
    expect(unreachable.json().error).toMatchObject({ field: 'rules.1' });
    const noRole = await send(admin, 'PUT', `/api/v1/offices/${parent}/authority`, {
      version: null,
      rules: [{ kind: 'scope', steps: [{ label: 'x', roles: [] }] }],
    });
    expect(noRole.json().error).toMatchObject({ field: 'rules.0.steps.0.roles' });
    const set = await ok(admin, 'PUT', `/api/v1/offices/${parent}/authority`, { version: null, rules });
    expect(set).toMatchObject({ source: 'own', version: 1 });
    const stale = await send(admin, 'PUT', `/api/v1/offices/${parent}/authority`, { version: null, rules });
    expect(stale.json().error.code).toBe('version_conflict');
    const inherited = await ok(admin, 'GET', `/api/v1/offices/${p.officeId}/authority`);
    expect(inherited).toMatchObject({ source: 'inherited', sourceOfficeId: parent, version: null });
    const analyst = await personAt(w, p)('pmo_analyst', 'office');
    expect(
      (await send(analyst, 'PUT', `/api/v1/offices/${parent}/authority`, { version: 1, rules })).statusCode,
    ).toBe(403);

    const cr = await submitted({ budgetDelta: 300_000_00 }, 'Under the new rules');
    expect(cr.steps.map((s: { label: string }) => s.label)).toEqual(['Program manager']);
    const schedule = await draft({ finishDeltaDays: 5 });
    const uncovered = await send(requester, 'POST', `/api/v1/change-requests/${schedule.id}/submit`, {
      version: schedule.version,
    });
    expect(uncovered.json().error).toMatchObject({ code: 'invalid_state', field: 'impact' });
  });
});
