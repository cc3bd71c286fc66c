import { Alert, Button, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  type Grant,
  GrantCreate,
  type Role,
  roleLabels,
  roles,
  routes,
  type ScopeType,
  scopeTypes,
  type User,
} from '@pharos/api';
import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import type { EntityKey } from '../../api/entities';
import { useInvalidateEntity } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { formatDateTime, humanize } from '../../lib/format';
import { ConfirmButton } from '../../ui/confirm-button';
import { EntitySelect } from '../../ui/entity-select';
import { RefLink } from '../../ui/ref-link';
import { useZodForm } from '../../ui/use-zod-form';

const scopeEntity: Record<Exclude<ScopeType, 'organization'>, EntityKey> = {
  office: 'offices',
  portfolio: 'portfolios',
  program: 'programs',
  project: 'projects',
};

function Scope({ grant }: { grant: Grant }) {
  if (grant.scopeType === 'organization' || !grant.scopeId) return <Text size="sm">Whole organization</Text>;
  return (
    <Text size="sm" component="div">
      {humanize(grant.scopeType)}: <RefLink entity={scopeEntity[grant.scopeType]} id={grant.scopeId} />
    </Text>
  );
}

interface GrantValues {
  role: Role | null;
  scopeType: ScopeType;
  scopeId: string | null;
}

function AddGrant({ user }: { user: User }) {
  const invalidate = useInvalidateEntity();
  const form = useZodForm<GrantValues>({ role: null, scopeType: 'organization', scopeId: null });
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(GrantCreate, form.values);
    if (!body) return;
    setBusy(true);
    try {
      await api.call(routes.users.grant, { params: { id: user.id }, body });
      invalidate('users', undefined);
      form.reset({ role: null, scopeType: form.values.scopeType, scopeId: null });
      notifications.show({ color: 'green', message: `${roleLabels[body.role]} granted to ${user.name}.` });
    } catch (err) {
      form.applyServerError(err);
    } finally {
      setBusy(false);
    }
  };
  const scoped = form.values.scopeType !== 'organization';
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate aria-label="Grant a role">
        <Stack gap="sm">
          <Title order={3} fz="h5">
            Grant a role
          </Title>
          {form.formError && (
            <Alert color="red" role="alert">
              {form.formError}
            </Alert>
          )}
          <Group align="flex-start" wrap="wrap">
            <Select
              label="Role"
              required
              data={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
              value={form.values.role}
              onChange={(v) => form.set('role', v as Role | null)}
              error={form.error('role')}
              searchable
              w={220}
            />
            <Select
              label="Scope type"
              required
              data={scopeTypes.map((s) => ({ value: s, label: humanize(s) }))}
              value={form.values.scopeType}
              allowDeselect={false}
              onChange={(v) => v && form.setValues({ scopeType: v as ScopeType, scopeId: null })}
              error={form.error('scopeType')}
              w={170}
            />
            {scoped && (
              <EntitySelect
                key={form.values.scopeType}
                entity={scopeEntity[form.values.scopeType as Exclude<ScopeType, 'organization'>]}
                label={`Which ${form.values.scopeType}`}
                required
                value={form.values.scopeId}
                onChange={(id) => form.set('scopeId', id)}
                error={form.error('scopeId')}
                w={280}
              />
            )}
          </Group>
          <Button type="submit" loading={busy} w="fit-content">
            Grant role
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

/** A user's roles at their scopes: list, revoke, grant. */
export function GrantsPanel({ user }: { user: User }) {
  const invalidate = useInvalidateEntity();
  const canGrant = useAbility('grant.create');
  const canRevoke = useAbility('grant.archive');
  const grants = user.grants ?? [];
  const revoke = async (g: Grant) => {
    await api.call(routes.users.revoke, { params: { id: user.id, grantId: g.id } });
    invalidate('users', undefined);
    notifications.show({ color: 'green', message: `${roleLabels[g.role]} revoked.` });
  };
  return (
    <Stack gap="lg">
      <Paper withBorder>
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs">
            <caption className="visually-hidden">Roles held</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Role</Table.Th>
                <Table.Th>Scope</Table.Th>
                <Table.Th>Granted</Table.Th>
                <Table.Th>
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {grants.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={4}>
                    <Text size="sm" c="dimmed" ta="center" py="md">
                      {user.name} holds no roles yet, so can see nothing.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {grants.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Td fw={500}>{roleLabels[g.role]}</Table.Td>
                  <Table.Td>
                    <Scope grant={g} />
                  </Table.Td>
                  <Table.Td>{formatDateTime(g.createdAt)}</Table.Td>
                  <Table.Td>
                    {canRevoke && (
                      <ConfirmButton
                        label="Revoke"
                        ariaLabel={`Revoke ${roleLabels[g.role]}${g.scopeName ? ` on ${g.scopeName}` : ''}`}
                        size="xs"
                        variant="light"
                        color="red"
                        title="Revoke role"
                        message={`Revoke ${roleLabels[g.role]} from ${user.name}${g.scopeName ? ` on ${g.scopeName}` : ''}?`}
                        confirmLabel="Revoke"
                        onConfirm={() => revoke(g)}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {canGrant && user.archivedAt === null && <AddGrant user={user} />}
    </Stack>
  );
}
