/*
 * The daily digest. Every hour (on the hour) one job looks for the people whose digest hour it is on
 * the organization's clock and who have notifications waiting for it — delivered by 'digest', not
 * read, not e-mailed yet, from the last week — and queues one digest job per person and day (a key
 * per person and local date: one digest a day, however often the hour is run). That job writes ONE
 * e-mail listing them, grouped by kind, and marks them e-mailed in the transaction that completes
 * it: the e-mail is queued and the rows are marked together, exactly once.
 */
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { notificationPreferences, notifications, users } from '../db/schema/index';
import { enqueueOccurrence } from '../jobs/repo';
import type { JobHandler } from '../jobs/runner';
import { queueMail } from './mail';
import { type DigestGroup, digestMail } from './mail-render';
import { deliveryFor, NOTIFICATION_KINDS, type NotificationKind } from './notifications';
import { DEFAULT_DIGEST_HOUR } from './preferences';

export const DIGEST_HOUR_JOB = 'notify.digest-hour';
export const DIGEST_JOB = 'notify.digest';
/** How far back a digest looks: what waited longer (the server was down for days) is left in the app. */
export const DIGEST_WINDOW_DAYS = 7;
/** A runner whose clock runs a little ahead still serves the hour that is about to start. */
const CLOCK_SKEW_MS = 5 * 60_000;
const HOUR_MS = 3_600_000;

/** The hour and date an instant shows on a zone's clock. */
export function localHour(at: Date, zone: string): { hour: number; date: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return { hour: Number(parts.hour), date: `${parts.year}-${parts.month}-${parts.day}` };
}

/** The hour a run at `now` serves: the one that started last, allowing for a clock a little ahead. */
export const servedHour = (now: number) => new Date(Math.floor((now + CLOCK_SKEW_MS) / HOUR_MS) * HOUR_MS);

const defaults = JSON.stringify(
  Object.fromEntries(Object.entries(NOTIFICATION_KINDS).map(([k, v]) => [k, v.delivery])),
);

/** A notification's delivery for its recipient, in SQL: as `deliveryFor` decides it. */
const deliverySql = sql`case when ${notificationPreferences.preferences} ->> ${notifications.kind} in ('immediate', 'digest', 'in_app')
  then ${notificationPreferences.preferences} ->> ${notifications.kind}
  else coalesce(${defaults}::jsonb ->> ${notifications.kind}, 'in_app') end`;

/** Waiting for a digest: not read, not e-mailed, recent. */
const waiting = and(
  isNull(notifications.readAt),
  isNull(notifications.emailedAt),
  gt(notifications.createdAt, sql`now() - ${DIGEST_WINDOW_DAYS}::integer * interval '1 day'`),
);

/** The active people whose digest hour is `hour` and who have something waiting for it. */
export async function peopleDue(tx: Tx, hour: number): Promise<string[]> {
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    .where(
      and(
        isNull(users.archivedAt),
        sql`coalesce(${notificationPreferences.digestHour}, ${DEFAULT_DIGEST_HOUR}::integer) = ${hour}::integer`,
        sql`exists (select 1 from ${notifications} where ${notifications.userId} = ${users.id} and ${waiting} and ${deliverySql} = 'digest')`,
      ),
    )
    .orderBy(asc(users.id));
  return rows.map((r) => r.id);
}

/** Every hour: one digest job per person whose hour it is (payload `at` names another instant). */
export const digestHourHandler: JobHandler<{ at?: string } | null> = async (job) => {
  const at = job.payload?.at ? new Date(job.payload.at) : servedHour(Date.now());
  const { hour, date } = localHour(at, job.ctx.config.timeZone);
  const queued = await job.commit(async (tx) => {
    let n = 0;
    for (const userId of await peopleDue(tx, hour)) {
      const id = await enqueueOccurrence(tx, {
        kind: DIGEST_JOB,
        payload: { userId },
        dedupeKey: `digest:${userId}:${date}`,
      });
      if (id) n++;
    }
    return n;
  });
  job.log.info({ hour, date, queued }, 'digests queued');
};

/** One person's digest: one e-mail with everything waiting, and those marked e-mailed, together. */
export const digestHandler: JobHandler<{ userId: string }> = async (job) => {
  const { userId } = job.payload;
  const sent = await job.commit(async (tx) => {
    const [user] = await tx
      .select({
        email: users.email,
        name: users.name,
        archivedAt: users.archivedAt,
        preferences: notificationPreferences.preferences,
      })
      .from(users)
      .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
      .where(eq(users.id, userId));
    if (!user || user.archivedAt) return 0;
    const rows = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), waiting))
      .orderBy(asc(notifications.createdAt), asc(notifications.id))
      .for('update', { skipLocked: true });
    const due = rows.filter((r) => deliveryFor(user.preferences, r.kind as NotificationKind) === 'digest');
    if (due.length === 0) return 0;
    const mail = digestMail(job.ctx.config, user.name, groupByKind(due));
    const queued = await queueMail(job.ctx, tx, { to: [user.email], ...mail });
    if (!queued) return 0; // e-mail is off: they wait in the app
    await tx
      .update(notifications)
      .set({ emailedAt: sql`now()` })
      .where(
        inArray(
          notifications.id,
          due.map((r) => r.id),
        ),
      );
    return due.length;
  });
  job.log.info({ user: userId, notifications: sent }, sent ? 'digest queued' : 'nothing to digest');
};

type Row = typeof notifications.$inferSelect;

/** Groups in the order of NOTIFICATION_KINDS (unknown kinds last), oldest first within each. */
export function groupByKind(rows: Row[]): DigestGroup[] {
  const order = Object.keys(NOTIFICATION_KINDS);
  const byKind = new Map<string, Row[]>();
  for (const r of rows) byKind.set(r.kind, [...(byKind.get(r.kind) ?? []), r]);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...byKind.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([kind, items]) => ({
      label: (NOTIFICATION_KINDS as Record<string, { label: string }>)[kind]?.label ?? kind,
      items: items.map((r) => ({ title: r.title, body: r.body, link: r.link, createdAt: r.createdAt })),
    }));
}
