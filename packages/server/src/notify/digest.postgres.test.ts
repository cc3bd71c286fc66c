import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../config';
import { type Database, openDatabase } from '../db/connect';
import { notificationPreferences, users } from '../db/schema/index';
import { registerJobKinds } from '../jobs/kinds';
import { enqueue, type JobRunner } from '../jobs/runner';
import { testRunner, waitFor } from '../jobs/testing';
import { systemCtx } from '../system';
import { freshDatabase } from '../test/harness';
import { DIGEST_HOUR_JOB, DIGEST_JOB } from './digest';
import { notifyUsers } from './notifications';
import { type SmtpSink, startSmtpSink } from './testing';

// Two job runners on two separate connection pools to one PostgreSQL database (as two Pharos
// processes are), racing for the same digests: each person still gets one. PostgreSQL only.
const serverUrl = process.env.PHAROS_TEST_DATABASE_URL;
if (!serverUrl)
  throw new Error('digest.postgres.test.ts needs PHAROS_TEST_DATABASE_URL (a PostgreSQL server)');

let database: Database;
let other: Database;
let sink: SmtpSink;
const runners: JobRunner[] = [];
const closers: (() => void)[] = [];
const PEOPLE = 12;

beforeAll(async () => {
  sink = await startSmtpSink();
  database = await freshDatabase();
  const name = (await database.db.execute<{ db: string }>(sql`select current_database() as db`)).rows[0]!.db;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  other = await openDatabase({ databaseUrl: url.toString(), poolSize: 3 });
  const config = testConfig({ smtpUrl: sink.url, mailFrom: 'Pharos <pharos@test.pharos>', timeZone: 'UTC' });
  const ids: string[] = [];
  for (let i = 0; i < PEOPLE; i++) {
    const [u] = await database.db
      .insert(users)
      .values({ email: `p${i}@test.pharos`, name: `Person ${i}`, passwordHash: 'x' })
      .returning();
    ids.push(u!.id);
  }
  await database.db.insert(notificationPreferences).values(ids.map((userId) => ({ userId, digestHour: 9 })));
  const ctx = systemCtx(config, database);
  for (const title of ['One', 'Two', 'Three'])
    await database.db.transaction((tx) =>
      notifyUsers(ctx, tx, { userIds: ids, kind: 'status.reminder', title, link: '/x' }),
    );
  for (const [i, db] of [database, other].entries()) {
    const runner = testRunner(db, { config, workerId: `process-${i}` });
    closers.push(registerJobKinds(runner, config));
    runners.push(runner);
  }
});
afterAll(async () => {
  for (const r of runners) await r.stop();
  for (const c of closers) c();
  await other.close();
  await database.close();
  await sink.close();
});

describe('digests with two processes', () => {
  it('each person gets one digest, however the hour and their digests are run twice at once', async () => {
    const at = '2030-01-15T09:00:00.000Z';
    await database.db.transaction(async (tx) => {
      await enqueue(tx, { kind: DIGEST_HOUR_JOB, payload: { at } });
      await enqueue(tx, { kind: DIGEST_HOUR_JOB, payload: { at } });
    });
    await Promise.all(runners.map((r) => r.start()));
    await waitFor('the digests', async () => {
      const r = await database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from jobs where state in ('queued', 'running') and run_at <= now()`,
      );
      return r.rows[0]!.n === 0 && sink.received.length >= PEOPLE;
    });
    // Then each person's digest job again, twice, racing across the two runners: nothing more.
    const ids = (await database.db.select({ id: users.id }).from(users)).map((u) => u.id);
    await database.db.transaction(async (tx) => {
      for (const userId of ids)
        for (let k = 0; k < 2; k++) await enqueue(tx, { kind: DIGEST_JOB, payload: { userId } });
    });
    await waitFor('the second round', async () => {
      const r = await database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from jobs where kind in (${DIGEST_JOB}, 'mail') and state <> 'done'`,
      );
      return r.rows[0]!.n === 0;
    });
    const to = sink.received.map((m) => m.to[0]).sort();
    expect(to).toEqual(ids.map((_, i) => `p${i}@test.pharos`).sort());
    expect(sink.received.every((m) => m.subject === '[Pharos] Your daily digest: 3 notifications')).toBe(
      true,
    );
  });
});
