import type { CallInput, NotificationPreferences } from '@pharos/api';
import { routes } from '@pharos/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';

/*
 * The notification centre's queries and writes, all under the ['notifications'] query key: reading
 * one refreshes the bell, the dropdown and the centre at once.
 */
const N = routes.notifications;

export type NotificationQuery = NonNullable<CallInput<typeof N.list>['query']>;
export type PreferencesUpdate = CallInput<typeof N.updatePreferences>['body'];

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread-count'] as const,
  list: (q: NotificationQuery) => ['notifications', 'list', q] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** How often the bell asks for the unread count (also on window focus). */
export const POLL_MS = 60_000;

export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api.call(N.unreadCount),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

export function useNotifications(query: NotificationQuery, enabled = true) {
  return useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: () => api.call(N.list, { query }),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
    staleTime: 0,
    enabled,
  });
}

/** After a change: the count, every list and the preferences are read again. */
function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: notificationKeys.all });
}

export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.call(N.read, { params: { id } }),
    onSuccess: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => api.call(N.readAll), onSuccess: refresh });
}

export function usePreferences() {
  return useQuery({ queryKey: notificationKeys.preferences, queryFn: () => api.call(N.preferences) });
}

export function useUpdatePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesUpdate) => api.call(N.updatePreferences, { body }),
    onSuccess: (saved: NotificationPreferences) => qc.setQueryData(notificationKeys.preferences, saved),
  });
}

export function useSendTest() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (kind: string) => api.call(N.test, { body: { kind } }),
    onSuccess: refresh,
  });
}
