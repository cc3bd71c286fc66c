import { Badge } from '@mantine/core';
import { UserUpdate } from '@pharos/api';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { DetailPage } from '../../ui/detail-page';
import { EditEntityForm } from '../../ui/edit-entity-form';
import { GrantsPanel } from './grants-panel';
import { UserFields, userValues } from './user-fields';

export function UserDetailPage(): ReactNode {
  return (
    <DetailPage
      entity="users"
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
