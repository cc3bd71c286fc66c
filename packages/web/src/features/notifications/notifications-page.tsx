import { Button, Group, Pagination, Paper, SegmentedControl, Text } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { ButtonLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { NotificationItem } from './notification-item';
import { useMarkAllRead, useNotifications } from './notifications-api';

export interface NotificationSearch {
  unread?: true;
  page?: number;
}

export function parseNotificationSearch(raw: Record<string, unknown>): NotificationSearch {
  const out: NotificationSearch = {};
  if (raw.unread === true || raw.unread === 'true') out.unread = true;
  const page = Number(raw.page);
  if (Number.isInteger(page) && page > 1 && page <= 10_000) out.page = page;
  return out;
}

const PAGE_SIZE = 20;
const route = getRouteApi('/app/notifications');

/** The notification centre: everything Pharos told you, newest first; the unread ones on their own. */
export function NotificationsPage(): ReactNode {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const page = search.page ?? 1;
  const list = useNotifications({ unread: search.unread ? 'true' : undefined, page, pageSize: PAGE_SIZE });
  const markAll = useMarkAllRead();
  const data = list.data;
  const unread = data?.unread ?? 0;
  const pages = Math.max(1, Math.ceil((data?.total ?? 0) / PAGE_SIZE));
  return (
    <>
      <PageHeader
        title="Notifications"
        subtitle="What Pharos has told you, newest first. Open one to go to what it is about."
        actions={
          <>
            <Button
              variant="default"
              onClick={() => markAll.mutate()}
              disabled={unread === 0}
              loading={markAll.isPending}
            >
              Mark all read
            </Button>
            <ButtonLink to="/notifications/preferences" variant="light">
              Preferences
            </ButtonLink>
          </>
        }
      />
      <Group mb="md" justify="space-between">
        <SegmentedControl
          aria-label="Show"
          value={search.unread ? 'unread' : 'all'}
          onChange={(v) => navigate({ search: v === 'unread' ? { unread: true } : {}, replace: true })}
          data={[
            { value: 'all', label: 'All' },
            { value: 'unread', label: `Unread (${unread})` },
          ]}
        />
        {data && data.total > 0 && (
          <Text size="sm" c="dimmed" role="status">
            {data.total} {search.unread ? 'unread' : 'in all'}
          </Text>
        )}
      </Group>
      <QueryState query={list} label="Loading your notifications">
        {() => (
          <Paper withBorder radius="md" style={{ overflow: 'hidden', opacity: list.isFetching ? 0.7 : 1 }}>
            {data?.items.length ? (
              <section aria-label="Notifications list">
                {data.items.map((n) => (
                  <NotificationItem key={n.id} item={n} />
                ))}
              </section>
            ) : (
              <Text c="dimmed" p="xl" ta="center">
                {search.unread
                  ? 'You have read everything. Nothing waits for you.'
                  : 'No notifications yet. Pharos tells you here when a report is due, a risk is escalated or a decision waits for you.'}
              </Text>
            )}
          </Paper>
        )}
      </QueryState>
      {pages > 1 && (
        <Group justify="center" mt="md">
          <Pagination
            total={pages}
            value={page}
            onChange={(p) => navigate({ search: (prev) => ({ ...prev, page: p > 1 ? p : undefined }) })}
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous' ? 'Previous page' : control === 'next' ? 'Next page' : undefined,
            })}
          />
        </Group>
      )}
    </>
  );
}
