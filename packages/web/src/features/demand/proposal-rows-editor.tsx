import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import type { ReactNode } from 'react';
import type { FormApi } from '../../ui/use-zod-form';
import { useAllWorkRoles } from './demand-api';
import type { DemandRow, ProposalValues, RiskRow } from './proposal-values';

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <ActionIcon variant="subtle" color="gray" aria-label={label} onClick={onClick}>
      ×
    </ActionIcon>
  );
}

function Rows(props: { head: ReactNode; children: ReactNode; empty: string; count: number; label: string }) {
  if (props.count === 0)
    return (
      <Text size="sm" c="dimmed">
        {props.empty}
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing={4} aria-label={props.label}>
        <Table.Thead>
          <Table.Tr>{props.head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{props.children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const num = (v: string | number) => (typeof v === 'number' ? v : Number(v) || 0);

/** Hours per month needed of each work role, from a month after the start, for some months. */
export function DemandEditor({ form }: { form: FormApi<ProposalValues> }) {
  const roles = useAllWorkRoles();
  const rows = form.values.demand;
  const ro = form.readOnly;
  const options = (roles.data?.items ?? [])
    .filter((r) => !r.archivedAt || rows.some((d) => d.roleId === r.id))
    .map((r) => ({ value: r.id, label: `${r.code} · ${r.name}` }));
  const set = (next: DemandRow[]) => form.set('demand', next);
  const patch = (i: number, p: Partial<DemandRow>) => set(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const err = (i: number, f: string) => form.error(`demand.${i}.${f}`);
  return (
    <Stack gap="xs">
      <Rows
        label="Demand by role"
        count={rows.length}
        empty="No role demand yet: add the roles this work would need."
        head={
          <>
            <Table.Th>Role</Table.Th>
            <Table.Th w={150}>From month (0 = first)</Table.Th>
            <Table.Th w={120}>Months</Table.Th>
            <Table.Th w={150}>Hours / month</Table.Th>
            {!ro && <Table.Th w={40} />}
          </>
        }
      >
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
          <Table.Tr key={i}>
            <Table.Td>
              <Select
                aria-label={`Role of row ${i + 1}`}
                data={options}
                value={r.roleId}
                searchable
                readOnly={ro}
                placeholder="Pick a role"
                error={err(i, 'roleId')}
                onChange={(v) => patch(i, { roleId: v })}
                comboboxProps={{ withinPortal: true }}
              />
            </Table.Td>
            <Table.Td>
              <NumberInput
                aria-label={`From month of row ${i + 1}`}
                min={0}
                max={599}
                value={r.fromMonth}
                readOnly={ro}
                error={err(i, 'fromMonth')}
                onChange={(v) => patch(i, { fromMonth: num(v) })}
              />
            </Table.Td>
            <Table.Td>
              <NumberInput
                aria-label={`Months of row ${i + 1}`}
                min={1}
                max={600}
                value={r.months}
                readOnly={ro}
                error={err(i, 'months')}
                onChange={(v) => patch(i, { months: num(v) })}
              />
            </Table.Td>
            <Table.Td>
              <NumberInput
                aria-label={`Hours per month of row ${i + 1}`}
                min={0}
                max={100000}
                value={r.hoursPerMonth}
                readOnly={ro}
                thousandSeparator=","
                error={err(i, 'hoursPerMonth')}
                onChange={(v) => patch(i, { hoursPerMonth: num(v) })}
              />
            </Table.Td>
            {!ro && (
              <Table.Td>
                <RemoveButton
                  label={`Remove role row ${i + 1}`}
                  onClick={() => set(rows.filter((_, j) => j !== i))}
                />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Rows>
      {!ro && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => set([...rows, { roleId: null, fromMonth: 0, months: 6, hoursPerMonth: 80 }])}
          >
            Add a role
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function riskColor(score: number) {
  return score >= 15 ? 'red' : score >= 8 ? 'orange' : 'green';
}

/** Risks with probability and impact on 1–5, and their product. */
export function RisksEditor({ form }: { form: FormApi<ProposalValues> }) {
  const rows = form.values.risks;
  const ro = form.readOnly;
  const set = (next: RiskRow[]) => form.set('risks', next);
  const patch = (i: number, p: Partial<RiskRow>) => set(rows.map((r, j) => (j === i ? { ...r, ...p } : r)));
  const scale = ['1', '2', '3', '4', '5'];
  return (
    <Stack gap="xs">
      <Rows
        label="Risks"
        count={rows.length}
        empty="No risks listed."
        head={
          <>
            <Table.Th>Risk</Table.Th>
            <Table.Th w={110}>Probability</Table.Th>
            <Table.Th w={110}>Impact</Table.Th>
            <Table.Th w={60}>P×I</Table.Th>
            {!ro && <Table.Th w={40} />}
          </>
        }
      >
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional
          <Table.Tr key={i}>
            <Table.Td>
              <TextInput
                aria-label={`Description of risk ${i + 1}`}
                value={r.description}
                readOnly={ro}
                error={form.error(`risks.${i}.description`)}
                onChange={(e) => patch(i, { description: e.currentTarget.value })}
              />
            </Table.Td>
            {(['probability', 'impact'] as const).map((f) => (
              <Table.Td key={f}>
                <Select
                  aria-label={`${f === 'probability' ? 'Probability' : 'Impact'} of risk ${i + 1}`}
                  data={scale}
                  value={String(r[f])}
                  readOnly={ro}
                  allowDeselect={false}
                  onChange={(v) => v && patch(i, { [f]: Number(v) })}
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
            ))}
            <Table.Td>
              <Badge color={riskColor(r.probability * r.impact)} variant="light" radius="sm">
                {r.probability * r.impact}
              </Badge>
            </Table.Td>
            {!ro && (
              <Table.Td>
                <RemoveButton
                  label={`Remove risk ${i + 1}`}
                  onClick={() => set(rows.filter((_, j) => j !== i))}
                />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Rows>
      {!ro && (
        <Group>
          <Button
            variant="default"
            size="xs"
            onClick={() => set([...rows, { description: '', probability: 3, impact: 3 }])}
          >
            Add a risk
          </Button>
        </Group>
      )}
    </Stack>
  );
}
