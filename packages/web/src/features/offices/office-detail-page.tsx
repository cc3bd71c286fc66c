import { Group, Stack, Text } from '@mantine/core';
import { type Office, OfficeUpdate, officeKindLabels, type Portfolio } from '@pharos/api';
import { type ReactNode, useState } from 'react';
import { useEntityList } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { OfficeKindBadge } from '../../ui/badges';
import { CreateKitModal } from '../../ui/create-entity-modal';
import { type Column, DataTable } from '../../ui/data-table';
import { DetailPage } from '../../ui/detail-page';
import {
  codeNameColumn,
  detailsTab,
  MoveParentButton,
  RelatedSection,
  SubtitleRef,
} from '../../ui/detail-parts';
import { NewButton } from '../../ui/new-button';
import { RefLink } from '../../ui/ref-link';
import { refColumn } from '../../ui/registry-list';
import { AuthorityTab } from '../governance/authority-tab';
import { portfolioCreate } from '../portfolios/portfolio-fields';
import { RelatedProjects } from '../projects/related-projects';
import { RaidTab } from '../raid/raid-tab';
import { HealthTab } from '../status/health-tab';
import { ReportingTab } from '../status/reporting-tab';
import { CharterTab } from './charter-tab';
import { OfficeFields, officeCreate, officeValues } from './office-fields';
import { ServicesTab } from './services-tab';

const officeColumns: Column<Office>[] = [
  codeNameColumn('Office', '/offices/$id'),
  { key: 'kind', label: 'Kind', render: (o) => <OfficeKindBadge kind={o.kind} /> },
  refColumn('orgUnit', 'Organization unit', 'orgUnits', (o) => o.orgUnitId, false),
];

const portfolioColumns: Column<Portfolio>[] = [
  codeNameColumn('Portfolio', '/portfolios/$id'),
  refColumn('parent', 'Parent', 'portfolios', (p) => p.parentId, false),
  refColumn('manager', 'Manager', 'users', (p) => p.managerId, false),
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
      <CreateKitModal
        kit={officeCreate}
        preset={{ parentId: office.id, orgUnitId: office.orgUnitId }}
        opened={creating}
        onClose={() => setCreating(false)}
      />
    </Stack>
  );
}

function OwnedWork({ office }: { office: Office }) {
  return (
    <Stack gap="xl">
      <RelatedSection
        title="Portfolios owned"
        entity="portfolios"
        filter={{ officeId: office.id }}
        columns={portfolioColumns}
        empty="This office owns no portfolios."
        create={{
          kit: portfolioCreate,
          preset: { officeId: office.id },
          noun: 'portfolio',
          allowed: !office.archivedAt,
        }}
      />
      <RelatedProjects
        filter={{ officeId: office.id }}
        caption="Projects owned"
        empty="This office owns no projects."
      />
    </Stack>
  );
}

export function OfficeDetailPage(): ReactNode {
  const health = useAbility('statusReport.read');
  return (
    <DetailPage
      entity="offices"
      subtitle={(o) => (
        <>
          {officeKindLabels[o.kind]} {o.code}
          <SubtitleRef text="reports to" entity="offices" id={o.parentId} />
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
        <MoveParentButton
          entity="offices"
          item={o}
          schema={OfficeUpdate}
          label="Parent office"
          description="Leave empty to put it at the top of the network"
        />
      )}
      tabs={(o) => [
        { value: 'charter', label: 'Charter', panel: <CharterTab office={o} /> },
        { value: 'services', label: 'Services', panel: <ServicesTab office={o} /> },
        { value: 'offices', label: 'Child offices', panel: <ChildOffices office={o} /> },
        { value: 'work', label: 'Portfolios & projects', panel: <OwnedWork office={o} /> },
        ...(health
          ? [{ value: 'health', label: 'Health', panel: <HealthTab scope="office" id={o.id} /> }]
          : []),
        {
          value: 'raid',
          label: 'RAID',
          panel: <RaidTab scope={{ officeId: o.id }} writable={!o.archivedAt} />,
        },
        { value: 'reporting', label: 'Reporting', panel: <ReportingTab office={o} /> },
        { value: 'authority', label: 'Authority', panel: <AuthorityTab office={o} /> },
        detailsTab('offices', o, officeValues, OfficeUpdate, (form) => (
          <OfficeFields form={form} selfId={o.id} />
        )),
      ]}
    />
  );
}
