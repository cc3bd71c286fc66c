/*
 * Status report reminders, a daily background job (06:00 on the organization's clock). For every
 * active project it looks at the recent periods of its office's cadence: a report not yet
 * submitted gets a reminder to the project manager on each of the office's reminder days before
 * its due date (`status.reminder`), and once past its due date the manager and the office's PMO
 * staff are told it is overdue (`status.overdue`) — once per project and period, however often
 * the job runs: a notice already sent (same kind, same link naming the project and period, same
 * title naming the day) is not sent again.
 */
import { periodAt, periodOf, reportDeadline } from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import type { Ctx } from '../http/context';
import type { Schedule } from '../jobs/recurring';
import type { JobHandler } from '../jobs/runner';
import { type NotificationKind, notifyUsers } from '../notify/notifications';
import { grantHolders } from '../notify/recipients';
import { daysFrom, todayIn } from './common';
import { effectiveSettingsOf } from './settings';

export const STATUS_REMINDERS_JOB = 'status.reminders';

export const statusRemindersSchedule: Schedule = {
  name: STATUS_REMINDERS_JOB,
  kind: STATUS_REMINDERS_JOB,
  dailyAt: '06:00',
};

/** Runs the reminders for `today` (the organization's today unless the payload names a day). */
export const statusRemindersHandler: JobHandler<{ today?: string }> = async (job) => {
  const today = job.payload?.today ?? todayIn(job.ctx.config.timeZone);
  const sent = await job.commit((tx) => sendStatusReminders(job.ctx, tx, today));
  job.log.info(sent, 'status reminders');
};

interface ActiveProject {
  id: string;
  code: string;
  name: string;
  office_id: string;
  manager_id: string | null;
  planned_start: string | null;
}

/** The link of a project's period: what a notice is about, and how a second one is recognised. */
export const periodLink = (projectId: string, periodStart: string) =>
  `/projects/${projectId}?tab=status&period=${periodStart}`;

/** Sends the day's reminders and overdue notices; returns how many of each went out. */
export async function sendStatusReminders(ctx: Ctx, tx: Tx, today: string) {
  // One run at a time, so two runs at once cannot both find a notice unsent.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${STATUS_REMINDERS_JOB}))`);
  const projects = (
    await tx.execute(sql`
      select id::text as id, code, name, office_id::text as office_id, manager_id::text as manager_id,
        planned_start::text as planned_start
      from projects where status = 'active' and archived_at is null order by code`)
  ).rows as unknown as ActiveProject[];
  const settings = await effectiveSettingsOf(
    tx,
    projects.map((p) => p.office_id),
  );
  const ids = projects.map((p) => p.id);
  const submitted = new Set(
    (
      (
        await tx.execute(sql`
          select project_id::text || ' ' || period_start::text as key from status_reports
          where project_id = any(${sql.param(ids)}::uuid[]) and submitted_at is not null
            and period_start >= ${today}::date - 400`)
      ).rows as { key: string }[]
    ).map((r) => r.key),
  );
  // Notices already sent, recognised by kind, link (project and period) and title (the day it is for).
  const sent = new Set(
    (
      (
        await tx.execute(sql`
          select kind || ' ' || link || ' ' || title as key from notifications
          where subject_id = any(${sql.param(ids)}::uuid[]) and subject_type = 'project'
            and kind in ('status.reminder', 'status.overdue') and created_at > now() - interval '400 days'`)
      ).rows as { key: string }[]
    ).map((r) => r.key),
  );
  const staff = new Map<string, string[]>();
  const out = { reminded: 0, overdue: 0 };

  const tell = async (
    p: ActiveProject,
    kind: NotificationKind,
    userIds: string[],
    link: string,
    title: string,
    body: string,
  ) => {
    const key = `${kind} ${link} ${title}`;
    if (sent.has(key)) return 0;
    sent.add(key);
    return notifyUsers(ctx, tx, {
      userIds,
      kind,
      title,
      body,
      link,
      subjectType: 'project',
      subjectId: p.id,
    });
  };

  for (const p of projects) {
    const s = settings.get(p.office_id)!;
    const rule = { cadence: s.cadence, dueOffsetDays: s.dueDaysAfterPeriod };
    const current = periodOf(today, s.cadence);
    if (!current.ok) continue;
    let overdueDone = false;
    // Newest first: the current period, then the ones before it whose reports may still be due.
    for (let back = 0; back <= 2; back++) {
      const period = periodAt(current.value.index - back, s.cadence);
      if (!period.ok) break;
      const { start, end, key } = period.value;
      if (p.planned_start && p.planned_start > end) continue;
      if (submitted.has(`${p.id} ${start}`)) continue;
      const deadline = reportDeadline(period.value, rule);
      if (!deadline.ok) break;
      const due = deadline.value.due;
      const link = periodLink(p.id, start);
      const manager = p.manager_id ? [p.manager_id] : [];
      const left = daysFrom(today, due);
      if (left >= 0 && s.reminderDaysBefore.includes(left)) {
        const when = left === 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days, on ${due}`;
        out.reminded += await tell(
          p,
          'status.reminder',
          manager,
          link,
          `${p.code} status report for ${key} is due ${when}`,
          `The status report of ${p.name} for ${key} is due ${when}. The colours are suggested for you: review them, write what was done and what comes next, and submit.`,
        );
      } else if (left < 0 && !overdueDone) {
        // Only the latest period past its deadline: older ones were told when they fell due.
        overdueDone = true;
        if (!staff.has(p.office_id))
          staff.set(
            p.office_id,
            await grantHolders(
              tx,
              ['pmo_director', 'pmo_analyst'],
              { officeId: p.office_id },
              { exactOffice: true },
            ),
          );
        out.overdue += await tell(
          p,
          'status.overdue',
          [...manager, ...staff.get(p.office_id)!],
          link,
          `${p.code} status report for ${key} is overdue`,
          `The status report of ${p.name} for ${key} was due on ${due} and has not been submitted.`,
        );
      }
    }
  }
  return out;
}
