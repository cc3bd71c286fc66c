import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { riskImpactAreas, riskStrategies } from '@pharos/api';
import { scoreRisk } from '@pharos/engine';
import { humanize } from '../../lib/format';
import { EntitySelect } from '../../ui/entity-select';
import type { DetailsApi } from './kind-fields';
import { levelLabel, ScoreChip } from './raid-badges';

type Impact = Partial<Record<(typeof riskImpactAreas)[number], number>>;
type Ratings = { probability: number; impact: Impact };
type Action = { text: string; ownerId: string | null; due: string | null; done: boolean };

const probabilityOptions = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'].map((w, i) => ({
  value: String(i + 1),
  label: `${i + 1} · ${w}`,
}));
const impactOptions = ['Minimal', 'Minor', 'Moderate', 'Major', 'Severe'].map((w, i) => ({
  value: String(i + 1),
  label: `${i + 1} · ${w}`,
}));

/** Probability and the impact per area, with the score they make, computed as they are chosen. */
function RatingsFields({
  d,
  value,
  onChange,
  prefix,
  label,
}: {
  d: DetailsApi;
  value: Ratings;
  onChange: (r: Ratings) => void;
  prefix: string;
  label: string;
}) {
  const scored = scoreRisk({ id: '', probability: value.probability, impact: value.impact });
  return (
    <Fieldset legend={label} variant="filled" radius="md">
      <Stack gap="xs">
        <Group align="flex-end" gap="sm" wrap="nowrap">
          <Select
            label="Probability"
            data={probabilityOptions}
            value={value.probability ? String(value.probability) : null}
            onChange={(v) => onChange({ ...value, probability: Number(v) })}
            error={d.error(`${prefix}probability`)}
            readOnly={d.readOnly}
            allowDeselect={false}
            w={190}
            comboboxProps={{ withinPortal: true }}
          />
          <Stack gap={2} align="center" aria-live="polite">
            <Text size="xs" c="dimmed">
              Score
            </Text>
            {scored.ok ? (
              <Group gap={6} wrap="nowrap">
                <ScoreChip score={scored.value.score} label={label} />
                <Text size="sm">{levelLabel[scored.value.level]}</Text>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                Rate an impact
              </Text>
            )}
          </Stack>
        </Group>
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs">
          {riskImpactAreas.map((area) => (
            <Select
              key={area}
              label={`Impact on ${area}`}
              placeholder="Not rated"
              data={impactOptions}
              clearable={!d.readOnly}
              value={value.impact[area] ? String(value.impact[area]) : null}
              onChange={(v) => {
                const impact = { ...value.impact };
                if (v) impact[area] = Number(v);
                else delete impact[area];
                onChange({ ...value, impact });
              }}
              error={d.error(`${prefix}impact.${area}`)}
              readOnly={d.readOnly}
              comboboxProps={{ withinPortal: true }}
            />
          ))}
        </SimpleGrid>
        {d.error(`${prefix}impact`) && (
          <Text size="xs" c="red">
            {d.error(`${prefix}impact`)}
          </Text>
        )}
      </Stack>
    </Fieldset>
  );
}

/** The mitigation actions: what, who, by when, done. */
function MitigationEditor({ d }: { d: DetailsApi }) {
  const actions = (d.get('mitigation') as Action[] | undefined) ?? [];
  const put = (next: Action[]) => d.set('mitigation', next);
  const edit = (i: number, patch: Partial<Action>) =>
    put(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  return (
    <Fieldset legend="Mitigation actions" variant="filled" radius="md">
      <Stack gap="xs">
        {actions.length === 0 && (
          <Text size="sm" c="dimmed">
            No actions yet.
          </Text>
        )}
        {actions.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; their order is their identity
          <Group key={i} gap="xs" align="flex-start" wrap="nowrap">
            <Checkbox
              mt={8}
              aria-label={`Action ${i + 1} done`}
              checked={a.done}
              onChange={(e) => edit(i, { done: e.currentTarget.checked })}
              disabled={d.readOnly}
            />
            <TextInput
              aria-label={`Action ${i + 1}`}
              placeholder="What will be done"
              style={{ flex: 2 }}
              value={a.text}
              onChange={(e) => edit(i, { text: e.currentTarget.value })}
              error={d.error(`mitigation.${i}.text`)}
              readOnly={d.readOnly}
            />
            <EntitySelect
              entity="users"
              label=""
              placeholder="Owner"
              value={a.ownerId}
              onChange={(id) => edit(i, { ownerId: id })}
              error={d.error(`mitigation.${i}.ownerId`)}
              readOnly={d.readOnly}
              w={150}
            />
            <TextInput
              type="date"
              aria-label={`Action ${i + 1} due`}
              w={150}
              value={a.due ?? ''}
              onChange={(e) => edit(i, { due: e.currentTarget.value || null })}
              readOnly={d.readOnly}
            />
            {!d.readOnly && (
              <ActionIcon
                variant="subtle"
                color="red"
                mt={4}
                aria-label={`Remove action ${i + 1}`}
                onClick={() => put(actions.filter((_, j) => j !== i))}
              >
                ×
              </ActionIcon>
            )}
          </Group>
        ))}
        {!d.readOnly && (
          <Button
            variant="light"
            size="xs"
            w="fit-content"
            onClick={() => put([...actions, { text: '', ownerId: null, due: null, done: false }])}
          >
            Add an action
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}

/** A risk: its ratings and score, response, trigger, mitigation and residual ratings. */
export function RiskFields({ d }: { d: DetailsApi }) {
  const current: Ratings = {
    probability: (d.get('probability') as number) ?? 0,
    impact: (d.get('impact') as Impact) ?? {},
  };
  const residual = (d.get('residual') as Ratings | null | undefined) ?? null;
  return (
    <Stack gap="sm">
      <RatingsFields
        d={d}
        prefix=""
        label="Inherent rating"
        value={current}
        onChange={(r) => d.setMany({ probability: r.probability, impact: r.impact })}
      />
      <Group grow align="flex-start">
        <Select
          label="Response"
          data={riskStrategies.map((s) => ({ value: s, label: humanize(s) }))}
          value={(d.get('strategy') as string) ?? 'mitigate'}
          onChange={(v) => v && d.set('strategy', v)}
          readOnly={d.readOnly}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
        <Textarea
          label="Trigger"
          description="What tells that it is happening"
          autosize
          minRows={1}
          value={(d.get('trigger') as string) ?? ''}
          onChange={(e) => d.set('trigger', e.currentTarget.value)}
          error={d.error('trigger')}
          readOnly={d.readOnly}
        />
      </Group>
      <MitigationEditor d={d} />
      <Checkbox
        label="Rate the residual risk (once the mitigation is done)"
        checked={residual !== null}
        disabled={d.readOnly}
        onChange={(e) => d.set('residual', e.currentTarget.checked ? { ...current } : null)}
      />
      {residual && (
        <RatingsFields
          d={d}
          prefix="residual."
          label="Residual rating"
          value={residual}
          onChange={(r) => d.set('residual', r)}
        />
      )}
    </Stack>
  );
}
