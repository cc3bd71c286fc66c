import { Group, Stack, Text } from '@mantine/core';
import { type OrgUnit, OrgUnitCreate, OrgUnitUpdate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { humanize } from '../../lib/format';
import { OfficeKindBadge, OrgUnitKindBadge } from '../../ui/badges';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { DataTable } from '../../ui/data-table';
import { DetailPage } from '../../ui/detail-page';
import { EditEntityForm } from '../../ui/edit-entity-form';
import { FormEntitySelect } from '../../ui/form-fields';
import { AnchorLink } from '../../ui/links';
import { MoveButton } from '../../ui/move-button';
import { NewButton } from '../../ui/new-button';
import { RefLink } from '../../ui/ref-link';
import { newOrgUnitValues, OrgUnitFields, orgUnitValues } from './org-unit-fields';

const route = getRouteApi('/app/org-units/$id');

function Structure({ unit }: { unit: OrgUnit }) {
  const children = useEntityList('orgUnits', { parentId: unit.id, pageSize: 200, sort: 'code' });
  const canCreate = useAbility('orgUnit.create');
  const [creating, setCreating] = useState(false);
  const offices = useEntityList('offices', { orgUnitId: unit.id, pageSize: 200, sort: 'code' });
  return (
    <Stack gap="xl">
      <section aria-label="Units under this one">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>Units under this one</Text>
          {canCreate && !unit.archivedAt && <NewButton noun="unit" onClick={() => setCreating(true)} />}
        </Group>
        <CreateEntityModal
          entity="orgUnits"
          opened={creating}
          onClose={() => setCreating(false)}
          schema={OrgUnitCreate}
          initial={newOrgUnitValues({ parentId: unit.id, kind: 'department' })}
        >
          {(form) => <OrgUnitFields form={form} />}
        </CreateEntityModal>
        <DataTable
          caption="Units under this one"
          columns={[
            {
              key: 'name',
              label: 'Unit',
              render: (u) => (
                <AnchorLink to="/org-units/$id" params={{ id: u.id }} size="sm">
                  {u.code} · {u.name}
                </AnchorLink>
              ),
            },
            { key: 'kind', label: 'Kind', render: (u) => <OrgUnitKindBadge kind={u.kind} /> },
          ]}
          rows={children.data?.items ?? []}
          total={children.data?.total ?? 0}
          page={1}
          pageSize={200}
          loading={children.isPending}
          empty="No units under this one."
        />
      </section>
      <section aria-label="Offices in this unit">
        <Text fw={600} mb="sm">
          Offices in this unit
        </Text>
        <DataTable
          caption="Offices in this unit"
          columns={[
            {
              key: 'name',
              label: 'Office',
              render: (o) => (
                <AnchorLink to="/offices/$id" params={{ id: o.id }} size="sm">
                  {o.code} · {o.name}
                </AnchorLink>
              ),
            },
            { key: 'kind', label: 'Kind', render: (o) => <OfficeKindBadge kind={o.kind} /> },
          ]}
          rows={offices.data?.items ?? []}
          total={offices.data?.total ?? 0}
          page={1}
          pageSize={200}
          loading={offices.isPending}
          empty="No offices belong to this unit."
        />
      </section>
    </Stack>
  );
}

export function OrgUnitDetailPage(): ReactNode {
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <DetailPage
      entity="orgUnits"
      id={id}
      tab={tab}
      onTab={(t) => navigate({ search: { tab: t }, replace: true })}
      subtitle={(u) => (
        <>
          {humanize(u.kind)} {u.code}
          {u.parentId && (
            <>
              {' '}
              · part of <RefLink entity="orgUnits" id={u.parentId} />
            </>
          )}
        </>
      )}
      badges={(u) => <OrgUnitKindBadge kind={u.kind} />}
      actions={(u) => (
        <MoveButton
          entity="orgUnits"
          item={u}
          toValues={(x) => ({ parentId: x.parentId })}
          schema={OrgUnitUpdate}
        >
          {(form) => (
            <FormEntitySelect
              form={form}
              name="parentId"
              entity="orgUnits"
              label="Parent unit"
              excludeId={u.id}
            />
          )}
        </MoveButton>
      )}
      tabs={(u) => [
        { value: 'structure', label: 'Structure', panel: <Structure unit={u} /> },
        {
          value: 'details',
          label: 'Details',
          panel: (
            <EditEntityForm entity="orgUnits" item={u} toValues={orgUnitValues} schema={OrgUnitUpdate}>
              {(form) => <OrgUnitFields form={form} selfId={u.id} />}
            </EditEntityForm>
          ),
        },
      ]}
    />
  );
}
