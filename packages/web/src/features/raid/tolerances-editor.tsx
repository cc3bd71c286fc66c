import {
  ActionIcon,
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import {
  officeKindLabels,
  officeKinds,
  type RaidTolerances,
  type RaidToleranceValue,
  raidSeverities,
} from '@pharos/api';
import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useAbility } from '../../api/me';
import { EntitySelect } from '../../ui/entity-select';
import { raidCalls, useRaidMutation, useTolerances } from './raid-api';
import { levelLabel } from './raid-badges';

type Row = RaidToleranceValue & { officeId?: string | null };

/** One tolerance's three inputs; empty means no limit. */
function ToleranceCells({ value, onChange, name }: { value: Row; onChange: (v: Row) => void; name: string }) {
  const num = (v: string | number) => (v === '' ? null : Number(v));
  return (
    <>
      <Table.Td>
        <NumberInput
          aria-label={`${name}: highest score`}
          placeholder="No limit"
          min={1}
          max={25}
          value={value.maxScore ?? ''}
          onChange={(v) => onChange({ ...value, maxScore: num(v) })}
          w={110}
        />
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`${name}: highest severity`}
          placeholder="No limit"
          clearable
          data={raidSeverities.map((s) => ({ value: s, label: levelLabel[s] }))}
          value={value.maxSeverity}
          onChange={(v) => onChange({ ...value, maxSeverity: (v as Row['maxSeverity']) ?? null })}
          w={130}
          comboboxProps={{ withinPortal: true }}
        />
      </Table.Td>
      <Table.Td>
        <NumberInput
          aria-label={`${name}: days to resolve`}
          placeholder="None"
          min={0}
          max={365}
          value={value.resolutionDays ?? ''}
          onChange={(v) => onChange({ ...value, resolutionDays: num(v) })}
          w={100}
        />
      </Table.Td>
    </>
  );
}

function Editor({ current, onDone }: { current: RaidTolerances; onDone: () => void }) {
  const [byKind, setByKind] = useState(current.byOfficeKind);
  const [offices, setOffices] = useState<Row[]>(current.offices);
  const [error, setError] = useState<string | null>(null);
  const save = useRaidMutation(raidCalls.updateTolerances);
  const empty: Row = { officeId: null, maxScore: null, maxSeverity: null, resolutionDays: null };
  const submit = async () => {
    if (offices.some((o) => !o.officeId)) return setError('Pick the office of every row, or remove it');
    setError(null);
    try {
      await save.mutateAsync({
        version: current.version,
        byOfficeKind: byKind,
        offices: offices.map((o) => ({ ...o, officeId: o.officeId! })),
      });
      notifications.show({ color: 'green', message: 'Tolerances saved; they apply within 15 minutes.' });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const header = (
    <Table.Thead>
      <Table.Tr>
        <Table.Th>Office</Table.Th>
        <Table.Th>Scores up to</Table.Th>
        <Table.Th>Severity up to</Table.Th>
        <Table.Th>Days to resolve</Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        What each office handles itself; above it, a risk or issue rises to the office above. Empty means no
        limit.
      </Text>
      <Table>
        <caption className="visually-hidden">Tolerances by kind of office</caption>
        {header}
        <Table.Tbody>
          {officeKinds.map((k) => (
            <Table.Tr key={k}>
              <Table.Td>{officeKindLabels[k]}</Table.Td>
              <ToleranceCells
                name={officeKindLabels[k]}
                value={byKind[k]}
                onChange={(v) => setByKind({ ...byKind, [k]: v })}
              />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fw={600} size="sm">
        Offices with tolerances of their own
      </Text>
      {offices.map((o, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id until an office is picked
        <Group key={i} gap="xs" align="flex-end" wrap="nowrap">
          <EntitySelect
            entity="offices"
            label={`Office ${i + 1}`}
            value={o.officeId ?? null}
            onChange={(id) => setOffices(offices.map((x, j) => (j === i ? { ...x, officeId: id } : x)))}
            w={260}
          />
          <Table>
            <Table.Tbody>
              <Table.Tr>
                <ToleranceCells
                  name={`Office ${i + 1}`}
                  value={o}
                  onChange={(v) => setOffices(offices.map((x, j) => (j === i ? v : x)))}
                />
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <ActionIcon
            variant="subtle"
            color="red"
            mb={8}
            aria-label={`Remove office ${i + 1}`}
            onClick={() => setOffices(offices.filter((_, j) => j !== i))}
          >
            ×
          </ActionIcon>
        </Group>
      ))}
      <Button variant="light" size="xs" w="fit-content" onClick={() => setOffices([...offices, empty])}>
        Add an office
      </Button>
      {error && (
        <Alert color="red" role="alert" py={8}>
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          Cancel
        </Button>
        <Button loading={save.isPending} onClick={submit}>
          Save tolerances
        </Button>
      </Group>
    </Stack>
  );
}

/** The escalation tolerances, changed by the organization's PMO leaders. */
export function TolerancesButton() {
  const canEdit = useAbility('settings.update');
  const [opened, { open, close }] = useDisclosure(false);
  const t = useTolerances();
  if (!canEdit) return null;
  return (
    <>
      <Button variant="default" onClick={open} disabled={!t.data}>
        Tolerances
      </Button>
      <Modal opened={opened} onClose={close} size="xl" title={<Text fw={600}>Escalation tolerances</Text>}>
        {t.data && <Editor key={t.data.version} current={t.data} onDone={close} />}
      </Modal>
    </>
  );
}
