import { IdParams } from './common';
import { route } from './route';
import * as N from './schemas/notify';

/** Notifications (C12): everyone's own, and only their own. */
export const notificationRoutes = {
  list: route({
    method: 'GET',
    path: '/api/v1/notifications',
    summary: 'Your notifications, newest first (unread=true for the unread ones only)',
    tag: 'notifications',
    auth: 'signedIn',
    query: N.NotificationListQuery,
    response: N.NotificationPage,
  }),
  unreadCount: route({
    method: 'GET',
    path: '/api/v1/notifications/unread-count',
    summary: 'How many of your notifications are unread (cheap: for polling)',
    tag: 'notifications',
    auth: 'signedIn',
    response: N.UnreadCount,
  }),
  read: route({
    method: 'POST',
    path: '/api/v1/notifications/:id/read',
    summary: 'Mark one of your notifications read',
    tag: 'notifications',
    auth: 'signedIn',
    params: IdParams,
    response: N.Notification,
  }),
  readAll: route({
    method: 'POST',
    path: '/api/v1/notifications/read-all',
    summary: 'Mark all your notifications read',
    tag: 'notifications',
    auth: 'signedIn',
    response: N.ReadAllResult,
  }),
  preferences: route({
    method: 'GET',
    path: '/api/v1/notifications/preferences',
    summary: 'How you want each kind of notification delivered, and the hour of your daily digest',
    tag: 'notifications',
    auth: 'signedIn',
    response: N.NotificationPreferences,
  }),
  updatePreferences: route({
    method: 'PUT',
    path: '/api/v1/notifications/preferences',
    summary: 'Set your delivery per kind and your digest hour; send the version you loaded',
    tag: 'notifications',
    auth: 'signedIn',
    body: N.NotificationPreferencesUpdate,
    response: N.NotificationPreferences,
  }),
  test: route({
    method: 'POST',
    path: '/api/v1/notifications/test',
    summary: 'Send yourself a test notification, delivered as the kind you name would be',
    tag: 'notifications',
    auth: 'signedIn',
    body: N.TestNotificationBody,
    response: N.Notification,
    status: 201,
  }),
};
