import {
  Badge,
  Button,
  CloseButton,
  Group,
  MultiSelect,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { Scenario, ScenarioBodyT } from '@pharos/api';
import { type ReactNode, useMemo, useState } from 'react';
import type { useBodyEdit } from './use-body-edit';

type Kind = ScenarioBodyT['dependencies'][number]['kind'];
const kindLabel: Record<Kind, string> = {
  requires: 'needs',
  after: 'starts after the end of',
};

/** Dependencies (B needs A; B after A) and exclusions (at most one of a group): add and remove. */
export function RulesSection(props: { scenario: Scenario; edit: ReturnType<typeof useBodyEdit> }): ReactNode {
  const { body } = props.scenario;
  const { edit } = props;
  const names = useMemo(() => new Map(body.candidates.map((c) => [c.id, c.name])), [body]);
  const options = useMemo(
    () => body.candidates.map((c) => ({ value: c.id, label: `${c.name} (${c.id})` })),
    [body],
  );
  const [to, setTo] = useState<string | null>(null);
  const [from, setFrom] = useState<string | null>(null);
  const [kind, setKind] = useState<Kind>('requires');
  const [group, setGroup] = useState<string[]>([]);
  const name = (id: string) => names.get(id) ?? id;
  const save = (patch: Partial<ScenarioBodyT>) => edit.save({ ...body, ...patch });
  const canAdd = from && to && from !== to && !body.dependencies.some((d) => d.from === from && d.to === to);
  return (
    <Stack gap="xl">
      <section aria-labelledby="deps-heading">
        <Title order={2} fz="h4" id="deps-heading">
          Dependencies
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          A candidate that needs another is only selected with it; “after” also keeps it from starting before
          the other ends.
        </Text>
        <Paper withBorder radius="md">
          <Table striped verticalSpacing={6} aria-label="Dependencies">
            <Table.Tbody>
              {body.dependencies.length === 0 && (
                <Table.Tr>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      No dependencies.
                    </Text>
                  </Table.Td>
                </Table.Tr>
              )}
              {body.dependencies.map((d) => (
                <Table.Tr key={`${d.from}>${d.to}`}>
                  <Table.Td>
                    <Text size="sm">
                      <b>{name(d.to)}</b> {kindLabel[d.kind]} <b>{name(d.from)}</b>
                    </Text>
                  </Table.Td>
                  <Table.Td w={40}>
                    {edit.editable && (
                      <CloseButton
                        aria-label={`Remove: ${name(d.to)} ${kindLabel[d.kind]} ${name(d.from)}`}
                        disabled={edit.busy}
                        onClick={() => save({ dependencies: body.dependencies.filter((x) => x !== d) })}
                      />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
        {edit.editable && (
          <Group mt="sm" align="flex-end" wrap="wrap" gap="xs">
            <Select label="Candidate" searchable data={options} value={to} onChange={setTo} w={280} />
            <Select
              label="Rule"
              data={[
                { value: 'requires', label: 'needs' },
                { value: 'after', label: 'starts after the end of' },
              ]}
              value={kind}
              allowDeselect={false}
              onChange={(v) => v && setKind(v as Kind)}
              w={200}
            />
            <Select
              label="Other candidate"
              searchable
              data={options}
              value={from}
              onChange={setFrom}
              w={280}
            />
            <Button
              variant="light"
              disabled={!canAdd}
              loading={edit.busy}
              onClick={async () => {
                if (!from || !to) return;
                if (await save({ dependencies: [...body.dependencies, { from, to, kind }] })) {
                  setFrom(null);
                  setTo(null);
                }
              }}
            >
              Add dependency
            </Button>
          </Group>
        )}
      </section>
      <section aria-labelledby="excl-heading">
        <Title order={2} fz="h4" id="excl-heading">
          Exclusions
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          At most one candidate of each group is selected (alternatives to each other).
        </Text>
        <Stack gap="xs">
          {body.exclusions.length === 0 && (
            <Text size="sm" c="dimmed">
              No exclusions.
            </Text>
          )}
          {body.exclusions.map((g, k) => (
            <Paper key={g.join('|')} withBorder radius="md" p="xs">
              <Group justify="space-between" wrap="nowrap">
                <Group gap={6} wrap="wrap">
                  <Text size="sm" c="dimmed">
                    At most one of
                  </Text>
                  {g.map((id) => (
                    <Badge key={id} variant="light" color="gray" radius="sm" tt="none">
                      {name(id)}
                    </Badge>
                  ))}
                </Group>
                {edit.editable && (
                  <CloseButton
                    aria-label={`Remove the exclusion group ${k + 1}`}
                    disabled={edit.busy}
                    onClick={() => save({ exclusions: body.exclusions.filter((_, j) => j !== k) })}
                  />
                )}
              </Group>
            </Paper>
          ))}
        </Stack>
        {edit.editable && (
          <Group mt="sm" align="flex-end" gap="xs">
            <MultiSelect
              label="New group"
              placeholder="Pick two or more"
              searchable
              data={options}
              value={group}
              onChange={setGroup}
              w={520}
            />
            <Button
              variant="light"
              disabled={group.length < 2}
              loading={edit.busy}
              onClick={async () => {
                if (await save({ exclusions: [...body.exclusions, group] })) setGroup([]);
              }}
            >
              Add exclusion
            </Button>
          </Group>
        )}
      </section>
    </Stack>
  );
}
