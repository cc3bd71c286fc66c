import { Group } from '@mantine/core';
import { type Project, ProjectUpdate } from '@pharos/api';
import type { ReactNode } from 'react';
import { PhaseBadge, StatusBadge } from '../../ui/badges';
import { DetailPage } from '../../ui/detail-page';
import { detailsTab } from '../../ui/detail-parts';
import { MoveButton } from '../../ui/move-button';
import { RefLink } from '../../ui/ref-link';
import { GovernanceTab } from '../governance/governance-tab';
import { PlanPanel } from '../plan/plan-panel';
import { RaidTab } from '../raid/raid-tab';
import { StatusTab } from '../status/status-tab';
import { ProjectFields, ProjectPlacementFields, projectValues } from './project-fields';

const placement = (p: Project) => ({ portfolioId: p.portfolioId, programId: p.programId });

export function ProjectDetailPage(): ReactNode {
  return (
    <DetailPage
      entity="projects"
      subtitle={(p) => (
        <Group gap={6} component="span">
          {p.code} · <RefLink entity="projectTypes" id={p.typeId} />
          {(p.programId || p.portfolioId) && (
            <>
              {' '}
              · in{' '}
              {p.programId ? (
                <RefLink entity="programs" id={p.programId} fallback={p.labels.programId} />
              ) : (
                <RefLink entity="portfolios" id={p.portfolioId} fallback={p.labels.portfolioId} />
              )}
            </>
          )}{' '}
          · <RefLink entity="offices" id={p.officeId} />
        </Group>
      )}
      badges={(p) => (
        <>
          <StatusBadge status={p.status} />
          <PhaseBadge phase={p.phase} />
        </>
      )}
      actions={(p) => (
        <MoveButton entity="projects" item={p} toValues={placement} schema={ProjectUpdate}>
          {(form) => <ProjectPlacementFields form={form} />}
        </MoveButton>
      )}
      tabs={(p) => [
        detailsTab('projects', p, projectValues, ProjectUpdate, (form) => <ProjectFields form={form} />),
        { value: 'plan', label: 'Plan', panel: <PlanPanel project={p} /> },
        {
          value: 'raid',
          label: 'RAID',
          panel: <RaidTab scope={{ projectId: p.id }} writable={!p.archivedAt} />,
        },
        { value: 'status', label: 'Status', panel: <StatusTab project={p} /> },
        { value: 'governance', label: 'Governance', panel: <GovernanceTab project={p} /> },
      ]}
    />
  );
}
