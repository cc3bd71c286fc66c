import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { change, create, dayFromToday, issue, type RaidPlaces, raidPlaces, risk } from './test-kit';

let w: TestWorld;
let admin: TestUser;
let pm: TestUser;
let programStaff: TestUser;
let p: RaidPlaces;

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  p = raidPlaces(w);
  pm = await w.userWith([{ role: 'project_manager', scopeType: 'project', scopeId: p.project.id }], 'pm');
  programStaff = await w.userWith(
    [{ role: 'pmo_director', scopeType: 'office', scopeId: p.programOffice }],
    'program office director',
  );
});
afterAll(() => w.close());

const trail = async (as: TestUser, id: string) => {
  const res = await as.req({ method: 'GET', url: `/api/v1/raid/${id}/escalations` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

/** Who got a raid.escalated notification about an item. */
const told = async (itemId: string) =>
  (
    await w.database.db.execute<{ user_id: string; title: string }>(
      sql`select user_id::text, title from notifications where kind = 'raid.escalated' and subject_id = ${itemId} order by created_at`,
    )
  ).rows;

/** Holders of a role by a grant at exactly this office. */
const staffOf = async (officeId: string) =>
  (
    await w.database.db.execute<{ user_id: string }>(
      sql`select distinct user_id::text from role_grants where scope_type = 'office' and scope_id = ${officeId}
        and role in ('pmo_director', 'pmo_analyst') and revoked_at is null order by 1`,
    )
  ).rows.map((r) => r.user_id);

describe('escalation on write', () => {
  it('takes a critical issue up the office chain level by level, each step on the trail, each office told', async () => {
    const i = await create(pm, issue({ projectId: p.project.id }, { details: { severity: 'critical' } }));
    expect(i).toMatchObject({ escalationLevel: 2, escalatedToOfficeId: p.strategicOffice });
    expect(i.labels.escalatedToOfficeId).toBeTruthy();
    const t = await trail(pm, i.id);
    expect(
      t.items.map((s: Record<string, unknown>) => [s.level, s.fromOfficeId, s.toOfficeId, s.reason]),
    ).toEqual([
      [1, p.projectOffice, p.programOffice, 'tolerance'],
      [2, p.programOffice, p.strategicOffice, 'tolerance'],
    ]);
    expect(t.items[0].detail).toMatch(/Severity critical is above .* tolerance of medium/);
    expect(t.items[0].actorId).toBe(pm.id);
    expect(t.chain.map((o: { officeId: string }) => o.officeId)).toEqual([
      p.projectOffice,
      p.programOffice,
      p.strategicOffice,
    ]);
    expect(t.current).toMatchObject({ level: 2, officeId: p.strategicOffice, state: 'within-tolerance' });
    const notified = (await told(i.id)).map((n) => n.user_id).sort();
    const expected = [...(await staffOf(p.programOffice)), ...(await staffOf(p.strategicOffice))].sort();
    expect(expected.length).toBeGreaterThan(2);
    expect(notified).toEqual(expected);
  });

  it('escalates a risk once an update takes its score past the tolerance', async () => {
    const r = await create(pm, risk({ projectId: p.project.id }));
    expect(r).toMatchObject({ score: 12, escalationLevel: 0 });
    const worse = await change(pm, r, { details: { probability: 4 } });
    expect(worse).toMatchObject({ score: 16, escalationLevel: 1, escalatedToOfficeId: p.programOffice });
    const t = await trail(pm, r.id);
    expect(t.items).toHaveLength(1);
    expect(t.items[0].detail).toMatch(/Score 16 is above .* tolerance of 14/);
    // Changing it again within the new office's tolerance takes no further step.
    await change(pm, worse, { title: 'Still 16' });
    expect((await trail(pm, r.id)).items).toHaveLength(1);
  });

  it('tells the offices above when the receiving office has no PMO staff', async () => {
    const post = async (url: string, payload: Record<string, unknown>) => {
      const res = await admin.req({ method: 'POST', url, payload });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const bare = await post('/api/v1/offices', {
      code: 'PGO-BARE',
      name: 'Unstaffed program office',
      kind: 'program',
      parentId: p.strategicOffice,
    });
    const small = await post('/api/v1/offices', {
      code: 'PMO-SMALL',
      name: 'Small project office',
      kind: 'project',
      parentId: bare.id,
    });
    const project = await post('/api/v1/projects', {
      code: 'PR-BARE',
      name: 'Project under an unstaffed office',
      typeId: w.org.projectTypes[0]!.id,
      officeId: small.id,
    });
    const i = await create(admin, issue({ projectId: project.id }, { details: { severity: 'high' } }));
    expect(i).toMatchObject({ escalationLevel: 1, escalatedToOfficeId: bare.id });
    const notified = (await told(i.id)).map((n) => n.user_id);
    const above = await staffOf(p.strategicOffice);
    expect(above.length).toBeGreaterThan(0);
    expect(notified).toEqual(expect.arrayContaining(above));
  });
});

describe('escalation by hand', () => {
  it('escalates with a reason and hands back, refusing a hand-back that would rise again at once', async () => {
    const i = await create(
      pm,
      issue({ projectId: p.project.id }, { dueOn: dayFromToday(5), details: { severity: 'low' } }),
    );
    const noReason = await pm.req({
      method: 'POST',
      url: `/api/v1/raid/${i.id}/escalate`,
      payload: { version: i.version, reason: ' ' },
    });
    expect(noReason.json().error).toMatchObject({ code: 'validation_failed', field: 'reason' });
    const up = await pm.req({
      method: 'POST',
      url: `/api/v1/raid/${i.id}/escalate`,
      payload: { version: i.version, reason: 'Needs a decision on budget' },
    });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json()).toMatchObject({
      escalationLevel: 1,
      escalatedToOfficeId: p.programOffice,
      version: i.version + 1,
    });
    // Its deadline passes while it sits with the program office.
    await w.database.db.execute(sql`update raid_items set due_on = ${dayFromToday(-2)} where id = ${i.id}`);
    const back = (body: Record<string, unknown>) =>
      programStaff.req({
        method: 'POST',
        url: `/api/v1/raid/${i.id}/de-escalate`,
        payload: { version: up.json().version, reason: 'The project can handle it', ...body },
      });
    const refused = await back({});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'invalid_state', field: 'dueOn' });
    const handed = await back({ dueOn: dayFromToday(14) });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({
      escalationLevel: 0,
      escalatedToOfficeId: null,
      dueOn: dayFromToday(14),
    });
    const t = await trail(pm, i.id);
    expect(t.items.map((s: Record<string, unknown>) => [s.reason, s.level, s.detail])).toEqual([
      ['manual', 1, 'Needs a decision on budget'],
      ['de-escalated', 0, 'The project can handle it'],
    ]);
    const again = await programStaff.req({
      method: 'POST',
      url: `/api/v1/raid/${i.id}/de-escalate`,
      payload: { version: handed.json().version, reason: 'Again' },
    });
    expect(again.json().error.code).toBe('invalid_state');
    const assumption = await create(pm, {
      kind: 'assumption',
      title: 'Not escalated',
      projectId: p.project.id,
    });
    const wrongKind = await pm.req({
      method: 'POST',
      url: `/api/v1/raid/${assumption.id}/escalate`,
      payload: { version: 1, reason: 'Try' },
    });
    expect(wrongKind.json().error).toMatchObject({ code: 'invalid_state', field: 'kind' });
  });
});

describe('the office queue', () => {
  it("lists what was escalated to an office with its trail; the office's staff acknowledge it", async () => {
    const r = await create(
      pm,
      risk({ projectId: p.project.id }, { title: 'Queued', details: { probability: 5 } }),
    );
    expect(r).toMatchObject({ score: 20, escalationLevel: 2 });
    const mid = await create(
      pm,
      risk({ projectId: p.project.id }, { title: 'Mid', details: { probability: 4 } }),
    );
    expect(mid.escalatedToOfficeId).toBe(p.programOffice);
    const queue = async (as: TestUser, office: string, q = '') => {
      const res = await as.req({ method: 'GET', url: `/api/v1/offices/${office}/escalation-queue${q}` });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const program = await queue(programStaff, p.programOffice);
    const entry = program.items.find((e: { item: { id: string } }) => e.item.id === mid.id);
    expect(entry.trail).toHaveLength(1);
    expect(entry.arrival).toMatchObject({
      toOfficeId: p.programOffice,
      acknowledgedAt: null,
      canAcknowledge: true,
    });
    // The project's manager sees the step but is not the program office: theirs is not to take on.
    expect((await trail(pm, mid.id)).items[0].canAcknowledge).toBe(false);
    expect(program.items.map((e: { item: { id: string } }) => e.item.id)).not.toContain(r.id);
    const top = await queue(admin, p.strategicOffice);
    expect(top.items.map((e: { item: { id: string } }) => e.item.id)).toContain(r.id);

    const ack = (as: TestUser) =>
      as.req({ method: 'POST', url: `/api/v1/raid/${mid.id}/escalations/${entry.arrival.id}/acknowledge` });
    expect((await ack(pm)).statusCode).toBe(403);
    const done = await ack(programStaff);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      acknowledgedBy: programStaff.id,
      labels: { acknowledgedBy: expect.any(String) },
    });
    expect((await ack(programStaff)).json().error.code).toBe('invalid_state');
    // What still waits comes first.
    const after = await queue(programStaff, p.programOffice);
    expect(after.items.length).toBeGreaterThan(1);
    expect(after.items.at(-1).item.id).toBe(mid.id);
    const waiting = await queue(programStaff, p.programOffice, '?acknowledged=false');
    expect(waiting.items.map((e: { item: { id: string } }) => e.item.id)).not.toContain(mid.id);

    const summary = async (as: TestUser) => {
      const res = await as.req({ method: 'GET', url: '/api/v1/raid/escalation-summary' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().offices as { officeId: string; open: number; waiting: number }[];
    };
    const counts = (await summary(programStaff)).find((o) => o.officeId === p.programOffice)!;
    expect(counts.open).toBe(program.items.length);
    expect(counts.waiting).toBe(program.items.length - 1);

    const outsider = await w.userWith([
      { role: 'project_manager', scopeType: 'project', scopeId: p.unrelated.id },
    ]);
    expect((await queue(outsider, p.programOffice)).items).toEqual([]);
    expect((await summary(outsider)).find((o) => o.officeId === p.programOffice)).toBeUndefined();
    const ghost = await admin.req({
      method: 'GET',
      url: '/api/v1/offices/00000000-0000-4000-8000-000000000000/escalation-queue',
    });
    expect(ghost.statusCode).toBe(404);
  });
});

describe('tolerances', () => {
  it('are read by everyone and changed by the organization’s PMO leaders, at their version', async () => {
    const get = await pm.req({ method: 'GET', url: '/api/v1/settings/raid-tolerances' });
    const t = get.json();
    expect(t).toMatchObject({
      version: 1,
      byOfficeKind: { project: { maxScore: 14, maxSeverity: 'medium', resolutionDays: 10 } },
      offices: [],
    });
    const put = (as: TestUser, body: Record<string, unknown>) =>
      as.req({ method: 'PUT', url: '/api/v1/settings/raid-tolerances', payload: { ...t, ...body } });
    expect((await put(pm, {})).statusCode).toBe(403);
    const director = await w.tokenFor('director@pharos.demo');
    const ghost = await put(director, {
      offices: [
        {
          officeId: '00000000-0000-4000-8000-000000000000',
          maxScore: 20,
          maxSeverity: null,
          resolutionDays: 5,
        },
      ],
    });
    expect(ghost.json().error).toMatchObject({ code: 'invalid_reference', field: 'offices.0.officeId' });
    const own = await put(director, {
      offices: [{ officeId: p.projectOffice, maxScore: 20, maxSeverity: 'high', resolutionDays: 5 }],
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json().version).toBe(2);
    expect((await put(director, {})).json().error.code).toBe('version_conflict');
    // The project office now keeps a risk of 16 itself.
    const r = await create(pm, risk({ projectId: p.project.id }, { details: { probability: 4 } }));
    expect(r).toMatchObject({ score: 16, escalationLevel: 0 });
    expect((await trail(pm, r.id)).chain[0].tolerance).toMatchObject({ maxScore: 20 });
  });
});
