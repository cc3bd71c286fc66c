import { Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { formatMoney } from '../demand/money';
import { currencyOf, type Draft } from './draft-state';
import type { StatusReport } from './status-api';

type Measured = StatusReport['metrics']['measured'];

function Stat({ label, value, hint }: { label: string; value: string; hint?: string | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={600} title={hint}>
        {value}
      </Text>
    </div>
  );
}

const n = (v: number | null, digits = 0, unit = '') =>
  v === null ? '—' : `${v.toLocaleString(undefined, { maximumFractionDigits: digits })}${unit}`;

const pair = (a: number | null, b: number | null, join: string) =>
  a === null && b === null ? '—' : `${n(a)}${join}${n(b)}`;

/** What the report measured, read-only: the facts the suggestions came from. */
function MeasuredStats({ m, currency }: { m: Measured; currency: string }) {
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" verticalSpacing="xs">
      <Stat label="Approved budget" value={m.budget === null ? '—' : formatMoney(m.budget, currency)} />
      <Stat label="SPI" value={n(m.spi, 2)} hint="From the plan, when it has a baseline and progress" />
      <Stat label="Finish variance" value={n(m.finishVarianceDays, 0, ' days')} />
      <Stat
        label="Slipped milestones"
        value={
          m.milestones === null ? n(m.slippedMilestones) : pair(m.slippedMilestones, m.milestones, ' of ')
        }
      />
      <Stat
        label="Open risks (high)"
        value={m.highRisks === null ? n(m.openRisks) : `${n(m.openRisks)} (${n(m.highRisks)})`}
      />
      <Stat label="Open issues" value={n(m.openIssues)} />
      <Stat
        label="Issues overdue · escalated · critical"
        value={
          m.overdueIssues === null
            ? '—'
            : `${n(m.overdueIssues)} · ${n(m.escalatedIssues)} · ${n(m.criticalIssues)}`
        }
      />
      <Stat
        label="Approved changes (size)"
        value={
          m.approvedChanges === null ? '—' : `${n(m.approvedChanges)} (${n(m.approvedChangePercent, 1, '%')})`
        }
      />
      <Stat label="Failed gate items" value={n(m.failedGateItems)} />
    </SimpleGrid>
  );
}

/**
 * The key metrics: what the manager enters (actual cost, EAC, % complete — finance does not feed
 * them yet) and what Pharos measured.
 */
export function ReportMetrics({
  report,
  entered,
  onEntered,
  errors = {},
  readOnly,
}: {
  report: StatusReport;
  entered: Draft['entered'];
  onEntered?: (e: Draft['entered']) => void;
  errors?: Record<string, string>;
  readOnly: boolean;
}) {
  const currency = currencyOf(report);
  const e = report.metrics.entered;
  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap="sm">
        <Title order={4}>Key metrics</Title>
        {readOnly ? (
          <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
            <Stat
              label="Actual cost"
              value={e.actualCost === null ? '—' : formatMoney(e.actualCost, currency)}
            />
            <Stat
              label="Estimate at completion"
              value={e.eac === null ? '—' : formatMoney(e.eac, currency)}
            />
            <Stat label="% complete" value={n(e.percentComplete, 1, '%')} />
          </SimpleGrid>
        ) : (
          <Group grow align="flex-start">
            <TextInput
              label={`Actual cost (${currency})`}
              inputMode="decimal"
              value={entered.actualCost}
              error={errors['entered.actualCost']}
              onChange={(ev) => onEntered?.({ ...entered, actualCost: ev.currentTarget.value })}
            />
            <TextInput
              label={`Estimate at completion (${currency})`}
              inputMode="decimal"
              value={entered.eac}
              error={errors['entered.eac']}
              onChange={(ev) => onEntered?.({ ...entered, eac: ev.currentTarget.value })}
            />
            <TextInput
              label="% complete"
              inputMode="decimal"
              value={entered.percentComplete}
              error={errors['entered.percentComplete']}
              onChange={(ev) => onEntered?.({ ...entered, percentComplete: ev.currentTarget.value })}
            />
          </Group>
        )}
        {!readOnly && (
          <Text size="xs" c="dimmed">
            Cost is suggested from these against the approved budget when you save.
          </Text>
        )}
        <MeasuredStats m={report.metrics.measured} currency={currency} />
      </Stack>
    </Paper>
  );
}
