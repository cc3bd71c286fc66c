import { Button, Text } from '@mantine/core';
import type { ScenarioSummary } from '@pharos/api';
import { type ReactNode, useState } from 'react';
import { useAbility } from '../../api/me';
import { formatDateTime } from '../../lib/format';
import type { ListSearch, ListSpec } from '../../lib/list-state';
import { nextSort } from '../../lib/list-state';
import { type Column, DataTable } from '../../ui/data-table';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { FilterSelect, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { RefLink } from '../../ui/ref-link';
import { ListFilters, useListRoute } from '../../ui/registry-list';
import { type ListQuery, useScenarioList } from './scenario-api';
import { ScenarioCreateModal } from './scenario-create-modal';
import { gapLabel, objectiveLabel, planValue } from './scenario-format';
import { ScenarioImportModal } from './scenario-import-modal';
import { useMoney } from './scenario-money';
import { ScenarioStatusBadge } from './scenario-page';

export type ScenarioFilter = 'portfolioId' | 'status';
export const scenarioListSpec: ListSpec<ScenarioFilter> = {
  sortFields: ['code', 'name', 'updatedAt'],
  defaultSort: '-updatedAt',
  filters: { portfolioId: { kind: 'id' }, status: { kind: 'enum', values: ['draft', 'committed'] } },
};

type Row = ScenarioSummary & { objective?: string };

function useColumns(): Column<Row>[] {
  const money = useMoney();
  return [
    {
      key: 'code',
      label: 'Code',
      sort: 'code',
      nowrap: true,
      render: (r) => (
        <AnchorLink to="/scenarios/$id" params={{ id: r.id }} fw={500} size="sm">
          {r.code}
        </AnchorLink>
      ),
    },
    {
      key: 'name',
      label: 'Name',
      sort: 'name',
      render: (r) => (
        <AnchorLink to="/scenarios/$id" params={{ id: r.id }} size="sm" c="inherit">
          {r.name}
        </AnchorLink>
      ),
    },
    {
      key: 'portfolio',
      label: 'Portfolio',
      render: (r) => <RefLink entity="portfolios" id={r.portfolioId} short fallback={r.labels.portfolioId} />,
    },
    {
      key: 'objective',
      label: 'Objective',
      wide: true,
      render: (r) => (
        <Text size="sm">{r.objective ? (objectiveLabel[r.objective] ?? r.objective) : '—'}</Text>
      ),
    },
    { key: 'candidates', label: 'Candidates', render: (r) => <Text size="sm">{r.candidates}</Text> },
    { key: 'selected', label: 'Selected', render: (r) => <Text size="sm">{r.selected ?? '—'}</Text> },
    {
      key: 'value',
      label: 'Value',
      nowrap: true,
      render: (r) => (
        <Text size="sm">{planValue(r.objective ?? 'score', r.plan?.value, money.currency)}</Text>
      ),
    },
    {
      key: 'gap',
      label: 'Gap',
      nowrap: true,
      render: (r) => <Text size="sm">{r.plan?.source === 'manual' ? 'by hand' : gapLabel(r.plan?.gap)}</Text>,
    },
    { key: 'status', label: 'Status', render: (r) => <ScenarioStatusBadge status={r.status} /> },
    {
      key: 'updated',
      label: 'Last changed',
      sort: 'updatedAt',
      wide: true,
      render: (r) => <Text size="sm">{formatDateTime(r.updatedAt)}</Text>,
    },
  ];
}

/** The scenarios of the portfolios you may see: what each maximizes, its plan's value and gap, its status. */
export function ScenariosPage(): ReactNode {
  const { search, update, query } = useListRoute<ScenarioFilter, ListSearch<ScenarioFilter>>(
    scenarioListSpec,
  );
  const list = useScenarioList(query as ListQuery);
  const canCreate = useAbility('scenario.create');
  const [creating, setCreating] = useState<'new' | 'import' | null>(null);
  const columns = useColumns();
  const rows = (list.data?.items ?? []) as Row[];
  return (
    <>
      <PageHeader
        title="Scenarios"
        subtitle="Portfolio plans: which candidates to run and when, within budget and capacity."
        actions={
          <>
            <ButtonLink to="/scenarios/compare" variant="default">
              Compare
            </ButtonLink>
            {canCreate && (
              <Button variant="default" onClick={() => setCreating('import')}>
                Import file
              </Button>
            )}
            {canCreate && <NewButton noun="scenario" onClick={() => setCreating('new')} />}
          </>
        }
      />
      <ListToolbar>
        <SearchBox value={search.q} onChange={(q) => update({ q })} label="Search scenarios" />
        <ListFilters
          search={search}
          update={update}
          filters={[{ param: 'portfolioId', label: 'Portfolio', entity: 'portfolios', width: 240 }]}
        />
        <FilterSelect
          label="Status"
          value={search.status}
          onChange={(status) => update({ status })}
          data={[
            { value: 'draft', label: 'Draft' },
            { value: 'committed', label: 'Committed' },
          ]}
        />
      </ListToolbar>
      <QueryState query={list} label="Loading scenarios">
        {() => (
          <DataTable
            caption="Scenarios"
            columns={columns}
            rows={rows}
            total={list.data?.total ?? 0}
            page={query.page}
            pageSize={query.pageSize}
            sort={query.sort}
            onSort={(f) => update({ sort: nextSort(query.sort, f) })}
            onPage={(page) => update({ page })}
            onPageSize={(pageSize) => update({ pageSize })}
            loading={list.isFetching}
            empty="No scenarios yet. Start one with “New scenario”, or import a scenario file."
          />
        )}
      </QueryState>
      <ScenarioCreateModal
        opened={creating === 'new'}
        onClose={() => setCreating(null)}
        portfolioId={search.portfolioId}
      />
      <ScenarioImportModal
        opened={creating === 'import'}
        onClose={() => setCreating(null)}
        portfolioId={search.portfolioId}
      />
    </>
  );
}
