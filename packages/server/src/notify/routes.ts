import { routes } from '@pharos/api';
import { bind } from '../http/bind';
import { listNotifications, markAllRead, markRead, sendTestNotification, unreadCount } from './inbox';
import { getPreferences, updatePreferences } from './preferences';

const n = routes.notifications;

/** Notifications (C12): each person's own centre and preferences. */
export const notificationBindings = [
  bind(n.list, async (ctx, { query }) => listNotifications(ctx, query)),
  bind(n.unreadCount, async (ctx) => unreadCount(ctx)),
  bind(n.read, async (ctx, { params }) => markRead(ctx, params.id)),
  bind(n.readAll, async (ctx) => markAllRead(ctx)),
  bind(n.preferences, async (ctx) => getPreferences(ctx)),
  bind(n.updatePreferences, async (ctx, { body }) => updatePreferences(ctx, body)),
  // At most a few a minute per person: each may send an e-mail.
  bind(n.test, async (ctx, { body }) => sendTestNotification(ctx, body.kind), {
    rateLimit: {
      max: 10,
      timeWindow: 60_000,
      keyGenerator: (req: { ip: string; ctx?: { actor?: { userId: string } | null } }) =>
        req.ctx?.actor?.userId ?? req.ip,
    },
  }),
];
