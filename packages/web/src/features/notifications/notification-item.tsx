import { ActionIcon, Box, Button, Text, Tooltip } from '@mantine/core';
import type { Notification } from '@pharos/api';
import { useRouter } from '@tanstack/react-router';
import type { MouseEvent, ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { CheckIcon } from '../../ui/icons';
import classes from './notifications.module.css';
import { useMarkRead } from './notifications-api';
import { appPath, timeAgo } from './time-ago';

/**
 * One notification: unread ones are marked by a dot and bold; its title opens its subject (and marks
 * it read); "Mark read" marks it read where it is.
 */
export function NotificationItem({
  item,
  compact = false,
  onOpen,
}: {
  item: Notification;
  compact?: boolean;
  /** Called when its subject is opened (the dropdown closes). */
  onOpen?: () => void;
}): ReactNode {
  const router = useRouter();
  const markRead = useMarkRead();
  const unread = item.readAt === null;
  const path = appPath(item.link);
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) {
      if (unread) markRead.mutate(item.id);
      return; // a new tab or window: the browser follows the link
    }
    e.preventDefault();
    if (unread) markRead.mutate(item.id);
    onOpen?.();
    if (path) router.history.push(path);
  };
  const title = (
    <Text size="sm" fw={unread ? 600 : 400} lineClamp={compact ? 2 : undefined} className={classes.title}>
      {item.title}
    </Text>
  );
  return (
    <Box className={classes.item} data-unread={unread || undefined}>
      <span className={classes.dot} aria-hidden="true" />
      <Box style={{ flex: 1, minWidth: 0 }}>
        {path ? (
          <a href={path} onClick={open} className={classes.link}>
            {title}
          </a>
        ) : (
          title
        )}
        {item.body && (
          <Text size="sm" c="dimmed" lineClamp={compact ? 2 : 4} mt={2}>
            {item.body}
          </Text>
        )}
        <Text size="xs" c="dimmed" mt={4}>
          <Tooltip label={formatDateTime(item.createdAt)} openDelay={400}>
            <time dateTime={item.createdAt} style={{ whiteSpace: 'nowrap' }}>
              {timeAgo(item.createdAt)}
            </time>
          </Tooltip>
          {' · '}
          {item.kindLabel}
          {unread && <span className="visually-hidden"> (unread)</span>}
        </Text>
      </Box>
      {unread &&
        (compact ? (
          <Tooltip label="Mark read" openDelay={300}>
            <ActionIcon
              variant="subtle"
              size="sm"
              onClick={() => markRead.mutate(item.id)}
              loading={markRead.isPending}
              aria-label={`Mark read: ${item.title}`}
            >
              <CheckIcon size={14} />
            </ActionIcon>
          </Tooltip>
        ) : (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => markRead.mutate(item.id)}
            loading={markRead.isPending}
            aria-label={`Mark read: ${item.title}`}
            style={{ flexShrink: 0 }}
          >
            Mark read
          </Button>
        ))}
    </Box>
  );
}
