import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { formatDate, humanize } from '../../lib/format';
import { ProjectLink, Section, useFold } from './dashboard-lists';
import type { HealthDashboard } from './health-api';

/* The dashboard's queues: escalations, decisions waiting, late and missing reports. */

export function EscalationsList({ d }: { d: HealthDashboard }) {
  const items = d.escalations.items;
  const { shown, more } = useFold(items);
  return (
    <Section
      id="escalations"
      title="Escalations"
      total={d.escalations.total}
      shown={items.length}
      empty="Nothing escalated is open."
    >
      <Stack gap={10}>
        {shown.map((e) => (
          <Stack key={e.itemId} gap={2}>
            <Group gap={6} wrap="nowrap">
              <Badge size="xs" variant="light" color={e.kind === 'risk' ? 'orange' : 'red'} radius="sm">
                {e.code}
              </Badge>
              <Text size="sm" fw={500} lineClamp={1}>
                {e.title}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {e.projectId ? (
                <ProjectLink id={e.projectId} code={e.projectCode} name={e.projectName} />
              ) : (
                e.register
              )}{' '}
              · with {e.toOffice} since {formatDate(e.since)} (level {e.level})
              {e.reason ? ` — ${e.reason}` : ''}
            </Text>
          </Stack>
        ))}
      </Stack>
      {more}
    </Section>
  );
}

const decisionKind = { decision: 'Decision', gate: 'Gate', change: 'Change', stop: 'Stop' } as const;
const decisionColour = { decision: 'blue', gate: 'grape', change: 'cyan', stop: 'red' } as const;

export function DecisionsList({ d }: { d: HealthDashboard }) {
  const items = d.decisions.items;
  const { shown, more } = useFold(items);
  return (
    <Section
      id="decisions"
      title="Decisions waiting"
      total={d.decisions.total}
      shown={items.length}
      empty="Nothing waits for a decision."
    >
      <Stack gap={10}>
        {shown.map((x) => (
          <Stack key={`${x.kind}-${x.id}`} gap={2}>
            <Group gap={6} wrap="nowrap">
              <Badge size="xs" variant="light" color={decisionColour[x.kind]} radius="sm">
                {decisionKind[x.kind]}
              </Badge>
              <Text size="sm" fw={500} lineClamp={1}>
                {x.title}
              </Text>
            </Group>
            <Text size="xs" c="dimmed" lineClamp={2}>
              <ProjectLink id={x.projectId} code={x.projectCode} name={x.projectName} /> · {x.detail}
              {x.dueOn ? ` · by ${formatDate(x.dueOn)}` : ` · since ${formatDate(x.since)}`}
            </Text>
          </Stack>
        ))}
      </Stack>
      {more}
    </Section>
  );
}

const lateColour = { missing: 'red', overdue: 'orange', 'filed-late': 'gray' } as const;

export function LateReports({ d }: { d: HealthDashboard }) {
  const c = d.compliance.counts;
  const items = d.compliance.late.items;
  const { shown, more } = useFold(items, 10);
  return (
    <Section
      id="late"
      title="Late and missing reports"
      total={d.compliance.late.total}
      shown={items.length}
      empty="Every report due this period is in, on time."
    >
      <Text size="xs" c="dimmed" mb="xs">
        This period: {c.onTime} on time, {c.filedLate} filed late, {c.overdue} overdue, {c.notDue} not due
        yet; {c.missing} missing two periods running.
      </Text>
      <Table verticalSpacing={4} highlightOnHover>
        <caption className="visually-hidden">Reports filed late, overdue or missing</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Project</Table.Th>
            <Table.Th>Manager</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th ta="right">Days late</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shown.map((l) => (
            <Table.Tr key={l.projectId}>
              <Table.Td>
                <ProjectLink id={l.projectId} code={l.code} name={l.name} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{l.manager ?? '—'}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDate(l.due)}</Text>
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={lateColour[l.state]} radius="sm">
                  {humanize(l.state.replace('-', ' '))}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                {l.daysLate ?? '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {more}
    </Section>
  );
}
