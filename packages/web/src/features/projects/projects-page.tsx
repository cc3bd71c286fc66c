import { Group } from '@mantine/core';
import { type Project, projectPhases, projectStatuses } from '@pharos/api';
import type { ReactNode } from 'react';
import { options } from '../../lib/format';
import { PhaseBadge, StatusBadge } from '../../ui/badges';
import type { Column } from '../../ui/data-table';
import { RefLink } from '../../ui/ref-link';
import { codeColumn, dateColumn, nameColumn, RegistryListPage, refColumn } from '../../ui/registry-list';
import { projectCreate } from './project-fields';
import { projectListSpec } from './project-list';

export const projectColumns: Column<Project>[] = [
  codeColumn('/projects/$id'),
  nameColumn('/projects/$id', 220),
  {
    key: 'status',
    label: 'Status',
    sort: 'status',
    nowrap: true,
    render: (p) => <StatusBadge status={p.status} />,
  },
  {
    key: 'phase',
    label: 'Phase',
    sort: 'phase',
    nowrap: true,
    render: (p) => <PhaseBadge phase={p.phase} />,
  },
  refColumn('type', 'Type', 'projectTypes', (p) => p.typeId),
  refColumn('office', 'Office', 'offices', (p) => p.officeId),
  {
    key: 'placement',
    label: 'Portfolio / program',
    wide: true,
    render: (p) =>
      p.programId ? (
        <RefLink entity="programs" id={p.programId} short fallback={p.labels.programId} />
      ) : (
        <RefLink entity="portfolios" id={p.portfolioId} short fallback={p.labels.portfolioId} />
      ),
  },
  refColumn('manager', 'Manager', 'users', (p) => p.managerId),
  dateColumn('start', 'Start', 'plannedStart', (p) => p.plannedStart),
  dateColumn('finish', 'Finish', 'plannedFinish', (p) => p.plannedFinish),
];

export function ProjectsPage(): ReactNode {
  return (
    <RegistryListPage
      entity="projects"
      spec={projectListSpec}
      title="Projects"
      subtitle="Every project you may see, across offices and portfolios."
      columns={projectColumns}
      filters={[
        { param: 'status', label: 'Status', options: options(projectStatuses) },
        { param: 'phase', label: 'Phase', options: options(projectPhases) },
        { param: 'typeId', label: 'Type', entity: 'projectTypes', width: 180 },
        { param: 'officeId', label: 'Office', entity: 'offices' },
        { param: 'portfolioId', label: 'Portfolio', entity: 'portfolios' },
        {
          param: 'programId',
          label: 'Program',
          entity: 'programs',
          where: (search) => ({ portfolioId: search.portfolioId }),
        },
      ]}
      empty={
        <Group justify="center" gap={4}>
          No projects match these filters.
        </Group>
      }
      create={projectCreate}
      preset={(search) => ({
        officeId: search.officeId ?? null,
        portfolioId: search.portfolioId ?? null,
        programId: search.programId ?? null,
        typeId: search.typeId ?? null,
      })}
    />
  );
}
