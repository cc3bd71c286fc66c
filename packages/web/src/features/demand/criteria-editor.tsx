import {
  ActionIcon,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { EntitySelect } from '../../ui/entity-select';
import type { FormApi } from '../../ui/use-zod-form';
import type { Criterion, FrameworkValues } from './framework-values';
import { criterionColor } from './score-result';

type Level = Criterion['scale']['levels'][number];
const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);

function LevelsEditor(props: {
  c: Criterion;
  i: number;
  form: FormApi<FrameworkValues>;
  onLevels: (l: Level[]) => void;
}) {
  const { c, i, form } = props;
  const levels = c.scale.levels;
  const patch = (k: number, p: Partial<Level>) =>
    props.onLevels(levels.map((l, j) => (j === k ? { ...l, ...p } : l)));
  const err = (k: number, f: string) => form.error(`criteria.${i}.scale.levels.${k}.${f}`);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        Scale levels
      </Text>
      <Table verticalSpacing={2} aria-label={`Scale levels of ${c.name}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={90}>Value</Table.Th>
            <Table.Th w={180}>Label</Table.Th>
            <Table.Th>What it means (descriptor)</Table.Th>
            <Table.Th w={36} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {levels.map((l, k) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: levels are positional
            <Table.Tr key={k}>
              <Table.Td>
                <NumberInput
                  size="xs"
                  aria-label={`Value of level ${k + 1}`}
                  value={l.value}
                  error={err(k, 'value')}
                  onChange={(v) => patch(k, { value: num(v) })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={`Label of level ${k + 1}`}
                  value={l.label}
                  error={err(k, 'label')}
                  onChange={(e) => patch(k, { label: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  size="xs"
                  aria-label={`Descriptor of level ${k + 1}`}
                  value={l.description}
                  onChange={(e) => patch(k, { description: e.currentTarget.value })}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={`Remove level ${k + 1}`}
                  onClick={() => props.onLevels(levels.filter((_, j) => j !== k))}
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          size="compact-xs"
          variant="subtle"
          disabled={levels.length >= 20}
          onClick={() => {
            const top = levels.reduce((m, l) => Math.max(m, l.value), c.scale.min - 1);
            props.onLevels([...levels, { value: top + 1, label: '', description: '' }]);
          }}
        >
          Add a level
        </Button>
      </Group>
    </Stack>
  );
}

/** The criteria of a draft framework: names, direction, scale and its levels, objective, weight. */
export function CriteriaEditor(props: {
  form: FormApi<FrameworkValues>;
  weights: number[];
  onRemove: (i: number) => void;
}) {
  const { form, weights } = props;
  const criteria = form.values.criteria;
  const direct = form.values.weighting === 'direct';
  const patch = (i: number, p: Partial<Criterion>) =>
    form.set(
      'criteria',
      criteria.map((c, j) => (j === i ? { ...c, ...p } : c)),
    );
  const err = (i: number, f: string) => form.error(`criteria.${i}.${f}`);
  return (
    <Stack gap="sm">
      {criteria.map((c, i) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: criteria are positional (AHP refers to them by index)
          key={i}
          withBorder
          padding="md"
          style={{ borderLeft: `4px solid ${criterionColor(i)}` }}
          aria-label={`Criterion ${i + 1}`}
          component="section"
        >
          <Group justify="space-between" mb="xs">
            <Text fw={600}>
              {i + 1}. {c.name || 'Unnamed criterion'}
            </Text>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {((weights[i] ?? 0) * 100).toFixed(1)}% of the total
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                color="red"
                disabled={criteria.length <= 1}
                onClick={() => props.onRemove(i)}
                aria-label={`Remove criterion ${c.name}`}
              >
                Remove
              </Button>
            </Group>
          </Group>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Name"
                required
                value={c.name}
                error={err(i, 'name')}
                onChange={(e) => patch(i, { name: e.currentTarget.value })}
              />
              <TextInput
                label="Id"
                description="Stays the same across revisions"
                required
                value={c.id}
                error={err(i, 'id')}
                onChange={(e) => patch(i, { id: e.currentTarget.value })}
              />
              <div>
                <Text size="sm" fw={500} mb={4}>
                  Direction
                </Text>
                <SegmentedControl
                  aria-label={`Direction of ${c.name}`}
                  fullWidth
                  value={c.direction}
                  onChange={(v) => patch(i, { direction: v as Criterion['direction'] })}
                  data={[
                    { value: 'benefit', label: 'Benefit (higher is better)' },
                    { value: 'negative', label: 'Negative (risk)' },
                  ]}
                />
              </div>
            </SimpleGrid>
            <TextInput
              label="Description"
              value={c.description}
              onChange={(e) => patch(i, { description: e.currentTarget.value })}
            />
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <NumberInput
                label="Scale min"
                value={c.scale.min}
                error={err(i, 'scale.min')}
                onChange={(v) => patch(i, { scale: { ...c.scale, min: num(v) } })}
              />
              <NumberInput
                label="Scale max"
                value={c.scale.max}
                error={err(i, 'scale.max') ?? err(i, 'scale')}
                onChange={(v) => patch(i, { scale: { ...c.scale, max: num(v) } })}
              />
              {direct && (
                <NumberInput
                  label="Weight"
                  min={0}
                  step={0.5}
                  decimalScale={3}
                  value={c.weight}
                  error={err(i, 'weight')}
                  onChange={(v) => patch(i, { weight: num(v) })}
                />
              )}
              <div style={{ gridColumn: direct ? 'span 1' : 'span 2' }}>
                <EntitySelect
                  entity="objectives"
                  label="Strategic objective"
                  description="For an alignment criterion"
                  value={c.objectiveId}
                  onChange={(id) => patch(i, { objectiveId: id })}
                  error={err(i, 'objectiveId')}
                />
              </div>
            </SimpleGrid>
            <LevelsEditor
              c={c}
              i={i}
              form={form}
              onLevels={(levels) => patch(i, { scale: { ...c.scale, levels } })}
            />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}
