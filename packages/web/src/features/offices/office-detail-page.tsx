import { Group, Stack, Text } from '@mantine/core';
import {
  type Office,
  OfficeCreate,
  OfficeUpdate,
  officeKindLabels,
  type Portfolio,
  PortfolioCreate,
} from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { OfficeKindBadge } from '../../ui/badges';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { type Column, DataTable } from '../../ui/data-table';
import { DetailPage } from '../../ui/detail-page';
import { EditEntityForm } from '../../ui/edit-entity-form';
import { FormEntitySelect } from '../../ui/form-fields';
import { AnchorLink } from '../../ui/links';
import { MoveButton } from '../../ui/move-button';
import { NewButton } from '../../ui/new-button';
import { RefLink } from '../../ui/ref-link';
import { newPortfolioValues, PortfolioFields } from '../portfolios/portfolio-fields';
import { RelatedProjects } from '../projects/related-projects';
import { CharterTab } from './charter-tab';
import { newOfficeValues, OfficeFields, officeValues } from './office-fields';
import { ServicesTab } from './services-tab';

const route = getRouteApi('/app/offices/$id');

const officeColumns: Column<Office>[] = [
  {
    key: 'name',
    label: 'Office',
    render: (o) => (
      <AnchorLink to="/offices/$id" params={{ id: o.id }} size="sm">
        {o.code} · {o.name}
      </AnchorLink>
    ),
  },
  { key: 'kind', label: 'Kind', render: (o) => <OfficeKindBadge kind={o.kind} /> },
  {
    key: 'orgUnit',
    label: 'Organization unit',
    render: (o) => <RefLink entity="orgUnits" id={o.orgUnitId} short />,
  },
];

const portfolioColumns: Column<Portfolio>[] = [
  {
    key: 'name',
    label: 'Portfolio',
    render: (p) => (
      <AnchorLink to="/portfolios/$id" params={{ id: p.id }} size="sm">
        {p.code} · {p.name}
      </AnchorLink>
    ),
  },
  { key: 'parent', label: 'Parent', render: (p) => <RefLink entity="portfolios" id={p.parentId} short /> },
  { key: 'manager', label: 'Manager', render: (p) => <RefLink entity="users" id={p.managerId} short /> },
];

function ChildOffices({ office }: { office: Office }) {
  const list = useEntityList('offices', { parentId: office.id, pageSize: 200, sort: 'code' });
  const canCreate = useAbility('office.create');
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          Offices that report to this one.
        </Text>
        {canCreate && !office.archivedAt && (
          <NewButton noun="child office" onClick={() => setCreating(true)} />
        )}
      </Group>
      <DataTable
        caption="Child offices"
        columns={officeColumns}
        rows={list.data?.items ?? []}
        total={list.data?.total ?? 0}
        page={1}
        pageSize={200}
        loading={list.isPending}
        empty="No offices report to this one."
      />
      <CreateEntityModal
        entity="offices"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={OfficeCreate}
        initial={newOfficeValues({ parentId: office.id, orgUnitId: office.orgUnitId })}
      >
        {(form) => <OfficeFields form={form} />}
      </CreateEntityModal>
    </Stack>
  );
}

function OwnedWork({ office }: { office: Office }) {
  const portfolios = useEntityList('portfolios', { officeId: office.id, pageSize: 200, sort: 'code' });
  const canCreate = useAbility('portfolio.create');
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="xl">
      <section aria-label="Portfolios owned">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>Portfolios owned</Text>
          {canCreate && !office.archivedAt && (
            <NewButton noun="portfolio" onClick={() => setCreating(true)} />
          )}
        </Group>
        <DataTable
          caption="Portfolios owned"
          columns={portfolioColumns}
          rows={portfolios.data?.items ?? []}
          total={portfolios.data?.total ?? 0}
          page={1}
          pageSize={200}
          loading={portfolios.isPending}
          empty="This office owns no portfolios."
        />
      </section>
      <RelatedProjects
        filter={{ officeId: office.id }}
        caption="Projects owned"
        empty="This office owns no projects."
      />
      <CreateEntityModal
        entity="portfolios"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={PortfolioCreate}
        initial={newPortfolioValues({ officeId: office.id })}
      >
        {(form) => <PortfolioFields form={form} />}
      </CreateEntityModal>
    </Stack>
  );
}

export function OfficeDetailPage(): ReactNode {
  const { id } = route.useParams();
  const { tab } = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <DetailPage
      entity="offices"
      id={id}
      tab={tab}
      onTab={(t) => navigate({ search: { tab: t }, replace: true })}
      subtitle={(o) => (
        <>
          {officeKindLabels[o.kind]} {o.code}
          {o.parentId && (
            <>
              {' '}
              · reports to <RefLink entity="offices" id={o.parentId} />
            </>
          )}
          {o.orgUnitId && (
            <>
              {' '}
              · <RefLink entity="orgUnits" id={o.orgUnitId} />
            </>
          )}
        </>
      )}
      badges={(o) => <OfficeKindBadge kind={o.kind} />}
      actions={(o) => (
        <MoveButton
          entity="offices"
          item={o}
          toValues={(x) => ({ parentId: x.parentId })}
          schema={OfficeUpdate}
        >
          {(form) => (
            <FormEntitySelect
              form={form}
              name="parentId"
              entity="offices"
              label="Parent office"
              description="Leave empty to put it at the top of the network"
              excludeId={o.id}
            />
          )}
        </MoveButton>
      )}
      tabs={(o) => [
        { value: 'charter', label: 'Charter', panel: <CharterTab office={o} /> },
        { value: 'services', label: 'Services', panel: <ServicesTab office={o} /> },
        { value: 'offices', label: 'Child offices', panel: <ChildOffices office={o} /> },
        { value: 'work', label: 'Portfolios & projects', panel: <OwnedWork office={o} /> },
        {
          value: 'details',
          label: 'Details',
          panel: (
            <EditEntityForm entity="offices" item={o} toValues={officeValues} schema={OfficeUpdate}>
              {(form) => <OfficeFields form={form} selfId={o.id} />}
            </EditEntityForm>
          ),
        },
      ]}
    />
  );
}
