import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ProjectType, ragDimensionLabels, ragDimensions } from '@pharos/api';
import { useState } from 'react';
import { errorMessage, isApiError } from '../../api/client';
import { QueryState } from '../../ui/query-state';
import { statusCalls, type TypeThresholds, useStatusMutation, useTypeThresholds } from './status-api';
import {
  bandFields,
  numberFields,
  storedPart,
  type Thresholds,
  thresholdValue,
  withValue,
} from './threshold-fields';

type Band = { amber: number; red: number } | null;

function BandRow({
  label,
  band,
  base,
  lowerIsWorse,
  field,
  errors,
  readOnly,
  onChange,
}: {
  label: string;
  band: Band;
  base: Band;
  lowerIsWorse: boolean | undefined;
  field: string;
  errors: Record<string, string>;
  readOnly: boolean;
  onChange: (b: Band) => void;
}) {
  const changed = JSON.stringify(band) !== JSON.stringify(base);
  const num = (which: 'amber' | 'red') => (
    <NumberInput
      aria-label={`${label}: ${which}`}
      size="xs"
      w={112}
      decimalScale={3}
      step={lowerIsWorse ? 0.01 : 1}
      disabled={band === null}
      readOnly={readOnly}
      value={band?.[which] ?? ''}
      error={errors[`${field}.${which}`]}
      onChange={(n) => band && onChange({ ...band, [which]: Number(n) })}
    />
  );
  return (
    <Table.Tr>
      <Table.Td>
        <Text size="sm" fw={changed ? 600 : undefined}>
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {lowerIsWorse ? 'amber below, red below' : 'amber from, red from'}
          {changed && base && ` · default ${base.amber} / ${base.red}`}
          {changed && !base && ' · off by default'}
        </Text>
      </Table.Td>
      <Table.Td>{num('amber')}</Table.Td>
      <Table.Td>{num('red')}</Table.Td>
      <Table.Td>
        <Checkbox
          aria-label={`${label}: rule on`}
          checked={band !== null}
          disabled={readOnly}
          onChange={(e) => onChange(e.currentTarget.checked ? (base ?? { amber: 1, red: 2 }) : null)}
        />
      </Table.Td>
    </Table.Tr>
  );
}

function Editor({ data }: { data: TypeThresholds }) {
  const [t, setT] = useState<Thresholds>(data.thresholds);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useStatusMutation(statusCalls.putThresholds);
  const ro = !data.canUpdate;
  const put = (stored: Record<string, unknown>) => {
    setErrors({});
    save.mutate(
      { typeId: data.projectTypeId, body: { thresholds: stored, version: data.version } },
      {
        onSuccess: () => notifications.show({ message: 'RAG thresholds saved' }),
        onError: (e) => {
          if (isApiError(e) && e.field) setErrors({ [e.field.replace(/^thresholds\./, '')]: e.message });
          else notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(e) });
        },
      },
    );
  };
  const overall = t.overall;
  return (
    <Stack gap="md" component="form" aria-label="RAG thresholds" onSubmit={(e) => e.preventDefault()}>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={680}>
          The limits status reports of this type are suggested with. Values in bold differ from the defaults;
          turn a rule off to leave that fact out.
        </Text>
        {!ro && (
          <Group gap="xs">
            <Button variant="default" disabled={save.isPending} onClick={() => put({})}>
              Reset to defaults
            </Button>
            <Button loading={save.isPending} onClick={() => put(storedPart(t, data.defaults))}>
              Save thresholds
            </Button>
          </Group>
        )}
      </Group>
      {errors.version && <Text c="red">{errors.version}</Text>}
      <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="md">
        {ragDimensions.map((d) => (
          <Paper key={d} withBorder p="sm" radius="sm">
            <Title order={5} mb="xs">
              {ragDimensionLabels[d]}
            </Title>
            <Table
              verticalSpacing={4}
              aria-label={`${ragDimensionLabels[d]} thresholds`}
              style={{ tableLayout: 'fixed' }}
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Fact</Table.Th>
                  <Table.Th w={124}>Amber</Table.Th>
                  <Table.Th w={124}>Red</Table.Th>
                  <Table.Th w={44}>On</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bandFields
                  .filter((f) => f.dimension === d)
                  .map((f) => (
                    <BandRow
                      key={f.name}
                      label={f.label}
                      field={`${d}.${f.name}`}
                      band={thresholdValue(t, d, f.name) as Band}
                      base={thresholdValue(data.defaults, d, f.name) as Band}
                      lowerIsWorse={f.lowerIsWorse}
                      errors={errors}
                      readOnly={ro}
                      onChange={(b) => setT(withValue(t, d, f.name, b))}
                    />
                  ))}
              </Table.Tbody>
            </Table>
            <Group mt="xs" gap="lg">
              {numberFields
                .filter((f) => f.dimension === d)
                .map((f) => (
                  <NumberInput
                    key={f.name}
                    label={f.label}
                    size="xs"
                    w={260}
                    min={0}
                    max={f.max}
                    readOnly={ro}
                    value={thresholdValue(t, d, f.name) as number}
                    error={errors[`${d}.${f.name}`]}
                    onChange={(n) => setT(withValue(t, d, f.name, Number(n)))}
                  />
                ))}
              {d === 'schedule' && (
                <Switch
                  label="A slipped critical milestone makes the schedule red"
                  disabled={ro}
                  checked={t.schedule.criticalMilestoneRed}
                  onChange={(e) =>
                    setT(withValue(t, 'schedule', 'criticalMilestoneRed', e.currentTarget.checked))
                  }
                />
              )}
            </Group>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="sm" radius="sm">
        <Title order={5} mb="xs">
          Overall
        </Title>
        <Group align="flex-end" gap="lg">
          <SegmentedControl
            aria-label="Overall rule"
            disabled={ro}
            value={overall.method}
            onChange={(m) =>
              setT({
                ...t,
                overall: m === 'weighted' ? { method: 'weighted', weights: {} } : { method: 'worst' },
              })
            }
            data={[
              { value: 'worst', label: 'Worst dimension' },
              { value: 'weighted', label: 'Weighted mean' },
            ]}
          />
          {overall.method === 'weighted' &&
            ragDimensions.map((d) => (
              <NumberInput
                key={d}
                label={`${ragDimensionLabels[d]} weight`}
                size="xs"
                w={120}
                min={0}
                readOnly={ro}
                value={overall.weights?.[d] ?? 1}
                error={errors[`overall.weights.${d}`]}
                onChange={(n) =>
                  setT({ ...t, overall: { ...overall, weights: { ...overall.weights, [d]: Number(n) } } })
                }
              />
            ))}
        </Group>
        {errors['overall.amberFrom'] && (
          <Text c="red" size="sm">
            {errors['overall.amberFrom']}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

/** The project type's "RAG thresholds" tab. */
export function RagThresholdsTab({ type }: { type: ProjectType }) {
  const q = useTypeThresholds(type.id);
  return (
    <QueryState query={q} label="Loading RAG thresholds">
      {() => <Editor key={q.data!.version} data={q.data!} />}
    </QueryState>
  );
}
