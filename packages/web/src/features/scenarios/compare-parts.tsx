import { Box, Paper, Progress, Table, Text, Title } from '@mantine/core';
import type { ScenarioComparison } from '@pharos/api';
import { useMemo } from 'react';
import { useEChart } from '../../ui/use-echart';
import { yearMonthName } from './scenario-format';
import type { Money } from './scenario-money';

type Side = ScenarioComparison['scenarios'][number];

/** Spend against its limit, with a bar (red over the limit). */
export function SpendCell({ spend, limit, money }: { spend: number; limit: number | null; money: Money }) {
  const over = limit !== null && spend > limit + 1e-6;
  return (
    <Box maw={220}>
      <Text size="sm" c={over ? 'red.7' : undefined} fw={over ? 600 : 400}>
        {money.format(spend)}
        <Text span c="dimmed" size="xs">
          {limit === null ? ' · no limit' : ` of ${money.format(limit)}`}
        </Text>
      </Text>
      {limit !== null && limit > 0 && (
        <Progress
          size="sm"
          mt={4}
          value={Math.min(100, (100 * spend) / limit)}
          color={over ? 'red' : 'pharos'}
          aria-hidden
        />
      )}
    </Box>
  );
}

export function CostChart({ scenarios, money }: { scenarios: Side[]; money: Money }) {
  const option = useMemo(() => {
    const cats = [
      ...new Set(scenarios.flatMap((x) => x.costByYear.map((k) => `${k.line} Y${k.year + 1}`))),
    ].sort();
    const palette = ['#2f5b9f', '#0ca678', '#f08c00', '#ae3ec9'];
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => money.format(v) },
      legend: { top: 0 },
      grid: { left: 72, right: 24, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: cats },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => money.format(v) } },
      series: scenarios.map((x, k) => ({
        name: x.code,
        type: 'bar',
        color: palette[k % palette.length],
        barMaxWidth: 28,
        data: cats.map((cat) => x.costByYear.find((e) => `${e.line} Y${e.year + 1}` === cat)?.spend ?? 0),
      })),
    };
  }, [scenarios, money]);
  const { ref } = useEChart(option);
  return (
    <Paper withBorder radius="md" p="sm">
      <Box ref={ref} h={260} role="img" aria-label="Spend by line and year per scenario" />
    </Paper>
  );
}

export function Differences({ c }: { c: ScenarioComparison }) {
  const rows = c.differences;
  return (
    <section aria-labelledby="cmp-diff">
      <Title order={2} fz="h4" id="cmp-diff" mb="xs">
        What differs ({rows.length} candidate{rows.length === 1 ? '' : 's'})
      </Title>
      <Paper withBorder radius="md">
        <Table striped verticalSpacing={6} aria-label="Differences">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Candidate</Table.Th>
              {c.scenarios.map((x) => (
                <Table.Th key={x.id}>{x.code}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((d) => (
              <Table.Tr key={d.candidate}>
                <Table.Td>
                  <Text size="sm">{d.name}</Text>
                  <Text size="xs" c="dimmed">
                    {d.candidate}
                  </Text>
                </Table.Td>
                {d.starts.map((st, k) => (
                  <Table.Td key={c.scenarios[k]?.id ?? k} c={st === null ? 'dimmed' : undefined}>
                    {st === null ? '—' : yearMonthName(st)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </section>
  );
}
