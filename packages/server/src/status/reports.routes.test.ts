import type { RagDimensionName, StatusReportT } from '@pharos/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import {
  addApprovedChange,
  addDecidedGate,
  addIssue,
  addRisk,
  newProject,
  notificationsOf,
  setApprovedBudget,
  type TestProject,
} from './testing';

let w: TestWorld;
let admin: TestUser;
let manager: TestUser;
let programManager: TestUser;
let project: TestProject;
type Report = StatusReportT;

const plan = () => `/api/v1/projects/${project.id}/plan`;

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  const program = w.org.programs[0]!;
  manager = await w.userWith([{ role: 'project_manager', scopeType: 'program', scopeId: program.id }], 'pm');
  programManager = await w.userWith(
    [{ role: 'program_manager', scopeType: 'program', scopeId: program.id }],
    'program manager',
  );
  project = await newProject(w, admin, manager.id);

  // The plan: Build (10 days), then the Go-live milestone; baselined, then Build doubles and a
  // quarter of it is done by 22 January.
  const post = async (url: string, payload?: unknown) => {
    const res = await admin.req({ method: 'POST', url, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBeLessThan(300);
    return res.json();
  };
  const build = await post(`${plan()}/tasks`, { name: 'Build', duration: 4800 });
  const buildUid = Math.max(...build.tasks.map((t: { uid: number }) => t.uid));
  const live = await post(`${plan()}/tasks`, { name: 'Go-live', duration: 0, milestone: true });
  const liveUid = Math.max(...live.tasks.map((t: { uid: number }) => t.uid));
  await post(`${plan()}/links`, { predecessorUid: buildUid, successorUid: liveUid });
  await post(`${plan()}/baselines/0`);
  const current = (await admin.req({ method: 'GET', url: plan() })).json();
  const task = current.tasks.find((t: { uid: number }) => t.uid === buildUid);
  const longer = await admin.req({
    method: 'PATCH',
    url: `${plan()}/tasks/${buildUid}`,
    payload: { duration: 9600, version: task.version },
  });
  expect(longer.statusCode, longer.body).toBe(200);
  const again = (await admin.req({ method: 'GET', url: plan() })).json();
  const progress = await admin.req({
    method: 'POST',
    url: `${plan()}/progress`,
    payload: {
      statusDate: '2025-01-22T17:00',
      tasks: [
        {
          uid: buildUid,
          percentComplete: 25,
          version: again.tasks.find((t: { uid: number }) => t.uid === buildUid).version,
        },
      ],
    },
  });
  expect(progress.statusCode, progress.body).toBe(200);

  // The registers: one high risk open, one closed; an overdue high issue; an approved change of
  // 10 % of the budget; a gate decided with two checklist items failed.
  await addRisk(w, project.id, { score: 20 });
  await addRisk(w, project.id, { score: 4 });
  await addRisk(w, project.id, { score: 25, status: 'closed', closedAt: '2025-01-10' });
  await addIssue(w, project.id, { severity: 'high', dueOn: '2025-01-15' });
  await setApprovedBudget(w, project.id, 1_000_000_00);
  await addApprovedChange(w, project.id, {
    budgetDelta: 100_000_00,
    decidedAt: '2025-01-14T10:00:00Z',
    budgetBefore: 1_000_000_00,
  });
  await addDecidedGate(w, project.id, 2, '2025-01-13T10:00:00Z');
}, 60_000);
afterAll(() => w.close());

const start = (
  as: TestUser,
  payload: Record<string, unknown> = { period: '2025-01-22', asOf: '2025-01-22' },
) => as.req({ method: 'POST', url: `/api/v1/projects/${project.id}/status-reports`, payload });
const patch = (as: TestUser, r: { id: string }, payload: Record<string, unknown>) =>
  as.req({ method: 'PATCH', url: `/api/v1/status-reports/${r.id}`, payload });
const act = (as: TestUser, r: { id: string }, action: string, payload: Record<string, unknown>) =>
  as.req({ method: 'POST', url: `/api/v1/status-reports/${r.id}/${action}`, payload });
const reasons = (r: Report, d: RagDimensionName) =>
  r.dimensions[d].reasons.map((x: { message: string }) => x.message);

let report: Report;

describe('status reports', () => {
  it('starts a report with every dimension suggested from the plan, the registers and governance', async () => {
    const res = await start(manager);
    expect(res.statusCode, res.body).toBe(201);
    report = res.json();
    expect(report.period).toEqual({
      kind: 'weekly',
      key: '2025-W04',
      start: '2025-01-20',
      end: '2025-01-26',
    });
    expect(report.dueOn).toBe('2025-01-27');
    expect(report.state).toBe('draft');
    const d = report.dimensions;
    // Schedule: SPI 0.25 (red), the slipped Go-live (amber) and the finish 10+ days late.
    expect(d.schedule.suggested).toBe('red');
    expect(reasons(report, 'schedule')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SPI 0\.25 is below 0\.85 \(red\)$/),
        'Slipped milestones 1 is at or above 1 (amber)',
      ]),
    );
    expect(report.metrics.measured.spi).toBeCloseTo(0.25, 2);
    expect(report.metrics.measured.slippedMilestones).toBe(1);
    // Risk: one open high risk (the closed one does not count) and one overdue issue.
    expect(d.risk.suggested).toBe('amber');
    expect(reasons(report, 'risk')).toContain('Open risks scoring 15 or more 1 is at or above 1 (amber)');
    expect(reasons(report, 'risk')).toContain('Overdue issues 1 is at or above 1 (amber)');
    expect(report.metrics.measured).toMatchObject({
      openRisks: 2,
      highRisks: 1,
      openIssues: 1,
      overdueIssues: 1,
    });
    // Scope: one approved change of 10 % (amber); quality: two failed gate items (amber).
    expect(d.scope.suggested).toBe('amber');
    expect(reasons(report, 'scope')).toContain(
      'Size of changes approved in the last 90 days 10% is at or above 5% (amber)',
    );
    expect(d.quality.suggested).toBe('amber');
    expect(report.metrics.measured.failedGateItems).toBe(2);
    // Cost: a budget, but nothing entered yet; resources: not measured.
    expect(d.cost.suggested).toBe('unknown');
    expect(d.resources.suggested).toBe('unknown');
    expect(report.overall).toMatchObject({ suggested: 'red', rag: 'red', overridden: false });
    // The columns roll-ups read are in step with the report.
    const row = (
      await w.database.pool.query(
        'select overall_rag, schedule_rag, risk_rag, cost_rag from status_reports where id = $1',
        [report.id],
      )
    ).rows[0];
    expect(row).toEqual({ overall_rag: 'red', schedule_rag: 'red', risk_rag: 'amber', cost_rag: 'unknown' });
  });

  it('refuses a second report for the same period', async () => {
    const res = await start(manager, { period: '2025-01-20' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'duplicate', field: 'period' });
  });

  it('suggests cost again from the actual cost, EAC and % complete the manager enters', async () => {
    const res = await patch(manager, report, {
      version: report.version,
      entered: { actualCost: 600_000_00, eac: 1_200_000_00, percentComplete: 30 },
      narrative: { done: 'Build started', next: 'Finish the build' },
    });
    expect(res.statusCode, res.body).toBe(200);
    report = res.json();
    expect(report.dimensions.cost.suggested).toBe('red');
    expect(reasons(report, 'cost')).toEqual([
      'Budget burn ahead of % complete by 30 points is at or above 20 points (red)',
      'EAC over budget by 20% is at or above 10% (red)',
    ]);
    expect(report.narrative).toMatchObject({ done: 'Build started', next: 'Finish the build', issues: '' });
  });

  it('refuses a change sent with a stale version', async () => {
    const res = await patch(manager, report, { version: report.version - 1, narrative: { issues: 'x' } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('version_conflict');
  });

  it('keeps an override, but will not submit it without a justification naming the field', async () => {
    const res = await patch(manager, report, {
      version: report.version,
      dimensions: { cost: { rag: 'amber' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    report = res.json();
    expect(report.dimensions.cost).toMatchObject({ suggested: 'red', rag: 'amber', overridden: true });
    const refused = await act(manager, report, 'submit', { version: report.version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'validation_failed',
      field: 'dimensions.cost.justification',
    });
    const still = (await manager.req({ method: 'GET', url: `/api/v1/status-reports/${report.id}` })).json();
    expect(still).toMatchObject({ state: 'draft', version: report.version });
  });

  it('keeps the override when the facts are measured again', async () => {
    await addIssue(w, project.id, { severity: 'critical', escalated: true });
    const res = await act(manager, report, 'refresh', { version: report.version });
    expect(res.statusCode, res.body).toBe(200);
    report = res.json();
    expect(report.dimensions.cost).toMatchObject({ suggested: 'red', rag: 'amber' });
    expect(report.metrics.measured.criticalIssues).toBe(1);
    expect(reasons(report, 'risk')).toContain('Escalated issues 1 is at or above 1 (amber)');
  });

  it('submits with the justification, and tells the program manager', async () => {
    const justified = await patch(manager, report, {
      version: report.version,
      dimensions: { cost: { rag: 'amber', justification: 'Invoices for the hardware arrived early' } },
    });
    report = justified.json();
    const res = await act(manager, report, 'submit', { version: report.version });
    expect(res.statusCode, res.body).toBe(200);
    report = res.json();
    expect(report.state).toBe('submitted');
    expect(report.submittedBy).toBe(manager.id);
    expect(report.dimensions.cost.justification).toBe('Invoices for the hardware arrived early');
    const told = await notificationsOf(w, programManager.id, 'status.submitted');
    expect(told).toHaveLength(1);
    expect(told[0]!.title).toContain('2025-W04');
    expect(await notificationsOf(w, manager.id, 'status.submitted')).toHaveLength(0);
  });

  it('refuses changes to a submitted report until the PMO reopens it, keeping the reason', async () => {
    const refused = await patch(manager, report, { version: report.version, narrative: { done: 'More' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('invalid_state');
    expect((await act(manager, report, 'reopen', { version: report.version, reason: 'x' })).statusCode).toBe(
      403,
    );
    const analyst = await w.userWith([
      { role: 'pmo_analyst', scopeType: 'office', scopeId: project.officeId },
    ]);
    const res = await act(analyst, report, 'reopen', {
      version: report.version,
      reason: 'Cost figures were wrong',
    });
    expect(res.statusCode, res.body).toBe(200);
    report = res.json();
    expect(report.state).toBe('draft');
    expect(report.submittedAt).not.toBeNull();
    // The report's history, which whoever may read the report may read, keeps the reason.
    const trail = await manager.req({ method: 'GET', url: `/api/v1/audit/statusReport/${report.id}` });
    expect(trail.json().items[0].after).toMatchObject({ state: 'draft', reason: 'Cost figures were wrong' });
  });

  it('lists the history newest first, with the next report prefilled from this one', async () => {
    const next = await start(manager, { period: '2025-01-29', asOf: '2025-01-29' });
    expect(next.statusCode, next.body).toBe(201);
    const body = next.json();
    expect(body.hint.previousNext).toBe('Finish the build');
    expect(body.narrative.done).toBe('');
    expect(body.metrics.entered).toEqual({ actualCost: 600_000_00, eac: 1_200_000_00, percentComplete: 30 });
    const list = await manager.req({ method: 'GET', url: `/api/v1/projects/${project.id}/status-reports` });
    expect(list.json().items.map((r: Report) => r.period.key)).toEqual(['2025-W05', '2025-W04']);
    expect(list.json().total).toBe(2);
  });

  it('hides reports from people outside the project, and archives for leaders only', async () => {
    const outsider = await w.userWith([
      { role: 'project_manager', scopeType: 'project', scopeId: w.org.projects[5]!.id },
    ]);
    expect(
      (await outsider.req({ method: 'GET', url: `/api/v1/status-reports/${report.id}` })).statusCode,
    ).toBe(404);
    expect((await act(manager, report, 'archive', { version: report.version })).statusCode).toBe(403);
    const archived = await act(admin, report, 'archive', { version: report.version });
    expect(archived.statusCode, archived.body).toBe(200);
    const list = await manager.req({ method: 'GET', url: `/api/v1/projects/${project.id}/status-reports` });
    expect(list.json().items.map((r: Report) => r.period.key)).toEqual(['2025-W05']);
    const again = await start(manager, { period: '2025-01-22' });
    expect(again.json().error.message).toMatch(/archived/);
  });
});

describe('reports written elsewhere', () => {
  it('reads flat metrics without facts, and measures again when the manager enters cost', async () => {
    const dims = Object.fromEntries(
      ['schedule', 'cost', 'scope', 'risk', 'quality', 'resources'].map((d) => [
        d,
        { suggested: 'green', reasons: [], rag: 'green', justification: '' },
      ]),
    );
    const { rows } = await w.database.pool.query(
      `insert into status_reports (project_id, period_kind, period_start, period_end, due_on, as_of, state,
         overall_suggested, overall_rag, dimensions, narrative, metrics)
       values ($1, 'weekly', '2025-02-03', '2025-02-09', '2025-02-10', '2025-02-07', 'draft', 'green', 'green', $2, $3, $4)
       returning id`,
      [
        project.id,
        JSON.stringify(dims),
        JSON.stringify({ done: 'Imported', next: '', issues: '', helpNeeded: '' }),
        JSON.stringify({
          currency: 'EUR',
          budget: 1_000_000_00,
          actualCost: 100_000_00,
          percentComplete: 10,
          openRisks: 3,
        }),
      ],
    );
    const got = await manager.req({ method: 'GET', url: `/api/v1/status-reports/${rows[0]!.id}` });
    expect(got.statusCode, got.body).toBe(200);
    const r = got.json() as Report;
    expect(r.metrics.entered).toEqual({ actualCost: 100_000_00, eac: null, percentComplete: 10 });
    expect(r.metrics.measured).toMatchObject({ budget: 1_000_000_00, openRisks: 3, highRisks: null });
    const res = await patch(manager, r, { version: r.version, entered: { eac: 1_300_000_00 } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().dimensions.cost.suggested).toBe('red');
    expect(res.json().metrics.entered).toEqual({
      actualCost: 100_000_00,
      eac: 1_300_000_00,
      percentComplete: 10,
    });
  });
});
