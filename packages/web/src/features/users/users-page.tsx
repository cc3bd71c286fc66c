import { Badge, Group, Text } from '@mantine/core';
import { roleLabels, roles, type User, UserCreate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import type { ListQueryOf } from '../../api/entities';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { formatDateTime } from '../../lib/format';
import { countFilters, nextSort, toListQuery, updateListSearch } from '../../lib/list-state';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { type Column, DataTable } from '../../ui/data-table';
import { EntitySelect } from '../../ui/entity-select';
import { AnchorLink } from '../../ui/links';
import { ArchivedToggle, FilterGroup, FilterSelect, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { RefLink } from '../../ui/ref-link';
import { NewUserFields, newUserValues } from './user-fields';
import { type UserSearch, userListSpec } from './user-list';

const route = getRouteApi('/app/users');

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
  {
    key: 'orgUnit',
    label: 'Unit',
    wide: true,
    render: (u) => <RefLink entity="orgUnits" id={u.orgUnitId} short />,
  },
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
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const update = (change: Partial<UserSearch>) =>
    navigate({ search: (prev) => updateListSearch(prev, change), replace: true });
  const query = toListQuery(userListSpec, search);
  const list = useEntityList('users', query as ListQueryOf<'users'>);
  const canCreate = useAbility('user.create');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="Users & roles"
        subtitle="People who sign in to Pharos, and the roles they hold at each scope."
        actions={canCreate && <NewButton noun="user" onClick={() => setCreating(true)} />}
      />
      <ListToolbar>
        <SearchBox
          value={search.q}
          onChange={(q) => update({ q })}
          label="Search users"
          placeholder="Search name or e-mail"
        />
        <FilterGroup active={countFilters(userListSpec, search)}>
          <FilterSelect
            label="Role"
            value={search.role}
            onChange={(role) => update({ role })}
            data={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
          />
          <EntitySelect
            entity="orgUnits"
            label="Unit"
            placeholder="Any"
            value={search.orgUnitId ?? null}
            onChange={(orgUnitId) => update({ orgUnitId: orgUnitId ?? undefined })}
            w={{ base: '100%', sm: 200 }}
          />
        </FilterGroup>
        <ArchivedToggle
          value={search.archived}
          onChange={(archived) => update({ archived })}
          archivedLabel="Deactivated"
        />
      </ListToolbar>
      <QueryState query={list} label="Loading users">
        {() => (
          <DataTable
            caption="Users"
            columns={
              // The list shows roles only when the server sends them with each user.
              (list.data?.items ?? []).some((u) => u.grants !== undefined)
                ? columns
                : columns.filter((c) => c.key !== 'roles')
            }
            rows={list.data?.items ?? []}
            total={list.data?.total ?? 0}
            page={query.page}
            pageSize={query.pageSize}
            sort={query.sort}
            onSort={(f) => update({ sort: nextSort(query.sort, f) })}
            onPage={(page) => update({ page })}
            onPageSize={(pageSize) => update({ pageSize })}
            loading={list.isFetching}
            rowMuted={(u) => u.archivedAt !== null}
            empty="No users match these filters."
          />
        )}
      </QueryState>
      <CreateEntityModal
        entity="users"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={UserCreate}
        initial={newUserValues()}
      >
        {(form) => <NewUserFields form={form} />}
      </CreateEntityModal>
    </>
  );
}
