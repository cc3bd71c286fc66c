import { Alert, Badge, Paper, SimpleGrid, Tabs, Text } from '@mantine/core';
import type { Scenario } from '@pharos/api';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { HistoryTab } from '../../ui/history-tab';
import { AnchorLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { RefLink } from '../../ui/ref-link';
import { CandidatesTab } from './candidates-tab';
import { ConstraintsTab } from './constraints-tab';
import { FrontierTab } from './frontier-tab';
import { CommitButton, ExportButtons } from './scenario-actions';
import { useScenario } from './scenario-api';
import { gapLabel, monthName, objectiveLabel, planValue } from './scenario-format';
import { useMoney } from './scenario-money';
import { JobProgress, SolveButtons } from './solve-progress';
import { TimelineTab } from './timeline-tab';
import { WhyTab } from './why-tab';

export function ScenarioStatusBadge({ status }: { status: Scenario['status'] }) {
  return (
    <Badge color={status === 'committed' ? 'teal' : 'gray'} variant="light" radius="sm">
      {status === 'committed' ? 'Committed' : 'Draft'}
    </Badge>
  );
}

function Stat({ label, value, testId }: { label: string; value: ReactNode; testId?: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text fw={600} fz="lg" data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}

function Summary({ scenario }: { scenario: Scenario }) {
  const money = useMoney();
  const p = scenario.plan;
  const selected = p ? p.starts.filter((s) => s !== null).length : null;
  const source = p ? (p.source === 'manual' ? 'set by hand' : `${p.source}, ${p.status}`) : 'not solved yet';
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
        <Stat label="Objective" value={objectiveLabel[scenario.body.objective] ?? scenario.body.objective} />
        <Stat
          label="Plan value"
          value={planValue(scenario.body.objective, p?.value, money.currency)}
          testId="plan-value"
        />
        <Stat label="Gap" value={p?.source === 'manual' ? '—' : gapLabel(p?.gap)} testId="plan-gap" />
        <Stat
          label="Selected"
          value={selected === null ? '—' : `${selected} of ${scenario.body.candidates.length}`}
        />
        <Stat
          label="Plan"
          value={
            <Text span fw={600} fz="sm">
              {source}
            </Text>
          }
        />
        <Stat
          label="Computed"
          value={
            <Text span fw={600} fz="sm">
              {p ? formatDateTime(p.at) : '—'}
            </Text>
          }
        />
      </SimpleGrid>
    </Paper>
  );
}

const tabs = ['timeline', 'candidates', 'constraints', 'frontier', 'why', 'history'] as const;

function ScenarioView({ scenario }: { scenario: Scenario }) {
  const search: { tab?: string } = useSearch({ strict: false });
  const navigate = useNavigate();
  const tab = tabs.includes(search.tab as never) ? (search.tab as string) : 'timeline';
  const { horizon } = scenario.body;
  const stale = scenario.plan !== null && scenario.plan.forVersion < scenario.version;
  return (
    <>
      <PageHeader
        title={scenario.name}
        badges={<ScenarioStatusBadge status={scenario.status} />}
        subtitle={
          <>
            Scenario {scenario.code} · portfolio <RefLink entity="portfolios" id={scenario.portfolioId} /> ·{' '}
            {monthName(horizon, 0)} – {monthName(horizon, horizon.months - 1)} ({horizon.months} months) ·{' '}
            {scenario.body.candidates.length} candidates
          </>
        }
        actions={
          <>
            <SolveButtons scenario={scenario} />
            <ExportButtons scenario={scenario} />
            <CommitButton scenario={scenario} />
          </>
        }
      />
      <JobProgress scenario={scenario} />
      {stale && (
        <Alert color="yellow" mb="md" title="The plan is out of date">
          The scenario changed after this plan was computed (version {scenario.plan!.forVersion}, now{' '}
          {scenario.version}). Solve again to plan with the changes.
        </Alert>
      )}
      {scenario.status === 'committed' && (
        <Alert color="teal" mb="md">
          Committed {formatDateTime(scenario.committedAt)}: this plan is the portfolio's{' '}
          <AnchorLink
            to="/portfolios/$id"
            params={{ id: scenario.portfolioId }}
            search={{ tab: 'plan-of-record' }}
          >
            plan of record
          </AnchorLink>
          ; the scenario can no longer change.
        </Alert>
      )}
      <Summary scenario={scenario} />
      {scenario.plan && scenario.plan.violations.length > 0 && (
        <Alert color="red" mb="md" title={`The plan breaks ${scenario.plan.violations.length} rule(s)`}>
          <Text size="sm">{scenario.plan.violations.slice(0, 8).join(' · ')}</Text>
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(t) => t && navigate({ to: '.', search: { tab: t } as never, replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
          <Tabs.Tab value="candidates">Candidates</Tabs.Tab>
          <Tabs.Tab value="constraints">Constraints</Tabs.Tab>
          <Tabs.Tab value="frontier">Frontier</Tabs.Tab>
          <Tabs.Tab value="why">Why</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="timeline">
          <TimelineTab scenario={scenario} />
        </Tabs.Panel>
        <Tabs.Panel value="candidates">
          <CandidatesTab scenario={scenario} />
        </Tabs.Panel>
        <Tabs.Panel value="constraints">
          <ConstraintsTab scenario={scenario} />
        </Tabs.Panel>
        <Tabs.Panel value="frontier">
          <FrontierTab scenario={scenario} />
        </Tabs.Panel>
        <Tabs.Panel value="why">
          <WhyTab scenario={scenario} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryTab entityType="scenario" id={scenario.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** A scenario: its plan on a time line, candidates, constraints, frontier, explanations, history. */
export function ScenarioPage(): ReactNode {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useScenario(id);
  return (
    <QueryState query={q} label="Loading the scenario">
      {() => <ScenarioView scenario={q.data!} />}
    </QueryState>
  );
}
