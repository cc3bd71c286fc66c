import {
  Alert,
  Box,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  useComputedColorScheme,
  useMantineTheme,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { FrontierPointT, Scenario } from '@pharos/api';
import { planUsage } from '@pharos/engine';
import { type ReactNode, useMemo, useState } from 'react';
import { errorMessage } from '../../api/client';
import { useEChart } from '../../ui/use-echart';
import { engineScenario } from './plan-state';
import { useJob, useJobActions, useSetPlan } from './scenario-api';
import { gapLabel, planValue } from './scenario-format';
import { type Money, useMoney } from './scenario-money';

/**
 * Where the current plan sits on the budget axis: at the scenario's own limits (level 1, their sum),
 * as the frontier's points sit at theirs; without limits, at what it spends.
 */
function planPoint(s: Scenario): { budget: number; cost: number } | null {
  if (!s.plan) return null;
  const u = planUsage(engineScenario(s.body), s.plan.starts);
  const cost = u.spend.reduce((a, b) => a + b, 0);
  const limits = u.limit.filter((x) => Number.isFinite(x));
  return { budget: limits.length ? limits.reduce((a, b) => a + b, 0) : cost, cost };
}

function chartOption(s: Scenario, points: FrontierPointT[], money: Money, dark: boolean, colors: string[]) {
  const fmt = (v: number) => planValue(s.body.objective, v, money.currency);
  const solved = points.filter((p) => p.value !== null).sort((a, b) => a.budget - b.budget);
  const current = planPoint(s);
  const text = dark ? '#c9c9c9' : '#495057';
  const grid = dark ? '#373a40' : '#e9ecef';
  return {
    aria: { enabled: true },
    animationDuration: 300,
    grid: { left: 72, right: 32, top: 40, bottom: 56 },
    legend: { top: 0, right: 16, textStyle: { color: text } },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; data: { point?: FrontierPointT; value: [number, number] } }) => {
        const pt = p.data.point;
        if (!pt)
          return `Current plan<br/>Spends ${money.format(p.data.value[0])}<br/>Value ${fmt(p.data.value[1])}`;
        return [
          `<b>Budget ${money.format(pt.budget)}</b> (×${pt.level.toFixed(2)} the limits)`,
          `Value ${fmt(pt.value ?? 0)}${pt.bound !== null ? ` · bound ${fmt(pt.bound)}` : ''}`,
          `Gap ${gapLabel(pt.gap)} · ${pt.status}`,
          `${pt.selected} selected · spends ${money.format(pt.cost)}`,
          'Click to look at this plan',
        ].join('<br/>');
      },
    },
    xAxis: {
      type: 'value',
      name: 'Budget (all lines and years)',
      nameLocation: 'middle',
      nameGap: 34,
      scale: true,
      axisLabel: { formatter: (v: number) => money.format(v), color: text },
      nameTextStyle: { color: text },
      splitLine: { lineStyle: { color: grid } },
    },
    yAxis: {
      type: 'value',
      name: s.body.objective === 'npv' ? 'Total NPV' : 'Plan value',
      scale: true,
      axisLabel: { formatter: (v: number) => fmt(v), color: text },
      nameTextStyle: { color: text },
      splitLine: { lineStyle: { color: grid } },
    },
    series: [
      {
        name: 'Efficient frontier',
        type: 'line',
        smooth: false,
        symbol: 'circle',
        symbolSize: 9,
        color: colors[0],
        lineStyle: { width: 2.5 },
        areaStyle: { opacity: 0.08 },
        data: solved.map((p) => ({ value: [p.budget, p.value ?? 0], point: p })),
      },
      {
        name: 'Bound',
        type: 'line',
        symbol: 'none',
        color: colors[1],
        lineStyle: { type: 'dashed', width: 1.5 },
        data: solved
          .filter((p) => p.bound !== null)
          .map((p) => ({ value: [p.budget, p.bound ?? 0], point: p })),
      },
      ...(current && s.plan
        ? [
            {
              name: 'Current plan',
              type: 'scatter',
              symbol: 'diamond',
              symbolSize: 16,
              color: colors[2],
              data: [{ value: [current.budget, s.plan.value] }],
              z: 5,
            },
          ]
        : []),
    ],
  };
}

/** Value against budget at a sweep of budget levels; pick a point to make its plan the scenario's plan. */
export function FrontierTab({ scenario }: { scenario: Scenario }): ReactNode {
  const theme = useMantineTheme();
  const dark = useComputedColorScheme('light') === 'dark';
  const money = useMoney();
  const job = useJob(scenario.id);
  const { frontier } = useJobActions(scenario.id);
  const setPlan = useSetPlan(scenario.id);
  const [picked, setPicked] = useState<FrontierPointT | null>(null);
  const points = scenario.frontier ?? [];
  const option = useMemo(() => {
    const colors = [theme.colors.pharos?.[7] ?? '#2f5b9f', theme.colors.gray[6], theme.colors.orange[6]];
    return points.length ? chartOption(scenario, points, money, dark, colors) : null;
  }, [scenario, points, money, dark, theme]);
  const { ref } = useEChart(option, (e) => {
    const p = (e.data as { point?: FrontierPointT } | undefined)?.point;
    if (p) setPicked(p);
  });
  const running = job.data?.state === 'running';
  const editable = scenario.abilities.update && scenario.status === 'draft';
  if (points.length === 0)
    return (
      <Paper withBorder radius="md" p="xl">
        <Stack align="center" gap="sm">
          <Text c="dimmed" size="sm" ta="center" maw={520}>
            The efficient frontier shows the best plan value at a sweep of budget levels (from well under the
            limits to well over them): where more money buys much more value, and where it stops paying.
          </Text>
          {editable && (
            <Button
              loading={frontier.isPending}
              disabled={running}
              onClick={() =>
                frontier.mutate(
                  {},
                  { onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }) },
                )
              }
            >
              Compute the frontier
            </Button>
          )}
        </Stack>
      </Paper>
    );
  const fmt = (v: number | null) => planValue(scenario.body.objective, v, money.currency);
  return (
    <Stack gap="sm">
      <Paper withBorder radius="md" p="sm">
        <Box
          ref={ref}
          h={420}
          data-testid="frontier-chart"
          role="img"
          aria-label="Efficient frontier: plan value against budget"
        />
      </Paper>
      <PointsTable points={points} scenario={scenario} money={money} picked={picked} onPick={setPicked} />
      {picked ? (
        <Paper withBorder radius="md" p="sm">
          <Group justify="space-between" wrap="wrap">
            <Text size="sm">
              <b>Budget {money.format(picked.budget)}</b> (×{picked.level.toFixed(2)} the limits): value{' '}
              {fmt(picked.value)}, {picked.selected} selected, spends {money.format(picked.cost)}, gap{' '}
              {gapLabel(picked.gap)}.
            </Text>
            {editable && (
              <Button
                size="sm"
                loading={setPlan.isPending}
                onClick={() =>
                  setPlan.mutate(
                    { version: scenario.version, starts: picked.starts },
                    {
                      onSuccess: () =>
                        notifications.show({
                          color: 'green',
                          message: 'The plan of this point is now the scenario’s plan.',
                        }),
                      onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
                    },
                  )
                }
              >
                Use this plan
              </Button>
            )}
          </Group>
          {picked.level > 1 && (
            <Alert color="yellow" mt="xs" variant="light">
              This point spends more than the limits allow: as the scenario's plan it will show budget
              breaches until the limits are raised.
            </Alert>
          )}
        </Paper>
      ) : (
        <Text size="sm" c="dimmed">
          Click a point of the frontier to look at its plan and use it.
        </Text>
      )}
    </Stack>
  );
}

/** The frontier's points as a table (what the chart shows, for keyboards and screen readers). */
function PointsTable(props: {
  points: FrontierPointT[];
  scenario: Scenario;
  money: Money;
  picked: FrontierPointT | null;
  onPick: (p: FrontierPointT) => void;
}) {
  const { scenario, money } = props;
  const rows = [...props.points].sort((a, b) => a.budget - b.budget);
  return (
    <Paper withBorder radius="md">
      <Table striped verticalSpacing={4} aria-label="Frontier points">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Budget</Table.Th>
            <Table.Th>Of the limits</Table.Th>
            <Table.Th>Value</Table.Th>
            <Table.Th>Gap</Table.Th>
            <Table.Th>Selected</Table.Th>
            <Table.Th>Spends</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr
              key={p.level}
              bg={p === props.picked ? 'var(--mantine-primary-color-light)' : undefined}
            >
              <Table.Td>{money.format(p.budget)}</Table.Td>
              <Table.Td>{Math.round(p.level * 100)}%</Table.Td>
              <Table.Td>
                {p.value === null ? p.status : planValue(scenario.body.objective, p.value, money.currency)}
              </Table.Td>
              <Table.Td>{gapLabel(p.gap)}</Table.Td>
              <Table.Td>{p.selected}</Table.Td>
              <Table.Td>{money.format(p.cost)}</Table.Td>
              <Table.Td>
                <Button
                  size="compact-xs"
                  variant="subtle"
                  disabled={p.value === null}
                  onClick={() => props.onPick(p)}
                >
                  Look at
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
