import { Badge, Group, Stack, Text, Tooltip } from '@mantine/core';
import type { Proposal, ProposalStatus } from '@pharos/api';
import { Link } from '@tanstack/react-router';
import type { CSSProperties } from 'react';
import { QueryState } from '../../ui/query-state';
import css from './demand.module.css';
import { type ProposalListQuery, useDemandSettings, useProposals } from './demand-api';
import { formatMoneyShort } from './money';
import { formatDays, mainFlow, proposalStatusColor, proposalStatusShort, sideFlow } from './proposal-status';

const closed: readonly ProposalStatus[] = ['converted', 'rejected', 'deferred'];

export function ScoreText({ score }: { score: number | null }) {
  if (score === null)
    return (
      <Text span size="xs" c="dimmed">
        not scored
      </Text>
    );
  return (
    <Text span size="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
      {score.toFixed(1)}
    </Text>
  );
}

function ProposalCard({ p, currency }: { p: Proposal; currency: string }) {
  return (
    <Link to="/proposals/$id" params={{ id: p.id }} className={css.card} aria-label={`${p.code} ${p.title}`}>
      <Group justify="space-between" gap={4} wrap="nowrap">
        <Text size="xs" fw={600} c="dimmed">
          {p.code}
        </Text>
        {p.mandatory && (
          <Tooltip label={p.mandatoryReason || 'Mandatory or regulatory'}>
            <Badge size="xs" color="red" variant="outline" radius="sm">
              Mandatory
            </Badge>
          </Tooltip>
        )}
      </Group>
      <Text size="sm" fw={500} lineClamp={2} mt={2}>
        {p.title}
      </Text>
      <Text size="xs" c="dimmed" truncate mt={2}>
        {p.labels.orgUnitId ?? '—'}
      </Text>
      <Group justify="space-between" mt={6} gap={4} wrap="nowrap" style={{ whiteSpace: 'nowrap' }}>
        <Text size="xs" title="Net present value">
          NPV{' '}
          <Text span size="xs" fw={600} c={p.measures.npv < 0 ? 'red.7' : undefined}>
            {formatMoneyShort(p.measures.npv, currency)}
          </Text>
        </Text>
        {p.score === null ? (
          <Text size="xs" c="dimmed">
            Unscored
          </Text>
        ) : (
          <Text size="xs" title="Score out of 100">
            Score <ScoreText score={p.score} />
          </Text>
        )}
      </Group>
      {p.daysWaiting !== null && (
        <Text size="xs" c={p.daysWaiting > 90 ? 'orange.8' : 'dimmed'} mt={2}>
          Waiting {formatDays(p.daysWaiting)}
        </Text>
      )}
    </Link>
  );
}

/** Columns per status, each with its proposals as cards (the filters of the page apply). */
export function ProposalBoard({ query, showClosed }: { query: ProposalListQuery; showClosed: boolean }) {
  const list = useProposals({ ...query, page: 1, pageSize: 500, sort: query.sort ?? 'code' });
  const settings = useDemandSettings();
  const currency = settings.data?.currency ?? 'EUR';
  const statuses = [...mainFlow, ...sideFlow].filter(
    (s) => (showClosed || !closed.includes(s)) && (!query.status || query.status === s),
  );
  return (
    <QueryState query={list} label="Loading proposals">
      {() => {
        const items = list.data?.items ?? [];
        return (
          <>
            {(list.data?.total ?? 0) > items.length && (
              <Text size="sm" c="dimmed" mb="xs">
                Showing the first {items.length} of {list.data?.total}; narrow the filters or use the table.
              </Text>
            )}
            <section className={css.board} aria-label="Proposal board">
              {statuses.map((s) => {
                const cards = items.filter((p) => p.status === s);
                return (
                  <section
                    key={s}
                    className={css.column}
                    style={
                      { '--col-color': `var(--mantine-color-${proposalStatusColor[s]}-6)` } as CSSProperties
                    }
                    aria-label={`${proposalStatusShort[s]} (${cards.length})`}
                  >
                    <Group justify="space-between" mb={8} px={2}>
                      <Text size="sm" fw={600}>
                        {proposalStatusShort[s]}
                      </Text>
                      <Badge size="sm" variant="default" radius="sm">
                        {cards.length}
                      </Badge>
                    </Group>
                    <Stack gap={6}>
                      {cards.map((p) => (
                        <ProposalCard key={p.id} p={p} currency={currency} />
                      ))}
                      {cards.length === 0 && (
                        <Text size="xs" c="dimmed" ta="center" py="md">
                          None
                        </Text>
                      )}
                    </Stack>
                  </section>
                );
              })}
            </section>
          </>
        );
      }}
    </QueryState>
  );
}
