import { Text } from '@mantine/core';
import type { ProjectType } from '@pharos/api';
import type { ReactNode } from 'react';
import type { ListSpec } from '../../lib/list-state';
import type { Column } from '../../ui/data-table';
import { codeColumn, nameColumn, RegistryListPage, updatedColumn } from '../../ui/registry-list';
import { projectTypeCreate } from './project-type-fields';

export const projectTypeListSpec: ListSpec<never> = {
  sortFields: ['code', 'name', 'updatedAt'],
  defaultSort: 'name',
  filters: {},
};

const columns: Column<ProjectType>[] = [
  codeColumn('/project-types/$id', 140),
  nameColumn('/project-types/$id'),
  {
    key: 'description',
    label: 'Description',
    wide: true,
    render: (t) => (
      <Text size="sm" lineClamp={2} c="dimmed">
        {t.description || '—'}
      </Text>
    ),
  },
  updatedColumn(),
];

export function ProjectTypesPage(): ReactNode {
  return (
    <RegistryListPage
      entity="projectTypes"
      spec={projectTypeListSpec}
      title="Project types"
      subtitle="A project's type drives its template, its lifecycle and its forecast formula."
      columns={columns}
      empty="Nothing here yet."
      create={projectTypeCreate}
    />
  );
}
