import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { type RagDimensionName, ragDimensionLabels } from '@pharos/api';
import { type ReactNode, useState } from 'react';
import { AnchorLink } from '../../ui/links';
import { type HealthDashboard, latestReportPdfUrl } from './health-api';
import { Sparkline, TrendArrow } from './health-parts';
import { RagBadge, RagDot } from './rag';

/*
 * The dashboard's lists: what needs attention and why, the worst movers, escalations, decisions
 * waiting and late reports. Every row leads to its project (its Status tab).
 */

export function ProjectLink({
  id,
  code,
  name,
}: {
  id: string | null;
  code: string | null;
  name: string | null;
}) {
  if (!id)
    return (
      <Text span size="sm">
        {name ?? '—'}
      </Text>
    );
  return (
    <AnchorLink to="/projects/$id" params={{ id }} search={{ tab: 'status' }} size="sm" fw={500}>
      <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
        {code}
      </Text>
      {name}
    </AnchorLink>
  );
}

export function Section({
  id,
  title,
  total,
  shown,
  children,
  empty,
}: {
  id: string;
  title: string;
  total: number;
  shown: number;
  children: ReactNode;
  empty: string;
}) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={`${id}-title`} id={id} h="100%">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} fz="h5" id={`${id}-title`}>
          {title}
        </Title>
        <Text size="xs" c="dimmed">
          {total === 0 ? '' : shown < total ? `${shown} of ${total}` : `${total}`}
        </Text>
      </Group>
      {total === 0 ? (
        <Text size="sm" c="dimmed" py="sm">
          {empty}
        </Text>
      ) : (
        children
      )}
    </Paper>
  );
}

/** The first `n` items, all of them once asked; and the button that asks. */
export function useFold<T>(items: T[], n = 8) {
  const [open, setOpen] = useState(false);
  const shown = open ? items : items.slice(0, n);
  const more =
    items.length > n ? (
      <Button variant="subtle" size="compact-xs" mt={6} onClick={() => setOpen(!open)}>
        {open ? 'Show fewer' : `Show all ${items.length}`}
      </Button>
    ) : null;
  return { shown, more };
}

const dimLabel = (d: string) => (d === 'overall' ? 'Overall' : ragDimensionLabels[d as RagDimensionName]);

export function AttentionList({ d }: { d: HealthDashboard }) {
  const items = d.attention.items;
  return (
    <Section
      id="attention"
      title="Needs attention"
      total={d.attention.total}
      shown={items.length}
      empty="No project is red overall or in any dimension."
    >
      <Table verticalSpacing={6} highlightOnHover>
        <caption className="visually-hidden">
          Projects red overall or with a red dimension, worst first
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Overall</Table.Th>
            <Table.Th>Project</Table.Th>
            <Table.Th>Why</Table.Th>
            <Table.Th w={150}>Trend</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.projectId} data-testid="attention-row">
              <Table.Td>
                <RagBadge rag={a.overall} />
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <ProjectLink id={a.projectId} code={a.code} name={a.name} />
                  {a.redDimensions.length > 0 && (
                    <Group gap={4}>
                      {a.redDimensions.map((dim) => (
                        <Badge key={dim} size="xs" color="red" variant="light" radius="sm">
                          {ragDimensionLabels[dim]}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {a.reasons.slice(0, 2).map((r) => (
                    <Text
                      key={`${r.dimension}-${r.text}`}
                      size="xs"
                      lineClamp={2}
                      fs={r.justified ? 'italic' : undefined}
                    >
                      <Text span size="xs" fw={600}>
                        {dimLabel(r.dimension)}:
                      </Text>{' '}
                      {r.justified ? `“${r.text}”` : r.text}
                    </Text>
                  ))}
                  {a.reasons.length === 0 && (
                    <Text size="xs" c="dimmed">
                      Rated red by the project manager
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Sparkline history={a.history} label={`${a.code} overall`} />
                  <TrendArrow trend={a.trend} />
                  <Anchor
                    href={latestReportPdfUrl(a.projectId)}
                    size="xs"
                    aria-label={`${a.code} latest report as PDF`}
                  >
                    PDF
                  </Anchor>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Section>
  );
}

export function MoversList({ d }: { d: HealthDashboard }) {
  const items = d.worstMovers.items;
  return (
    <Section
      id="movers"
      title="Worst movers"
      total={d.worstMovers.total}
      shown={items.length}
      empty="No project got worse since its last report."
    >
      <Stack gap={10}>
        {items.map((m) => (
          <Stack key={m.projectId} gap={2}>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <ProjectLink id={m.projectId} code={m.code} name={m.name} />
              <Group gap={4} wrap="nowrap" aria-label={`from ${m.from} to ${m.to}`}>
                <RagDot rag={m.from} size={11} />
                <Text span size="xs" c="dimmed">
                  →
                </Text>
                <RagDot rag={m.to} size={11} />
              </Group>
            </Group>
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Text size="xs" c="dimmed" lineClamp={1}>
                {m.worsened.length
                  ? m.worsened.map((w) => `${ragDimensionLabels[w.dimension]} ${w.from} → ${w.to}`).join(', ')
                  : `Overall since ${m.fromPeriod}`}
              </Text>
              <Sparkline history={m.history} label={`${m.code} overall`} />
            </Group>
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}
