import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, jobs } from '../db/schema/index';
import { systemCtx } from '../system';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { NOTIFICATION_KINDS, type NotificationKind, notifyUsers } from './notifications';

/*
 * Each person's notification centre and preferences, through the API. E-mail is "on" (an SMTP URL
 * nobody listens on, and no job runner): e-mails are queued as jobs and stay there.
 */
let w: TestWorld;
let ada: TestUser;
let bo: TestUser;
const base = '/api/v1/notifications';

async function notify(users: TestUser[], kind: NotificationKind, title: string) {
  const ctx = systemCtx(w.config, w.database);
  await w.database.db.transaction((tx) =>
    notifyUsers(ctx, tx, { userIds: users.map((u) => u.id), kind, title, link: `/projects/x/${kind}` }),
  );
}

const get = (u: TestUser, url: string) => u.req({ method: 'GET', url });
const post = (u: TestUser, url: string, payload?: Record<string, unknown>) =>
  u.req({ method: 'POST', url, ...(payload === undefined ? {} : { payload }) });
const put = (u: TestUser, payload: Record<string, unknown>) =>
  u.req({ method: 'PUT', url: `${base}/preferences`, payload });
const count = async (u: TestUser) => (await get(u, `${base}/unread-count`)).json().unread as number;

beforeAll(async () => {
  w = await testWorld({ smtpUrl: 'smtp://127.0.0.1:9', mailFrom: 'Pharos <pharos@test.pharos>' });
  const project = w.org.projects[0]!.id;
  ada = await w.userWith([{ role: 'project_manager', scopeType: 'project', scopeId: project }], 'Ada');
  bo = await w.userWith([{ role: 'team_member', scopeType: 'project', scopeId: project }], 'Bo');
  // Created one after the other, so that newest-first has one answer.
  for (let i = 1; i <= 5; i++) {
    await notify([ada], 'status.reminder', `Ada ${i}`);
    await w.database.db.execute(sql`select pg_sleep(0.002)`);
  }
  await notify([ada, bo], 'gate.decided', 'Both');
  await notify([bo], 'raid.assigned', 'Bo only');
}, 60_000);
afterAll(() => w.close());

describe('the notification centre', () => {
  it('lists only your own, newest first, with the unread count; pages and filters', async () => {
    const res = await get(ada, `${base}?pageSize=4`);
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page).toMatchObject({ total: 6, page: 1, pageSize: 4, unread: 6 });
    expect(page.items.map((n: { title: string }) => n.title)).toEqual(['Both', 'Ada 5', 'Ada 4', 'Ada 3']);
    expect(page.items[0]).toMatchObject({
      kind: 'gate.decided',
      kindLabel: NOTIFICATION_KINDS['gate.decided'].label,
      link: '/projects/x/gate.decided',
      readAt: null,
    });
    const second = (await get(ada, `${base}?pageSize=4&page=2`)).json();
    expect(second.items.map((n: { title: string }) => n.title)).toEqual(['Ada 2', 'Ada 1']);
    const bos = (await get(bo, base)).json();
    expect(bos.items.map((n: { title: string }) => n.title).sort()).toEqual(['Bo only', 'Both']);
    expect(await count(ada)).toBe(6);
    expect(await count(bo)).toBe(2);
  });

  it("marks one read — your own only; another person's is not found, and stays unread", async () => {
    const mine = (await get(ada, `${base}?pageSize=1`)).json().items[0];
    const theirs = (await get(bo, base)).json().items.find((n: { title: string }) => n.title === 'Bo only');
    const refused = await post(ada, `${base}/${theirs.id}/read`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe('not_found');
    expect(await count(bo)).toBe(2);

    const read = await post(ada, `${base}/${mine.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json().readAt).not.toBeNull();
    expect(await count(ada)).toBe(5);
    const again = await post(ada, `${base}/${mine.id}/read`);
    expect(again.json().readAt).toBe(read.json().readAt);
    const trail = await w.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, mine.id));
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ action: 'update', entityType: 'notification', actorId: ada.id });

    const unread = (await get(ada, `${base}?unread=true`)).json();
    expect(unread).toMatchObject({ total: 5, unread: 5 });
    expect(unread.items.every((n: { readAt: string | null }) => n.readAt === null)).toBe(true);
    expect(unread.items.map((n: { id: string }) => n.id)).not.toContain(mine.id);
    expect((await get(ada, `${base}?unread=false`)).json().total).toBe(6);
  });

  it('marks all yours read, and nobody else’s', async () => {
    const res = await post(ada, `${base}/read-all`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ marked: 5 });
    expect(await count(ada)).toBe(0);
    expect(await count(bo)).toBe(2);
    expect((await post(ada, `${base}/read-all`)).json()).toEqual({ marked: 0 });
    expect((await get(ada, `${base}?unread=true`)).json()).toMatchObject({ items: [], total: 0, unread: 0 });
  });

  it('refuses bad queries naming the parameter, and everything without credentials', async () => {
    const big = await get(ada, `${base}?pageSize=1000`);
    expect(big.statusCode).toBe(400);
    expect(big.json().error).toMatchObject({ code: 'validation_failed', field: 'pageSize' });
    expect((await get(ada, `${base}?unread=maybe`)).json().error.field).toBe('unread');
    expect((await post(ada, `${base}/not-an-id/read`)).statusCode).toBe(400);
    for (const [method, url] of [
      ['GET', base],
      ['GET', `${base}/unread-count`],
      ['POST', `${base}/read-all`],
      ['GET', `${base}/preferences`],
    ] as const)
      expect((await w.app.inject({ method, url })).statusCode).toBe(401);
  });

  it('sends you a test notification, delivered as the kind you name would reach you', async () => {
    const before = (await w.database.db.select().from(jobs).where(eq(jobs.kind, 'mail'))).length;
    const res = await post(bo, `${base}/test`, { kind: 'stop.recommended' }); // immediate by default
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'stop.recommended', subjectType: 'test', readAt: null });
    expect(res.json().emailedAt).not.toBeNull();
    const mails = await w.database.db.select().from(jobs).where(eq(jobs.kind, 'mail'));
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)!.payload).toMatchObject({ to: [bo.email] });
    const quiet = await post(bo, `${base}/test`, {}); // status.reminder: the digest
    expect(quiet.json()).toMatchObject({ kind: 'status.reminder', emailedAt: null });
    const bad = await post(bo, `${base}/test`, { kind: 'status.nonsense' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'kind' });
    expect(await count(bo)).toBe(4);
  });
});

describe('preferences', () => {
  it('start from the kinds and their defaults, digest at 07:00, version 1', async () => {
    const res = await get(ada, `${base}/preferences`);
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      digestHour: 7,
      version: 1,
      timeZone: 'UTC',
      emailEnabled: true,
      email: ada.email,
    });
    expect(p.kinds).toHaveLength(Object.keys(NOTIFICATION_KINDS).length);
    expect(p.kinds[0]).toEqual({
      kind: 'status.reminder',
      label: 'Status report due soon',
      defaultDelivery: 'digest',
      delivery: 'digest',
    });
  });

  it('saves your choices and hour, checking the version; kinds left out go back to their default', async () => {
    const saved = await put(ada, {
      delivery: { 'status.reminder': 'in_app', 'gate.review': 'digest' },
      digestHour: 18,
      version: 1,
    });
    expect(saved.statusCode).toBe(200);
    const p = saved.json();
    expect(p).toMatchObject({ digestHour: 18, version: 2 });
    const of = (kind: string) => p.kinds.find((k: { kind: string }) => k.kind === kind).delivery;
    expect([of('status.reminder'), of('gate.review'), of('status.overdue')]).toEqual([
      'in_app',
      'digest',
      'immediate',
    ]);
    expect((await get(ada, `${base}/preferences`)).json()).toEqual(p);

    const stale = await put(ada, { delivery: {}, digestHour: 6, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', field: 'version' });

    const reset = (
      await put(ada, { delivery: { 'gate.review': 'digest' }, digestHour: 18, version: 2 })
    ).json();
    expect(reset.version).toBe(3);
    expect(reset.kinds.find((k: { kind: string }) => k.kind === 'status.reminder').delivery).toBe('digest');

    // Someone else's are their own.
    expect((await get(bo, `${base}/preferences`)).json()).toMatchObject({ digestHour: 7, version: 1 });
    const trail = await w.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'notificationPreferences'));
    expect(trail.map((e) => e.entityId)).toEqual([ada.id, ada.id]);
  });

  it('refuses a bad kind, delivery or hour naming the field, and writes nothing', async () => {
    const cases: [unknown, string][] = [
      [{ 'status.bogus': 'digest' }, 'delivery.status.bogus'],
      [{ 'status.reminder': 'carrier_pigeon' }, 'delivery.status.reminder'],
    ];
    for (const [delivery, field] of cases) {
      const res = await put(ada, { delivery, digestHour: 9, version: 3 });
      expect(res.statusCode, field).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'validation_failed', field });
    }
    for (const digestHour of [24, -1, 7.5]) {
      const res = await put(ada, { delivery: {}, digestHour, version: 3 });
      expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'digestHour' });
    }
    expect((await get(ada, `${base}/preferences`)).json()).toMatchObject({ digestHour: 18, version: 3 });
  });

  it('are what notifications follow: an e-mail at once only for the kinds you want so', async () => {
    const mailsTo = async (u: TestUser) =>
      (await w.database.db.select().from(jobs).where(eq(jobs.kind, 'mail'))).filter((j) =>
        (j.payload as { to: string[] }).to.includes(u.email),
      ).length;
    const before = await mailsTo(ada);
    await notify([ada], 'gate.review', 'A vote waits (digest for Ada)');
    await notify([ada], 'status.overdue', 'Overdue (immediate by default)');
    expect(await mailsTo(ada)).toBe(before + 1);
  });
});
