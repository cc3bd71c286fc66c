import { Badge, Switch, Text } from '@mantine/core';
import type { Proposal } from '@pharos/api';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useAbility, useMe } from '../../api/me';
import { nextSort } from '../../lib/list-state';
import { type Column, DataTable } from '../../ui/data-table';
import { AnchorLink } from '../../ui/links';
import { ArchivedToggle, FilterGroup, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { dateColumn, type ListFilter, ListFilters, useListRoute } from '../../ui/registry-list';
import { ViewSwitch } from '../../ui/view-switch';
import css from './demand.module.css';
import { type ProposalListQuery, useDemandSettings, useProposals } from './demand-api';
import { formatMoneyShort } from './money';
import { PipelineSummaryPanel } from './pipeline-summary';
import { ProposalBoard, ScoreText } from './proposal-board';
import { type ProposalFilter, type ProposalSearch, proposalListSpec } from './proposal-list';
import { formatDays, ProposalStatusBadge, proposalStatusOptions } from './proposal-status';

function columns(currency: string): Column<Proposal>[] {
  return [
    {
      key: 'code',
      label: 'Code',
      sort: 'code',
      nowrap: true,
      render: (p) => (
        <AnchorLink to="/proposals/$id" params={{ id: p.id }} size="sm" fw={500}>
          {p.code}
        </AnchorLink>
      ),
    },
    {
      key: 'title',
      label: 'Title',
      sort: 'title',
      width: 260,
      render: (p) => (
        <AnchorLink to="/proposals/$id" params={{ id: p.id }} size="sm" c="inherit">
          {p.title}
          {p.mandatory && (
            <Badge ml={6} size="xs" color="red" variant="outline" radius="sm">
              Mandatory
            </Badge>
          )}
        </AnchorLink>
      ),
    },
    {
      key: 'status',
      label: 'Status',
      sort: 'status',
      nowrap: true,
      render: (p) => <ProposalStatusBadge status={p.status} />,
    },
    { key: 'bu', label: 'Business unit', render: (p) => <Text size="sm">{p.labels.orgUnitId ?? '—'}</Text> },
    {
      key: 'office',
      label: 'Office',
      wide: true,
      render: (p) => <Text size="sm">{p.labels.officeId ?? '—'}</Text>,
    },
    {
      key: 'npv',
      label: 'NPV',
      nowrap: true,
      render: (p) => (
        <Text size="sm" className={css.num} c={p.measures.npv < 0 ? 'red.7' : undefined}>
          {formatMoneyShort(p.measures.npv, currency)}
        </Text>
      ),
    },
    { key: 'score', label: 'Score', nowrap: true, render: (p) => <ScoreText score={p.score} /> },
    {
      key: 'waiting',
      label: 'Waiting',
      nowrap: true,
      render: (p) => <Text size="sm">{formatDays(p.daysWaiting)}</Text>,
    },
    dateColumn('submitted', 'Submitted', 'submittedAt', (p) => p.submittedAt?.slice(0, 10) ?? null),
    {
      key: 'start',
      label: 'Earliest start',
      sort: 'earliestStart',
      nowrap: true,
      wide: true,
      render: (p) => <Text size="sm">{p.earliestStart}</Text>,
    },
  ];
}

type TableQuery = ProposalListQuery & { page: number; pageSize: number; sort?: string };

function ProposalTable({ query, update }: { query: TableQuery; update: (c: object) => void }) {
  const list = useProposals(query);
  const settings = useDemandSettings();
  return (
    <QueryState query={list} label="Loading proposals">
      {() => (
        <DataTable
          caption="Proposals"
          columns={columns(settings.data?.currency ?? 'EUR')}
          rows={list.data?.items ?? []}
          total={list.data?.total ?? 0}
          page={query.page}
          pageSize={query.pageSize}
          sort={query.sort}
          onSort={(f) => update({ sort: nextSort(query.sort, f) })}
          onPage={(page) => update({ page })}
          onPageSize={(pageSize) => update({ pageSize })}
          loading={list.isFetching}
          rowMuted={(p) => p.archivedAt !== null}
          empty="No proposals match these filters."
        />
      )}
    </QueryState>
  );
}

/** Demand intake: the pipeline, and every proposal as a board or a table. */
export function ProposalsPage(): ReactNode {
  const { search, update, query } = useListRoute<ProposalFilter, ProposalSearch>(proposalListSpec);
  const canCreate = useAbility('proposal.create');
  const me = useMe();
  const navigate = useNavigate();
  const table = search.view === 'table';
  const filters: ListFilter<ProposalFilter>[] = [
    { param: 'status', label: 'Status', options: proposalStatusOptions },
    { param: 'officeId', label: 'Office', entity: 'offices' },
  ];
  if (me?.abilities['portfolio.read'] !== false)
    filters.push({ param: 'portfolioId', label: 'Portfolio', entity: 'portfolios' });
  const apiQuery = query as TableQuery;
  return (
    <>
      <PageHeader
        title="Proposals"
        subtitle="Demand from the business: from intake through screening, scoring and decision."
        actions={
          canCreate && <NewButton noun="proposal" onClick={() => void navigate({ to: '/proposals/new' })} />
        }
      />
      <PipelineSummaryPanel
        query={{ officeId: search.officeId, portfolioId: search.portfolioId }}
        active={search.status}
        onPick={(status) => update({ status })}
      />
      <ListToolbar>
        <ViewSwitch
          views={[
            { value: 'board', label: 'Board' },
            { value: 'table', label: 'Table' },
          ]}
        />
        <SearchBox
          value={search.q}
          onChange={(q) => update({ q })}
          label="Search proposals"
          placeholder="Search code or title"
        />
        <FilterGroup active={Object.keys(search).filter((k) => filters.some((f) => f.param === k)).length}>
          <ListFilters filters={filters} search={search} update={update} w={170} />
        </FilterGroup>
        {table ? (
          <ArchivedToggle value={search.archived} onChange={(archived) => update({ archived })} />
        ) : (
          <Switch
            label="Show closed"
            title="Also show converted, rejected and deferred proposals"
            mb={8}
            checked={search.closed === 'show'}
            onChange={(e) => update({ closed: e.currentTarget.checked ? 'show' : undefined } as never)}
          />
        )}
      </ListToolbar>
      {table ? (
        <ProposalTable query={apiQuery} update={update} />
      ) : (
        <ProposalBoard query={apiQuery} showClosed={search.closed === 'show' || Boolean(search.status)} />
      )}
    </>
  );
}
