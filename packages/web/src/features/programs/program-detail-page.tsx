import { type Program, ProgramUpdate, ProjectCreate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useAbility } from '../../api/me';
import { formatDate } from '../../lib/format';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { DetailPage } from '../../ui/detail-page';
import { EditEntityForm } from '../../ui/edit-entity-form';
import { FormEntitySelect } from '../../ui/form-fields';
import { MoveButton } from '../../ui/move-button';
import { NewButton } from '../../ui/new-button';
import { RefLink } from '../../ui/ref-link';
import { newProjectValues, ProjectFields } from '../projects/project-fields';
import { RelatedProjects } from '../projects/related-projects';
import { ProgramFields, programValues } from './program-fields';

const route = getRouteApi('/app/programs/$id');

const placement = (p: Program) => ({ portfolioId: p.portfolioId as string | null });

function ProgramProjects({ program }: { program: Program }) {
  const canCreate = useAbility('project.create');
  const [creating, setCreating] = useState(false);
  return (
    <>
      <RelatedProjects
        filter={{ programId: program.id }}
        caption="Projects in this program"
        empty="This program has no active projects yet."
        actions={
          canCreate && !program.archivedAt && <NewButton noun="project" onClick={() => setCreating(true)} />
        }
      />
      <CreateEntityModal
        entity="projects"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={ProjectCreate}
        initial={newProjectValues({
          programId: program.id,
          portfolioId: program.portfolioId,
          officeId: program.officeId,
        })}
      >
        {(form) => <ProjectFields form={form} />}
      </CreateEntityModal>
    </>
  );
}

export function ProgramDetailPage(): ReactNode {
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <DetailPage
      entity="programs"
      id={id}
      tab={tab}
      onTab={(t) => navigate({ search: { tab: t }, replace: true })}
      subtitle={(p) => (
        <>
          Program {p.code} in <RefLink entity="portfolios" id={p.portfolioId} /> ·{' '}
          {formatDate(p.plannedStart)} – {formatDate(p.plannedFinish)}
        </>
      )}
      actions={(p) => (
        <MoveButton entity="programs" item={p} toValues={placement} schema={ProgramUpdate}>
          {(form) => (
            <FormEntitySelect form={form} name="portfolioId" entity="portfolios" label="Portfolio" required />
          )}
        </MoveButton>
      )}
      tabs={(p) => [
        { value: 'projects', label: 'Projects', panel: <ProgramProjects program={p} /> },
        {
          value: 'details',
          label: 'Details',
          panel: (
            <EditEntityForm entity="programs" item={p} toValues={programValues} schema={ProgramUpdate}>
              {(form) => <ProgramFields form={form} />}
            </EditEntityForm>
          ),
        },
      ]}
    />
  );
}
