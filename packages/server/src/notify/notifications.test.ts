import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config, testConfig } from '../config';
import type { Database } from '../db/connect';
import { jobs, notificationPreferences, notifications, users } from '../db/schema/index';
import type { Ctx } from '../http/context';
import { systemCtx } from '../system';
import { freshDatabase } from '../test/harness';
import { deliveryFor, mailText, NOTIFICATION_KINDS, notifyUsers } from './notifications';

let database: Database;
const smtp = testConfig({
  smtpUrl: 'smtp://127.0.0.1:2525',
  mailFrom: 'Pharos <pharos@test.pharos>',
  publicUrl: 'https://pharos.example.com/',
});
let ada: string, bo: string, cy: string, gone: string;

async function person(name: string, archived = false) {
  const [u] = await database.db
    .insert(users)
    .values({
      email: `${name}.${Math.random().toString(36).slice(2, 7)}@test.pharos`,
      name,
      passwordHash: 'x',
      ...(archived ? { archivedAt: new Date() } : {}),
    })
    .returning();
  return u!.id;
}

/** A context acting as `userId` (or the system), with this configuration. */
function ctxAs(userId: string | null, config: Config = smtp): Ctx {
  const ctx = systemCtx(config, database);
  if (!userId) return ctx;
  return {
    ...ctx,
    actor: {
      userId,
      email: '',
      name: '',
      title: '',
      grants: [],
      via: 'token',
      sessionId: null,
      csrfToken: null,
    },
  };
}

const notify = (ctx: Ctx, userIds: string[], extra = {}) =>
  database.db.transaction((tx) =>
    notifyUsers(ctx, tx, {
      userIds,
      kind: 'raid.escalated',
      title: 'Risk R-12 escalated to your office',
      body: 'Score 20 passed the tolerance of 15.',
      link: '/projects/p1/raid',
      ...extra,
    }),
  );

const rowsOf = (kind: string, ids: string[]) =>
  database.db
    .select()
    .from(notifications)
    .where(inArray(notifications.userId, ids))
    .then((r) => r.filter((x) => x.kind === kind));
const mailsTo = async (email: string) =>
  (await database.db.select().from(jobs).where(eq(jobs.kind, 'mail'))).filter((j) =>
    (j.payload as { to: string[] }).to.includes(email),
  );
const emailOf = async (id: string) =>
  (await database.db.select().from(users).where(eq(users.id, id)))[0]!.email;

beforeAll(async () => {
  database = await freshDatabase();
  [ada, bo, cy, gone] = [
    await person('ada'),
    await person('bo'),
    await person('cy'),
    await person('gone', true),
  ];
  // bo wants escalations in the digest; cy only in the app; ada keeps the default (immediate).
  await database.db.insert(notificationPreferences).values([
    { userId: bo, preferences: { 'raid.escalated': 'digest' } },
    { userId: cy, preferences: { 'raid.escalated': 'in_app', 'gate.review': 'nonsense' } },
  ]);
});
afterAll(() => database.close());

describe('notifyUsers', () => {
  it('writes one row per recipient, leaving out the actor, duplicates and archived people', async () => {
    const n = await notify(ctxAs(cy), [ada, ada, bo, cy, gone]);
    expect(n).toBe(2);
    const rows = await rowsOf('raid.escalated', [ada, bo, cy, gone]);
    expect(rows.map((r) => r.userId).sort()).toEqual([ada, bo].sort());
    expect(rows[0]).toMatchObject({
      title: 'Risk R-12 escalated to your office',
      body: 'Score 20 passed the tolerance of 15.',
      link: '/projects/p1/raid',
      readAt: null,
    });
  });

  it('includes the actor when asked, and writes nothing for nobody', async () => {
    expect(await notify(ctxAs(cy), [cy], { kind: 'status.submitted' })).toBe(0);
    expect(await notify(ctxAs(cy), [], { kind: 'status.submitted' })).toBe(0);
    expect(await notify(ctxAs(null), [gone], { kind: 'status.submitted' })).toBe(0);
    const n = await database.db.transaction((tx) =>
      notifyUsers(
        ctxAs(cy),
        tx,
        { userIds: [cy], kind: 'status.submitted', title: 'Mine' },
        { includeActor: true },
      ),
    );
    expect(n).toBe(1);
    const [row] = await rowsOf('status.submitted', [cy]);
    expect(row).toMatchObject({ title: 'Mine', body: '', link: '', subjectType: null, subjectId: null });
  });

  it('e-mails at once only those who want the kind immediately, and marks only theirs e-mailed', async () => {
    const rows = await rowsOf('raid.escalated', [ada, bo]);
    const byUser = new Map(rows.map((r) => [r.userId, r]));
    expect(byUser.get(ada)!.emailedAt).not.toBeNull();
    expect(byUser.get(bo)!.emailedAt).toBeNull();
    const adaMail = await mailsTo(await emailOf(ada));
    expect(adaMail).toHaveLength(1);
    expect(adaMail[0]!.payload).toMatchObject({
      subject: '[Pharos] Risk R-12 escalated to your office',
      text: expect.stringContaining('Open in Pharos: https://pharos.example.com/projects/p1/raid'),
      html: expect.stringContaining('href="https://pharos.example.com/projects/p1/raid"'),
    });
    expect(await mailsTo(await emailOf(bo))).toHaveLength(0);
    expect(await mailsTo(await emailOf(cy))).toHaveLength(0);
  });

  it('queues no e-mail when SMTP is off, and leaves the rows not e-mailed', async () => {
    const before = (await database.db.select().from(jobs)).length;
    const n = await notify(ctxAs(null, testConfig()), [ada], { kind: 'stop.recommended', title: 'Stop?' });
    expect(n).toBe(1);
    expect((await database.db.select().from(jobs)).length).toBe(before);
    const [row] = await rowsOf('stop.recommended', [ada]);
    expect(row!.emailedAt).toBeNull();
  });

  it('reads a preference, falling back to the kind default for a missing or unknown choice', () => {
    expect(deliveryFor(null, 'gate.review')).toBe(NOTIFICATION_KINDS['gate.review'].delivery);
    expect(deliveryFor({ 'gate.review': 'nonsense' }, 'gate.review')).toBe('immediate');
    expect(deliveryFor({ 'gate.review': 'in_app' }, 'gate.review')).toBe('in_app');
    expect(deliveryFor({ 'gate.review': 'in_app' }, 'gate.decided')).toBe('digest');
  });

  it('writes the e-mail text with an absolute link when the public address is known', () => {
    expect(mailText(ctxAs(null), 'Body', '/x')).toBe(
      'Body\n\nOpen in Pharos: https://pharos.example.com/x\n\n— Pharos',
    );
    expect(mailText(ctxAs(null, testConfig()), 'Body', '/x')).toBe('Body\n\nIn Pharos: /x\n\n— Pharos');
    expect(mailText(ctxAs(null), '', '')).toBe('— Pharos');
  });
});
