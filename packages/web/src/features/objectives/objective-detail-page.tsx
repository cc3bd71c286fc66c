import { Stack } from '@mantine/core';
import { type Objective, ObjectiveUpdate } from '@pharos/api';
import type { ReactNode } from 'react';
import { useEntityList } from '../../api/hooks';
import { DetailPage } from '../../ui/detail-page';
import {
  codeNameColumn,
  detailsTab,
  MoveParentButton,
  RelatedSection,
  SubtitleRef,
} from '../../ui/detail-parts';
import { RelatedProjects } from '../projects/related-projects';
import { ObjectiveFields, objectiveCreate, objectiveValues } from './objective-fields';

function Contributions({ objective }: { objective: Objective }) {
  // The same query as the section's, so it is fetched once: the weights of the siblings.
  const children = useEntityList('objectives', { parentId: objective.id, pageSize: 200, sort: 'code' });
  const total = (children.data?.items ?? []).reduce((s, o) => s + o.weight, 0);
  return (
    <Stack gap="xl">
      <RelatedSection
        title="Sub-objectives"
        entity="objectives"
        filter={{ parentId: objective.id }}
        columns={[
          codeNameColumn<Objective>('Objective', '/objectives/$id'),
          { key: 'weight', label: 'Weight', render: (o) => o.weight },
          {
            key: 'share',
            label: 'Share',
            render: (o) => (total > 0 ? `${Math.round((o.weight / total) * 1000) / 10}%` : '—'),
          },
        ]}
        empty="No sub-objectives."
        create={{
          kit: objectiveCreate,
          preset: { parentId: objective.id, officeId: objective.officeId },
          noun: 'sub-objective',
          allowed: !objective.archivedAt,
        }}
      />
      <RelatedProjects
        filter={{ objectiveId: objective.id }}
        caption="Projects contributing"
        empty="No active project is linked to this objective."
      />
    </Stack>
  );
}

export function ObjectiveDetailPage(): ReactNode {
  return (
    <DetailPage
      entity="objectives"
      subtitle={(o) => (
        <>
          Objective {o.code} · weight {o.weight}
          <SubtitleRef text="under" entity="objectives" id={o.parentId} />
        </>
      )}
      actions={(o) => (
        <MoveParentButton entity="objectives" item={o} schema={ObjectiveUpdate} label="Parent objective" />
      )}
      tabs={(o) => [
        { value: 'contributions', label: 'Contributions', panel: <Contributions objective={o} /> },
        detailsTab('objectives', o, objectiveValues, ObjectiveUpdate, (form) => (
          <ObjectiveFields form={form} selfId={o.id} />
        )),
      ]}
    />
  );
}
