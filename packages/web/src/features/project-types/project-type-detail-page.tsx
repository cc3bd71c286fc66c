import { ProjectTypeUpdate } from '@pharos/api';
import type { ReactNode } from 'react';
import { DetailPage } from '../../ui/detail-page';
import { detailsTab } from '../../ui/detail-parts';
import { RelatedProjects } from '../projects/related-projects';
import { RagThresholdsTab } from '../status/rag-thresholds-tab';
import { ProjectTypeFields, projectTypeValues } from './project-type-fields';

export function ProjectTypeDetailPage(): ReactNode {
  return (
    <DetailPage
      entity="projectTypes"
      subtitle={(t) => `Project type ${t.code}`}
      tabs={(t) => [
        detailsTab('projectTypes', t, projectTypeValues, ProjectTypeUpdate, (form) => (
          <ProjectTypeFields form={form} />
        )),
        {
          value: 'projects',
          label: 'Projects',
          panel: (
            <RelatedProjects
              filter={{ typeId: t.id }}
              caption="Projects of this type"
              empty="No active projects have this type."
            />
          ),
        },
        { value: 'rag', label: 'RAG thresholds', panel: <RagThresholdsTab type={t} /> },
      ]}
    />
  );
}
