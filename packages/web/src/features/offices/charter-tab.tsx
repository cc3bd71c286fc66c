import {
  ActionIcon,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { authorityLevels, type Office, OfficeUpdate } from '@pharos/api';
import { humanize, options } from '../../lib/format';
import { EditEntityForm } from '../../ui/edit-entity-form';
import { FormSelect, FormTextarea } from '../../ui/form-fields';
import { PlusIcon } from '../../ui/icons';
import type { FormApi } from '../../ui/use-zod-form';

type Charter = Office['charter'];
type Kpi = Charter['kpis'][number];

const authorityHelp: Record<Charter['authorityLevel'], string> = {
  supportive: 'Supportive: provides templates, training and advice; projects choose to use them.',
  controlling: 'Controlling: requires compliance with its methods, reviews and gates.',
  directive: 'Directive: manages the projects directly.',
};

function KpiTable({ form }: { form: FormApi<Charter> }) {
  const kpis = form.values.kpis;
  const setKpi = (i: number, patch: Partial<Kpi>) =>
    form.set(
      'kpis',
      kpis.map((k, j) => (j === i ? { ...k, ...patch } : k)),
    );
  if (form.readOnly)
    return kpis.length === 0 ? (
      <Text size="sm" c="dimmed">
        No KPIs defined.
      </Text>
    ) : (
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>KPI</Table.Th>
            <Table.Th>Target</Table.Th>
            <Table.Th>Unit</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kpis.map((k, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: KPIs have no id; their position is their identity
            <Table.Tr key={i}>
              <Table.Td>{k.name}</Table.Td>
              <Table.Td>{k.target || '—'}</Table.Td>
              <Table.Td>{k.unit || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    );
  return (
    <Stack gap="xs">
      {form.error('kpis') && (
        <Text c="red" size="sm" role="alert">
          {form.error('kpis')}
        </Text>
      )}
      <Table withTableBorder verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>KPI</Table.Th>
            <Table.Th w="22%">Target</Table.Th>
            <Table.Th w="18%">Unit</Table.Th>
            <Table.Th w={48}>
              <span className="visually-hidden">Remove</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {kpis.map((k, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: KPIs have no id; their position is their identity
            <Table.Tr key={i}>
              <Table.Td>
                <TextInput
                  aria-label={`KPI ${i + 1} name`}
                  value={k.name}
                  onChange={(e) => setKpi(i, { name: e.currentTarget.value })}
                  error={form.error(`kpis.${i}.name`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`KPI ${i + 1} target`}
                  value={k.target}
                  onChange={(e) => setKpi(i, { target: e.currentTarget.value })}
                  error={form.error(`kpis.${i}.target`)}
                />
              </Table.Td>
              <Table.Td>
                <TextInput
                  aria-label={`KPI ${i + 1} unit`}
                  value={k.unit}
                  onChange={(e) => setKpi(i, { unit: e.currentTarget.value })}
                  error={form.error(`kpis.${i}.unit`)}
                />
              </Table.Td>
              <Table.Td>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove KPI ${i + 1}`}
                  onClick={() =>
                    form.set(
                      'kpis',
                      kpis.filter((_, j) => j !== i),
                    )
                  }
                >
                  ×
                </ActionIcon>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Button
        variant="light"
        size="xs"
        w="fit-content"
        leftSection={<PlusIcon size={14} />}
        onClick={() => form.set('kpis', [...kpis, { name: '', target: '', unit: '' }])}
      >
        Add KPI
      </Button>
    </Stack>
  );
}

/** The office's charter: mission, mandate, authority level and KPIs (saved as one part of the office). */
export function CharterTab({ office }: { office: Office }) {
  return (
    <EditEntityForm
      entity="offices"
      item={office}
      toValues={(o) => o.charter}
      schema={OfficeUpdate}
      toBody={(_, all) => ({ charter: all })}
      mapPath={(p) => p.replace(/^charter\./, '')}
    >
      {(form) => (
        <Stack gap="lg">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <FormTextarea form={form} name="mission" label="Mission" minRows={4} />
            <FormTextarea form={form} name="mandate" label="Mandate" minRows={4} />
          </SimpleGrid>
          <Paper withBorder p="md" radius="md">
            <Group align="flex-start" gap="lg" wrap="wrap">
              <FormSelect
                form={form}
                name="authorityLevel"
                label="Authority level"
                data={options(authorityLevels)}
                required
              />
              <Text size="sm" c="dimmed" maw={420} mt={form.readOnly ? 0 : 24}>
                {authorityHelp[form.values.authorityLevel] ?? humanize(form.values.authorityLevel)}
              </Text>
            </Group>
          </Paper>
          <div>
            <Title order={2} fz="h5" mb="xs">
              Key performance indicators
            </Title>
            <KpiTable form={form} />
          </div>
        </Stack>
      )}
    </EditEntityForm>
  );
}
