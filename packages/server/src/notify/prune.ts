/*
 * Old notifications go: once read and older than 180 days, a daily job deletes them (unread ones
 * stay until they are read). Housekeeping of the system's own rows: no audit entry.
 */
import { and, isNotNull, lt, sql } from 'drizzle-orm';
import { notifications } from '../db/schema/index';
import type { JobHandler } from '../jobs/runner';

export const PRUNE_JOB = 'notify.prune';
export const KEEP_READ_DAYS = 180;

export const pruneHandler: JobHandler = async (job) => {
  const removed = await job.commit(async (tx) => {
    const gone = await tx
      .delete(notifications)
      .where(
        and(
          isNotNull(notifications.readAt),
          lt(notifications.createdAt, sql`now() - ${KEEP_READ_DAYS}::integer * interval '1 day'`),
        ),
      )
      .returning({ id: notifications.id });
    return gone.length;
  });
  job.log.info({ removed }, 'old read notifications removed');
};
