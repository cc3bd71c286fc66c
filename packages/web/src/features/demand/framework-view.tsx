import { Alert, Badge, Box, type BoxProps, Card, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import type { ScoringFramework } from '@pharos/api';
import { RefLink } from '../../ui/ref-link';
import { AhpMatrix } from './ahp-matrix';
import css from './demand.module.css';
import { evaluateWeights } from './framework-values';
import { criterionColor } from './score-result';

/** Each criterion's share of the total as a horizontal bar. */
export function WeightBars({ names, weights, ...box }: { names: string[]; weights: number[] } & BoxProps) {
  const max = Math.max(...weights, 0.0001);
  return (
    <Box {...box}>
      <Stack gap={6} aria-label="Weights">
        {names.map((name, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: criteria are positional
          <Group key={i} gap="sm" wrap="nowrap">
            <Text size="sm" w={200} truncate title={name}>
              {name}
            </Text>
            <div className={css.bar} style={{ flex: 1, height: 12, background: 'transparent' }}>
              <div
                className={css.barFill}
                style={{
                  width: `${((weights[i] ?? 0) / max) * 100}%`,
                  background: criterionColor(i),
                  borderRadius: 3,
                }}
              />
            </div>
            <Text size="sm" fw={600} w={56} ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
              {((weights[i] ?? 0) * 100).toFixed(1)}%
            </Text>
          </Group>
        ))}
      </Stack>
    </Box>
  );
}

/** A published (or retired) revision: weights, criteria with their scale levels, AHP judgements. */
export function FrameworkView({ f }: { f: ScoringFramework }) {
  const names = f.criteria.map((c) => c.name);
  return (
    <Stack gap="md">
      {f.warnings.map((w) => (
        <Alert key={w} color="orange">
          {w}
        </Alert>
      ))}
      <SimpleGrid cols={{ base: 1, md: f.description ? 2 : 1 }}>
        <Card withBorder padding="md" component="section" aria-label="Weights">
          <Group justify="space-between" mb="sm">
            <Text fw={600}>Weights</Text>
            <Text size="sm" c="dimmed">
              {f.weighting === 'ahp' ? 'From AHP pairwise comparisons' : 'Set directly'} · scorers combined by{' '}
              {f.combine}
            </Text>
          </Group>
          <WeightBars names={names} weights={f.weights} />
        </Card>
        {f.description && (
          <Card withBorder padding="md">
            <Text fw={600} mb="xs">
              About
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {f.description}
            </Text>
          </Card>
        )}
      </SimpleGrid>
      {f.weighting === 'ahp' && f.ahp && (
        <Card withBorder padding="md" component="section" aria-label="AHP">
          <Text fw={600} mb="sm">
            Pairwise comparisons
          </Text>
          <AhpMatrix names={names} comparisons={f.ahp.comparisons} outcome={evaluateWeights(f)} />
        </Card>
      )}
      {f.criteria.map((c, i) => (
        <Card
          key={c.id}
          withBorder
          padding="md"
          style={{ borderLeft: `4px solid ${criterionColor(i)}` }}
          component="section"
          aria-label={c.name}
        >
          <Group justify="space-between" mb={4}>
            <Group gap="xs">
              <Text fw={600}>{c.name}</Text>
              <Badge variant="light" color={c.direction === 'negative' ? 'red' : 'green'} radius="sm">
                {c.direction === 'negative' ? 'Negative (risk)' : 'Benefit'}
              </Badge>
              {c.objectiveId && (
                <Text size="sm" c="dimmed" component="span">
                  aligns with <RefLink entity="objectives" id={c.objectiveId} />
                </Text>
              )}
            </Group>
            <Text size="sm" fw={600}>
              {((f.weights[i] ?? 0) * 100).toFixed(1)}%
            </Text>
          </Group>
          {c.description && (
            <Text size="sm" c="dimmed" mb="xs">
              {c.description}
            </Text>
          )}
          <Text size="xs" c="dimmed" mb={4}>
            Scale {c.scale.min} to {c.scale.max}
          </Text>
          {c.scale.levels.length > 0 && (
            <Table verticalSpacing={3} fz="sm" aria-label={`Scale of ${c.name}`}>
              <Table.Tbody>
                {c.scale.levels.map((l) => (
                  <Table.Tr key={l.value}>
                    <Table.Td w={50} fw={600}>
                      {l.value}
                    </Table.Td>
                    <Table.Td w={180}>{l.label}</Table.Td>
                    <Table.Td c="dimmed">{l.description}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
    </Stack>
  );
}
