import { ActionIcon, Button, Center, Group, Loader, Popover, Text } from '@mantine/core';
import { useDisclosure, useId } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { errorMessage } from '../../api/client';
import { ButtonLink } from '../../ui/links';
import { NotificationItem } from './notification-item';
import classes from './notifications.module.css';
import { useMarkAllRead, useNotifications, useUnreadCount } from './notifications-api';

export const BellIcon = ({ size = 20 }: { size?: number }) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth={2}
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
    <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
  </svg>
);

const LATEST = 8;
export const countLabel = (n: number) => (n > 99 ? '99+' : String(n));

/** The bell in the header: the unread count (asked every minute and on focus) and the latest few. */
export function NotificationBell(): ReactNode {
  const [opened, { toggle, close }] = useDisclosure(false);
  const titleId = useId();
  const count = useUnreadCount();
  const unread = count.data?.unread ?? 0;
  const latest = useNotifications({ page: 1, pageSize: LATEST }, opened);
  const markAll = useMarkAllRead();
  const items = latest.data?.items ?? [];
  return (
    <Popover
      opened={opened}
      onChange={(o) => !o && close()}
      position="bottom-end"
      width={380}
      shadow="md"
      trapFocus
      returnFocus
    >
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          onClick={toggle}
          className={classes.bell}
          aria-label={unread ? `Notifications: ${unread} unread` : 'Notifications: none unread'}
          aria-expanded={opened}
          aria-haspopup="dialog"
        >
          <BellIcon />
          {unread > 0 && (
            <span className={classes.badge} data-testid="unread-badge">
              {countLabel(unread)}
            </span>
          )}
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p={0} role="dialog" aria-labelledby={titleId}>
        <Group
          justify="space-between"
          px="sm"
          py={8}
          style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
        >
          <Text fw={600} size="sm" id={titleId}>
            Latest notifications
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            Mark all read
          </Button>
        </Group>
        <div className={classes.dropdown}>
          {latest.isPending ? (
            <Center py="lg" role="status">
              <Loader size="sm" />
              <span className="visually-hidden">Loading your notifications…</span>
            </Center>
          ) : latest.isError ? (
            <Text size="sm" c="red" p="sm" role="alert">
              {errorMessage(latest.error)}
            </Text>
          ) : items.length === 0 ? (
            <Text size="sm" c="dimmed" p="md" ta="center">
              Nothing yet. Pharos tells you here when something needs you.
            </Text>
          ) : (
            items.map((n) => <NotificationItem key={n.id} item={n} compact onOpen={close} />)
          )}
        </div>
        <Group
          justify="space-between"
          px="sm"
          py={8}
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
        >
          <ButtonLink to="/notifications" size="compact-sm" variant="subtle" onClick={close}>
            See all
          </ButtonLink>
          <ButtonLink
            to="/notifications/preferences"
            size="compact-sm"
            variant="subtle"
            color="gray"
            onClick={close}
          >
            Preferences
          </ButtonLink>
        </Group>
      </Popover.Dropdown>
    </Popover>
  );
}
