import { Button, Group, NumberInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { Scenario, ScenarioBodyT } from '@pharos/api';
import { planUsage } from '@pharos/engine';
import { type ReactNode, useMemo, useState } from 'react';
import { EditAlerts } from './edit-alerts';
import { engineScenario } from './plan-state';
import { RulesSection } from './rules-section';
import { budgetYear, hours } from './scenario-format';
import { useMoney } from './scenario-money';
import { useBodyEdit } from './use-body-edit';

/** The limits the plan must fit in: budget per line and year, capacity per role, and the rules. */
export function ConstraintsTab({ scenario }: { scenario: Scenario }): ReactNode {
  const edit = useBodyEdit(scenario);
  return (
    <Stack gap="xl">
      <EditAlerts edit={edit} />
      <BudgetGrid scenario={scenario} edit={edit} />
      <CapacitySummary body={scenario.body} />
      <RulesSection scenario={scenario} edit={edit} />
    </Stack>
  );
}

const key = (line: string, year: number) => `${line}/${year}`;

function BudgetGrid({ scenario, edit }: { scenario: Scenario; edit: ReturnType<typeof useBodyEdit> }) {
  const { body } = scenario;
  const money = useMoney();
  const years = Array.from({ length: Math.ceil(body.horizon.months / 12) }, (_, y) => y);
  const lines = useMemo(() => {
    const out = new Set<string>(['capex', 'opex']);
    for (const b of body.budget) out.add(b.line);
    for (const c of body.candidates) for (const x of c.cost) out.add(x.line);
    return [...out];
  }, [body]);
  const initial = useMemo(() => {
    const m = new Map<string, number | ''>();
    for (const b of body.budget) m.set(key(b.line, b.year), b.limit / 100);
    return m;
  }, [body.budget]);
  const [cells, setCells] = useState(initial);
  const [from, setFrom] = useState(initial);
  if (from !== initial) {
    setFrom(initial);
    setCells(initial);
  }
  const usage = useMemo(
    () => (scenario.plan ? planUsage(engineScenario(body), scenario.plan.starts) : null),
    [body, scenario.plan],
  );
  const spendOf = (line: string, y: number) => {
    const l = usage?.lines.indexOf(line) ?? -1;
    return usage && l >= 0 ? (usage.spend[l * usage.years + y] ?? 0) : 0;
  };
  const dirty = [...new Set([...cells.keys(), ...initial.keys()])].some(
    (k) => (cells.get(k) ?? '') !== (initial.get(k) ?? ''),
  );
  const save = () => {
    const budget: ScenarioBodyT['budget'] = [];
    for (const line of lines)
      for (const y of years) {
        const v = cells.get(key(line, y));
        if (v !== undefined && v !== '') budget.push({ line, year: y, limit: Math.round(v * 100) });
      }
    void edit.save({ ...body, budget });
  };
  return (
    <section aria-labelledby="budget-heading">
      <Group justify="space-between" mb="xs">
        <div>
          <Title order={2} fz="h4" id="budget-heading">
            Budget limits
          </Title>
          <Text size="sm" c="dimmed">
            Per budget line and year, in {money.currency ?? 'currency units'}; empty means no limit. Under
            each: what the current plan spends.
          </Text>
        </div>
        {edit.editable && (
          <Group gap="xs">
            <Button variant="default" size="sm" disabled={!dirty} onClick={() => setCells(initial)}>
              Reset
            </Button>
            <Button size="sm" disabled={!dirty} loading={edit.busy} onClick={save}>
              Save limits
            </Button>
          </Group>
        )}
      </Group>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={400}>
          <Table verticalSpacing="xs" aria-label="Budget limits per line and year">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Line</Table.Th>
                {years.map((y) => (
                  <Table.Th key={y}>{budgetYear(body.horizon, y)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lines.map((line) => (
                <Table.Tr key={line}>
                  <Table.Td fw={600}>{line}</Table.Td>
                  {years.map((y) => {
                    const v = cells.get(key(line, y)) ?? '';
                    const spend = spendOf(line, y);
                    const over = v !== '' && spend > v * 100 + 1e-6;
                    return (
                      <Table.Td key={y}>
                        <NumberInput
                          aria-label={`Limit of ${line} in ${budgetYear(body.horizon, y)}`}
                          placeholder="No limit"
                          size="xs"
                          w={150}
                          min={0}
                          thousandSeparator=","
                          readOnly={!edit.editable}
                          variant={edit.editable ? 'default' : 'filled'}
                          value={v}
                          onChange={(n) =>
                            setCells((prev) =>
                              new Map(prev).set(key(line, y), typeof n === 'number' ? n : ''),
                            )
                          }
                        />
                        <Text size="xs" c={over ? 'red' : 'dimmed'} mt={2}>
                          plan spends {money.format(spend)}
                        </Text>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
    </section>
  );
}

function CapacitySummary({ body }: { body: ScenarioBodyT }) {
  const roles = useMemo(() => {
    const by = new Map<string, number[]>();
    for (const c of body.capacity) {
      const a = by.get(c.role) ?? new Array<number>(body.horizon.months).fill(0);
      by.set(c.role, a);
      if (c.month < a.length) a[c.month]! += c.hours;
    }
    return [...by].map(([role, a]) => ({
      role,
      total: a.reduce((s, x) => s + x, 0),
      min: Math.min(...a),
      max: Math.max(...a),
    }));
  }, [body]);
  return (
    <section aria-labelledby="capacity-heading">
      <Title order={2} fz="h4" id="capacity-heading">
        Capacity per role
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Hours per month, from the role catalog when the scenario was built (read only).
      </Text>
      <Paper withBorder radius="md">
        <Table striped verticalSpacing="xs" aria-label="Capacity per role">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Role</Table.Th>
              <Table.Th>Average per month</Table.Th>
              <Table.Th>Lowest month</Table.Th>
              <Table.Th>Highest month</Table.Th>
              <Table.Th>Over the horizon</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {roles.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={5}>
                  <Text size="sm" c="dimmed" ta="center">
                    No capacity is set: the plan is not limited by people.
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              roles.map((r) => (
                <Table.Tr key={r.role}>
                  <Table.Td fw={500}>{r.role}</Table.Td>
                  <Table.Td>{hours(r.total / body.horizon.months)}</Table.Td>
                  <Table.Td>{hours(r.min)}</Table.Td>
                  <Table.Td>{hours(r.max)}</Table.Td>
                  <Table.Td>{hours(r.total)}</Table.Td>
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Paper>
    </section>
  );
}
