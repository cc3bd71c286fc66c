import { z } from 'zod';
import { Id, Timestamp, Version } from '../common';

/*
 * Notifications (C12): what Pharos tells each person, in the app and by e-mail, and how they want
 * each kind delivered. The kinds themselves are the server's list (GET …/preferences shows them with
 * their labels and defaults), so a kind is a string here.
 */

export const deliveries = ['immediate', 'digest', 'in_app'] as const;
export const DeliverySchema = z
  .enum(deliveries)
  .describe(
    'immediate: in the app and by e-mail at once; digest: in the app and in the daily e-mail; in_app: only in the app',
  );
export type Delivery = (typeof deliveries)[number];

export const deliveryLabels: Record<Delivery, string> = {
  immediate: 'E-mail at once',
  digest: 'Daily digest',
  in_app: 'In the app only',
};

const NotificationKindName = z
  .string()
  .min(1)
  .max(60)
  .regex(/^[a-z]+(\.[a-z_]+)+$/, 'A notification kind such as status.overdue')
  .describe('A notification kind, e.g. status.overdue');

export const Notification = z
  .object({
    id: Id,
    kind: z.string(),
    kindLabel: z.string().describe('What this kind of notification is, in words'),
    title: z.string(),
    body: z.string(),
    link: z.string().describe('A path in the web app (empty when there is nothing to open)'),
    subjectType: z.string().nullable(),
    subjectId: Id.nullable(),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
    emailedAt: Timestamp.nullable().describe('When it went out by e-mail, at once or in a digest'),
  })
  .meta({ id: 'Notification' });
export type Notification = z.output<typeof Notification>;

export const NotificationListQuery = z.object({
  unread: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('true: only the unread ones'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const NotificationPage = z
  .object({
    items: z.array(Notification),
    total: z.int(),
    page: z.int(),
    pageSize: z.int(),
    unread: z.int().describe('How many of your notifications are unread (whatever the filter)'),
  })
  .meta({ id: 'NotificationPage' });

export const UnreadCount = z.object({ unread: z.int() }).meta({ id: 'UnreadCount' });

export const ReadAllResult = z
  .object({ marked: z.int().describe('How many were unread and are read now') })
  .meta({ id: 'ReadAllResult' });

export const KindPreference = z.object({
  kind: z.string(),
  label: z.string(),
  defaultDelivery: DeliverySchema,
  delivery: DeliverySchema.describe('Your choice, or the default when you have not chosen'),
});

export const NotificationPreferences = z
  .object({
    kinds: z.array(KindPreference),
    digestHour: z.int().min(0).max(23).describe('Hour of the daily digest, on the organization clock'),
    timeZone: z.string().describe("The organization's time zone, whose clock the digest hour is on"),
    emailEnabled: z.boolean().describe('Whether this server sends e-mail at all (PHAROS_SMTP_URL)'),
    email: z.string().describe('Where your e-mail goes'),
    version: z.int(),
  })
  .meta({ id: 'NotificationPreferences' });
export type NotificationPreferences = z.output<typeof NotificationPreferences>;

export const NotificationPreferencesUpdate = z.object({
  delivery: z
    .record(NotificationKindName, DeliverySchema)
    .describe('Per kind, how to deliver it; a kind left out goes back to its default'),
  digestHour: z.int().min(0).max(23),
  version: Version,
});

export const TestNotificationBody = z.object({
  kind: NotificationKindName.optional().describe(
    'Deliver the test as this kind would be delivered to you (default status.reminder)',
  ),
});
