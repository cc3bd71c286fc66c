import { Button, Grid, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { ragDimensionLabels, ragDimensions } from '@pharos/api';
import { type ReactNode, useState } from 'react';
import { formatDate } from '../../lib/format';
import { QueryState } from '../../ui/query-state';
import { exportUrl, type HealthRollup, useHealthRollup } from './health-api';
import { CountsBar, CountsText, periodText } from './health-parts';
import { HealthTrendChart } from './health-trend-chart';
import { RagBadge } from './rag';
import { RollupTable } from './rollup-table';

function Headline({ r }: { r: HealthRollup }) {
  return (
    <Grid gutter="md">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder radius="md" p="md" h="100%">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap">
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
                Overall
              </Text>
              <RagBadge rag={r.overall.rag} size="lg" />
            </Group>
            <Text size="sm">
              <b>{r.projects}</b> projects · {r.rule.describe}
              {r.rule.officeName ? ` (${r.rule.officeName})` : ''}
            </Text>
            <CountsBar counts={r.overall.counts} height={10} />
            <CountsText counts={r.overall.counts} />
            <Text size="xs" c="dimmed">
              Period {periodText(r.period)}, reports due {formatDate(r.period.due)}
            </Text>
          </Stack>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" h="100%">
          {ragDimensions.map((d) => {
            const cell = r.dimensions[d];
            return (
              <Paper key={d} withBorder radius="md" p="sm">
                <Group justify="space-between" wrap="nowrap" mb={6}>
                  <Text size="sm" fw={600}>
                    {ragDimensionLabels[d]}
                  </Text>
                  <RagBadge rag={cell.rag} size="xs" />
                </Group>
                <CountsBar counts={cell.counts} height={6} />
                <Text size="xs" c="dimmed" mt={4}>
                  {cell.counts.red} red · {cell.counts.amber} amber · {cell.counts.green} green
                </Text>
              </Paper>
            );
          })}
        </SimpleGrid>
      </Grid.Col>
    </Grid>
  );
}

/**
 * The Health tab of a portfolio, program or office: its roll-up for the latest period due, per
 * dimension, the trend over thirteen periods, its children (sub-offices, sub-portfolios, programs,
 * projects) worst first, and its status exports.
 */
export function HealthTab({
  scope,
  id,
}: {
  scope: 'office' | 'portfolio' | 'program';
  id: string;
}): ReactNode {
  const [children, setChildren] = useState(100);
  const q = useHealthRollup({ scope, id, periods: 13, children });
  return (
    <QueryState query={q} label="Rolling up the projects' reports">
      {() => {
        const r = q.data!;
        return (
          <Stack gap="md">
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                Rolled up over every project inside, however deep; a project with no report for the period
                counts as missing.
              </Text>
              <Group gap="xs">
                {scope !== 'office' && (
                  <Button component="a" href={exportUrl('deck', scope, id)} variant="light" size="xs">
                    Status deck (PowerPoint)
                  </Button>
                )}
                <Button component="a" href={exportUrl('table', scope, id)} variant="light" size="xs">
                  Health table (Excel)
                </Button>
              </Group>
            </Group>
            <Headline r={r} />
            <Paper withBorder radius="md" p="md">
              <Title order={3} fz="h5">
                Trend
              </Title>
              <Text size="xs" c="dimmed">
                Projects by colour in each of the last {r.trend.length} periods; the band below is the roll-up
              </Text>
              <HealthTrendChart
                trend={r.trend}
                height={260}
                label={`${r.scope.name}: projects by colour over time`}
              />
            </Paper>
            <RollupTable rows={r.children} caption={`${r.scope.name}: its parts, worst first`} />
            {r.childrenTotal > r.children.length && (
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  The {r.children.length} worst of {r.childrenTotal} parts.
                </Text>
                <Button variant="subtle" size="compact-sm" onClick={() => setChildren(2000)}>
                  Show all
                </Button>
              </Group>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}
