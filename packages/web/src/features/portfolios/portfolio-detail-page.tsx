import { Button, Group, Stack, Text } from '@mantine/core';
import {
  OperationCreate,
  type Portfolio,
  PortfolioCreate,
  PortfolioUpdate,
  ProgramCreate,
  ProjectCreate,
} from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { DataTable } from '../../ui/data-table';
import { DetailPage } from '../../ui/detail-page';
import { EditEntityForm } from '../../ui/edit-entity-form';
import { FormEntitySelect } from '../../ui/form-fields';
import { AnchorLink } from '../../ui/links';
import { MoveButton } from '../../ui/move-button';
import { RefLink } from '../../ui/ref-link';
import { newOperationValues, OperationFields } from '../operations/operation-fields';
import { operationColumns } from '../operations/operations-page';
import { newProgramValues, ProgramFields } from '../programs/program-fields';
import { programColumns } from '../programs/programs-page';
import { newProjectValues, ProjectFields } from '../projects/project-fields';
import { RelatedProjects } from '../projects/related-projects';
import { newPortfolioValues, PortfolioFields, portfolioValues } from './portfolio-fields';

const route = getRouteApi('/app/portfolios/$id');

type Creating = 'portfolio' | 'program' | 'project' | 'operation' | null;

function Section({ title, children, more }: { title: string; children: ReactNode; more?: ReactNode }) {
  return (
    <section aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{title}</Text>
        {more}
      </Group>
      {children}
    </section>
  );
}

function Contents({ portfolio }: { portfolio: Portfolio }) {
  const [creating, setCreating] = useState<Creating>(null);
  const can = {
    portfolio: useAbility('portfolio.create'),
    program: useAbility('program.create'),
    project: useAbility('project.create'),
    operation: useAbility('operation.create'),
  };
  const children = useEntityList('portfolios', { parentId: portfolio.id, pageSize: 100, sort: 'code' });
  const programs = useEntityList('programs', { portfolioId: portfolio.id, pageSize: 100, sort: 'code' });
  const operations = useEntityList('operations', { portfolioId: portfolio.id, pageSize: 100, sort: 'code' });
  const active = portfolio.archivedAt === null;
  const close = () => setCreating(null);
  const preset = { officeId: portfolio.officeId };
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
        <Section title="Sub-portfolios">
          <DataTable
            caption="Sub-portfolios"
            columns={[
              {
                key: 'name',
                label: 'Portfolio',
                render: (p) => (
                  <AnchorLink to="/portfolios/$id" params={{ id: p.id }} size="sm">
                    {p.code} · {p.name}
                  </AnchorLink>
                ),
              },
              {
                key: 'manager',
                label: 'Manager',
                render: (p) => <RefLink entity="users" id={p.managerId} short />,
              },
            ]}
            rows={children.data?.items ?? []}
            total={children.data?.total ?? 0}
            page={1}
            pageSize={100}
          />
        </Section>
      )}
      <Section title="Programs">
        <DataTable
          caption="Programs"
          columns={programColumns}
          rows={programs.data?.items ?? []}
          total={programs.data?.total ?? 0}
          page={1}
          pageSize={100}
          loading={programs.isPending}
          empty="No programs in this portfolio."
        />
      </Section>
      <RelatedProjects
        filter={{ portfolioId: portfolio.id }}
        caption="Projects (directly and in its programs)"
        empty="No projects in this portfolio."
      />
      <Section title="Operations">
        <DataTable
          caption="Operations"
          columns={operationColumns}
          rows={operations.data?.items ?? []}
          total={operations.data?.total ?? 0}
          page={1}
          pageSize={100}
          loading={operations.isPending}
          empty="No operations in this portfolio."
        />
      </Section>
      <CreateEntityModal
        entity="portfolios"
        opened={creating === 'portfolio'}
        onClose={close}
        schema={PortfolioCreate}
        initial={newPortfolioValues({ ...preset, parentId: portfolio.id })}
      >
        {(form) => <PortfolioFields form={form} />}
      </CreateEntityModal>
      <CreateEntityModal
        entity="programs"
        opened={creating === 'program'}
        onClose={close}
        schema={ProgramCreate}
        initial={newProgramValues({ ...preset, portfolioId: portfolio.id })}
      >
        {(form) => <ProgramFields form={form} />}
      </CreateEntityModal>
      <CreateEntityModal
        entity="projects"
        opened={creating === 'project'}
        onClose={close}
        schema={ProjectCreate}
        initial={newProjectValues({ ...preset, portfolioId: portfolio.id })}
      >
        {(form) => <ProjectFields form={form} />}
      </CreateEntityModal>
      <CreateEntityModal
        entity="operations"
        opened={creating === 'operation'}
        onClose={close}
        schema={OperationCreate}
        initial={newOperationValues({ ...preset, portfolioId: portfolio.id })}
      >
        {(form) => <OperationFields form={form} />}
      </CreateEntityModal>
    </Stack>
  );
}

export function PortfolioDetailPage(): ReactNode {
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <DetailPage
      entity="portfolios"
      id={id}
      tab={tab}
      onTab={(t) => navigate({ search: { tab: t }, replace: true })}
      subtitle={(p) => (
        <>
          Portfolio {p.code} · owned by <RefLink entity="offices" id={p.officeId} />
          {p.parentId && (
            <>
              {' '}
              · part of <RefLink entity="portfolios" id={p.parentId} />
            </>
          )}
        </>
      )}
      actions={(p) => (
        <MoveButton
          entity="portfolios"
          item={p}
          toValues={(x) => ({ parentId: x.parentId })}
          schema={PortfolioUpdate}
        >
          {(form) => (
            <FormEntitySelect
              form={form}
              name="parentId"
              entity="portfolios"
              label="Parent portfolio"
              description="Leave empty to make it a top-level portfolio"
              excludeId={p.id}
            />
          )}
        </MoveButton>
      )}
      tabs={(p) => [
        { value: 'contents', label: 'Contents', panel: <Contents portfolio={p} /> },
        {
          value: 'details',
          label: 'Details',
          panel: (
            <EditEntityForm entity="portfolios" item={p} toValues={portfolioValues} schema={PortfolioUpdate}>
              {(form) => <PortfolioFields form={form} selfId={p.id} />}
            </EditEntityForm>
          ),
        },
      ]}
    />
  );
}
