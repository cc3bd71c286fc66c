import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Database } from '../db/connect';
import { registerNotificationJobs } from '../notify/jobs';
import { MAIL_JOB, mailHandler, mailTransport } from '../notify/mail';
import { registerRaidJobs } from '../raid/escalation-job';
import { STATUS_REMINDERS_JOB, statusRemindersHandler, statusRemindersSchedule } from '../status/reminders';
import { JobRunner } from './runner';

/**
 * Every job kind a Pharos process runs, with its handler, and the recurring schedules: one place,
 * as `bindings()` is for routes. Returns what to close once the runner has stopped.
 */
export function registerJobKinds(runner: JobRunner, config: Config): () => void {
  const transport = mailTransport(config);
  if (transport) runner.handle(MAIL_JOB, mailHandler(transport));
  registerNotificationJobs(runner, config);
  runner.handle(STATUS_REMINDERS_JOB, statusRemindersHandler).every(statusRemindersSchedule);
  registerRaidJobs(runner);
  return () => transport?.close();
}

export interface Jobs {
  runner: JobRunner;
  /** Takes no new job, waits for the running ones, closes the mail transport. */
  stop(): Promise<void>;
}

/** Starts this process's job runner with every kind registered. */
export async function startJobs(config: Config, database: Database, log: FastifyBaseLogger): Promise<Jobs> {
  const runner = new JobRunner({ config, database, log: log.child({ component: 'jobs' }) });
  const close = registerJobKinds(runner, config);
  await runner.start();
  return {
    runner,
    stop: async () => {
      await runner.stop();
      close();
    },
  };
}
