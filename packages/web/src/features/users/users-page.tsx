import { Badge, Group, Text } from '@mantine/core';
import { roleLabels, roles, type User } from '@pharos/api';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import type { Column } from '../../ui/data-table';
import { AnchorLink } from '../../ui/links';
import { RegistryListPage, refColumn } from '../../ui/registry-list';
import { userCreate } from './user-fields';
import { userListSpec } from './user-list';

const columns: Column<User>[] = [
  {
    key: 'name',
    label: 'Name',
    sort: 'name',
    render: (u) => (
      <AnchorLink to="/users/$id" params={{ id: u.id }} size="sm" fw={500}>
        {u.name}
      </AnchorLink>
    ),
  },
  { key: 'email', label: 'E-mail', sort: 'email', render: (u) => <Text size="sm">{u.email}</Text> },
  { key: 'title', label: 'Title', wide: true, render: (u) => <Text size="sm">{u.title || '—'}</Text> },
  refColumn('orgUnit', 'Unit', 'orgUnits', (u) => u.orgUnitId),
  {
    key: 'roles',
    label: 'Roles',
    render: (u) =>
      u.grants && u.grants.length > 0 ? (
        <Group gap={4}>
          {[...new Set(u.grants.map((g) => g.role))].map((r) => (
            <Badge key={r} size="sm" variant="light" radius="sm">
              {roleLabels[r]}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          —
        </Text>
      ),
  },
  {
    key: 'signin',
    label: 'Last sign-in',
    wide: true,
    render: (u) => <Text size="sm">{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'Never'}</Text>,
  },
  {
    key: 'state',
    label: 'Status',
    render: (u) =>
      u.archivedAt ? (
        <Badge color="gray" variant="outline" radius="sm">
          Deactivated
        </Badge>
      ) : (
        <Badge color="green" variant="light" radius="sm">
          Active
        </Badge>
      ),
  },
];

export function UsersPage(): ReactNode {
  return (
    <RegistryListPage
      entity="users"
      spec={userListSpec}
      title="Users & roles"
      subtitle="People who sign in to Pharos, and the roles they hold at each scope."
      searchPlaceholder="Search name or e-mail"
      archivedLabel="Deactivated"
      // The list shows roles only when the server sends them with each user.
      columns={(rows) =>
        rows.some((u) => u.grants !== undefined) ? columns : columns.filter((c) => c.key !== 'roles')
      }
      filters={[
        { param: 'role', label: 'Role', options: roles.map((r) => ({ value: r, label: roleLabels[r] })) },
        { param: 'orgUnitId', label: 'Unit', entity: 'orgUnits' },
      ]}
      create={userCreate}
    />
  );
}
