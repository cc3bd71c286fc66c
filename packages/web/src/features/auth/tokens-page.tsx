import {
  ActionIcon,
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  NumberInput,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ApiToken, ApiTokenCreate, routes } from '@pharos/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { keys } from '../../api/keys';
import { formatDateTime } from '../../lib/format';
import { ConfirmButton } from '../../ui/confirm-button';
import { CheckIcon, CopyIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { useZodForm } from '../../ui/use-zod-form';

function tokenState(t: ApiToken) {
  if (t.revokedAt) return 'Revoked';
  if (t.expiresAt && new Date(t.expiresAt) < new Date()) return 'Expired';
  return 'Active';
}

function NewTokenForm({ onCreated }: { onCreated: (secret: string, name: string) => void }) {
  const qc = useQueryClient();
  const form = useZodForm<{ name: string; expiresInDays: number | null }>({ name: '', expiresInDays: 90 });
  const create = useMutation({
    mutationFn: (body: { name: string; expiresInDays: number | null }) =>
      api.call(routes.createToken, { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens }),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(ApiTokenCreate, form.values);
    if (!body) return;
    try {
      const created = await create.mutateAsync(body);
      form.reset({ name: '', expiresInDays: 90 });
      onCreated(created.token, created.name);
    } catch (err) {
      form.applyServerError(err);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label="New API token">
      <Stack gap="sm">
        <Title order={2} fz="h4">
          New token
        </Title>
        {form.formError && <Alert color="red">{form.formError}</Alert>}
        <Group align="flex-start" wrap="wrap">
          <TextInput
            label="Token name"
            description="What will use it, e.g. “Nightly export”"
            required
            value={form.values.name}
            onChange={(e) => form.set('name', e.currentTarget.value)}
            error={form.error('name')}
            w={280}
          />
          <NumberInput
            label="Expires after (days)"
            description="Leave empty for no expiry"
            min={1}
            max={3650}
            value={form.values.expiresInDays ?? ''}
            onChange={(v) => form.set('expiresInDays', typeof v === 'number' ? v : null)}
            error={form.error('expiresInDays')}
            w={200}
          />
        </Group>
        <Button type="submit" loading={create.isPending} w="fit-content">
          Create token
        </Button>
      </Stack>
    </form>
  );
}

export function TokensPage(): ReactNode {
  const qc = useQueryClient();
  const [secret, setSecret] = useState<{ token: string; name: string } | null>(null);
  const list = useQuery({ queryKey: keys.tokens, queryFn: () => api.call(routes.listTokens) });
  const revoke = async (t: ApiToken) => {
    await api.call(routes.revokeToken, { params: { id: t.id } });
    await qc.invalidateQueries({ queryKey: keys.tokens });
    notifications.show({ color: 'green', message: `Token “${t.name}” is revoked.` });
  };

  return (
    <>
      <PageHeader
        title="API tokens"
        subtitle="Tokens let scripts and the pharos command line act as you. Send one as “Authorization: Bearer <token>”."
      />
      <Stack gap="lg" maw={900}>
        {secret && (
          <Alert
            color="green"
            title={`Token “${secret.name}” created`}
            role="status"
            withCloseButton
            onClose={() => setSecret(null)}
            closeButtonLabel="Dismiss"
          >
            <Text size="sm" mb="xs">
              Copy it now: it is shown only once.
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Code block style={{ flex: 1, wordBreak: 'break-all' }} aria-label="New token secret">
                {secret.token}
              </Code>
              <CopyButton value={secret.token}>
                {({ copied, copy }) => (
                  <Tooltip label={copied ? 'Copied' : 'Copy'}>
                    <ActionIcon variant="light" onClick={copy} aria-label="Copy token" size="lg">
                      {copied ? <CheckIcon /> : <CopyIcon />}
                    </ActionIcon>
                  </Tooltip>
                )}
              </CopyButton>
            </Group>
          </Alert>
        )}
        <Paper withBorder p="lg">
          <NewTokenForm onCreated={(token, name) => setSecret({ token, name })} />
        </Paper>
        <section aria-labelledby="tokens-heading">
          <Title order={2} fz="h4" id="tokens-heading" mb="sm">
            Your tokens
          </Title>
          <QueryState query={list} label="Loading tokens">
            {() => (
              <Paper withBorder>
                <Table.ScrollContainer minWidth={600}>
                  <Table verticalSpacing="xs">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Name</Table.Th>
                        <Table.Th>Starts with</Table.Th>
                        <Table.Th>Created</Table.Th>
                        <Table.Th>Last used</Table.Th>
                        <Table.Th>Expires</Table.Th>
                        <Table.Th>State</Table.Th>
                        <Table.Th>
                          <span className="visually-hidden">Actions</span>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {(list.data?.items ?? []).length === 0 && (
                        <Table.Tr>
                          <Table.Td colSpan={7}>
                            <Text c="dimmed" size="sm" ta="center" py="md">
                              You have no API tokens.
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      )}
                      {(list.data?.items ?? []).map((t) => (
                        <Table.Tr key={t.id} c={t.revokedAt ? 'dimmed' : undefined}>
                          <Table.Td>{t.name}</Table.Td>
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            <Code>{t.prefix}…</Code>
                          </Table.Td>
                          <Table.Td>{formatDateTime(t.createdAt)}</Table.Td>
                          <Table.Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</Table.Td>
                          <Table.Td>{t.expiresAt ? formatDateTime(t.expiresAt) : 'Never'}</Table.Td>
                          <Table.Td>{tokenState(t)}</Table.Td>
                          <Table.Td>
                            {!t.revokedAt && (
                              <ConfirmButton
                                label="Revoke"
                                ariaLabel={`Revoke ${t.name}`}
                                size="xs"
                                color="red"
                                variant="light"
                                title="Revoke token"
                                message={`Revoke “${t.name}”? Anything that uses it stops working at once.`}
                                confirmLabel="Revoke"
                                onConfirm={() => revoke(t)}
                              />
                            )}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
            )}
          </QueryState>
        </section>
      </Stack>
    </>
  );
}
