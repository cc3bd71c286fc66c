import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import type { ErrorComponentProps } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { errorMessage } from '../api/client';

/** What a page shows when it fails to render: the reason, and a way to try again. */
export function RouteError({ error, reset }: ErrorComponentProps): ReactNode {
  return (
    <Stack p="lg" maw={640}>
      <Alert color="red" title="This page could not be shown" role="alert">
        <Text size="sm">{errorMessage(error)}</Text>
      </Alert>
      <Group>
        <Button variant="default" onClick={reset}>
          Try again
        </Button>
        <Button variant="subtle" component="a" href="/">
          Go to the overview
        </Button>
      </Group>
    </Stack>
  );
}
