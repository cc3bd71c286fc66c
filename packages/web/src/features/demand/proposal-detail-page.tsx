import { Badge, Group, Tabs } from '@mantine/core';
import type { DemandSettings } from '@pharos/api';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { type ProposalDetail, useDemandSettings, useProposal } from './demand-api';
import { ProposalActions } from './proposal-actions';
import { ProposalForm } from './proposal-form';
import { ProposalHistory } from './proposal-history';
import { ProposalOverview } from './proposal-overview';
import { ProposalScoring } from './proposal-scoring';
import { ProposalStatusBadge } from './proposal-status';

function Page({ p, settings }: { p: ProposalDetail; settings: DemandSettings }) {
  const search: { tab?: string } = useSearch({ strict: false });
  const navigate = useNavigate();
  const tabs = [
    { value: 'overview', label: 'Overview', panel: <ProposalOverview p={p} currency={settings.currency} /> },
    { value: 'scoring', label: 'Scoring', panel: <ProposalScoring p={p} /> },
    ...(p.abilities.update && p.status !== 'converted'
      ? [{ value: 'edit', label: 'Edit', panel: <ProposalForm key={p.id} settings={settings} item={p} /> }]
      : []),
    { value: 'history', label: 'History', panel: <ProposalHistory p={p} /> },
  ];
  const active = tabs.some((t) => t.value === search.tab) ? (search.tab as string) : 'overview';
  return (
    <>
      <PageHeader
        title={p.title}
        subtitle={
          <Group gap={6} component="span">
            {p.code} · {p.labels.orgUnitId ?? 'Business unit'} · {p.labels.officeId ?? 'Office'}
            {p.labels.portfolioId && <> · {p.labels.portfolioId}</>}
          </Group>
        }
        badges={
          <>
            <ProposalStatusBadge status={p.status} size="lg" />
            {p.mandatory && (
              <Badge color="red" variant="outline" radius="sm" size="lg">
                Mandatory
              </Badge>
            )}
            {p.score !== null && (
              <Badge color="dark" variant="light" radius="sm" size="lg" title="Total score out of 100">
                Score {p.score.toFixed(1)}
              </Badge>
            )}
          </>
        }
        archived={p.archivedAt !== null}
        actions={<ProposalActions p={p} />}
      />
      <Tabs
        value={active}
        onChange={(v) => v && navigate({ to: '.', search: { tab: v } as never, replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          {tabs.map((t) => (
            <Tabs.Tab key={t.value} value={t.value}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            {t.panel}
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}

/** One proposal: its status and the steps you may take, and its overview, scoring and history. */
export function ProposalDetailPage(): ReactNode {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useProposal(id);
  const settings = useDemandSettings();
  return (
    <QueryState query={q} label="Loading proposal">
      {() => (
        <QueryState query={settings} label="Loading">
          {() => q.data && settings.data && <Page p={q.data} settings={settings.data} />}
        </QueryState>
      )}
    </QueryState>
  );
}
