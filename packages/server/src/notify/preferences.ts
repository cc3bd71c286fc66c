/*
 * How each person wants each kind of notification delivered, and the hour of their daily digest.
 * Nobody has a row until they first save: until then the kinds' defaults and 07:00 hold, at
 * version 1 (the row is written at version 2, as settings are).
 */
import type { NotificationPreferences, NotificationPreferencesUpdate } from '@pharos/api';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { notificationPreferences, users } from '../db/schema/index';
import { AppError, conflict, notFound } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { me } from './inbox';
import { type Delivery, deliveryFor, NOTIFICATION_KINDS, type NotificationKind } from './notifications';

export const DEFAULT_DIGEST_HOUR = 7;

interface Stored {
  preferences: Record<string, string>;
  digestHour: number;
  version: number;
  stored: boolean;
  email: string;
}

async function readStored(db: Tx, userId: string, lock = false): Promise<Stored> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound('Your account');
  const q = db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  const [row] = await (lock ? q.for('update') : q);
  return {
    preferences: row?.preferences ?? {},
    digestHour: row?.digestHour ?? DEFAULT_DIGEST_HOUR,
    version: row?.version ?? 1,
    stored: !!row,
    email: user.email,
  };
}

function present(ctx: Ctx, s: Stored): NotificationPreferences {
  const kinds = Object.entries(NOTIFICATION_KINDS).map(([kind, k]) => ({
    kind,
    label: k.label,
    defaultDelivery: k.delivery,
    delivery: deliveryFor(s.preferences, kind as NotificationKind),
  }));
  return {
    kinds,
    digestHour: s.digestHour,
    timeZone: ctx.config.timeZone,
    emailEnabled: Boolean(ctx.config.smtpUrl),
    email: s.email,
    version: s.version,
  };
}

export async function getPreferences(ctx: Ctx): Promise<NotificationPreferences> {
  return present(ctx, await readStored(ctx.db, me(ctx)));
}

/** Replaces the caller's choices: kinds left out go back to their default. */
export async function updatePreferences(
  ctx: Ctx,
  body: z.output<typeof NotificationPreferencesUpdate>,
): Promise<NotificationPreferences> {
  const userId = me(ctx);
  const chosen: Record<string, Delivery> = {};
  for (const [kind, delivery] of Object.entries(body.delivery)) {
    if (!(kind in NOTIFICATION_KINDS))
      throw new AppError(
        'validation_failed',
        `delivery.${kind}: not a kind of notification (one of ${Object.keys(NOTIFICATION_KINDS).join(', ')})`,
        `delivery.${kind}`,
      );
    chosen[kind] = delivery;
  }
  return inTx(ctx, async (tx) => {
    const current = await readStored(tx, userId, true);
    if (body.version !== current.version) throw conflict('notification preference');
    const values = { preferences: chosen, digestHour: body.digestHour };
    const [row] = current.stored
      ? await tx
          .update(notificationPreferences)
          .set({ ...values, version: sql`${notificationPreferences.version} + 1`, updatedAt: sql`now()` })
          .where(
            and(
              eq(notificationPreferences.userId, userId),
              eq(notificationPreferences.version, current.version),
            ),
          )
          .returning()
      : await tx
          .insert(notificationPreferences)
          .values({ userId, ...values, version: current.version + 1 })
          .onConflictDoNothing()
          .returning();
    if (!row) throw conflict('notification preference');
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'notificationPreferences',
      entityId: userId,
      before: { delivery: current.preferences, digestHour: current.digestHour, version: current.version },
      after: { delivery: row.preferences, digestHour: row.digestHour, version: row.version },
    });
    return present(ctx, { ...current, ...row, stored: true });
  });
}
