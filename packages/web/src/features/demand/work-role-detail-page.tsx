import {
  ActionIcon,
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type WorkRole, WorkRoleUpdate } from '@pharos/api';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { isApiError } from '../../api/client';
import { ConfirmButton } from '../../ui/confirm-button';
import { EntitySelect } from '../../ui/entity-select';
import { FormText, FormTextarea } from '../../ui/form-fields';
import { HistoryTab } from '../../ui/history-tab';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { useZodForm } from '../../ui/use-zod-form';
import { ByOrgUnit, CapacityTable, thisMonth } from './capacity-table';
import css from './demand.module.css';
import { demandCalls, useDemandMutation, useWorkRole } from './demand-api';

interface Step {
  orgUnitId: string | null;
  from: string;
  hoursPerMonth: number;
}
interface Values {
  code: string;
  name: string;
  description: string;
  capacity: Step[];
}
const toValues = (r: WorkRole): Values => ({
  code: r.code,
  name: r.name,
  description: r.description,
  capacity: r.capacity.map((s) => ({ ...s })),
});

function RoleForm({ r }: { r: WorkRole }) {
  const readOnly = !r.abilities.update || r.archivedAt !== null;
  const form = useZodForm<Values>(toValues(r), { readOnly });
  const [version, setVersion] = useState(r.version);
  const save = useDemandMutation(demandCalls.updateWorkRole);
  const steps = form.values.capacity;
  const patch = (i: number, p: Partial<Step>) =>
    form.set(
      'capacity',
      steps.map((s, j) => (j === i ? { ...s, ...p } : s)),
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const changed = form.changed();
    if (Object.keys(changed).length === 0)
      return notifications.show({ message: 'There are no changes to save.' });
    if (!form.validate(WorkRoleUpdate, { ...form.values, version })) return;
    try {
      const saved = await save.mutateAsync({ id: r.id, body: { ...(changed as object), version } as never });
      setVersion(saved.version);
      form.reset(toValues(saved));
      notifications.show({ color: 'green', message: `Saved ${saved.code} · ${saved.name}.` });
    } catch (err) {
      if (isApiError(err) && err.code === 'version_conflict')
        form.setFormError(
          'Someone else changed this role since you opened it; reload the page to see their change.',
        );
      else form.applyServerError(err);
    }
  };
  return (
    <form onSubmit={submit} noValidate aria-label="Edit work role">
      <Stack gap="md" maw={900}>
        {form.formError && <Alert color="red">{form.formError}</Alert>}
        <Card withBorder padding="lg">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <FormText form={form} name="code" label="Code" required maxLength={32} />
            <FormText form={form} name="name" label="Name" required />
          </SimpleGrid>
          <FormTextarea form={form} name="description" label="Description" minRows={2} />
        </Card>
        <Card withBorder padding="lg" component="section" aria-label="Capacity steps">
          <Text fw={600}>Capacity steps</Text>
          <Text size="sm" c="dimmed" mb="sm">
            From a month on, the hours per month an org unit has of this role, until its next step.
          </Text>
          <Table verticalSpacing={4} aria-label="Capacity steps">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Org unit</Table.Th>
                <Table.Th w={170}>From month</Table.Th>
                <Table.Th w={170}>Hours / month</Table.Th>
                {!readOnly && <Table.Th w={40} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {steps.map((s, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: steps are positional
                <Table.Tr key={i}>
                  <Table.Td className={css.hiddenLabel}>
                    <EntitySelect
                      entity="orgUnits"
                      label={`Org unit of step ${i + 1}`}
                      value={s.orgUnitId}
                      readOnly={readOnly}
                      onChange={(id) => patch(i, { orgUnitId: id })}
                      error={form.error(`capacity.${i}.orgUnitId`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      type="month"
                      aria-label={`From month of step ${i + 1}`}
                      value={s.from}
                      readOnly={readOnly}
                      error={form.error(`capacity.${i}.from`)}
                      onChange={(e) => patch(i, { from: e.currentTarget.value })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`Hours per month of step ${i + 1}`}
                      min={0}
                      thousandSeparator=","
                      value={s.hoursPerMonth}
                      readOnly={readOnly}
                      error={form.error(`capacity.${i}.hoursPerMonth`)}
                      onChange={(v) =>
                        patch(i, { hoursPerMonth: typeof v === 'number' ? v : Number(v) || 0 })
                      }
                    />
                  </Table.Td>
                  {!readOnly && (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove step ${i + 1}`}
                        onClick={() =>
                          form.set(
                            'capacity',
                            steps.filter((_, j) => j !== i),
                          )
                        }
                      >
                        ×
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {!readOnly && (
            <Button
              mt="sm"
              size="xs"
              w="fit-content"
              variant="default"
              onClick={() =>
                form.set('capacity', [
                  ...steps,
                  { orgUnitId: steps.at(-1)?.orgUnitId ?? null, from: thisMonth(), hoursPerMonth: 0 },
                ])
              }
            >
              Add a step
            </Button>
          )}
        </Card>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save
            </Button>
            <Button variant="default" disabled={!form.dirty} onClick={() => form.reset(form.baseline)}>
              Discard changes
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

function Page({ r }: { r: WorkRole }) {
  const search: { tab?: string } = useSearch({ strict: false });
  const navigate = useNavigate();
  const archive = useDemandMutation(demandCalls.archive);
  const tab = search.tab === 'history' || search.tab === 'edit' ? search.tab : 'capacity';
  return (
    <>
      <PageHeader
        title={r.name}
        subtitle={r.code}
        archived={r.archivedAt !== null}
        actions={
          r.abilities.archive && (
            <ConfirmButton
              label={r.archivedAt ? 'Restore' : 'Archive'}
              title={`${r.archivedAt ? 'Restore' : 'Archive'} ${r.name}`}
              message={
                r.archivedAt
                  ? 'It can be asked for again.'
                  : 'It can no longer be asked for; demand that names it stays.'
              }
              confirmLabel={r.archivedAt ? 'Restore' : 'Archive'}
              color={r.archivedAt ? undefined : 'red'}
              onConfirm={() =>
                archive.mutateAsync({
                  kind: 'workRoles',
                  id: r.id,
                  version: r.version,
                  restore: r.archivedAt !== null,
                })
              }
            />
          )
        }
      />
      <Tabs
        value={tab}
        onChange={(v) => v && navigate({ to: '.', search: { tab: v } as never, replace: true })}
        keepMounted={false}
      >
        <Tabs.List mb="lg">
          <Tabs.Tab value="capacity">Capacity</Tabs.Tab>
          <Tabs.Tab value="edit">{r.abilities.update ? 'Edit' : 'Details'}</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="capacity">
          <Stack gap="lg">
            <section aria-label="Next 24 months">
              <Text fw={600} mb="xs">
                Total hours per month, next 24 months
              </Text>
              <CapacityTable roleId={r.id} caption={`Capacity of ${r.name}`} />
            </section>
            <section aria-label="By org unit">
              <Text fw={600} mb="xs">
                By org unit, next 12 months
              </Text>
              <ByOrgUnit r={r} />
            </section>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="edit">
          <RoleForm key={`${r.id}`} r={r} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryTab entityType="workRole" id={r.id} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

/** One work role: its capacity over time, its steps per org unit, its history. */
export function WorkRoleDetailPage(): ReactNode {
  const { id } = useParams({ strict: false }) as { id: string };
  const q = useWorkRole(id);
  return (
    <QueryState query={q} label="Loading work role">
      {() => q.data && <Page r={q.data} />}
    </QueryState>
  );
}
