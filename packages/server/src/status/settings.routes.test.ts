import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { addRisk, newProject } from './testing';

let w: TestWorld;
let admin: TestUser;
let top: { id: string };
let child: { id: string };

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  top = w.org.offices.find((o) => o.parentId === null)!;
  child = w.org.offices.find((o) => o.parentId === top.id)!;
}, 60_000);
afterAll(() => w.close());

const settingsUrl = (id: string) => `/api/v1/offices/${id}/status-settings`;
const thresholdsUrl = (id: string) => `/api/v1/project-types/${id}/rag-thresholds`;
const weekly = {
  cadence: { kind: 'weekly' },
  dueDaysAfterPeriod: 1,
  reminderDaysBefore: [1],
  rollup: { method: 'worst' },
};

describe('office reporting settings', () => {
  it('gives the organization default to an office with none above it', async () => {
    const res = await admin.req({ method: 'GET', url: settingsUrl(child.id) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ ...weekly, source: 'default', sourceOfficeId: null, version: 1 });
  });

  it('names the field the engine refuses, and writes nothing', async () => {
    const res = await admin.req({
      method: 'PUT',
      url: settingsUrl(top.id),
      payload: { ...weekly, rollup: { method: 'weighted', by: 'budget', amberFrom: 2.5 }, version: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'rollup.amberFrom' });
    expect((await admin.req({ method: 'GET', url: settingsUrl(top.id) })).json().source).toBe('default');
  });

  it('sets an office’s settings, which the offices below it inherit', async () => {
    const monthly = {
      cadence: { kind: 'monthly' },
      dueDaysAfterPeriod: 3,
      reminderDaysBefore: [0, 2, 2],
      rollup: { method: 'weighted', by: 'budget' },
    };
    const res = await admin.req({
      method: 'PUT',
      url: settingsUrl(top.id),
      payload: { ...monthly, version: 1 },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ source: 'office', reminderDaysBefore: [2, 0], version: 2 });
    const below = (await admin.req({ method: 'GET', url: settingsUrl(child.id) })).json();
    expect(below).toMatchObject({
      cadence: { kind: 'monthly' },
      source: 'inherited',
      sourceOfficeId: top.id,
    });
    const stale = await admin.req({
      method: 'PUT',
      url: settingsUrl(top.id),
      payload: { ...monthly, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    const analyst = await w.userWith([{ role: 'pmo_analyst', scopeType: 'office', scopeId: child.id }]);
    expect(
      (await analyst.req({ method: 'PUT', url: settingsUrl(top.id), payload: { ...weekly, version: 2 } }))
        .statusCode,
    ).toBe(403);
    const own = await analyst.req({
      method: 'PUT',
      url: settingsUrl(child.id),
      payload: { ...weekly, version: 1 },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ cadence: { kind: 'weekly' }, source: 'office' });
  });
});

describe('RAG thresholds per project type', () => {
  it('fills what a type does not set with the defaults, checks with the engine, and suggests with them', async () => {
    const type = w.org.projectTypes[0]!;
    const first = (await admin.req({ method: 'GET', url: thresholdsUrl(type.id) })).json();
    expect(first.thresholds.risk.highRisks).toEqual({ amber: 1, red: 3 });
    expect(first.version).toBe(1);
    const bad = await admin.req({
      method: 'PUT',
      url: thresholdsUrl(type.id),
      payload: { thresholds: { cost: { cpi: { amber: 0.8, red: 0.9 } } }, version: 1 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'thresholds.cost.cpi.red' });
    const manager = await w.userWith([{ role: 'project_manager', scopeType: 'organization', scopeId: null }]);
    const payload = { thresholds: { risk: { highRisks: { amber: 1, red: 1 } } }, version: 1 };
    expect((await manager.req({ method: 'PUT', url: thresholdsUrl(type.id), payload })).statusCode).toBe(403);
    const res = await admin.req({ method: 'PUT', url: thresholdsUrl(type.id), payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stored: payload.thresholds, version: 2 });
    expect(res.json().thresholds.risk).toMatchObject({
      highRisks: { amber: 1, red: 1 },
      overdueIssues: { amber: 1, red: 3 },
    });

    const project = await newProject(w, admin, manager.id);
    await addRisk(w, project.id, { score: 16 });
    const report = await manager.req({
      method: 'POST',
      url: `/api/v1/projects/${project.id}/status-reports`,
      payload: { period: '2025-02-05', asOf: '2025-02-05' },
    });
    expect(report.statusCode, report.body).toBe(201);
    expect(report.json().dimensions.risk.reasons[0].message).toBe(
      'Open risks scoring 15 or more 1 is at or above 1 (red)',
    );
  });
});

describe('reporting compliance', () => {
  it('counts each project’s periods on time, filed late, overdue, missing and not due', async () => {
    const office = w.org.offices.find((o) => !w.org.offices.some((x) => x.parentId === o.id))!;
    const manager = await w.userWith([{ role: 'project_manager', scopeType: 'office', scopeId: office.id }]);
    const res0 = await admin.req({ method: 'GET', url: settingsUrl(office.id) });
    await admin.req({
      method: 'PUT',
      url: settingsUrl(office.id),
      payload: { ...weekly, version: res0.json().version },
    });
    const made = await admin.req({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        code: 'CMP-1',
        name: 'Compliance',
        typeId: w.org.projectTypes[1]!.id,
        officeId: office.id,
        status: 'active',
        managerId: manager.id,
        plannedStart: '2025-03-03',
      },
    });
    expect(made.statusCode, made.body).toBe(201);
    const projectId = made.json().id;
    // W10 filed on time (due Monday 10 March), W11 filed late, W12 and W13 not filed.
    const file = async (period: string, submittedAt: string) => {
      const r = (
        await manager.req({
          method: 'POST',
          url: `/api/v1/projects/${projectId}/status-reports`,
          payload: { period, asOf: period },
        })
      ).json();
      await manager.req({
        method: 'POST',
        url: `/api/v1/status-reports/${r.id}/submit`,
        payload: { version: r.version },
      });
      await w.database.pool.query('update status_reports set submitted_at = $2 where id = $1', [
        r.id,
        submittedAt,
      ]);
    };
    await file('2025-03-05', '2025-03-10T09:00:00Z');
    await file('2025-03-12', '2025-03-20T09:00:00Z');
    const res = await manager.req({
      method: 'GET',
      url: `/api/v1/offices/${office.id}/reporting-compliance?from=2025-02-24&to=2025-04-02&asOf=2025-04-02`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const mine = res.json().projects.find((p: { projectId: string }) => p.projectId === projectId);
    expect(mine.periods.map((p: { key: string; state: string }) => `${p.key} ${p.state}`)).toEqual([
      '2025-W09 not-required',
      '2025-W10 on-time',
      '2025-W11 filed-late',
      '2025-W12 missing',
      '2025-W13 overdue',
      '2025-W14 not-due',
    ]);
    expect(mine.counts).toMatchObject({
      'on-time': 1,
      'filed-late': 1,
      missing: 1,
      overdue: 1,
      'not-due': 1,
    });
    expect(mine.periods[2]).toMatchObject({ dueOn: '2025-03-17', submittedOn: '2025-03-20', daysLate: 3 });
    const outsider = await w.userWith([
      { role: 'project_manager', scopeType: 'project', scopeId: w.org.projects[0]!.id },
    ]);
    const hidden = await outsider.req({
      method: 'GET',
      url: `/api/v1/offices/${office.id}/reporting-compliance`,
    });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json().projects.some((p: { projectId: string }) => p.projectId === projectId)).toBe(false);
  });
});
