import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';

let w: TestWorld;
let admin: TestUser;
beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
});
afterAll(() => w.close());

/** A new project (with no plan) for each test. */
async function newProject(plannedStart = '2026-03-02') {
  const o = w.org;
  const res = await admin.req({
    method: 'POST',
    url: '/api/v1/projects',
    payload: {
      code: `PL-${Math.random().toString(36).slice(2, 8)}`,
      name: 'Replace the warehouse system',
      typeId: o.projectTypes[0]!.id,
      officeId: o.offices[3]!.id,
      programId: o.programs[0]!.id,
      plannedStart,
    },
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { id: string; version: number; programId: string };
}

const DAY = 480;

function planApi(id: string, as: TestUser = admin) {
  const url = `/api/v1/projects/${id}/plan`;
  return {
    get: async () => (await as.req({ method: 'GET', url })).json(),
    send: (method: 'POST' | 'PATCH' | 'DELETE' | 'PUT', path: string, payload?: unknown) =>
      as.req({
        method,
        url: `${url}${path}`,
        ...(payload === undefined ? {} : { payload: payload as object }),
      }),
  };
}

describe('plans', () => {
  it('starts empty on the Standard calendar at the project start', async () => {
    const p = await newProject();
    const plan = await planApi(p.id).get();
    expect(plan).toMatchObject({
      version: 0,
      startDate: '2026-03-02T08:00',
      calendarUid: 1,
      tasks: [],
      links: [],
    });
    expect(plan.calendars[0].week[1]).toEqual([
      { from: '08:00', to: '12:00' },
      { from: '13:00', to: '17:00' },
    ]);
  });

  it('schedules tasks and links as they are added, and moves the dates that follow an edit', async () => {
    const p = await newProject();
    const api = planApi(p.id);
    const a = await api.send('POST', '/tasks', { name: 'Design', duration: 3 * DAY });
    expect(a.statusCode).toBe(201);
    expect(a.json().tasks[0]).toMatchObject({
      uid: 1,
      row: 1,
      wbs: '1',
      start: '2026-03-02T08:00',
      finish: '2026-03-04T17:00',
    });
    await api.send('POST', '/tasks', { name: 'Build', duration: 5 * DAY });
    await api.send('POST', '/tasks', { name: 'Go live', milestone: true });
    await api.send('POST', '/links', { predecessorUid: 1, successorUid: 2 });
    const linked = await api.send('POST', '/links', {
      predecessorUid: 2,
      successorUid: 3,
      lag: DAY,
      lagUnit: 'd',
    });
    expect(linked.statusCode).toBe(201);
    let plan = await api.get();
    const byUid = (uid: number) => plan.tasks.find((t: { uid: number }) => t.uid === uid);
    expect(byUid(2)).toMatchObject({ start: '2026-03-05T08:00', finish: '2026-03-11T17:00', critical: true });
    expect(byUid(3)).toMatchObject({ start: '2026-03-12T17:00', milestone: true });
    expect(plan.finish).toBe('2026-03-12T17:00');
    // Lengthen Design by two days: everything after it moves, and only that is returned.
    const edit = await api.send('PATCH', '/tasks/1', { duration: 5 * DAY, version: byUid(1).version });
    expect(edit.statusCode).toBe(200);
    const change = edit.json();
    // The edited task whole; the tasks that only moved, column by column.
    expect(change.tasks.map((t: { uid: number }) => t.uid)).toEqual([1]);
    expect(change.moved.uid.sort()).toEqual([2, 3]);
    expect(change.moved.start[change.moved.uid.indexOf(3)]).toBe('2026-03-16T17:00');
    expect(change.finish).toBe('2026-03-16T17:00');
    plan = await api.get();
    expect(byUid(3).start).toBe('2026-03-16T17:00');
    // The registry's planned dates follow the plan.
    const project = (await admin.req({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json();
    expect(project).toMatchObject({ plannedStart: '2026-03-02', plannedFinish: '2026-03-16' });
  });

  it('refuses a stale task version with 409 and leaves the plan as it was', async () => {
    const p = await newProject();
    const api = planApi(p.id);
    await api.send('POST', '/tasks', { name: 'Survey', duration: DAY });
    const first = await api.send('PATCH', '/tasks/1', { name: 'Site survey', version: 1 });
    expect(first.statusCode).toBe(200);
    const second = await api.send('PATCH', '/tasks/1', { duration: 9 * DAY, version: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('version_conflict');
    const plan = await api.get();
    expect(plan.tasks[0]).toMatchObject({ name: 'Site survey', duration: DAY, version: 2 });
  });

  it('refuses a link that closes a circle, naming the tasks, and changes nothing', async () => {
    const p = await newProject();
    const api = planApi(p.id);
    for (const name of ['Alpha', 'Beta', 'Gamma']) await api.send('POST', '/tasks', { name });
    await api.send('POST', '/links', { predecessorUid: 1, successorUid: 2 });
    await api.send('POST', '/links', { predecessorUid: 2, successorUid: 3 });
    const before = await api.get();
    const res = await api.send('POST', '/links', { predecessorUid: 3, successorUid: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('cycle');
    expect(res.json().error.message).toMatch(/Alpha.*Beta.*Gamma|Gamma.*Alpha/);
    expect((await api.get()).version).toBe(before.version);
  });

  it('changes only the fields an edit names', async () => {
    const p = await newProject();
    const api = planApi(p.id);
    await api.send('POST', '/tasks', { name: 'Pour', duration: 2 * DAY, durationUnit: 'w', notes: 'Slab A' });
    await api.send('POST', '/tasks', { name: 'Cure' });
    await api.send('POST', '/links', { predecessorUid: 1, successorUid: 2, type: 'SS', lag: DAY });
    await api.send('PATCH', '/tasks/1', {
      constraintType: 'SNET',
      constraintDate: '2026-03-04T08:00',
      version: 1,
    });
    await api.send('PATCH', '/tasks/1', { percentComplete: 10, version: 2 });
    await api.send('PATCH', '/links/1/2', { lag: 2 * DAY });
    await api.send('PATCH', '', { statusDate: '2026-03-04T17:00', version: (await api.get()).version });
    const plan = await api.get();
    expect(plan.tasks[0]).toMatchObject({
      constraintType: 'SNET',
      constraintDate: '2026-03-04T08:00',
      durationUnit: 'w',
      notes: 'Slab A',
      percentComplete: 10,
    });
    expect(plan.links[0]).toMatchObject({ type: 'SS', lag: 2 * DAY });
    expect(plan).toMatchObject({ statusDate: '2026-03-04T17:00', calendarUid: 1, minutesPerDay: 480 });
  });

  it('names the field of a bad edit', async () => {
    const p = await newProject();
    const api = planApi(p.id);
    await api.send('POST', '/tasks', { name: 'Alpha' });
    const noDate = await api.send('PATCH', '/tasks/1', { constraintType: 'MSO', version: 1 });
    expect(noDate.statusCode).toBe(400);
    expect(noDate.json().error).toMatchObject({ field: 'constraintDate' });
    const badDate = await api.send('PATCH', '/tasks/1', {
      constraintType: 'SNET',
      constraintDate: 'soon',
      version: 1,
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.field).toBe('constraintDate');
    const noTask = await api.send('POST', '/links', { predecessorUid: 1, successorUid: 42 });
    expect(noTask.json().error).toMatchObject({ code: 'not_found', field: 'successorUid' });
  });

  it('rolls summaries up from their subtasks, and deletes a summary with its subtasks', async () => {
    const p = await newProject();
    const api = planApi(p.id);
    await api.send('POST', '/tasks', { name: 'Phase 1' });
    await api.send('POST', '/tasks', { name: 'Task A', outlineLevel: 2, duration: 2 * DAY });
    await api.send('POST', '/tasks', { name: 'Task B', outlineLevel: 2, duration: 3 * DAY });
    await api.send('POST', '/tasks', { name: 'Phase 2' });
    await api.send('POST', '/links', { predecessorUid: 2, successorUid: 3 });
    let plan = await api.get();
    expect(plan.tasks.map((t: { wbs: string }) => t.wbs)).toEqual(['1', '1.1', '1.2', '2']);
    expect(plan.tasks[0]).toMatchObject({
      summary: true,
      start: '2026-03-02T08:00',
      finish: '2026-03-06T17:00',
    });
    const del = await api.send('DELETE', '/tasks/1', { version: plan.tasks[0].version });
    expect(del.json().removed.sort()).toEqual([1, 2, 3]);
    plan = await api.get();
    expect(plan.tasks.map((t: { name: string }) => t.name)).toEqual(['Phase 2']);
    expect(plan.links).toEqual([]);
  });

  it('keeps baselines and records progress', async () => {
    const p = await newProject();
    const api = planApi(p.id);
    await api.send('POST', '/tasks', { name: 'Design', duration: 2 * DAY });
    await api.send('POST', '/tasks', { name: 'Build', duration: 2 * DAY });
    await api.send('POST', '/links', { predecessorUid: 1, successorUid: 2 });
    const base = await api.send('POST', '/baselines/0');
    expect(base.statusCode).toBe(200);
    await api.send('PATCH', '/tasks/1', { duration: 4 * DAY, version: 1 });
    const plan = await api.get();
    expect(plan.baselinesSet.map((b: { number: number }) => b.number)).toEqual([0]);
    expect(plan.tasks[1].baselines[0]).toMatchObject({
      number: 0,
      start: '2026-03-04T08:00',
      finish: '2026-03-05T17:00',
    });
    expect(plan.tasks[1].finish).toBe('2026-03-09T17:00');
    const progress = await api.send('POST', '/progress', {
      statusDate: '2026-03-04T17:00',
      tasks: [{ uid: 1, percentComplete: 50, version: plan.tasks[0].version }],
    });
    expect(progress.statusCode).toBe(200);
    const after = await api.get();
    expect(after.statusDate).toBe('2026-03-04T17:00');
    expect(after.tasks[0]).toMatchObject({
      percentComplete: 50,
      actualStart: '2026-03-02T08:00',
      remainingDuration: 2 * DAY,
    });
    await api.send('DELETE', '/baselines/0');
    expect((await api.get()).tasks[1].baselines).toEqual([]);
  });

  it('lets a team member read a plan but not change it', async () => {
    const p = await newProject();
    await planApi(p.id).send('POST', '/tasks', { name: 'Design' });
    const member = await w.userWith([{ role: 'team_member', scopeType: 'project', scopeId: p.id }], 'member');
    const api = planApi(p.id, member);
    expect((await api.get()).tasks).toHaveLength(1);
    const res = await api.send('POST', '/tasks', { name: 'Sneaky' });
    expect(res.statusCode).toBe(403);
  });

  it("shows a program's projects with their milestones on a timeline", async () => {
    const p = await newProject();
    const api = planApi(p.id);
    await api.send('POST', '/tasks', { name: 'Build', duration: 5 * DAY });
    await api.send('POST', '/tasks', { name: 'Ready for service', milestone: true });
    await api.send('POST', '/links', { predecessorUid: 1, successorUid: 2 });
    const res = await admin.req({ method: 'GET', url: `/api/v1/programs/${p.programId}/timeline` });
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((i: { projectId: string }) => i.projectId === p.id);
    expect(item).toMatchObject({ start: '2026-03-02T08:00', finish: '2026-03-06T17:00' });
    expect(item.milestones).toMatchObject([{ name: 'Ready for service', date: '2026-03-06T17:00' }]);
  });
});

describe('MS Project XML through the API', () => {
  const corpus = fileURLToPath(new URL('../../../../../shared/corpus/mspdi/mpxj/', import.meta.url));
  const file = (name: string) => readFileSync(`${corpus}${name}`, 'utf8');
  const put = (id: string, xml: string, as: TestUser = admin) =>
    as.req({
      method: 'PUT',
      url: `/api/v1/projects/${id}/plan/mspdi`,
      payload: xml,
      headers: { 'content-type': 'application/xml', 'x-file-name': 'plan.xml' },
    });

  it('imports a file with its resources and assignments, and shows the dates MS Project computed', async () => {
    const p = await newProject();
    const xml = file('generated/assignment-assignments/assignment-assignments-project2019-mspdi.xml');
    const res = await put(p.id, xml);
    expect(res.statusCode).toBe(200);
    const result = res.json();
    expect(result.tasks).toBeGreaterThan(0);
    expect(result.resources).toBeGreaterThan(0);
    expect(result.assignments).toBeGreaterThan(0);
    const plan = await planApi(p.id).get();
    expect(plan.source).toBe('plan.xml');
    expect(plan.tasks).toHaveLength(result.tasks);
    expect(plan.resources).toHaveLength(result.resources);
    // Every automatically scheduled task starts where MS Project put it.
    const finishes = [...xml.matchAll(/<Task>[\s\S]*?<UID>(\d+)<\/UID>[\s\S]*?<Start>([^<]+)<\/Start>/g)];
    const byUid = new Map(plan.tasks.map((t: { uid: number; start: string }) => [t.uid, t.start]));
    let compared = 0;
    for (const [, uid, start] of finishes) {
      if (!byUid.has(Number(uid))) continue;
      expect(byUid.get(Number(uid))).toBe(start!.slice(0, 16));
      compared++;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('exports a plan that imports back the same', async () => {
    const p = await newProject();
    const api = planApi(p.id);
    await api.send('POST', '/tasks', {
      name: 'Design & <review>',
      duration: 3 * DAY,
      notes: 'Quotes "and" ampersands & co',
    });
    await api.send('POST', '/tasks', {
      name: 'Build',
      duration: 5 * DAY,
      constraintType: 'SNET',
      constraintDate: '2026-03-10T08:00',
    });
    await api.send('POST', '/links', { predecessorUid: 1, successorUid: 2, type: 'SS', lag: DAY });
    await api.send('POST', '/baselines/0');
    const before = await api.get();
    const out = await admin.req({ method: 'GET', url: `/api/v1/projects/${p.id}/plan/mspdi` });
    expect(out.statusCode).toBe(200);
    expect(out.headers['content-type']).toMatch(/application\/xml/);
    expect(out.headers['content-disposition']).toMatch(/attachment; filename=".*\.xml"/);
    const q = await newProject();
    expect((await put(q.id, out.body)).statusCode).toBe(200);
    const after = await planApi(q.id).get();
    const keep = (t: Record<string, unknown>) => ({
      name: t.name,
      notes: t.notes,
      duration: t.duration,
      start: t.start,
      finish: t.finish,
      constraintType: t.constraintType,
      constraintDate: t.constraintDate,
      baselines: t.baselines,
    });
    expect(after.tasks.map(keep)).toEqual(before.tasks.map(keep));
    expect(after.links).toEqual(before.links);
  });

  it('refuses hostile or broken files with a clear error and changes nothing', async () => {
    const p = await newProject();
    const api = planApi(p.id);
    await api.send('POST', '/tasks', { name: 'Keep me' });
    const before = await api.get();
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><Project xmlns="http://schemas.microsoft.com/project"><Name>&lol2;</Name></Project>`;
    for (const xml of [bomb, 'not xml at all', '<Project><StartDate>never</StartDate></Project>']) {
      const res = await put(p.id, xml);
      expect(res.statusCode, xml.slice(0, 40)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
      expect(res.json().error.message.length).toBeGreaterThan(5);
    }
    const after = await api.get();
    expect(after.version).toBe(before.version);
    expect(after.tasks.map((t: { name: string }) => t.name)).toEqual(['Keep me']);
  });

  it('refuses an import by someone who may only read the project, before reading the file', async () => {
    const p = await newProject();
    const member = await w.userWith([{ role: 'team_member', scopeType: 'project', scopeId: p.id }], 'member');
    const res = await put(p.id, 'not xml at all', member);
    expect(res.statusCode).toBe(403);
  });
});
