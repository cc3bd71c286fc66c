import { type Program, ProgramUpdate } from '@pharos/api';
import { type ReactNode, useState } from 'react';
import { useAbility } from '../../api/me';
import { formatDate } from '../../lib/format';
import { CreateKitModal } from '../../ui/create-entity-modal';
import { DetailPage } from '../../ui/detail-page';
import { detailsTab, MoveToPortfolioButton } from '../../ui/detail-parts';
import { NewButton } from '../../ui/new-button';
import { RefLink } from '../../ui/ref-link';
import { TimelinePanel } from '../plan/timeline-panel';
import { projectCreate } from '../projects/project-fields';
import { RelatedProjects } from '../projects/related-projects';
import { RaidTab } from '../raid/raid-tab';
import { HealthTab } from '../status/health-tab';
import { ProgramFields, programValues } from './program-fields';

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
      <CreateKitModal
        kit={projectCreate}
        preset={{
          programId: program.id,
          portfolioId: program.portfolioId,
          officeId: program.officeId,
        }}
        opened={creating}
        onClose={() => setCreating(false)}
      />
    </>
  );
}

export function ProgramDetailPage(): ReactNode {
  const health = useAbility('statusReport.read');
  return (
    <DetailPage
      entity="programs"
      subtitle={(p) => (
        <>
          Program {p.code} in <RefLink entity="portfolios" id={p.portfolioId} /> ·{' '}
          {formatDate(p.plannedStart)} – {formatDate(p.plannedFinish)}
        </>
      )}
      actions={(p) => <MoveToPortfolioButton entity="programs" item={p} schema={ProgramUpdate} />}
      tabs={(p) => [
        { value: 'projects', label: 'Projects', panel: <ProgramProjects program={p} /> },
        ...(health
          ? [{ value: 'health', label: 'Health', panel: <HealthTab scope="program" id={p.id} /> }]
          : []),
        detailsTab('programs', p, programValues, ProgramUpdate, (form) => <ProgramFields form={form} />),
        { value: 'timeline', label: 'Timeline', panel: <TimelinePanel kind="program" id={p.id} /> },
        {
          value: 'raid',
          label: 'RAID',
          panel: <RaidTab scope={{ programId: p.id }} writable={!p.archivedAt} />,
        },
      ]}
    />
  );
}
