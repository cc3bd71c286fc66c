import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { AnchorLink } from '../ui/links';

export function NotFound(): ReactNode {
  return (
    <Stack align="flex-start" p="lg" component="main">
      <Title order={1} fz="h2">
        Page not found
      </Title>
      <Text c="dimmed">There is nothing at this address.</Text>
      <AnchorLink to="/">Go to the overview</AnchorLink>
    </Stack>
  );
}
