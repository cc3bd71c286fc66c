import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config';
import type { Database } from '../db/connect';
import { jobs, notificationPreferences, notifications, users } from '../db/schema/index';
import { registerJobKinds } from '../jobs/kinds';
import { enqueue, type JobRunner } from '../jobs/runner';
import { jobDone, jobRow, testRunner, waitFor } from '../jobs/testing';
import { systemCtx } from '../system';
import { freshDatabase } from '../test/harness';
import { DIGEST_HOUR_JOB, DIGEST_JOB, localHour, servedHour } from './digest';
import { type NotificationKind, notifyUsers } from './notifications';
import { PRUNE_JOB } from './prune';
import { type SmtpSink, startSmtpSink } from './testing';

/*
 * The daily digest against a real SMTP server on loopback, run by a real job runner. The hour job
 * is given the instant it serves (payload `at`): 06:00 UTC is 07:00 in Paris.
 */
let database: Database;
let sink: SmtpSink;
let runner: JobRunner;
let close = () => {};
const config = () =>
  testConfig({
    smtpUrl: sink.url,
    mailFrom: 'Pharos <pharos@test.pharos>',
    publicUrl: 'https://pharos.example.com',
    timeZone: 'Europe/Paris',
  });
const SEVEN_IN_PARIS = '2030-01-15T06:00:00.000Z';
const EIGHT_IN_PARIS = '2030-01-15T07:00:00.000Z';
const people: Record<'ada' | 'bo' | 'cy' | 'gone', { id: string; email: string }> = {} as never;

async function person(name: string, digestHour: number, preferences: Record<string, string> = {}) {
  const email = `${name}@test.pharos`;
  const [u] = await database.db.insert(users).values({ email, name, passwordHash: 'x' }).returning();
  await database.db.insert(notificationPreferences).values({ userId: u!.id, digestHour, preferences });
  return { id: u!.id, email };
}

async function notify(userIds: string[], kind: NotificationKind, title: string, link = '') {
  const ctx = systemCtx(config(), database);
  await database.db.transaction((tx) =>
    notifyUsers(ctx, tx, { userIds, kind, title, body: `About ${title}.`, link }),
  );
}

/** Runs a job of `kind` now and waits until it is finished. */
async function run(kind: string, payload: unknown = {}) {
  const id = await database.db.transaction((tx) => enqueue(tx, { kind, payload }));
  await waitFor(kind, jobDone(database, id!));
  expect(await jobRow(database, id!)).toMatchObject({ state: 'done' });
}

/** Waits until every job has finished (the digests the hour queued, and their e-mails). */
const settled = () =>
  waitFor('the jobs', async () => {
    const r = await database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from jobs where state in ('queued', 'running') and run_at <= now()`,
    );
    return r.rows[0]!.n === 0;
  });

const digestsTo = (email: string) =>
  sink.received.filter((m) => m.to.includes(email) && /daily digest/.test(m.subject));

beforeAll(async () => {
  sink = await startSmtpSink();
  database = await freshDatabase();
  runner = testRunner(database, { config: config() });
  close = registerJobKinds(runner, config());
  await runner.start();
  people.ada = await person('Ada', 7);
  people.bo = await person('Bo', 8);
  people.cy = await person('Cy', 7, { 'status.reminder': 'in_app', 'gate.decided': 'immediate' });
  people.gone = await person('Gone', 7);
  await database.db.update(users).set({ archivedAt: new Date() }).where(eq(users.id, people.gone.id));
});
afterAll(async () => {
  await runner.stop();
  close();
  await sink.close();
  await database.close();
});
afterEach(() => {
  sink.received.length = 0;
});

describe('the daily digest', () => {
  it('sends each person whose hour it is one e-mail listing what waits, grouped by kind, with links', async () => {
    const { ada, bo, cy } = people;
    await notify(
      [ada.id, bo.id, cy.id],
      'status.reminder',
      'Status report for PR-001 due Friday',
      '/projects/p1/status',
    );
    await notify([ada.id], 'gate.decided', 'Gate 2 of PR-002: go', '/projects/p2/gates');
    await notify([ada.id], 'status.reminder', 'Status report for PR-003 due Friday', '/projects/p3/status');
    await notify([ada.id], 'raid.escalated', 'Issue I-7 escalated', '/projects/p1/raid'); // immediate
    await notify([ada.id], 'status.submitted', 'PR-004 reported', '/projects/p4/status'); // in the app
    await notify([ada.id], 'gate.decided', 'Already read', '/x');
    await notify([ada.id], 'gate.decided', 'Too old', '/y');
    await database.db
      .update(notifications)
      .set({ readAt: new Date() })
      .where(eq(notifications.title, 'Already read'));
    await database.db
      .update(notifications)
      .set({ createdAt: sql`now() - interval '8 days'` })
      .where(eq(notifications.title, 'Too old'));
    await settled();
    sink.received.length = 0; // the immediate e-mail went out on its own

    await run(DIGEST_HOUR_JOB, { at: SEVEN_IN_PARIS });
    await settled();
    expect(digestsTo(bo.email)).toHaveLength(0); // 08:00 is his hour
    expect(digestsTo(cy.email)).toHaveLength(0); // nothing he wants by digest
    expect(digestsTo(people.gone.email)).toHaveLength(0);
    const mails = digestsTo(ada.email);
    expect(mails).toHaveLength(1);
    const m = mails[0]!;
    expect(m.from).toBe('pharos@test.pharos');
    expect(m.subject).toBe('[Pharos] Your daily digest: 3 notifications');
    expect(m.text).toMatch(/^Hello Ada,/);
    // Grouped by kind, in the order of the kinds; oldest first within a kind.
    const order = [
      'Status report due soon (2)',
      'Status report for PR-001 due Friday',
      'https://pharos.example.com/projects/p1/status',
      'Status report for PR-003 due Friday',
      'Gate decision on your project (1)',
      'Gate 2 of PR-002: go',
      'About Gate 2 of PR-002: go.',
      'https://pharos.example.com/projects/p2/gates',
      'https://pharos.example.com/notifications/preferences',
    ].map((s) => m.text.indexOf(s));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    for (const left of ['Issue I-7', 'PR-004 reported', 'Already read', 'Too old'])
      expect(m.text + m.html).not.toContain(left);
    expect(m.html).toContain('<h2');
    expect(m.html).toContain('Gate decision on your project');
    expect(m.html).toContain('<a href="https://pharos.example.com/projects/p2/gates"');
    expect(m.html).toContain('>Status report for PR-003 due Friday</a>');

    // Marked e-mailed, those and only those.
    const rows = await database.db.select().from(notifications).where(eq(notifications.userId, ada.id));
    const mailed = rows
      .filter((r) => r.emailedAt !== null)
      .map((r) => r.title)
      .sort();
    expect(mailed).toEqual(
      [
        'Gate 2 of PR-002: go',
        'Issue I-7 escalated',
        'Status report for PR-001 due Friday',
        'Status report for PR-003 due Friday',
      ].sort(),
    );
  });

  it('runs once: the hour run again sends nothing more, even with something new', async () => {
    await notify([people.ada.id], 'change.decided', 'Change CR-9 approved', '/changes/9');
    await run(DIGEST_HOUR_JOB, { at: SEVEN_IN_PARIS });
    await run(DIGEST_HOUR_JOB, { at: SEVEN_IN_PARIS });
    await settled();
    expect(sink.received).toHaveLength(0);
    const digestJobs = await database.db.select().from(jobs).where(eq(jobs.kind, DIGEST_JOB));
    expect(digestJobs.map((j) => j.dedupeKey)).toContain(`digest:${people.ada.id}:2030-01-15`);
  });

  it('a person digest run twice at once sends one e-mail, and marks what it listed', async () => {
    const both = await database.db.transaction(async (tx) => [
      await enqueue(tx, { kind: DIGEST_JOB, payload: { userId: people.ada.id } }),
      await enqueue(tx, { kind: DIGEST_JOB, payload: { userId: people.ada.id } }),
    ]);
    for (const id of both) await waitFor('the digest', jobDone(database, id!));
    await settled();
    const mails = digestsTo(people.ada.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('[Pharos] Your daily digest: 1 notification');
    expect(mails[0]!.text).toContain('Decision on your change request (1)');
    const [row] = await database.db
      .select()
      .from(notifications)
      .where(eq(notifications.title, 'Change CR-9 approved'));
    expect(row!.emailedAt).not.toBeNull();
  });

  it("the next hour serves the next people: Bo's digest at 08:00", async () => {
    await run(DIGEST_HOUR_JOB, { at: EIGHT_IN_PARIS });
    await settled();
    expect(digestsTo(people.bo.email)).toHaveLength(1);
    expect(digestsTo(people.bo.email)[0]!.text).toContain('Status report for PR-001 due Friday');
    expect(digestsTo(people.ada.email)).toHaveLength(0);
  });

  it('is scheduled every hour, and the clean-up every night, once however many runners', async () => {
    const scheduled = await database.db
      .select()
      .from(jobs)
      .where(inArray(jobs.kind, [DIGEST_HOUR_JOB, PRUNE_JOB]));
    const keys = scheduled.filter((j) => j.state === 'queued').map((j) => j.dedupeKey ?? '');
    expect(keys.some((k) => /^notification-digests@\d{4}-\d\d-\d\dT\d\d:00:00\.000Z$/.test(k))).toBe(true);
    expect(keys.some((k) => k.startsWith('notifications-prune@'))).toBe(true);
  });
});

describe('the hour a run serves', () => {
  it('reads the hour and date on the organization clock', () => {
    expect(localHour(new Date(SEVEN_IN_PARIS), 'Europe/Paris')).toEqual({ hour: 7, date: '2030-01-15' });
    expect(localHour(new Date('2030-07-15T22:30:00Z'), 'Europe/Paris')).toEqual({
      hour: 0,
      date: '2030-07-16',
    });
    expect(localHour(new Date('2030-01-15T06:00:00Z'), 'Asia/Kolkata')).toEqual({
      hour: 11,
      date: '2030-01-15',
    });
  });

  it('is the hour that started last, or the one about to start on a clock a little ahead', () => {
    const at = (iso: string) => servedHour(Date.parse(iso)).toISOString();
    expect(at('2030-01-15T07:00:00.020Z')).toBe('2030-01-15T07:00:00.000Z');
    expect(at('2030-01-15T07:40:00Z')).toBe('2030-01-15T07:00:00.000Z');
    expect(at('2030-01-15T06:58:00Z')).toBe('2030-01-15T07:00:00.000Z');
    expect(at('2030-01-15T06:50:00Z')).toBe('2030-01-15T06:00:00.000Z');
  });
});

describe('the clean-up', () => {
  it('removes read notifications older than 180 days, and keeps unread and recent ones', async () => {
    const u = people.cy.id;
    const row = (title: string, age: number, read: boolean) => ({
      userId: u,
      kind: 'status.submitted',
      title,
      createdAt: new Date(Date.now() - age * 86_400_000),
      readAt: read ? new Date() : null,
    });
    await database.db
      .insert(notifications)
      .values([row('old read', 181, true), row('old unread', 400, false), row('recent read', 179, true)]);
    await run(PRUNE_JOB);
    const left = (await database.db.select().from(notifications).where(eq(notifications.userId, u))).map(
      (r) => r.title,
    );
    expect(left).not.toContain('old read');
    expect(left).toEqual(expect.arrayContaining(['old unread', 'recent read']));
  });
});
