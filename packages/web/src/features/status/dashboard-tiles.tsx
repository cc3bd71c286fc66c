import { Group, Paper, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import type { HealthDashboard } from './health-api';
import { CountsBar, CountsText } from './health-parts';
import { RagBadge } from './rag';

function Tile({
  label,
  value,
  tone,
  note,
  target,
}: {
  label: string;
  value: number;
  tone: 'red' | 'orange' | 'blue' | 'gray';
  note: string;
  /** The section the tile leads to. */
  target: string;
}) {
  const zero = value === 0;
  return (
    <UnstyledButton
      onClick={() => document.getElementById(target)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
      aria-label={`${label}: ${value}. Go to the list`}
      style={{ display: 'block', height: '100%' }}
    >
      <Paper
        withBorder
        radius="md"
        p="md"
        h="100%"
        style={{ borderTop: `3px solid var(--mantine-color-${zero ? 'gray-3' : `${tone}-6`})` }}
      >
        <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
          {label}
        </Text>
        <Text
          fz={30}
          fw={700}
          lh={1.2}
          c={zero ? 'dimmed' : `${tone}.8`}
          style={{ fontVariantNumeric: 'tabular-nums' }}
        >
          {value}
        </Text>
        <Text size="xs" c="dimmed">
          {note}
        </Text>
      </Paper>
    </UnstyledButton>
  );
}

/** The headline: the scope's overall colour and the counts that say where to look. */
export function DashboardTiles({ d }: { d: HealthDashboard }): ReactNode {
  const h = d.headline;
  return (
    <SimpleGrid cols={{ base: 2, sm: 4, lg: 8 }} spacing="sm">
      <Paper withBorder radius="md" p="md" style={{ gridColumn: 'span 2' }}>
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap">
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" style={{ letterSpacing: 0.4 }}>
              Overall health
            </Text>
            <RagBadge rag={h.overall.rag} size="lg" />
          </Group>
          <Text size="sm">
            <b>{h.projects}</b> projects ·{' '}
            {d.rule.method === 'worst' ? 'worst of the projects' : d.rule.describe.toLowerCase()}
          </Text>
          <CountsBar counts={h.overall.counts} height={10} />
          <CountsText counts={h.overall.counts} />
        </Stack>
      </Paper>
      <Tile label="Red projects" value={h.redProjects} tone="red" note="red overall" target="attention" />
      <Tile
        label="Red dimensions"
        value={h.redDimensions}
        tone="red"
        note="projects with a red dimension"
        target="attention"
      />
      <Tile
        label="Worsening"
        value={h.worsening}
        tone="orange"
        note="worse than last report"
        target="movers"
      />
      <Tile
        label="Escalations"
        value={h.escalations}
        tone="orange"
        note="open, above the project"
        target="escalations"
      />
      <Tile
        label="Decisions waiting"
        value={h.decisions}
        tone="blue"
        note="gates, changes, decision log"
        target="decisions"
      />
      <Tile
        label="Late reports"
        value={h.lateReports + h.missingReports}
        tone="gray"
        note={`${h.missingReports} with no report this period`}
        target="late"
      />
    </SimpleGrid>
  );
}
