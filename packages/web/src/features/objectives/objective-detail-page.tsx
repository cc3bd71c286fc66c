import { Group, Stack, Text } from '@mantine/core';
import { type Objective, ObjectiveCreate, ObjectiveUpdate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { DataTable } from '../../ui/data-table';
import { DetailPage } from '../../ui/detail-page';
import { EditEntityForm } from '../../ui/edit-entity-form';
import { FormEntitySelect } from '../../ui/form-fields';
import { AnchorLink } from '../../ui/links';
import { MoveButton } from '../../ui/move-button';
import { NewButton } from '../../ui/new-button';
import { RefLink } from '../../ui/ref-link';
import { RelatedProjects } from '../projects/related-projects';
import { newObjectiveValues, ObjectiveFields, objectiveValues } from './objective-fields';

const route = getRouteApi('/app/objectives/$id');

function Contributions({ objective }: { objective: Objective }) {
  const children = useEntityList('objectives', { parentId: objective.id, pageSize: 200, sort: 'code' });
  const total = (children.data?.items ?? []).reduce((s, o) => s + o.weight, 0);
  const canCreate = useAbility('objective.create');
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="xl">
      <section aria-label="Sub-objectives">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>Sub-objectives</Text>
          {canCreate && !objective.archivedAt && (
            <NewButton noun="sub-objective" onClick={() => setCreating(true)} />
          )}
        </Group>
        <CreateEntityModal
          entity="objectives"
          opened={creating}
          onClose={() => setCreating(false)}
          schema={ObjectiveCreate}
          initial={newObjectiveValues({ parentId: objective.id, officeId: objective.officeId })}
        >
          {(form) => <ObjectiveFields form={form} />}
        </CreateEntityModal>
        <DataTable
          caption="Sub-objectives"
          columns={[
            {
              key: 'name',
              label: 'Objective',
              render: (o) => (
                <AnchorLink to="/objectives/$id" params={{ id: o.id }} size="sm">
                  {o.code} · {o.name}
                </AnchorLink>
              ),
            },
            { key: 'weight', label: 'Weight', render: (o) => o.weight },
            {
              key: 'share',
              label: 'Share',
              render: (o) => (total > 0 ? `${Math.round((o.weight / total) * 1000) / 10}%` : '—'),
            },
          ]}
          rows={children.data?.items ?? []}
          total={children.data?.total ?? 0}
          page={1}
          pageSize={200}
          loading={children.isPending}
          empty="No sub-objectives."
        />
      </section>
      <RelatedProjects
        filter={{ objectiveId: objective.id }}
        caption="Projects contributing"
        empty="No active project is linked to this objective."
      />
    </Stack>
  );
}

export function ObjectiveDetailPage(): ReactNode {
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <DetailPage
      entity="objectives"
      id={id}
      tab={tab}
      onTab={(t) => navigate({ search: { tab: t }, replace: true })}
      subtitle={(o) => (
        <>
          Objective {o.code} · weight {o.weight}
          {o.parentId && (
            <>
              {' '}
              · under <RefLink entity="objectives" id={o.parentId} />
            </>
          )}
        </>
      )}
      actions={(o) => (
        <MoveButton
          entity="objectives"
          item={o}
          toValues={(x) => ({ parentId: x.parentId })}
          schema={ObjectiveUpdate}
        >
          {(form) => (
            <FormEntitySelect
              form={form}
              name="parentId"
              entity="objectives"
              label="Parent objective"
              excludeId={o.id}
            />
          )}
        </MoveButton>
      )}
      tabs={(o) => [
        { value: 'contributions', label: 'Contributions', panel: <Contributions objective={o} /> },
        {
          value: 'details',
          label: 'Details',
          panel: (
            <EditEntityForm entity="objectives" item={o} toValues={objectiveValues} schema={ObjectiveUpdate}>
              {(form) => <ObjectiveFields form={form} selfId={o.id} />}
            </EditEntityForm>
          ),
        },
      ]}
    />
  );
}
