import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useEntityList } from '../../api/hooks';
import { DataTable } from '../../ui/data-table';
import { ButtonLink } from '../../ui/links';
import type { ProjectSearch } from './project-list';
import { projectColumns } from './projects-page';

const shown = 25;

/** The projects under an office, type, portfolio or program, with a link to the full filtered list. */
export function RelatedProjects({
  filter,
  caption,
  empty,
  actions,
}: {
  filter: Pick<
    ProjectSearch,
    'typeId' | 'officeId' | 'portfolioId' | 'programId' | 'objectiveId' | 'orgUnitId'
  >;
  caption: string;
  empty: string;
  actions?: ReactNode;
}) {
  const list = useEntityList('projects', { ...filter, pageSize: shown, sort: 'code' });
  const total = list.data?.total ?? 0;
  return (
    <section aria-label={caption}>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{caption}</Text>
        {actions}
      </Group>
      <DataTable
        caption={caption}
        columns={projectColumns}
        rows={list.data?.items ?? []}
        total={total}
        page={1}
        pageSize={shown}
        loading={list.isPending}
        empty={empty}
      />
      {total > 0 && (
        <ButtonLink to="/projects" search={filter} variant="subtle" mt="sm" size="sm">
          {total > shown ? `See all ${total} projects` : 'Open in the project list'}
        </ButtonLink>
      )}
    </section>
  );
}
