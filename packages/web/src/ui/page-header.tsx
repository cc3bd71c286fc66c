import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';

/** The top of every page: one h1, an optional line under it, and the page's actions on the right. */
export function PageHeader({
  title,
  subtitle,
  badges,
  actions,
  archived,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  badges?: ReactNode;
  actions?: ReactNode;
  /** Show an "Archived" badge (or this text). */
  archived?: boolean | string;
}) {
  useDocumentTitle(typeof title === 'string' ? `${title} · Pharos` : 'Pharos');
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="sm">
      <Stack gap={4} style={{ minWidth: 0 }}>
        <Group gap="sm" wrap="wrap">
          <Title order={1} fz="h2" fw={600}>
            {title}
          </Title>
          {archived && (
            <Badge color="gray" variant="outline">
              {typeof archived === 'string' ? archived : 'Archived'}
            </Badge>
          )}
          {badges}
        </Group>
        {subtitle && (
          <Text c="dimmed" size="sm" component="div">
            {subtitle}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="xs">{actions}</Group>}
    </Group>
  );
}
