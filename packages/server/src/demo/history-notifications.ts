/*
 * What the demo's sign-in users find under the bell on first start: a handful of unread
 * notifications about the history just written (a report to file, a risk assigned, escalations
 * reaching the strategic office, gate reviews and change requests waiting for a vote, a stop
 * recommendation), worded as the services word them and already counted as e-mailed, so the
 * first digest does not send a year of news.
 */
import type { notifications } from '../db/schema/index';
import type { GovernanceHistory } from './governance-history';
import { dayOf, type HistoryContext, latest, streamFor, uuidOf } from './history-parts';
import { historyWindow, stamp } from './history-story';
import type { RaidHistory } from './raid-history';
import type { StatusReportRow } from './status-history';

export type NotificationRow = typeof notifications.$inferInsert;

export interface HistoryRows {
  reports: readonly StatusReportRow[];
  raid: RaidHistory;
  governance: GovernanceHistory;
}

export function generateNotifications(
  ctx: HistoryContext,
  h: HistoryRows,
  today: Date | string,
  seed: number,
): NotificationRow[] {
  const win = historyWindow(today);
  const r = streamFor(seed, 10, 'notifications');
  const out: NotificationRow[] = [];
  const project = new Map(ctx.org.projects.map((p) => [p.id, p]));
  const office = (id: string) => ctx.officeById.get(id)?.name ?? 'your office';
  const add = (
    email: string,
    n: Omit<NotificationRow, 'id' | 'userId' | 'createdAt' | 'emailedAt'>,
    daysAgo: number,
  ) => {
    const userId = ctx.user(email);
    if (!userId) return;
    const createdAt = stamp(win, win.today - daysAgo, 8 + 9 * r.next());
    out.push({ id: uuidOf(r), userId, ...n, createdAt, emailedAt: createdAt, readAt: null });
  };

  // The project manager: this week's report, a risk just assigned, a gate decided, a change decided.
  const pm = ctx.user('pm@pharos.demo');
  const mine = ctx.org.projects.filter((p) => p.managerId === pm);
  const current = latest(h.reports.map((x) => x.periodStart));
  const draft = h.reports.find(
    (x) => x.periodStart === current && x.state === 'draft' && mine.some((p) => p.id === x.projectId),
  );
  if (draft) {
    const p = project.get(draft.projectId)!;
    const left = dayOf(draft.dueOn!) - win.today;
    const when = left <= 0 ? 'today' : left === 1 ? 'tomorrow' : `in ${left} days, on ${draft.dueOn}`;
    add(
      'pm@pharos.demo',
      {
        kind: 'status.reminder',
        title: `${p.code} status report for this week is due ${when}`,
        body: `The status report of ${p.name} is due ${when}. The colours are suggested for you: review them, write what was done and what comes next, and submit.`,
        link: `/projects/${p.id}?tab=status&period=${current}`,
        subjectType: 'project',
        subjectId: p.id,
      },
      0,
    );
  }
  const owned = h.raid.items
    .filter((x) => x.ownerId === pm && (x.status === 'open' || x.status === 'in_progress'))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (owned)
    add(
      'pm@pharos.demo',
      {
        kind: 'raid.assigned',
        title: `${owned.code} is yours: ${owned.title}`,
        body: `You own this ${owned.kind}${owned.dueOn ? `, due ${owned.dueOn}` : ''}.`,
        link: `/projects/${owned.projectId}?tab=raid&item=${owned.id}`,
        subjectType: 'raidItem',
        subjectId: owned.id,
      },
      1,
    );
  const decided = h.governance.gateReviews
    .filter((g) => g.state === 'decided' && mine.some((p) => p.id === g.projectId))
    .sort((a, b) => (b.decidedAt as Date).getTime() - (a.decidedAt as Date).getTime())[0];
  if (decided)
    add(
      'pm@pharos.demo',
      {
        kind: 'gate.decided',
        title: `${project.get(decided.projectId)!.code}: ${decided.decision} at the gate into ${decided.toPhase}`,
        body: decided.conditions || 'Every approver voted.',
        link: `/projects/${decided.projectId}?tab=governance`,
        subjectType: 'gateReview',
        subjectId: decided.id,
      },
      3,
    );

  // The strategic office: escalations that reached it this week or last.
  const items = new Map(h.raid.items.map((x) => [x.id, x]));
  const reaching = h.raid.escalations
    .filter(
      (e) => e.toOfficeId === ctx.strategic.id && (e.at as Date).getTime() > (win.today - 14) * 86_400_000,
    )
    .sort((a, b) => (b.at as Date).getTime() - (a.at as Date).getTime())
    .slice(0, 2);
  for (const e of reaching) {
    const x = items.get(e.itemId)!;
    for (const email of ['director@pharos.demo', 'analyst@pharos.demo'])
      add(
        email,
        {
          kind: 'raid.escalated',
          title: `${x.code} escalated to ${office(e.toOfficeId)}`,
          body: `${x.title}. ${e.detail}`,
          link: `/escalations?officeId=${e.toOfficeId}`,
          subjectType: 'raidItem',
          subjectId: x.id,
        },
        Math.max(0, win.today - dayOf(e.at as Date)),
      );
  }

  // Votes and approvals waiting.
  const open = h.governance.gateReviews.filter((g) => g.state === 'open').slice(0, 2);
  for (const g of open)
    add(
      'executive@pharos.demo',
      {
        kind: 'gate.review',
        title: `${project.get(g.projectId)!.code}: gate review into ${g.toPhase} waits for your vote`,
        body: `Scheduled for ${g.scheduledOn}. The evidence is on the review page.`,
        link: `/projects/${g.projectId}?tab=governance`,
        subjectType: 'gateReview',
        subjectId: g.id,
      },
      2,
    );
  const waiting = h.governance.changeRequests.filter((c) => c.state === 'submitted');
  const program = ctx.org.programs[0];
  const inProgram = waiting.find((c) => project.get(c.projectId)?.programId === program?.id) ?? waiting[0];
  for (const [c, email] of [
    [inProgram, 'program@pharos.demo'],
    [
      waiting.find((c) => (c.steps as { label: string }[])[c.currentStep!]?.label === 'PMO director'),
      'director@pharos.demo',
    ],
  ] as const)
    if (c)
      add(
        email,
        {
          kind: 'change.approval',
          title: `${c.code} waits for your approval: ${c.title}`,
          body: `Change request on ${project.get(c.projectId)!.code} ${project.get(c.projectId)!.name}.`,
          link: `/projects/${c.projectId}?tab=governance`,
          subjectType: 'changeRequest',
          subjectId: c.id,
        },
        1,
      );
  for (const s of h.governance.stopRecommendations.filter((x) => x.state === 'open').slice(0, 1))
    add(
      'executive@pharos.demo',
      {
        kind: 'stop.recommended',
        title: `The PMO recommends stopping ${project.get(s.projectId)!.code} ${project.get(s.projectId)!.name}`,
        body: s.reason,
        link: `/projects/${s.projectId}?tab=governance`,
        subjectType: 'stopRecommendation',
        subjectId: s.id,
      },
      1,
    );
  return out.sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime());
}
