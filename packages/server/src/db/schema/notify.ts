import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people';

/** In-app notifications, one row per recipient; e-mail and the digest are sent from these by jobs. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** e.g. status.reminder, status.overdue, raid.escalated, gate.review, change.approval, … */
    kind: text().notNull(),
    title: text().notNull(),
    body: text().notNull().default(''),
    /** A path in the web app, e.g. /projects/…/status. */
    link: text().notNull().default(''),
    /** What it is about (entity type and id), to group and to de-duplicate. */
    subjectType: text(),
    subjectId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp({ withTimezone: true }),
    /** Set when sent by e-mail at once, or included in a digest. */
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index().on(t.userId, t.createdAt.desc()), index().on(t.userId, t.readAt)],
);

/** Per user: for each kind of notification, 'immediate' (in-app and e-mail), 'digest' (in-app, e-mail once a day) or 'in_app'. */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid()
    .primaryKey()
    .references(() => users.id),
  preferences: jsonb().$type<Record<string, string>>().notNull().default({}),
  /** Hour of the daily digest in the organization's time zone. */
  digestHour: integer().notNull().default(7),
  version: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
