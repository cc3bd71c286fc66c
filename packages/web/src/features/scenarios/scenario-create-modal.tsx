import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { objectiveKinds, routes, ScenarioCreate } from '@pharos/api';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { FormEntitySelect, FormNumber, FormSelect, FormText, FormTextarea } from '../../ui/form-fields';
import { useZodForm } from '../../ui/use-zod-form';
import { storeScenario } from './scenario-api';
import { objectiveLabel } from './scenario-format';
import { useMoney } from './scenario-money';

const statuses = ['submitted', 'screening', 'scored', 'shortlisted', 'approved'] as const;
type Status = (typeof statuses)[number];

interface Values {
  code: string;
  name: string;
  description: string;
  portfolioId: string | null;
  horizonStart: string;
  months: number;
  objective: (typeof objectiveKinds)[number];
  proposalStatuses: Status[];
  includeProjects: boolean;
  /** Limits in major units by `line/year`; empty = none. */
  budget: Record<string, number | ''>;
}

function nextMonth(): string {
  const d = new Date();
  const k = d.getUTCFullYear() * 12 + d.getUTCMonth() + 1;
  return `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
}

/** "New scenario": which portfolio, the horizon, the objective, which proposals and the budget limits. */
export function ScenarioCreateModal(props: {
  opened: boolean;
  onClose: () => void;
  portfolioId?: string;
}): ReactNode {
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={600}>New scenario</Text>}
      size="xl"
      closeOnClickOutside={false}
    >
      {props.opened && <CreateForm {...props} />}
    </Modal>
  );
}

function CreateForm(props: { onClose: () => void; portfolioId?: string }) {
  const form = useZodForm<Values>({
    code: '',
    name: '',
    description: '',
    portfolioId: props.portfolioId ?? null,
    horizonStart: nextMonth(),
    months: 36,
    objective: 'score',
    proposalStatuses: ['scored', 'shortlisted', 'approved'],
    includeProjects: true,
    budget: {},
  });
  const money = useMoney();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const v = form.values;
  const years = Math.max(1, Math.min(10, Math.ceil((v.months || 1) / 12)));
  const toBody = () => ({
    code: v.code,
    name: v.name,
    description: v.description,
    portfolioId: v.portfolioId,
    horizonStart: v.horizonStart,
    months: v.months,
    objective: v.objective,
    proposalStatuses: v.proposalStatuses,
    includeProjects: v.includeProjects,
    budget: Object.entries(v.budget).flatMap(([k, limit]) => {
      const [line, year] = k.split('/') as ['capex' | 'opex', string];
      return limit === '' || Number(year) >= years
        ? []
        : [{ line, year: Number(year), limit: Math.round(limit * 100) }];
    }),
  });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = form.validate(ScenarioCreate, toBody());
    if (!body) return;
    setBusy(true);
    try {
      const s = await api.call(routes.scenarios.create, { body });
      storeScenario(qc, s);
      notifications.show({
        color: 'green',
        message: `Created ${s.name} with ${s.body.candidates.length} candidates.`,
      });
      props.onClose();
      void navigate({ to: '/scenarios/$id', params: { id: s.id } });
    } catch (err) {
      form.applyServerError(err);
    } finally {
      setBusy(false);
    }
  };
  const cell = (line: string, y: number) => (
    <NumberInput
      aria-label={`${line} limit, year ${y + 1}`}
      placeholder="No limit"
      size="xs"
      min={0}
      thousandSeparator=","
      value={v.budget[`${line}/${y}`] ?? ''}
      onChange={(n) => form.set('budget', { ...v.budget, [`${line}/${y}`]: typeof n === 'number' ? n : '' })}
    />
  );
  return (
    <form onSubmit={submit} noValidate aria-label="New scenario">
      <Stack gap="md">
        {form.formError && (
          <Alert color="red" role="alert">
            {form.formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <FormText form={form} name="code" label="Code" required maxLength={40} />
          <FormText form={form} name="name" label="Name" required />
        </SimpleGrid>
        <FormEntitySelect form={form} name="portfolioId" label="Portfolio" entity="portfolios" required />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="month"
            label="First month"
            required
            value={v.horizonStart}
            onChange={(e) => form.set('horizonStart', e.currentTarget.value)}
            error={form.error('horizonStart')}
          />
          <FormNumber form={form} name="months" label="Months" min={1} max={120} required />
          <FormSelect
            form={form}
            name="objective"
            label="Maximize"
            data={objectiveKinds.map((k) => ({ value: k, label: objectiveLabel[k] ?? k }))}
          />
        </SimpleGrid>
        <MultiSelect
          label="Proposals in these statuses become candidates"
          data={statuses.map((s) => ({ value: s, label: s.charAt(0).toUpperCase() + s.slice(1) }))}
          value={v.proposalStatuses}
          onChange={(x) => form.set('proposalStatuses', x as Status[])}
          error={form.error('proposalStatuses')}
        />
        <Switch
          label="Running projects of the portfolio are candidates too (they can be shifted or stopped)"
          checked={v.includeProjects}
          onChange={(e) => form.set('includeProjects', e.currentTarget.checked)}
        />
        <div>
          <Text size="sm" fw={500}>
            Budget limits per year{money.currency ? ` (${money.currency})` : ''}
          </Text>
          <Text size="xs" c="dimmed" mb={4}>
            Year 1 is the first twelve months. Leave a cell empty for no limit.
          </Text>
          <Table withTableBorder verticalSpacing={4} aria-label="Budget limits">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                {Array.from({ length: years }, (_, k) => k).map((y) => (
                  <Table.Th key={y}>Year {y + 1}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(['capex', 'opex'] as const).map((line) => (
                <Table.Tr key={line}>
                  <Table.Td fw={600}>{line}</Table.Td>
                  {Array.from({ length: years }, (_, k) => k).map((y) => (
                    <Table.Td key={y}>{cell(line, y)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {form.error('budget') && (
            <Text size="xs" c="red">
              {form.error('budget')}
            </Text>
          )}
        </div>
        <FormTextarea form={form} name="description" label="Description" minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={busy}>
            Create scenario
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
