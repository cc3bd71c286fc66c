import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './global.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { isApiError } from '../api/client';
import { keys } from '../api/keys';
import { theme } from './theme';

/** Called when the server says the session has ended (set by the router). */
let onSessionEnded: () => void = () => {};
export function setSessionEndedHandler(fn: () => void) {
  onSessionEnded = fn;
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (isApiError(error) && error.code === 'unauthenticated' && query.queryKey[0] !== keys.me[0])
        onSessionEnded();
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => {
      if (isApiError(error) && error.code === 'unauthenticated') onSessionEnded();
      // A stale CSRF token (e.g. the session was renewed in another tab): fetch the current one.
      if (isApiError(error) && error.code === 'csrf_failed')
        void queryClient.refetchQueries({ queryKey: keys.me });
    },
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

export function Providers({ children }: { children: ReactNode }) {
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
