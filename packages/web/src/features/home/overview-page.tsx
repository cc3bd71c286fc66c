import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { projectStatuses } from '@pharos/api';
import type { ReactNode } from 'react';
import { useEntityList } from '../../api/hooks';
import { useMe } from '../../api/me';
import { formatDateTime, humanize } from '../../lib/format';
import { StatusBadge } from '../../ui/badges';
import { DataTable } from '../../ui/data-table';
import { AnchorLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { RefLink } from '../../ui/ref-link';

type CountPath = '/offices' | '/portfolios' | '/programs' | '/projects' | '/operations';

function Count({ label, total, to }: { label: string; total: number | undefined; to: CountPath }) {
  return (
    <Card withBorder padding="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={600} lh={1.3}>
        {total ?? '…'}
      </Text>
      <AnchorLink to={to} size="sm">
        Open {label.toLowerCase()}
      </AnchorLink>
    </Card>
  );
}

function StatusCount({ status }: { status: (typeof projectStatuses)[number] }) {
  const q = useEntityList('projects', { status, pageSize: 1 });
  return (
    <Group justify="space-between" wrap="nowrap">
      <AnchorLink to="/projects" search={{ status }} size="sm">
        <StatusBadge status={status} />
      </AnchorLink>
      <Text size="sm" fw={600} aria-label={`${humanize(status)} projects`}>
        {q.data?.total ?? '…'}
      </Text>
    </Group>
  );
}

/** The landing page: how much work there is, in what state, and what changed lately. */
export function OverviewPage(): ReactNode {
  const me = useMe();
  const first = { pageSize: 1 } as const;
  const offices = useEntityList('offices', first);
  const portfolios = useEntityList('portfolios', first);
  const programs = useEntityList('programs', first);
  const projects = useEntityList('projects', first);
  const operations = useEntityList('operations', first);
  const recent = useEntityList('projects', { pageSize: 8, sort: '-updatedAt' });
  return (
    <>
      <PageHeader title="Overview" subtitle={me ? `Welcome, ${me.user.name}.` : undefined} />
      <Stack gap="xl">
        <section aria-labelledby="counts-heading">
          <Title order={2} fz="h4" id="counts-heading" mb="sm">
            The registry
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }}>
            <Count label="Offices" total={offices.data?.total} to="/offices" />
            <Count label="Portfolios" total={portfolios.data?.total} to="/portfolios" />
            <Count label="Programs" total={programs.data?.total} to="/programs" />
            <Count label="Projects" total={projects.data?.total} to="/projects" />
            <Count label="Operations" total={operations.data?.total} to="/operations" />
          </SimpleGrid>
        </section>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <Card withBorder padding="md" component="section" aria-labelledby="status-heading">
            <Title order={2} fz="h5" id="status-heading" mb="sm">
              Projects by status
            </Title>
            <Stack gap="xs">
              {projectStatuses.map((s) => (
                <StatusCount key={s} status={s} />
              ))}
            </Stack>
          </Card>
          <section aria-labelledby="recent-heading" style={{ gridColumn: 'span 2' }}>
            <Title order={2} fz="h5" id="recent-heading" mb="sm">
              Recently changed projects
            </Title>
            <DataTable
              caption="Recently changed projects"
              columns={[
                {
                  key: 'name',
                  label: 'Project',
                  render: (p) => (
                    <AnchorLink to="/projects/$id" params={{ id: p.id }} size="sm">
                      {p.code} · {p.name}
                    </AnchorLink>
                  ),
                },
                { key: 'status', label: 'Status', render: (p) => <StatusBadge status={p.status} /> },
                {
                  key: 'office',
                  label: 'Office',
                  wide: true,
                  render: (p) => <RefLink entity="offices" id={p.officeId} short />,
                },
                {
                  key: 'changed',
                  label: 'Changed',
                  render: (p) => <Text size="sm">{formatDateTime(p.updatedAt)}</Text>,
                },
              ]}
              rows={recent.data?.items ?? []}
              total={recent.data?.total ?? 0}
              page={1}
              pageSize={8}
              loading={recent.isPending}
              empty="No projects yet."
            />
          </section>
        </SimpleGrid>
      </Stack>
    </>
  );
}
