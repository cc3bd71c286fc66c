import { Button, Group, Stack } from '@mantine/core';
import { type Portfolio, PortfolioUpdate } from '@pharos/api';
import { type ReactNode, useState } from 'react';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { CreateKitModal } from '../../ui/create-entity-modal';
import { DetailPage } from '../../ui/detail-page';
import {
  codeNameColumn,
  detailsTab,
  MoveParentButton,
  RelatedSection,
  SubtitleRef,
} from '../../ui/detail-parts';
import { RefLink } from '../../ui/ref-link';
import { refColumn } from '../../ui/registry-list';
import { operationCreate } from '../operations/operation-fields';
import { operationColumns } from '../operations/operations-page';
import { TimelinePanel } from '../plan/timeline-panel';
import { programCreate } from '../programs/program-fields';
import { programColumns } from '../programs/programs-page';
import { projectCreate } from '../projects/project-fields';
import { RelatedProjects } from '../projects/related-projects';
import { RaidTab } from '../raid/raid-tab';
import { PlanOfRecordTab } from '../scenarios/plan-of-record-tab';
import { HealthTab } from '../status/health-tab';
import { PortfolioFields, portfolioCreate, portfolioValues } from './portfolio-fields';

type Creating = 'portfolio' | 'program' | 'project' | 'operation' | null;

function Contents({ portfolio }: { portfolio: Portfolio }) {
  const [creating, setCreating] = useState<Creating>(null);
  const can = {
    portfolio: useAbility('portfolio.create'),
    program: useAbility('program.create'),
    project: useAbility('project.create'),
    operation: useAbility('operation.create'),
  };
  const children = useEntityList('portfolios', { parentId: portfolio.id, pageSize: 100, sort: 'code' });
  const active = portfolio.archivedAt === null;
  const close = () => setCreating(null);
  const preset = { officeId: portfolio.officeId };
  const inside = { ...preset, portfolioId: portfolio.id };
  return (
    <Stack gap="xl">
      {active && (
        <Group gap="xs">
          {(['portfolio', 'program', 'project', 'operation'] as const)
            .filter((k) => can[k])
            .map((k) => (
              <Button key={k} variant="light" size="sm" onClick={() => setCreating(k)}>
                New {k === 'portfolio' ? 'sub-portfolio' : k}
              </Button>
            ))}
        </Group>
      )}
      {(children.data?.total ?? 0) > 0 && (
        <RelatedSection
          title="Sub-portfolios"
          entity="portfolios"
          filter={{ parentId: portfolio.id }}
          pageSize={100}
          columns={[
            codeNameColumn<Portfolio>('Portfolio', '/portfolios/$id'),
            refColumn<Portfolio>('manager', 'Manager', 'users', (p) => p.managerId, false),
          ]}
        />
      )}
      <RelatedSection
        title="Programs"
        entity="programs"
        filter={{ portfolioId: portfolio.id }}
        pageSize={100}
        columns={programColumns}
        empty="No programs in this portfolio."
      />
      <RelatedProjects
        filter={{ portfolioId: portfolio.id }}
        caption="Projects (directly and in its programs)"
        empty="No projects in this portfolio."
      />
      <RelatedSection
        title="Operations"
        entity="operations"
        filter={{ portfolioId: portfolio.id }}
        pageSize={100}
        columns={operationColumns}
        empty="No operations in this portfolio."
      />
      <CreateKitModal
        kit={portfolioCreate}
        preset={{ ...preset, parentId: portfolio.id }}
        opened={creating === 'portfolio'}
        onClose={close}
      />
      <CreateKitModal kit={programCreate} preset={inside} opened={creating === 'program'} onClose={close} />
      <CreateKitModal kit={projectCreate} preset={inside} opened={creating === 'project'} onClose={close} />
      <CreateKitModal
        kit={operationCreate}
        preset={inside}
        opened={creating === 'operation'}
        onClose={close}
      />
    </Stack>
  );
}

export function PortfolioDetailPage(): ReactNode {
  const planning = useAbility('scenario.read');
  const health = useAbility('statusReport.read');
  return (
    <DetailPage
      entity="portfolios"
      subtitle={(p) => (
        <>
          Portfolio {p.code} · owned by <RefLink entity="offices" id={p.officeId} />
          <SubtitleRef text="part of" entity="portfolios" id={p.parentId} />
        </>
      )}
      actions={(p) => (
        <MoveParentButton
          entity="portfolios"
          item={p}
          schema={PortfolioUpdate}
          label="Parent portfolio"
          description="Leave empty to make it a top-level portfolio"
        />
      )}
      tabs={(p) => [
        { value: 'contents', label: 'Contents', panel: <Contents portfolio={p} /> },
        ...(health
          ? [{ value: 'health', label: 'Health', panel: <HealthTab scope="portfolio" id={p.id} /> }]
          : []),
        detailsTab('portfolios', p, portfolioValues, PortfolioUpdate, (form) => (
          <PortfolioFields form={form} selfId={p.id} />
        )),
        { value: 'timeline', label: 'Timeline', panel: <TimelinePanel kind="portfolio" id={p.id} /> },
        {
          value: 'raid',
          label: 'RAID',
          panel: <RaidTab scope={{ portfolioId: p.id }} writable={!p.archivedAt} />,
        },
        ...(planning
          ? [
              {
                value: 'plan-of-record',
                label: 'Plan of record',
                panel: <PlanOfRecordTab portfolioId={p.id} />,
              },
            ]
          : []),
      ]}
    />
  );
}
