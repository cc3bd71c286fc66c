import { Alert, Button, Center, Group, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client';

/** Loading and error states for a query, the same everywhere. */
export function QueryState({
  query,
  children,
  label = 'Loading',
}: {
  query: { isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
  children: () => ReactNode;
  label?: string;
}) {
  if (query.isPending)
    return (
      <Center py="xl" role="status">
        <Group gap="sm">
          <Loader size="sm" />
          <Text c="dimmed" size="sm">
            {label}…
          </Text>
        </Group>
      </Center>
    );
  if (query.isError)
    return (
      <Alert color="red" title="Could not load this" role="alert">
        <Text size="sm" mb="sm">
          {errorMessage(query.error)}
        </Text>
        <Button size="xs" variant="light" color="red" onClick={() => query.refetch()}>
          Try again
        </Button>
      </Alert>
    );
  return <>{children()}</>;
}
