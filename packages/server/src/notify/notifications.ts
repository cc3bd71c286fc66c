/*
 * In-app notifications, the one way every capability tells people something: a row per recipient
 * in the caller's transaction, plus an e-mail at once for those who want this kind immediately
 * (the others get it in their daily digest, digest.ts, or only in the app). Recipients are user ids; see
 * recipients.ts for finding them by role and scope.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { notificationPreferences, notifications, users } from '../db/schema/index';
import type { Ctx } from '../http/context';
import { queueMail } from './mail';
import { notificationMail } from './mail-render';

/** How a person wants one kind of notification. */
export type Delivery = 'immediate' | 'digest' | 'in_app';
export const DELIVERIES: readonly Delivery[] = ['immediate', 'digest', 'in_app'];

/**
 * The kinds Pharos sends, with their default delivery. Keep the list here: the preferences page
 * and the API show it.
 */
export const NOTIFICATION_KINDS = {
  'status.reminder': { label: 'Status report due soon', delivery: 'digest' },
  'status.overdue': { label: 'Status report overdue', delivery: 'immediate' },
  'status.submitted': { label: 'Status report submitted', delivery: 'in_app' },
  'raid.assigned': { label: 'Risk or issue assigned to you', delivery: 'digest' },
  'raid.escalated': { label: 'Escalation reaching your office', delivery: 'immediate' },
  'gate.review': { label: 'Gate review waiting for your vote', delivery: 'immediate' },
  'gate.decided': { label: 'Gate decision on your project', delivery: 'digest' },
  'change.approval': { label: 'Change request waiting for your approval', delivery: 'immediate' },
  'change.decided': { label: 'Decision on your change request', delivery: 'digest' },
  'stop.recommended': { label: 'Recommendation to stop a project', delivery: 'immediate' },
} as const satisfies Record<string, { label: string; delivery: Delivery }>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

export interface NotificationInput {
  userIds: readonly string[];
  kind: NotificationKind;
  title: string;
  body?: string;
  /** A path in the web app. */
  link?: string;
  subjectType?: string;
  subjectId?: string;
}

/**
 * Notifies each user once (duplicates and the actor themself left out unless `includeActor`).
 * Returns the number of notifications written.
 */
export async function notifyUsers(
  ctx: Ctx,
  tx: Tx,
  n: NotificationInput,
  opts: { includeActor?: boolean } = {},
): Promise<number> {
  const me = ctx.actor?.userId;
  const ids = [...new Set(n.userIds)].filter((id) => opts.includeActor || id !== me);
  if (ids.length === 0) return 0;
  const body = n.body ?? '';
  const link = n.link ?? '';
  const now = new Date();
  const who = await tx
    .select({
      id: users.id,
      email: users.email,
      archivedAt: users.archivedAt,
      preferences: notificationPreferences.preferences,
    })
    .from(users)
    .leftJoin(notificationPreferences, sql`${notificationPreferences.userId} = ${users.id}`)
    .where(inArray(users.id, ids));
  const active = who.filter((u) => u.archivedAt === null);
  if (active.length === 0) return 0;
  const immediate = active.filter((u) => deliveryFor(u.preferences, n.kind) === 'immediate');
  await tx.insert(notifications).values(
    active.map((u) => ({
      userId: u.id,
      kind: n.kind,
      title: n.title,
      body,
      link,
      subjectType: n.subjectType ?? null,
      subjectId: n.subjectId ?? null,
      createdAt: now,
      emailedAt: immediate.includes(u) && ctx.config.smtpUrl ? now : null,
    })),
  );
  const mail = notificationMail(ctx.config, { title: n.title, body, link });
  for (const u of immediate) await queueMail(ctx, tx, { to: [u.email], ...mail });
  return active.length;
}

/** A user's delivery for a kind: their preference, else the kind's default. */
export function deliveryFor(
  preferences: Record<string, string> | null | undefined,
  kind: NotificationKind,
): Delivery {
  const chosen = preferences?.[kind];
  return DELIVERIES.includes(chosen as Delivery) ? (chosen as Delivery) : NOTIFICATION_KINDS[kind].delivery;
}

/** The plain-text body of a notification e-mail, with an absolute link when the public URL is known. */
export function mailText(ctx: Ctx, body: string, link: string): string {
  return notificationMail(ctx.config, { title: '', body, link }).text;
}
