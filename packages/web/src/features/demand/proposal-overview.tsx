import { Alert, Badge, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { AnchorLink } from '../../ui/links';
import { RefLink } from '../../ui/ref-link';
import { BusinessCaseTable, MeasuresCard } from './business-case-view';
import css from './demand.module.css';
import { type ProposalDetail, useAllWorkRoles } from './demand-api';
import { riskColor } from './proposal-rows-editor';
import { formatDays } from './proposal-status';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function Panel({ title, children, extra }: { title: string; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-label={title}>
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{title}</Text>
        {extra}
      </Group>
      {children}
    </Card>
  );
}

/** "2026-03" plus n months, as "Mar 26". */
function monthLabel(start: string, offset: number): string {
  const [y, m] = start.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1 + offset, 1));
  return new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(d);
}

/** Hours per month of each role, from the earliest start, as a small grid. */
export function DemandGrid({ p }: { p: ProposalDetail }) {
  const roles = useAllWorkRoles();
  const byRole = new Map<string, number[]>();
  const span = Math.max(p.durationMonths, ...p.demand.map((d) => d.fromMonth + d.months));
  for (const d of p.demand) {
    const row = byRole.get(d.roleId) ?? Array<number>(span).fill(0);
    for (let m = d.fromMonth; m < d.fromMonth + d.months; m++) row[m] = (row[m] ?? 0) + d.hoursPerMonth;
    byRole.set(d.roleId, row);
  }
  if (byRole.size === 0)
    return (
      <Text size="sm" c="dimmed">
        No role demand given.
      </Text>
    );
  const name = (id: string) =>
    roles.data?.items.find((r) => r.id === id)?.name ?? p.labels[`role:${id}`] ?? '…';
  const months = Array.from({ length: span }, (_, i) => i);
  return (
    <Table.ScrollContainer minWidth={400}>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing={2}
        horizontalSpacing={6}
        fz="xs"
        aria-label="Demand by role and month"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Role (hours)</Table.Th>
            {months.map((m) => (
              <Table.Th key={m} className={css.num} style={{ fontWeight: 500 }}>
                {monthLabel(p.earliestStart, m)}
              </Table.Th>
            ))}
            <Table.Th className={css.num}>Total</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {[...byRole.entries()].map(([id, hours]) => (
            <Table.Tr key={id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <AnchorLink to="/work-roles/$id" params={{ id }} size="xs">
                  {name(id)}
                </AnchorLink>
              </Table.Td>
              {hours.map((h, m) => (
                <Table.Td
                  // biome-ignore lint/suspicious/noArrayIndexKey: months are positional
                  key={m}
                  className={css.num}
                  bg={h > 0 ? 'pharos.0' : undefined}
                  c={h > 0 ? undefined : 'dimmed'}
                >
                  {h > 0 ? Math.round(h) : '·'}
                </Table.Td>
              ))}
              <Table.Td className={css.num} fw={600}>
                {Math.round(hours.reduce((a, b) => a + b, 0)).toLocaleString()}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Risks({ p }: { p: ProposalDetail }) {
  if (p.risks.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No risks listed.
      </Text>
    );
  const sorted = [...p.risks].sort((a, b) => b.probability * b.impact - a.probability * a.impact);
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {sorted.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: risks have no id
        <Group key={i} component="li" gap="sm" wrap="nowrap" align="flex-start">
          <Badge
            color={riskColor(r.probability * r.impact)}
            variant="filled"
            radius="sm"
            w={44}
            title="Probability × impact"
          >
            {r.probability * r.impact}
          </Badge>
          <div>
            <Text size="sm">{r.description}</Text>
            <Text size="xs" c="dimmed">
              Probability {r.probability} · impact {r.impact}
            </Text>
          </div>
        </Group>
      ))}
    </Stack>
  );
}

/** Everything about a proposal on one page, read-only. */
export function ProposalOverview({ p, currency }: { p: ProposalDetail; currency: string }) {
  return (
    <Stack gap="md">
      {(p.status === 'rejected' || p.status === 'deferred') && p.statusReason && (
        <Alert
          color={p.status === 'rejected' ? 'red' : 'orange'}
          title={p.status === 'rejected' ? 'Rejected' : 'Deferred'}
        >
          {p.statusReason}
        </Alert>
      )}
      {p.projectId && (
        <Alert color="teal" title="Converted to a project">
          <RefLink entity="projects" id={p.projectId} />
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 3 }} style={{ alignItems: 'start' }}>
        <Card
          withBorder
          padding="md"
          style={{ gridColumn: 'span 2' }}
          component="section"
          aria-label="The need"
        >
          <Stack gap="sm">
            <Field label="Problem">{p.problem || '—'}</Field>
            <Field label="Outcome">{p.outcome || '—'}</Field>
            {p.mandatory && <Field label="Mandatory because">{p.mandatoryReason || '—'}</Field>}
          </Stack>
        </Card>
        <Card withBorder padding="md" component="section" aria-label="Facts">
          <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
            <Field label="Business unit">
              <RefLink entity="orgUnits" id={p.orgUnitId} fallback={p.labels.orgUnitId} short />
            </Field>
            <Field label="Office">
              <RefLink entity="offices" id={p.officeId} fallback={p.labels.officeId} short />
            </Field>
            <Field label="Portfolio">
              <RefLink entity="portfolios" id={p.portfolioId} fallback={p.labels.portfolioId} short />
            </Field>
            <Field label="Sponsor">
              <RefLink entity="users" id={p.sponsorId} fallback={p.labels.sponsorId} />
            </Field>
            <Field label="Project type">
              <RefLink entity="projectTypes" id={p.typeId} fallback={p.labels.typeId} short />
            </Field>
            <Field label="Start window">
              {p.earliestStart} – {p.latestStart}
            </Field>
            <Field label="Duration">{p.durationMonths} months</Field>
            <Field label="Requested by">
              {p.labels.requesterId ?? <RefLink entity="users" id={p.requesterId} />}
            </Field>
            <Field label="Submitted">{formatDateTime(p.submittedAt)}</Field>
            <Field label={p.decidedAt ? 'Decided after' : 'Waiting'}>
              {formatDays(p.decidedAt ? p.daysToDecision : p.daysWaiting)}
            </Field>
          </SimpleGrid>
          {p.objectiveIds.length > 0 && (
            <Stack gap={2} mt="sm">
              <Text size="xs" c="dimmed" fw={600} tt="uppercase">
                Strategic objectives
              </Text>
              {p.objectiveIds.map((id) => (
                <RefLink key={id} entity="objectives" id={id} />
              ))}
            </Stack>
          )}
        </Card>
      </SimpleGrid>
      <MeasuresCard m={p.measures} currency={currency} title="Business case measures" />
      <Panel title="Business case by year">
        <BusinessCaseTable bc={p.businessCase} currency={currency} />
      </Panel>
      <Panel title="Demand by role">
        <DemandGrid p={p} />
      </Panel>
      <Panel
        title="Risks"
        extra={
          <Text size="xs" c="dimmed">
            Sorted by probability × impact
          </Text>
        }
      >
        <Risks p={p} />
      </Panel>
    </Stack>
  );
}
