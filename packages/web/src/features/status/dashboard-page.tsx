import { Button, Grid, Group, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useEntityList } from '../../api/hooks';
import { formatDate } from '../../lib/format';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { AttentionList, MoversList } from './dashboard-lists';
import { DecisionsList, EscalationsList, LateReports } from './dashboard-queues';
import { DashboardTiles } from './dashboard-tiles';
import { exportUrl, type HealthDashboard, useHealthDashboard } from './health-api';
import { periodText } from './health-parts';
import { HealthTrendChart } from './health-trend-chart';

export interface DashboardSearch {
  portfolio?: string;
}

export function parseDashboardSearch(raw: Record<string, unknown>): DashboardSearch {
  return typeof raw.portfolio === 'string' && /^[0-9a-f-]{36}$/i.test(raw.portfolio)
    ? { portfolio: raw.portfolio }
    : {};
}

/** Which part of the organization the dashboard looks at: everything the caller may see, or one portfolio. */
function ScopePicker({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const portfolios = useEntityList('portfolios', { pageSize: 100, sort: 'code' });
  const data = [
    { value: '', label: 'Everything I may see' },
    ...(portfolios.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} · ${p.name}` })),
  ];
  return (
    <Select
      aria-label="Scope"
      data={data}
      value={value ?? ''}
      onChange={(v) => onChange(v || null)}
      allowDeselect={false}
      w={320}
      size="sm"
    />
  );
}

function Body({ d, portfolio }: { d: HealthDashboard; portfolio: string | null }) {
  return (
    <Stack gap="md">
      <DashboardTiles d={d} />
      <Grid gutter="md" align="stretch">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <AttentionList d={d} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md" h="100%">
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="trend-title">
              <Title order={2} fz="h5" id="trend-title">
                Health over {d.trend.length} periods
              </Title>
              <Text size="xs" c="dimmed">
                Projects by colour each period; the band below is the roll-up
              </Text>
              <HealthTrendChart
                trend={d.trend}
                label={`Projects by colour over the last ${d.trend.length} periods`}
              />
            </Paper>
            <MoversList d={d} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <EscalationsList d={d} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DecisionsList d={d} />
        </Grid.Col>
        <Grid.Col span={12}>
          <LateReports d={d} />
        </Grid.Col>
      </Grid>
      {portfolio && (
        <Group gap="xs">
          <Button component="a" href={exportUrl('deck', 'portfolio', portfolio)} variant="light" size="xs">
            Status deck (PowerPoint)
          </Button>
          <Button component="a" href={exportUrl('table', 'portfolio', portfolio)} variant="light" size="xs">
            Health table (Excel)
          </Button>
        </Group>
      )}
    </Stack>
  );
}

/** The executive dashboard: what needs attention today, and why, in one screen. */
export function DashboardPage(): ReactNode {
  const search: DashboardSearch = useSearch({ strict: false });
  const navigate = useNavigate();
  const portfolio = search.portfolio ?? null;
  const q = useHealthDashboard(
    portfolio ? { scope: 'portfolio', id: portfolio, periods: 13 } : { scope: 'organization', periods: 13 },
  );
  const d = q.data;
  return (
    <>
      <PageHeader
        title="Dashboard"
        subtitle={
          d ? (
            <>
              What needs your attention ·{' '}
              {d.scope.kind === 'organization' ? 'everything you may see' : d.scope.name} · reporting period{' '}
              {periodText(d.period)}, due {formatDate(d.period.due)}
            </>
          ) : (
            'What needs your attention'
          )
        }
        actions={
          <ScopePicker
            value={portfolio}
            onChange={(id) => navigate({ to: '.', search: id ? { portfolio: id } : {}, replace: true })}
          />
        }
      />
      <QueryState query={q} label="Reading the portfolio's health">
        {() => <Body d={d!} portfolio={portfolio} />}
      </QueryState>
    </>
  );
}
