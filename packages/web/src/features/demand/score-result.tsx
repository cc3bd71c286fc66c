import { Badge, Card, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { ProposalScores, ScoringFramework } from '@pharos/api';
import css from './demand.module.css';

/** One colour per criterion, the same in every chart of a framework. */
export const criterionColors = [
  '#2f5b9f',
  '#2b8a3e',
  '#e67700',
  '#862e9c',
  '#0b7285',
  '#c92a2a',
  '#5c940d',
  '#d6336c',
  '#364fc7',
  '#a61e4d',
  '#087f5b',
  '#e8590c',
  '#5f3dc4',
  '#1971c2',
  '#495057',
];
export const criterionColor = (i: number) => criterionColors[i % criterionColors.length] ?? '#495057';

type Result = NonNullable<ProposalScores['result']>;
type Criterion = ScoringFramework['criteria'][number];

/** A bar whose full length is the criterion's weight, filled by what it earned. */
export function ContributionBar({
  weight,
  contribution,
  color,
}: {
  weight: number;
  contribution: number | null;
  color: string;
}) {
  const max = weight * 100;
  const share = contribution === null || max === 0 ? 0 : contribution / max;
  return (
    <div className={css.bar} style={{ width: '100%' }} aria-hidden="true">
      <div className={css.barFill} style={{ width: `${share * 100}%`, background: color }} />
    </div>
  );
}

function levelLabel(c: Criterion | undefined, v: number) {
  const l = c?.scale.levels.find((x) => x.value === v);
  return l ? `${v} · ${l.label}` : String(v);
}

/** The combined score: total, each criterion's contribution, every scorer's values, disagreement. */
export function ScoreResultPanel({
  scores,
  framework,
}: {
  scores: ProposalScores;
  framework: ScoringFramework;
}) {
  const result = scores.result as Result;
  const byId = new Map(framework.criteria.map((c, i) => [c.id, { c, i }]));
  const disagree = new Set(result.disagreement.criteria);
  return (
    <Card withBorder padding="md" component="section" aria-label="Combined score">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Text fw={600}>Combined score</Text>
          <Text size="sm" c="dimmed">
            The {framework.combine} of {scores.scores.length} scorer{scores.scores.length === 1 ? '' : 's'},
            weighted by criterion.
          </Text>
        </div>
        <Group gap="lg" align="flex-end">
          {disagree.size > 0 && (
            <Badge color="orange" variant="light" radius="sm" size="lg">
              Scorers disagree on {disagree.size}
            </Badge>
          )}
          <div style={{ textAlign: 'right' }}>
            <Text
              fz={32}
              fw={700}
              lh={1}
              style={{ fontVariantNumeric: 'tabular-nums' }}
              aria-label="Total score"
            >
              {result.total === null ? '—' : result.total.toFixed(1)}
            </Text>
            <Text size="xs" c="dimmed">
              {result.scored ? 'out of 100' : `${result.missing.length} criteria not scored yet`}
            </Text>
          </div>
        </Group>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table verticalSpacing={6} aria-label="Score by criterion">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Criterion</Table.Th>
              <Table.Th className={css.num}>Weight</Table.Th>
              <Table.Th w="26%">Contribution</Table.Th>
              <Table.Th className={css.num}>Points</Table.Th>
              <Table.Th>Scorers</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {result.criteria.map((r) => {
              const hit = byId.get(r.criterionId);
              const color = criterionColor(hit?.i ?? 0);
              const flagged = disagree.has(r.criterionId) || r.disagreement;
              return (
                <Table.Tr key={r.criterionId} bg={flagged ? 'orange.0' : undefined}>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <span
                        style={{ width: 10, height: 10, borderRadius: 2, background: color, flex: 'none' }}
                      />
                      <Text size="sm">{hit?.c.name ?? r.criterionId}</Text>
                      {hit?.c.direction === 'negative' && (
                        <Tooltip label="A risk criterion: a higher value lowers the score">
                          <Badge size="xs" color="red" variant="outline" radius="sm">
                            negative
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td className={css.num}>{(r.weight * 100).toFixed(1)}%</Table.Td>
                  <Table.Td>
                    <ContributionBar weight={r.weight} contribution={r.contribution} color={color} />
                  </Table.Td>
                  <Table.Td className={css.num} fw={600}>
                    {r.contribution === null ? '—' : r.contribution.toFixed(1)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {scores.scores.map((s) =>
                        s.values[r.criterionId] === undefined ? null : (
                          <Tooltip
                            key={s.scorerId}
                            label={`${s.scorerName}: ${levelLabel(hit?.c, s.values[r.criterionId]!)}`}
                          >
                            <Badge variant="default" radius="sm" size="sm">
                              {s.scorerName.split(' ')[0]} {s.values[r.criterionId]}
                            </Badge>
                          </Tooltip>
                        ),
                      )}
                      {r.count === 0 && (
                        <Text size="xs" c="dimmed">
                          not scored
                        </Text>
                      )}
                      {flagged && (
                        <Badge color="orange" size="sm" radius="sm">
                          spread {r.range}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {scores.scores.some((s) => s.comment) && (
        <Stack gap={4} mt="sm">
          <Text size="xs" c="dimmed" fw={600} tt="uppercase">
            Comments
          </Text>
          {scores.scores
            .filter((s) => s.comment)
            .map((s) => (
              <Text key={s.scorerId} size="sm">
                <strong>{s.scorerName}:</strong> {s.comment}
              </Text>
            ))}
        </Stack>
      )}
    </Card>
  );
}
