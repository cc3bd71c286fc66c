import { ProjectTypeUpdate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { DetailPage } from '../../ui/detail-page';
import { EditEntityForm } from '../../ui/edit-entity-form';
import { RelatedProjects } from '../projects/related-projects';
import { ProjectTypeFields, projectTypeValues } from './project-type-fields';

const route = getRouteApi('/app/project-types/$id');

export function ProjectTypeDetailPage(): ReactNode {
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <DetailPage
      entity="projectTypes"
      id={id}
      tab={tab}
      onTab={(t) => navigate({ search: { tab: t }, replace: true })}
      subtitle={(t) => `Project type ${t.code}`}
      tabs={(t) => [
        {
          value: 'details',
          label: 'Details',
          panel: (
            <EditEntityForm
              entity="projectTypes"
              item={t}
              toValues={projectTypeValues}
              schema={ProjectTypeUpdate}
            >
              {(form) => <ProjectTypeFields form={form} />}
            </EditEntityForm>
          ),
        },
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
      ]}
    />
  );
}
