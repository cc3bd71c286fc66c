import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, testConfig } from '../config';
import type { Database } from '../db/connect';
import { jobs } from '../db/schema/index';
import { registerJobKinds } from '../jobs/kinds';
import type { JobRunner } from '../jobs/runner';
import { jobDone, jobRow, testRunner, waitFor } from '../jobs/testing';
import { systemCtx } from '../system';
import { freshDatabase } from '../test/harness';
import { queueMail } from './mail';
import { type SmtpSink, startSmtpSink } from './testing';

// A real SMTP server on loopback, with a password, no TLS; it can refuse the next message.
let sink: SmtpSink;
let database: Database;
let runner: JobRunner | null = null;
let closeKinds = () => {};

beforeAll(async () => {
  sink = await startSmtpSink();
  database = await freshDatabase();
});
afterAll(async () => {
  await sink.close();
  await database.close();
});
afterEach(async () => {
  await runner?.stop();
  closeKinds();
  runner = null;
  sink.received.length = 0;
});

const mailConfig = () => testConfig({ smtpUrl: sink.url, mailFrom: 'Pharos <pharos@test.pharos>' });

async function startRunner() {
  const config = mailConfig();
  runner = testRunner(database, { config });
  closeKinds = registerJobKinds(runner, config);
  await runner.start();
  return config;
}

const message = {
  to: ['ada@example.com', 'grace@example.com'],
  cc: ['pmo@example.com'],
  subject: 'Status reports due Friday',
  text: "Three projects still owe this week's status report.",
  html: "<p>Three projects still owe this <b>week's</b> status report.</p>",
};

async function send(config = mailConfig()) {
  const ctx = systemCtx(config, database);
  return database.db.transaction((tx) => queueMail(ctx, tx, message));
}

describe('e-mail', () => {
  it('sends a queued message over SMTP: sender, recipients, subject, text and HTML', async () => {
    await startRunner();
    const id = (await send())!;
    await waitFor('the message', () => sink.received.length === 1);
    const [m] = sink.received;
    expect(m!.from).toBe('pharos@test.pharos');
    expect(m!.to.sort()).toEqual(['ada@example.com', 'grace@example.com', 'pmo@example.com']);
    const raw = m!.raw.replace(/\r\n/g, '\n');
    expect(raw).toMatch(/^Subject: Status reports due Friday$/m);
    expect(raw).toMatch(/^From: Pharos <pharos@test\.pharos>$/m);
    expect(raw).toMatch(/^To: ada@example\.com, grace@example\.com$/m);
    expect(raw).toMatch(/^Cc: pmo@example\.com$/m);
    expect(raw).toMatch(new RegExp(`^Message-ID: <${id}@pharos>$`, 'm'));
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(raw).toMatch(/Content-Type: text\/plain.*Three projects still owe this week's status report\./s);
    expect(raw).toMatch(
      /Content-Type: text\/html.*<p>Three projects still owe this <b>week's<\/b> status report\.<\/p>/s,
    );
    await waitFor('the job', jobDone(database, id));
    expect(await jobRow(database, id)).toMatchObject({ kind: 'mail', state: 'done', attempts: 1 });
  });

  it('tries again when the server refuses for now (4xx), and delivers', async () => {
    sink.refuseNext(451, 'Try again later');
    await startRunner();
    const id = (await send())!;
    await waitFor('the job', jobDone(database, id));
    expect(await jobRow(database, id)).toMatchObject({ state: 'done', attempts: 2 });
    expect((await jobRow(database, id)).lastError).toMatch(/451/);
    expect(sink.received).toHaveLength(1);
  });

  it('fails at once when the server refuses for good (5xx)', async () => {
    sink.refuseNext(550, 'Mailbox unavailable');
    await startRunner();
    const id = (await send())!;
    await waitFor('the job', jobDone(database, id));
    expect(await jobRow(database, id)).toMatchObject({ state: 'failed', attempts: 1 });
    expect((await jobRow(database, id)).lastError).toMatch(/550.*Mailbox unavailable/);
    expect(sink.received).toHaveLength(0);
  });

  it('queues nothing when e-mail is off, and refuses a message without a recipient', async () => {
    const before = (await database.db.select().from(jobs)).length;
    expect(await send(testConfig())).toBeNull();
    expect((await database.db.select().from(jobs)).length).toBe(before);
    const ctx = systemCtx(mailConfig(), database);
    await expect(
      database.db.transaction((tx) => queueMail(ctx, tx, { ...message, to: [] })),
    ).rejects.toThrow();
  });

  it('reads its settings: an SMTP URL, and a sender that must come with it', () => {
    const env = {
      PHAROS_SMTP_URL: 'smtp://u:p@mail.example.com:587',
      PHAROS_MAIL_FROM: 'Pharos <p@example.com>',
    };
    expect(loadConfig(env)).toMatchObject({ smtpUrl: env.PHAROS_SMTP_URL, mailFrom: env.PHAROS_MAIL_FROM });
    expect(loadConfig({ PHAROS_SMTP_URL: '' }).smtpUrl).toBeUndefined();
    expect(() => loadConfig({ PHAROS_SMTP_URL: env.PHAROS_SMTP_URL })).toThrow(/PHAROS_MAIL_FROM/);
    expect(() => loadConfig({ ...env, PHAROS_SMTP_URL: 'https://mail.example.com' })).toThrow(
      /PHAROS_SMTP_URL/,
    );
    expect(() => loadConfig({ PHAROS_TIME_ZONE: 'Mars/Olympus_Mons' })).toThrow(/PHAROS_TIME_ZONE/);
    expect(loadConfig({ PHAROS_JOBS: 'off' }).jobs).toBe(false);
    expect(loadConfig({}).jobs).toBe(true);
    expect(loadConfig({ PHAROS_JOBS: '' }).jobs).toBe(true);
  });
});
