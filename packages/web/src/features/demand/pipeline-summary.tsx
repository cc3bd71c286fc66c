import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PipelineSummary, ProposalStatus } from '@pharos/api';
import type { CSSProperties, ReactNode } from 'react';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/query-state';
import css from './demand.module.css';
import { usePipeline } from './demand-api';
import {
  formatDays,
  mainFlow,
  ProposalStatusBadge,
  proposalStatusColor,
  proposalStatusShort,
  sideFlow,
} from './proposal-status';

function stepStyle(status: ProposalStatus): CSSProperties {
  const c = proposalStatusColor[status];
  return {
    '--step-bg': `var(--mantine-color-${c}-light)`,
    '--step-bg-strong': `var(--mantine-color-${c}-light-hover)`,
  } as CSSProperties;
}

/** The proposals at each step, as a chevron bar; a click filters the list by that status. */
export function PipelineSteps(props: {
  counts: PipelineSummary['counts'];
  active?: string;
  onPick: (status: ProposalStatus | undefined) => void;
}) {
  const step = (s: ProposalStatus, className: string | undefined) => (
    <button
      key={s}
      type="button"
      className={className}
      style={stepStyle(s)}
      aria-pressed={props.active === s}
      onClick={() => props.onPick(props.active === s ? undefined : s)}
      title={`Show only ${proposalStatusShort[s].toLowerCase()} proposals`}
    >
      <div className={css.stepCount}>{props.counts[s] ?? 0}</div>
      <div className={css.stepLabel}>{proposalStatusShort[s]}</div>
    </button>
  );
  return (
    <nav className={css.steps} aria-label="Pipeline steps">
      {mainFlow.map((s) => step(s, css.step))}
      <div style={{ width: 12, flex: '0 0 12px' }} aria-hidden="true" />
      {sideFlow.map((s) => step(s, css.exit))}
    </nav>
  );
}

function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={24} fw={600} lh={1.3} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Card>
  );
}

/** The pipeline at a glance: the step bar, how long decisions take, and who has waited longest. */
export function PipelineSummaryPanel(props: {
  query: { officeId?: string; portfolioId?: string };
  active?: string;
  onPick: (status: ProposalStatus | undefined) => void;
}) {
  const q = usePipeline(props.query);
  return (
    <QueryState query={q} label="Loading the pipeline">
      {() => {
        const p = q.data as PipelineSummary;
        return (
          <Stack gap="sm" mb="lg" component="section" aria-label="Pipeline">
            <PipelineSteps counts={p.counts} active={props.active} onPick={props.onPick} />
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
              <Figure
                label="Time to decision"
                value={formatDays(p.medianDaysToDecision)}
                hint={`median · p90 ${formatDays(p.p90DaysToDecision)} · ${p.decided} decided`}
              />
              <Figure
                label="Waiting for a decision"
                value={p.waiting}
                hint={`median wait ${formatDays(p.medianDaysWaiting)}`}
              />
              <Card withBorder padding="sm" style={{ gridColumn: 'span 2' }}>
                <Title order={2} fz="xs" c="dimmed" tt="uppercase" fw={600} mb={6}>
                  Oldest waiting
                </Title>
                {p.oldestWaiting.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    Nothing is waiting.
                  </Text>
                ) : (
                  <Stack gap={4}>
                    {p.oldestWaiting.slice(0, 4).map((o) => (
                      <Group key={o.id} justify="space-between" wrap="nowrap" gap="xs">
                        <AnchorLink
                          to="/proposals/$id"
                          params={{ id: o.id }}
                          size="sm"
                          truncate
                          style={{ minWidth: 0 }}
                        >
                          {o.code} · {o.title}
                        </AnchorLink>
                        <Group gap={6} wrap="nowrap">
                          <ProposalStatusBadge status={o.status as ProposalStatus} size="sm" />
                          <Text size="sm" fw={600} w={48} ta="right">
                            {formatDays(o.days)}
                          </Text>
                        </Group>
                      </Group>
                    ))}
                  </Stack>
                )}
              </Card>
            </SimpleGrid>
          </Stack>
        );
      }}
    </QueryState>
  );
}
