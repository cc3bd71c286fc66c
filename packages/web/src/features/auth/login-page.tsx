import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { routes } from '@pharos/api';
import { useQueryClient } from '@tanstack/react-query';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api, errorMessage, isApiError } from '../../api/client';
import { setSignedIn } from '../../api/me';

const route = getRouteApi('/login');

function loginError(e: unknown): string {
  if (isApiError(e) && e.code === 'invalid_credentials')
    return 'The e-mail address or password is not right, or the account is deactivated.';
  if (isApiError(e) && e.code === 'rate_limited')
    return 'Too many sign-in attempts. Wait a few minutes, then try again.';
  return errorMessage(e);
}

/** Where to go after signing in: only a path inside this app. */
export function safeRedirect(target: string | undefined): string {
  if (!target?.startsWith('/') || target.startsWith('//') || target.startsWith('/login')) return '/';
  return target;
}

export function LoginPage(): ReactNode {
  useDocumentTitle('Sign in · Pharos');
  const { redirect } = route.useSearch();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!email.trim() || !password) {
      setError('Enter your e-mail address and password.');
      return;
    }
    setBusy(true);
    try {
      const me = await api.call(routes.login, { body: { email, password } });
      setSignedIn(qc, me);
      await navigate({ href: safeRedirect(redirect) });
    } catch (err) {
      setError(loginError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={400}>
        <form onSubmit={submit} noValidate aria-label="Sign in">
          <Stack>
            <div>
              <Title order={1} fz="h2">
                Pharos
              </Title>
              <Text c="dimmed" size="sm">
                Sign in to your PMO workspace
              </Text>
            </div>
            {error && (
              <Alert color="red" role="alert">
                {error}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy} fullWidth>
              Sign in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
