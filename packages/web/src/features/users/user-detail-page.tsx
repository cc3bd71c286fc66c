import { Badge } from '@mantine/core';
import { UserUpdate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { DetailPage } from '../../ui/detail-page';
import { EditEntityForm } from '../../ui/edit-entity-form';
import { GrantsPanel } from './grants-panel';
import { UserFields, userValues } from './user-fields';

const route = getRouteApi('/app/users/$id');

export function UserDetailPage(): ReactNode {
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <DetailPage
      entity="users"
      id={id}
      tab={tab}
      onTab={(t) => navigate({ search: { tab: t }, replace: true })}
      archiveLabel="Deactivate"
      restoreLabel="Reactivate"
      subtitle={(u) =>
        `${u.email}${u.title ? ` · ${u.title}` : ''} · last sign-in ${u.lastSignInAt ? formatDateTime(u.lastSignInAt) : 'never'}`
      }
      badges={(u) =>
        u.archivedAt ? null : (
          <Badge color="green" variant="light" radius="sm">
            Active
          </Badge>
        )
      }
      tabs={(u) => [
        { value: 'roles', label: 'Roles', panel: <GrantsPanel user={u} /> },
        {
          value: 'profile',
          label: 'Profile',
          panel: (
            <EditEntityForm entity="users" item={u} toValues={userValues} schema={UserUpdate}>
              {(form) => <UserFields form={form} />}
            </EditEntityForm>
          ),
        },
      ]}
    />
  );
}
