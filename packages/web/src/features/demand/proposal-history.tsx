import { Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { formatDateTime } from '../../lib/format';
import { HistoryTab } from '../../ui/history-tab';
import type { ProposalDetail } from './demand-api';
import { formatDays, ProposalStatusBadge } from './proposal-status';

const day = 86_400_000;

/** The moves along the pipeline, with reasons and the days between, then the full audit history. */
export function ProposalHistory({ p }: { p: ProposalDetail }) {
  const moves = p.transitions;
  return (
    <Stack gap="lg">
      <Card withBorder padding="md" component="section" aria-label="Pipeline moves">
        <Title order={2} fz="md" mb="md">
          Pipeline
        </Title>
        {moves.length === 0 ? (
          <Text size="sm" c="dimmed">
            It has not moved yet.
          </Text>
        ) : (
          <Timeline bulletSize={12} lineWidth={2} active={moves.length - 1}>
            {moves.map((t, i) => {
              const prev = i === 0 ? p.createdAt : moves[i - 1]?.at;
              const days = prev ? (Date.parse(t.at) - Date.parse(prev)) / day : null;
              return (
                <Timeline.Item key={`${t.at}-${t.to}`}>
                  <Group gap="xs" wrap="wrap">
                    {t.from && <ProposalStatusBadge status={t.from} size="sm" />}
                    {t.from && <Text size="sm">→</Text>}
                    <ProposalStatusBadge status={t.to} size="sm" />
                    <Text size="sm">
                      by <strong>{t.actorName ?? 'System'}</strong>
                    </Text>
                    <Text size="sm" c="dimmed">
                      {formatDateTime(t.at)}
                    </Text>
                    {days !== null && (
                      <Text size="xs" c="dimmed">
                        · {formatDays(days)} after {i === 0 ? 'creation' : 'the previous step'}
                      </Text>
                    )}
                  </Group>
                  {t.reason && (
                    <Text size="sm" mt={4} c="dark.6" style={{ whiteSpace: 'pre-wrap' }}>
                      “{t.reason}”
                    </Text>
                  )}
                </Timeline.Item>
              );
            })}
          </Timeline>
        )}
      </Card>
      <section aria-label="Changes">
        <Title order={2} fz="md" mb="md">
          Changes
        </Title>
        <HistoryTab entityType="proposal" id={p.id} />
      </section>
    </Stack>
  );
}
