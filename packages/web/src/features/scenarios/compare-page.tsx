import { Badge, MultiSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { ScenarioComparison } from '@pharos/api';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../ui/links';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { CostChart, Differences, SpendCell } from './compare-parts';
import { useCompare, useScenarioList } from './scenario-api';
import { gapLabel, objectiveLabel, planValue } from './scenario-format';
import { useMoney } from './scenario-money';

export interface CompareSearch {
  ids?: string;
}

export function parseCompareSearch(raw: Record<string, unknown>): CompareSearch {
  const ids = typeof raw.ids === 'string' ? raw.ids.split(',').filter((s) => /^[0-9a-f-]{36}$/i.test(s)) : [];
  return ids.length ? { ids: ids.slice(0, 4).join(',') } : {};
}

/** Two to four scenarios side by side: value and gap, cost by line and year, capacity use, and what differs. */
export function ComparePage(): ReactNode {
  const search: CompareSearch = useSearch({ strict: false });
  const navigate = useNavigate();
  const ids = search.ids ? search.ids.split(',') : [];
  const all = useScenarioList({ pageSize: 500, sort: '-updatedAt' });
  const cmp = useCompare(ids);
  const data = (all.data?.items ?? []).map((s) => ({ value: s.id, label: `${s.code} · ${s.name}` }));
  return (
    <>
      <PageHeader title="Compare scenarios" subtitle="Pick two to four scenarios to see them side by side." />
      <MultiSelect
        label="Scenarios"
        placeholder={ids.length >= 4 ? undefined : 'Pick a scenario'}
        data={data}
        value={ids}
        maxValues={4}
        searchable
        onChange={(v) =>
          navigate({ to: '.', search: (v.length ? { ids: v.join(',') } : {}) as never, replace: true })
        }
        mb="lg"
        maw={900}
      />
      {ids.length < 2 ? (
        <Text c="dimmed" size="sm">
          Pick at least two scenarios.
        </Text>
      ) : (
        <QueryState query={cmp} label="Comparing">
          {() => <Comparison c={cmp.data!} />}
        </QueryState>
      )}
    </>
  );
}

function Comparison({ c }: { c: ScenarioComparison }) {
  const money = useMoney();
  const s = c.scenarios;
  const head = (
    <Table.Thead>
      <Table.Tr>
        <Table.Th w={220} />
        {s.map((x) => (
          <Table.Th key={x.id}>
            <AnchorLink to="/scenarios/$id" params={{ id: x.id }} fw={600} size="sm">
              {x.code}
            </AnchorLink>
            <Text size="xs" c="dimmed" fw={400}>
              {x.name}
            </Text>
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
  const keys = [...new Set(s.flatMap((x) => x.costByYear.map((k) => `${k.line}|${k.year}`)))].sort();
  const allRoles = [...new Set(s.flatMap((x) => x.roles.map((r) => r.role)))];
  // roles no scenario asks anything of say nothing about the choice
  const roles = allRoles.filter((role) =>
    s.some((x) => (x.roles.find((r) => r.role === role)?.demand ?? 0) > 0),
  );
  // Values of different objectives (score, NPV) are not comparable: no "best" then.
  const comparable = new Set(s.map((x) => x.objective)).size === 1;
  const best = comparable ? Math.max(...s.map((x) => x.value ?? Number.NEGATIVE_INFINITY)) : Number.NaN;
  return (
    <Stack gap="xl">
      <Paper withBorder radius="md">
        <Table verticalSpacing="xs" aria-label="Scenarios side by side">
          {head}
          <Table.Tbody>
            <Table.Tr>
              <Table.Td fw={600}>Objective</Table.Td>
              {s.map((x) => (
                <Table.Td key={x.id}>{objectiveLabel[x.objective] ?? x.objective}</Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td fw={600}>Plan value</Table.Td>
              {s.map((x) => (
                <Table.Td key={x.id} fw={x.value === best ? 700 : 400}>
                  {x.hasPlan ? planValue(x.objective, x.value, money.currency) : 'not solved'}
                  {x.value === best && s.length > 1 && (
                    <Badge ml={6} size="xs" color="teal" variant="light">
                      best
                    </Badge>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td fw={600}>Gap</Table.Td>
              {s.map((x) => (
                <Table.Td key={x.id}>{gapLabel(x.gap)}</Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Td fw={600}>Selected</Table.Td>
              {s.map((x) => (
                <Table.Td key={x.id}>{x.selected.length}</Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <section aria-labelledby="cmp-cost">
        <Title order={2} fz="h4" id="cmp-cost" mb="xs">
          Cost by line and year
        </Title>
        <CostChart scenarios={s} money={money} />
        <Paper withBorder radius="md" mt="sm">
          <Table verticalSpacing="xs" aria-label="Cost by line and year">
            {head}
            <Table.Tbody>
              {keys.map((k) => {
                const [line, year] = k.split('|') as [string, string];
                return (
                  <Table.Tr key={k}>
                    <Table.Td fw={600}>
                      {line}, year {Number(year) + 1}
                    </Table.Td>
                    {s.map((x) => {
                      const e = x.costByYear.find((y) => y.line === line && y.year === Number(year));
                      return (
                        <Table.Td key={x.id}>
                          <SpendCell spend={e?.spend ?? 0} limit={e?.limit ?? null} money={money} />
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      </section>
      <section aria-labelledby="cmp-roles">
        <Title order={2} fz="h4" id="cmp-roles">
          Capacity use by role
        </Title>
        <Text size="sm" c="dimmed" mb="xs">
          Peak: the busiest month's demand against its capacity.
          {allRoles.length > roles.length &&
            ` ${allRoles.length - roles.length} role${allRoles.length - roles.length === 1 ? '' : 's'} with no demand in any of them not shown.`}
        </Text>
        <Paper withBorder radius="md">
          <Table verticalSpacing="xs" aria-label="Capacity use by role">
            {head}
            <Table.Tbody>
              {roles.map((role) => (
                <Table.Tr key={role}>
                  <Table.Td fw={600}>{role}</Table.Td>
                  {s.map((x) => {
                    const r = x.roles.find((y) => y.role === role);
                    if (!r) return <Table.Td key={x.id}>—</Table.Td>;
                    return (
                      <Table.Td key={x.id}>
                        <Text
                          size="sm"
                          c={r.overloadedMonths > 0 ? 'red.7' : undefined}
                          fw={r.overloadedMonths > 0 ? 600 : 400}
                        >
                          peak {Math.round(r.peak * 100)}%
                          {r.overloadedMonths > 0
                            ? ` · ${r.overloadedMonths} month${r.overloadedMonths === 1 ? '' : 's'} over`
                            : ''}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {Math.round(r.capacity > 0 ? (100 * r.demand) / r.capacity : 0)}% of capacity used
                          overall
                        </Text>
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </section>
      <Differences c={c} />
    </Stack>
  );
}
