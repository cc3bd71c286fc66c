/*
 * A person's notification centre: their own notifications and nobody else's. Every statement is
 * bounded by the caller's user id, so another person's notification is simply not found.
 */
import { randomUUID } from 'node:crypto';
import type { Notification, NotificationListQuery } from '@pharos/api';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import { notifications } from '../db/schema/index';
import { AppError, notFound } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { NOTIFICATION_KINDS, type NotificationKind, notifyUsers } from './notifications';

type Row = typeof notifications.$inferSelect;

/** The signed-in person (these routes are theirs alone). */
export function me(ctx: Ctx): string {
  if (!ctx.actor) throw new AppError('unauthenticated', 'Sign in to see your notifications');
  return ctx.actor.userId;
}

export const kindLabel = (kind: string): string =>
  (NOTIFICATION_KINDS as Record<string, { label: string }>)[kind]?.label ?? kind;

export function present(r: Row): Notification {
  return {
    id: r.id,
    kind: r.kind,
    kindLabel: kindLabel(r.kind),
    title: r.title,
    body: r.body,
    link: r.link,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    createdAt: r.createdAt.toISOString(),
    readAt: r.readAt?.toISOString() ?? null,
    emailedAt: r.emailedAt?.toISOString() ?? null,
  };
}

const unreadOf = (userId: string) => and(eq(notifications.userId, userId), isNull(notifications.readAt));

/** How many of the caller's notifications are unread: one count on the (user, read) index. */
export async function unreadCount(ctx: Ctx): Promise<{ unread: number }> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(notifications)
    .where(unreadOf(me(ctx)));
  return { unread: row?.n ?? 0 };
}

/** A page of the caller's notifications, newest first. */
export async function listNotifications(ctx: Ctx, q: z.output<typeof NotificationListQuery>) {
  const userId = me(ctx);
  const where = q.unread ? unreadOf(userId) : eq(notifications.userId, userId);
  const rows = await ctx.db
    .select()
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [unread] = await ctx.db.select({ n: count() }).from(notifications).where(unreadOf(userId));
  const total = q.unread
    ? (unread?.n ?? 0)
    : ((await ctx.db.select({ n: count() }).from(notifications).where(where))[0]?.n ?? 0);
  return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize, unread: unread?.n ?? 0 };
}

/** Marks one of the caller's notifications read (once: reading it again changes nothing). */
export async function markRead(ctx: Ctx, id: string): Promise<Notification> {
  const userId = me(ctx);
  return inTx(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
      .for('update');
    if (!row) throw notFound('Notification');
    if (row.readAt) return present(row);
    const [read] = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(eq(notifications.id, id))
      .returning();
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'notification',
      entityId: id,
      before: { readAt: null },
      after: { readAt: read!.readAt },
    });
    return present(read!);
  });
}

/** Marks every unread notification of the caller read; one audit row says how many. */
export async function markAllRead(ctx: Ctx): Promise<{ marked: number }> {
  const userId = me(ctx);
  return inTx(ctx, async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(unreadOf(userId))
      .returning({ id: notifications.id });
    if (marked.length > 0)
      await recordAudit(tx, ctx, {
        action: 'update',
        entityType: 'notificationInbox',
        entityId: userId,
        before: { unread: marked.length },
        after: { unread: 0 },
      });
    return { marked: marked.length };
  });
}

const TEST_KIND: NotificationKind = 'status.reminder';

/**
 * Sends the caller a test notification, delivered as `kind` would be delivered to them: at once by
 * e-mail, in the next digest, or only here. For checking preferences and the server's e-mail.
 */
export async function sendTestNotification(ctx: Ctx, kind: string = TEST_KIND): Promise<Notification> {
  const userId = me(ctx);
  if (!(kind in NOTIFICATION_KINDS))
    throw new AppError('validation_failed', `kind: ${kind} is not a kind of notification`, 'kind');
  const testId = randomUUID();
  return inTx(ctx, async (tx) => {
    const written = await notifyUsers(
      ctx,
      tx,
      {
        userIds: [userId],
        kind: kind as NotificationKind,
        title: `Test: ${kindLabel(kind)}`,
        body: 'You asked Pharos for a test notification. It arrives the way this kind of notification reaches you.',
        link: '/notifications',
        subjectType: 'test',
        subjectId: testId,
      },
      { includeActor: true },
    );
    if (written !== 1) throw notFound('Your account');
    const [row] = await tx
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, userId), eq(notifications.subjectId, testId)));
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'notification',
      entityId: row!.id,
      after: { kind, title: row!.title },
    });
    return present(row!);
  });
}
