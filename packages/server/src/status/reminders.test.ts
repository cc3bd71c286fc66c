import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue, type JobRunner } from '../jobs/runner';
import { jobDone, jobRow, testRunner, waitFor } from '../jobs/testing';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { STATUS_REMINDERS_JOB, statusRemindersHandler } from './reminders';
import { notificationsOf } from './testing';

let w: TestWorld;
let runner: JobRunner;
let manager: TestUser;
let otherManager: TestUser;
let analyst: TestUser;
let projectId: string;

beforeAll(async () => {
  w = await testWorld();
  const admin = await w.tokenFor('admin@pharos.demo');
  const office = w.org.offices.find((o) => !w.org.offices.some((x) => x.parentId === o.id))!;
  manager = await w.userWith([{ role: 'project_manager', scopeType: 'office', scopeId: office.id }], 'pm');
  otherManager = await w.userWith(
    [{ role: 'project_manager', scopeType: 'office', scopeId: office.id }],
    'pm2',
  );
  analyst = await w.userWith([{ role: 'pmo_analyst', scopeType: 'office', scopeId: office.id }], 'analyst');
  const make = async (code: string, managerId: string, plannedStart: string) => {
    const res = await admin.req({
      method: 'POST',
      url: '/api/v1/projects',
      payload: {
        code,
        name: code,
        typeId: w.org.projectTypes[0]!.id,
        officeId: office.id,
        status: 'active',
        managerId,
        plannedStart,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  projectId = await make('REM-1', manager.id, '2025-01-06');
  // The other project started in week 3 and filed weeks 3 and 4: nothing to remind its manager of.
  const filed = await make('REM-2', otherManager.id, '2025-01-13');
  for (const period of ['2025-01-15', '2025-01-22']) {
    const r = (
      await otherManager.req({
        method: 'POST',
        url: `/api/v1/projects/${filed}/status-reports`,
        payload: { period, asOf: period },
      })
    ).json();
    const sub = await otherManager.req({
      method: 'POST',
      url: `/api/v1/status-reports/${r.id}/submit`,
      payload: { version: r.version },
    });
    expect(sub.statusCode, sub.body).toBe(200);
  }
  runner = testRunner(w.database).handle(STATUS_REMINDERS_JOB, statusRemindersHandler);
  await runner.start();
}, 60_000);
afterAll(async () => {
  await runner?.stop();
  await w.close();
});

/** Runs the reminder job for a day, `times` times over, and waits for every run. */
async function runFor(today: string, times = 1) {
  const ids: string[] = [];
  for (let i = 0; i < times; i++)
    ids.push(
      (await w.database.db.transaction((tx) =>
        enqueue(tx, { kind: STATUS_REMINDERS_JOB, payload: { today } }),
      ))!,
    );
  for (const id of ids) await waitFor('the reminder job', jobDone(w.database, id));
  for (const id of ids) expect((await jobRow(w.database, id)).state).toBe('done');
}

describe('status report reminders', () => {
  it('reminds the manager the day before, and tells manager and PMO staff once when a report is overdue', async () => {
    // Sunday 26 January: week 4 is due tomorrow, week 3 was due on the 20th. Twice over.
    await runFor('2025-01-26', 2);
    const reminders = await notificationsOf(w, manager.id, 'status.reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({
      title: 'REM-1 status report for 2025-W04 is due tomorrow',
      link: `/projects/${projectId}?tab=status&period=2025-01-20`,
      subject_id: projectId,
    });
    const overdue = await notificationsOf(w, manager.id, 'status.overdue');
    expect(overdue.map((n) => n.title)).toEqual(['REM-1 status report for 2025-W03 is overdue']);
    expect((await notificationsOf(w, analyst.id, 'status.overdue')).map((n) => n.title)).toContain(
      'REM-1 status report for 2025-W03 is overdue',
    );
    expect(await notificationsOf(w, otherManager.id, 'status.reminder')).toHaveLength(0);
    expect(await notificationsOf(w, otherManager.id, 'status.overdue')).toHaveLength(0);
  });

  it('sends nothing new the next day, and the next overdue notice once week 4 is late', async () => {
    await runFor('2025-01-27');
    expect(await notificationsOf(w, manager.id, 'status.reminder')).toHaveLength(1);
    expect(await notificationsOf(w, manager.id, 'status.overdue')).toHaveLength(1);
    await runFor('2025-01-28', 2);
    const overdue = await notificationsOf(w, manager.id, 'status.overdue');
    expect(overdue.map((n) => n.title)).toEqual([
      'REM-1 status report for 2025-W03 is overdue',
      'REM-1 status report for 2025-W04 is overdue',
    ]);
  });
});
