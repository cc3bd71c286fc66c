import type { Config } from '../config';
import type { JobRunner } from '../jobs/runner';
import { DIGEST_HOUR_JOB, DIGEST_JOB, digestHandler, digestHourHandler } from './digest';
import { PRUNE_JOB, pruneHandler } from './prune';

/**
 * The notifications' background work: the clean-up of old read notifications every night, and,
 * when e-mail is on, the hourly search for digests due and the digests themselves.
 */
export function registerNotificationJobs(runner: JobRunner, config: Config) {
  runner.handle(PRUNE_JOB, pruneHandler);
  runner.every({ name: 'notifications-prune', kind: PRUNE_JOB, dailyAt: '03:15' });
  if (!config.smtpUrl) return;
  runner.handle(DIGEST_HOUR_JOB, digestHourHandler);
  runner.handle(DIGEST_JOB, digestHandler);
  runner.every({ name: 'notification-digests', kind: DIGEST_HOUR_JOB, everySeconds: 3600 });
}
