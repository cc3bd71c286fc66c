import type { Scenario } from '@pharos/engine';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { jobDone } from './jobs';

let w: TestWorld;
let admin: TestUser;
let portfolioId: string;
beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  portfolioId = w.org.portfolios.find((p) => p.code === 'PF-DIG')!.id;
});
afterAll(() => w.close());

const c = (id: string, score: number, capex: number, rest: Partial<Scenario['candidates'][number]> = {}) => ({
  id,
  name: `Candidate ${id}`,
  kind: 'proposal' as const,
  value: { score, npv: 0 },
  duration: 3,
  earliestStart: 0,
  latestStart: 0,
  shiftable: false,
  plannedStart: 0,
  cost: [{ line: 'capex', month: 0, amount: capex }],
  demand: [{ role: 'DEV', month: 0, hours: 100 }],
  ...rest,
});

/**
 * Four candidates, a capex limit of 100 in year 0 and 150 developer hours a month. A and B (both
 * fixed in month 0) cannot both fit the budget nor the developers; C needs A and may start in
 * months 0–6; D fits the budget beside A but not the developers in month 0. Best: A + C = 90,
 * with C moved out of month 0 (A and C together need 200 developer hours).
 */
function file(name = 'Hand-checked') {
  return {
    format: 'pharos-scenario' as const,
    version: 1 as const,
    name,
    scenario: {
      horizon: { start: '2027-01', months: 12 },
      budget: [{ line: 'capex', year: 0, limit: 100 }],
      capacity: Array.from({ length: 12 }, (_, month) => ({ role: 'DEV', month, hours: 150 })),
      candidates: [
        c('A', 60, 60),
        c('B', 50, 50),
        c('C', 30, 30, { shiftable: true, latestStart: 6 }),
        c('D', 5, 40, { demand: [{ role: 'DEV', month: 0, hours: 60 }] }),
      ],
      dependencies: [{ from: 'A', to: 'C', kind: 'requires' as const }],
      exclusions: [],
      objective: 'score' as const,
    },
  };
}

async function importFile(code: string, f = file()) {
  const res = await admin.req({
    method: 'POST',
    url: '/api/v1/scenarios/import',
    payload: { portfolioId, code, file: f },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; body: Scenario };
}

async function solved(id: string) {
  const res = await admin.req({
    method: 'POST',
    url: `/api/v1/scenarios/${id}/solve`,
    payload: { timeLimit: 10 },
  });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json().state).toBe('running');
  expect(res.json().greedyValue).not.toBeNull();
  await jobDone(id);
  const job = (await admin.req({ method: 'GET', url: `/api/v1/scenarios/${id}/job` })).json();
  expect(job.state).toBe('done');
  return (await admin.req({ method: 'GET', url: `/api/v1/scenarios/${id}` })).json();
}

describe('scenarios', () => {
  it('imports a scenario file, exports it back, and lists it with its counts', async () => {
    const sc = await importFile('SC-IMPORT');
    expect(sc.body.candidates.map((x) => x.id)).toEqual(['A', 'B', 'C', 'D']);
    const back = (await admin.req({ method: 'GET', url: `/api/v1/scenarios/${sc.id}/file` })).json();
    expect(back.format).toBe('pharos-scenario');
    expect(back.scenario.candidates).toHaveLength(4);
    const list = (
      await admin.req({ method: 'GET', url: `/api/v1/scenarios?portfolioId=${portfolioId}&q=SC-IMPORT` })
    ).json();
    expect(list.items[0]).toMatchObject({ code: 'SC-IMPORT', candidates: 4, selected: null });
  });

  it('refuses a file with a dangling dependency, naming the field', async () => {
    const f = file();
    f.scenario.dependencies = [{ from: 'Z', to: 'C', kind: 'requires' }];
    const res = await admin.req({
      method: 'POST',
      url: '/api/v1/scenarios/import',
      payload: { portfolioId, code: 'SC-BAD', file: f },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toContain('dependencies');
  });

  it('solves in the background, keeps the optimal plan, and explains it', async () => {
    const sc = await importFile('SC-SOLVE');
    const after = await solved(sc.id);
    expect(after.plan).toMatchObject({ source: 'solver', status: 'optimal', value: 90 });
    const starts = after.plan.starts as (number | null)[];
    expect(starts[0]).toBe(0);
    expect(starts[1]).toBeNull(); // B: no room in the capex budget beside A
    expect(starts[2]).toBeGreaterThan(0); // C: after month 0, where A takes the developers
    expect(starts[3]).toBeNull();
    expect(after.plan.forVersion).toBe(after.version);
    const why = (await admin.req({ method: 'GET', url: `/api/v1/scenarios/${sc.id}/explanation` })).json();
    const b = why.excluded.find((x: { candidate: string }) => x.candidate === 'B');
    expect(b.shortfalls.some((s: { kind: string }) => s.kind === 'budget')).toBe(true);
    expect(b.extraBudget).toBeGreaterThan(0);
  });

  it('keeps a plan set by hand with what it breaks; a stale version or a wrong length is refused', async () => {
    const sc = await importFile('SC-MANUAL');
    const bad = await admin.req({
      method: 'PUT',
      url: `/api/v1/scenarios/${sc.id}/plan`,
      payload: { version: sc.version, starts: [0, 0] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('starts');
    const res = await admin.req({
      method: 'PUT',
      url: `/api/v1/scenarios/${sc.id}/plan`,
      payload: { version: sc.version, starts: [0, 0, null, null] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const plan = res.json().plan;
    expect(plan.source).toBe('manual');
    expect(plan.value).toBe(110);
    expect(plan.violations.join(' ')).toMatch(/budget capex/);
    const stale = await admin.req({
      method: 'PUT',
      url: `/api/v1/scenarios/${sc.id}/plan`,
      payload: { version: sc.version, starts: [0, null, null, null] },
    });
    expect(stale.statusCode).toBe(409);
    // Renaming keeps the plan current; changing a limit leaves it there, marked stale.
    const renamed = (
      await admin.req({
        method: 'PATCH',
        url: `/api/v1/scenarios/${sc.id}`,
        payload: { version: res.json().version, name: 'Renamed' },
      })
    ).json();
    expect(renamed.plan.forVersion).toBe(renamed.version);
    const body = { ...renamed.body, budget: [{ line: 'capex', year: 0, limit: 120 }] };
    const changed = (
      await admin.req({
        method: 'PATCH',
        url: `/api/v1/scenarios/${sc.id}`,
        payload: { version: renamed.version, body },
      })
    ).json();
    expect(changed.plan.forVersion).toBeLessThan(changed.version);
  });

  it('sweeps the budget for the efficient frontier; a frontier without budget limits is refused', async () => {
    const sc = await importFile('SC-FRONTIER');
    const res = await admin.req({
      method: 'POST',
      url: `/api/v1/scenarios/${sc.id}/frontier`,
      payload: { points: 4, from: 0.5, to: 2, timeLimitPerPoint: 2 },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'frontier', state: 'running', totalPoints: 4 });
    await jobDone(sc.id);
    const after = (await admin.req({ method: 'GET', url: `/api/v1/scenarios/${sc.id}` })).json();
    const points = after.frontier as { budget: number; value: number }[];
    expect(points).toHaveLength(4);
    for (let i = 1; i < points.length; i++) {
      expect(points[i]!.budget).toBeGreaterThan(points[i - 1]!.budget);
      expect(points[i]!.value).toBeGreaterThanOrEqual(points[i - 1]!.value);
    }
    // Twice the budget (200): A, B and C fit the money, but A and B not the developers: still 90.
    expect(points.at(-1)!.value).toBe(90);
    const none = file('No budget');
    none.scenario.budget = [];
    const open = await importFile('SC-FRONTIER-NONE', none);
    const refused = await admin.req({
      method: 'POST',
      url: `/api/v1/scenarios/${open.id}/frontier`,
      payload: {},
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('body.budget');
  });

  it('keeps a current plan current when the frontier is saved', async () => {
    const sc = await importFile('SC-FRONTIER-PLAN');
    const solvedOnce = await solved(sc.id);
    expect(solvedOnce.plan.forVersion).toBe(solvedOnce.version);
    await admin.req({
      method: 'POST',
      url: `/api/v1/scenarios/${sc.id}/frontier`,
      payload: { points: 3, timeLimitPerPoint: 1 },
    });
    await jobDone(sc.id);
    const after = (await admin.req({ method: 'GET', url: `/api/v1/scenarios/${sc.id}` })).json();
    expect(after.frontier).toHaveLength(3);
    expect(after.version).toBeGreaterThan(solvedOnce.version);
    expect(after.plan.forVersion).toBe(after.version);
  });

  it('exports the plan as an Excel workbook', async () => {
    const sc = await importFile('SC-XLSX');
    await solved(sc.id);
    const res = await admin.req({ method: 'GET', url: `/api/v1/scenarios/${sc.id}/result.xlsx` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const plan = wb.getWorksheet('Plan')!;
    expect(plan.getRow(2).getCell(1).value).toBe('A');
    expect(plan.getRow(2).getCell(4).value).toBe('yes');
    expect(plan.getRow(3).getCell(4).value).toBe('no');
    expect(wb.getWorksheet('Capacity')!.getRow(2).getCell(1).value).toBe('DEV');
  });

  it('compares scenarios: value, spend by year and what differs', async () => {
    const one = await importFile('SC-CMP1');
    const f = file('Bigger budget');
    f.scenario.budget = [{ line: 'capex', year: 0, limit: 200 }];
    f.scenario.capacity = f.scenario.capacity.map((x) => ({ ...x, hours: 300 }));
    const two = await importFile('SC-CMP2', f);
    await solved(one.id);
    await solved(two.id);
    const res = await admin.req({
      method: 'GET',
      url: `/api/v1/scenarios/compare?ids=${one.id},${two.id}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const cmp = res.json();
    expect(cmp.scenarios[1].value).toBeGreaterThan(cmp.scenarios[0].value);
    expect(cmp.scenarios[0].costByYear[0]).toMatchObject({ line: 'capex', year: 0, limit: 100 });
    expect(cmp.differences.map((d: { candidate: string }) => d.candidate)).toContain('B');
  });

  it('lets only those with scenario rights see and change it', async () => {
    const sc = await importFile('SC-SCOPE');
    const requester = await w.userWith([
      { role: 'business_requester', scopeType: 'organization', scopeId: null },
    ]);
    expect((await requester.req({ method: 'GET', url: `/api/v1/scenarios/${sc.id}` })).statusCode).toBe(403);
    const analyst = await w.userWith([{ role: 'pmo_analyst', scopeType: 'portfolio', scopeId: portfolioId }]);
    expect((await analyst.req({ method: 'GET', url: `/api/v1/scenarios/${sc.id}` })).statusCode).toBe(200);
    const commit = await analyst.req({
      method: 'POST',
      url: `/api/v1/scenarios/${sc.id}/commit`,
      payload: { version: sc.version },
    });
    expect(commit.statusCode).toBe(403);
  });
});

describe('scenarios built from the portfolio, and committed', () => {
  it('seeds the demo with two scenarios over proposals and projects', async () => {
    const list = (await admin.req({ method: 'GET', url: '/api/v1/scenarios?q=SC-' })).json();
    const codes = list.items.map((x: { code: string }) => x.code);
    expect(codes).toEqual(expect.arrayContaining(['SC-BALANCED', 'SC-NPV']));
    const demo = list.items.find((x: { code: string }) => x.code === 'SC-BALANCED');
    expect(demo.candidates).toBeGreaterThan(5);
    expect(demo.plan.source).toBe('greedy');
    expect(demo.plan.violations).toEqual([]);
  });

  it('builds candidates from proposals ready for a decision and the portfolio’s projects', async () => {
    const demo = (await admin.req({ method: 'GET', url: '/api/v1/scenarios?q=SC-BALANCED' })).json().items[0];
    const res = await admin.req({
      method: 'POST',
      url: '/api/v1/scenarios',
      payload: {
        code: 'SC-BUILT',
        name: 'Built',
        portfolioId: demo.portfolioId,
        horizonStart: '2027-01',
        months: 24,
        budget: [{ line: 'capex', year: 0, limit: 5_000_000_00 }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const sc = res.json();
    const kinds = new Set(Object.values(sc.sources).map((s) => (s as { kind: string }).kind));
    expect(kinds.has('proposal')).toBe(true);
    for (const c of sc.body.candidates as Scenario['candidates']) {
      expect(sc.sources[c.id], c.id).toBeDefined();
      expect(c.latestStart).toBeGreaterThanOrEqual(c.earliestStart);
      if (c.kind === 'proposal') expect(c.cost.length + c.demand.length).toBeGreaterThan(0);
    }
    expect(sc.body.capacity.length).toBeGreaterThan(0);
    const copy = await admin.req({
      method: 'POST',
      url: '/api/v1/scenarios',
      payload: {
        code: 'SC-COPY',
        name: 'Copy',
        portfolioId: demo.portfolioId,
        horizonStart: '2027-01',
        copyFrom: sc.id,
      },
    });
    expect(copy.json().body).toEqual(sc.body);
  });

  it('commits: selected proposals become projects with dates, moved projects move, the plan of record is kept', async () => {
    const demo = (await admin.req({ method: 'GET', url: '/api/v1/scenarios?q=SC-BALANCED' })).json().items[0];
    const built = (
      await admin.req({
        method: 'POST',
        url: '/api/v1/scenarios',
        payload: {
          code: 'SC-COMMIT',
          name: 'To commit',
          portfolioId: demo.portfolioId,
          horizonStart: '2027-01',
        },
      })
    ).json();
    const body = built.body as Scenario;
    const proposal = body.candidates.find((c) => c.kind === 'proposal')!;
    const project = body.candidates.find(
      (c) => c.kind === 'project' && c.plannedStart < body.horizon.months - 2,
    );
    const keep = [
      proposal,
      ...(project ? [{ ...project, shiftable: true, latestStart: project.plannedStart + 1 }] : []),
    ];
    const patched = await admin.req({
      method: 'PATCH',
      url: `/api/v1/scenarios/${built.id}`,
      payload: {
        version: built.version,
        body: {
          ...body,
          candidates: keep,
          // Room for both: every role's capacity well above what two projects need.
          capacity: body.capacity.map((x) => ({ ...x, hours: x.hours * 100 + 10_000 })),
          budget: [],
          dependencies: [],
          exclusions: [],
        },
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    const starts = [
      proposal.earliestStart + 1 <= proposal.latestStart
        ? proposal.earliestStart + 1
        : proposal.earliestStart,
    ];
    if (project) starts.push(project.plannedStart + 1);
    const planned = await admin.req({
      method: 'PUT',
      url: `/api/v1/scenarios/${built.id}/plan`,
      payload: { version: patched.json().version, starts },
    });
    expect(planned.json().plan.violations).toEqual([]);
    const before = project
      ? (await admin.req({ method: 'GET', url: `/api/v1/projects/${built.sources[project.id].id}` })).json()
      : null;
    const res = await admin.req({
      method: 'POST',
      url: `/api/v1/scenarios/${built.id}/commit`,
      payload: { version: planned.json().version },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { scenario, record } = res.json();
    expect(scenario.status).toBe('committed');
    expect(record.createdProjects).toHaveLength(1);
    const created = (
      await admin.req({ method: 'GET', url: `/api/v1/projects/${record.createdProjects[0]}` })
    ).json();
    const month = `${body.horizon.start.slice(0, 4)}-${String(Number(body.horizon.start.slice(5)) + starts[0]!).padStart(2, '0')}`;
    expect(created.plannedStart).toBe(`${month}-01`);
    const p = (
      await admin.req({ method: 'GET', url: `/api/v1/proposals/${built.sources[proposal.id].id}` })
    ).json();
    expect(p.status).toBe('converted');
    expect(p.projectId).toBe(created.id);
    if (project && before?.plannedStart) {
      const after = (await admin.req({ method: 'GET', url: `/api/v1/projects/${before.id}` })).json();
      expect(record.movedProjects).toEqual([before.id]);
      expect(after.plannedStart.slice(0, 7)).not.toBe(before.plannedStart.slice(0, 7));
    }
    const history = (
      await admin.req({ method: 'GET', url: `/api/v1/portfolios/${demo.portfolioId}/plan-of-record` })
    ).json();
    expect(history.items[0]).toMatchObject({ scenarioCode: 'SC-COMMIT', id: record.id });
    expect(history.items[0].items.map((x: { candidate: string }) => x.candidate)).toContain(proposal.id);
    // Committed once; a second commit of the same plan is refused by version.
    const again = await admin.req({
      method: 'POST',
      url: `/api/v1/scenarios/${built.id}/commit`,
      payload: { version: planned.json().version },
    });
    expect(again.statusCode).toBe(409);
  });

  it('refuses to commit a stale or breaking plan, and leaves nothing half-done', async () => {
    const sc = await importFile('SC-NOCOMMIT');
    const set = await admin.req({
      method: 'PUT',
      url: `/api/v1/scenarios/${sc.id}/plan`,
      payload: { version: sc.version, starts: [0, 0, null, null] },
    });
    const res = await admin.req({
      method: 'POST',
      url: `/api/v1/scenarios/${sc.id}/commit`,
      payload: { version: set.json().version },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toMatch(/breaks/);
    const after = (await admin.req({ method: 'GET', url: `/api/v1/scenarios/${sc.id}` })).json();
    expect(after.status).toBe('draft');
  });
});
