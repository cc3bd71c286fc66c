import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text, Tooltip } from '@mantine/core';
import css from './demand.module.css';
import { choiceKey, formatJudgement, saatyChoices, type WeightsOutcome } from './framework-values';
import { criterionColor } from './score-result';

type Triple = [number, number, number];

function judgementAt(comparisons: readonly Triple[], i: number, j: number): number | undefined {
  const d = comparisons.find(([r, c]) => r === i && c === j);
  if (d) return d[2];
  const rev = comparisons.find(([r, c]) => r === j && c === i);
  return rev ? 1 / rev[2] : undefined;
}

/** "CR 0.043", coloured by Saaty's 0.10 threshold. */
export function ConsistencyBadge({ cr }: { cr: number | null }) {
  if (cr === null) return null;
  const ok = cr <= 0.1;
  return (
    <Badge
      color={ok ? 'green' : 'red'}
      variant="light"
      radius="sm"
      size="lg"
      aria-label={`Consistency ratio ${cr.toFixed(3)}`}
    >
      CR {cr.toFixed(3)} {ok ? '· consistent' : '· above 0.10'}
    </Badge>
  );
}

/**
 * The pairwise comparison matrix: the upper triangle is chosen on Saaty's 1/9…9 scale ("row is v
 * times as important as column"), the lower triangle mirrors it; the weights and the consistency
 * ratio follow each choice, and the most inconsistent judgement is marked with its suggested value.
 */
export function AhpMatrix(props: {
  names: string[];
  comparisons: Triple[];
  outcome: WeightsOutcome;
  onChange?: (comparisons: Triple[]) => void;
}) {
  const { names, comparisons, outcome, onChange } = props;
  const n = names.length;
  // The most inconsistent judgement matters only when the whole is inconsistent.
  const worst = outcome.cr !== null && outcome.cr > 0.1 ? outcome.worst : null;
  const isWorst = (i: number, j: number) =>
    worst !== null && ((worst.row === i && worst.column === j) || (worst.row === j && worst.column === i));
  const set = (i: number, j: number, v: number) => {
    const rest = comparisons.filter(([r, c]) => !((r === i && c === j) || (r === j && c === i)));
    const next: Triple[] = [...rest, [i, j, v]];
    onChange?.(next.sort((a, b) => a[0] - b[0] || a[1] - b[1]));
  };
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        How many times as important is the row than the column? 1 equal · 3 moderately · 5 strongly · 7 very
        strongly · 9 extremely more important; 1/3 … 1/9 when the column is the more important one.
      </Text>
      <Table.ScrollContainer minWidth={140 + n * 100}>
        <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label="Pairwise comparisons">
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {names.map((name, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: criteria are positional
                <Table.Th key={j} className={css.matrixCell} style={{ fontWeight: 600, fontSize: 12 }}>
                  {name}
                </Table.Th>
              ))}
              <Table.Th className={css.num} style={{ fontSize: 12 }}>
                Weight
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {names.map((rowName, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: criteria are positional
              <Table.Tr key={i}>
                <Table.Th style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                  <Group gap={6} wrap="nowrap">
                    <span style={{ width: 10, height: 10, borderRadius: 2, background: criterionColor(i) }} />
                    {rowName}
                  </Group>
                </Table.Th>
                {names.map((colName, j) => {
                  const v = judgementAt(comparisons, i, j);
                  const bad = isWorst(i, j);
                  const bg = bad
                    ? 'var(--mantine-color-red-0)'
                    : i > j
                      ? 'var(--mantine-color-gray-0)'
                      : undefined;
                  if (i === j)
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: criteria are positional
                      <Table.Td key={j} ta="center" c="dimmed" bg="gray.1">
                        1
                      </Table.Td>
                    );
                  if (i > j || !onChange)
                    return (
                      <Table.Td
                        // biome-ignore lint/suspicious/noArrayIndexKey: criteria are positional
                        key={j}
                        ta="center"
                        c={i > j ? 'dimmed' : undefined}
                        style={{ background: bg }}
                        fz="sm"
                      >
                        {v === undefined ? '—' : formatJudgement(v)}
                      </Table.Td>
                    );
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: criteria are positional
                    <Table.Td key={j} style={{ background: bg }}>
                      <Tooltip
                        label={
                          bad && worst
                            ? `Most out of line; the others suggest ${formatJudgement(worst.suggested)}`
                            : `${rowName} vs ${colName}`
                        }
                        withinPortal
                      >
                        <NativeSelect
                          size="xs"
                          aria-label={`${rowName} vs ${colName}`}
                          value={v === undefined ? '' : choiceKey(v)}
                          error={bad}
                          onChange={(e) => {
                            const c = saatyChoices.find((x) => x.label === e.currentTarget.value);
                            if (c) set(i, j, c.value);
                          }}
                          data={[
                            ...(v === undefined ? [{ value: '', label: '—' }] : []),
                            ...saatyChoices.map((c) => ({ value: c.label, label: c.label })),
                          ]}
                        />
                      </Tooltip>
                    </Table.Td>
                  );
                })}
                <Table.Td className={css.num} fw={600}>
                  {((outcome.weights[i] ?? 0) * 100).toFixed(1)}%
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group gap="sm">
        <ConsistencyBadge cr={outcome.cr} />
        {n <= 2 && (
          <Text size="sm" c="dimmed">
            With two criteria the comparison is always consistent.
          </Text>
        )}
      </Group>
      {outcome.problem && (
        <Alert color="yellow" py={8}>
          {outcome.problem}
        </Alert>
      )}
      {outcome.cr !== null && worst && (
        <Alert color="red" title="The judgements are inconsistent" role="alert">
          <Text size="sm">
            The consistency ratio is {outcome.cr.toFixed(3)}, above Saaty's 0.10, so the framework cannot be
            published. The judgement most out of line is <strong>{names[worst.row]}</strong> vs{' '}
            <strong>{names[worst.column]}</strong>, given {formatJudgement(worst.given)}; the other judgements
            suggest <strong>{formatJudgement(worst.suggested)}</strong>.
          </Text>
          {onChange && worst.suggested !== worst.given && (
            <Button
              size="xs"
              mt="xs"
              variant="white"
              color="red"
              onClick={() => set(worst.row, worst.column, worst.suggested)}
            >
              Use {formatJudgement(worst.suggested)}
            </Button>
          )}
        </Alert>
      )}
    </Stack>
  );
}
