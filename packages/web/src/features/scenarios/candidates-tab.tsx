import {
  Badge,
  Checkbox,
  Group,
  NativeSelect,
  Pagination,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import type { Scenario, ScenarioBodyT } from '@pharos/api';
import { type ReactNode, useMemo, useState } from 'react';
import { SearchIcon } from '../../ui/icons';
import { EditAlerts } from './edit-alerts';
import { monthName } from './scenario-format';
import { candidateValueText, useMoney } from './scenario-money';
import { useBodyEdit } from './use-body-edit';

type Candidate = ScenarioBodyT['candidates'][number];
const PAGE = 50;

/**
 * The candidates: in or out of the plan and when, their size, value and cost, and the flags the
 * portfolio manager sets (must do, fixed in or out, shiftable, earliest and latest start).
 */
export function CandidatesTab({ scenario }: { scenario: Scenario }): ReactNode {
  const { body } = scenario;
  const money = useMoney();
  const edit = useBodyEdit(scenario);
  const [q, setQ] = useState('');
  const [show, setShow] = useState<'all' | 'in' | 'out'>('all');
  const [page, setPage] = useState(1);
  const starts = scenario.plan?.starts ?? [];
  const rows = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return body.candidates
      .map((c, i) => ({ c, i, start: starts[i] ?? null }))
      .filter(({ c, start }) => {
        if (show === 'in' && start === null) return false;
        if (show === 'out' && start !== null) return false;
        return !needle || c.name.toLowerCase().includes(needle) || c.id.toLowerCase().includes(needle);
      });
  }, [body, starts, q, show]);
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const shown = rows.slice((Math.min(page, pages) - 1) * PAGE, Math.min(page, pages) * PAGE);
  const months = useMemo(
    () =>
      Array.from(
        { length: Math.max(body.horizon.months, ...body.candidates.map((c) => c.latestStart + 1)) },
        (_, m) => ({ value: String(m), label: monthName(body.horizon, m) }),
      ),
    [body],
  );
  const change = (i: number, patch: Partial<Candidate>) => {
    const c = { ...body.candidates[i]!, ...patch };
    if (c.fixed === undefined) delete c.fixed;
    c.plannedStart = Math.max(c.earliestStart, Math.min(c.latestStart, c.plannedStart));
    void edit.save({ ...body, candidates: body.candidates.map((x, k) => (k === i ? c : x)) });
  };
  const off = !edit.editable || edit.busy;
  return (
    <Stack gap="sm">
      <EditAlerts edit={edit} />
      <Group gap="sm" wrap="wrap">
        <TextInput
          aria-label="Search candidates"
          placeholder="Search name or id"
          leftSection={<SearchIcon />}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          w={260}
        />
        <SegmentedControl
          aria-label="Show"
          value={show}
          onChange={(v) => {
            setShow(v as typeof show);
            setPage(1);
          }}
          data={[
            { value: 'all', label: 'All' },
            { value: 'in', label: 'In the plan' },
            { value: 'out', label: 'Left out' },
          ]}
        />
        <Text size="sm" c="dimmed">
          {rows.length} candidate{rows.length === 1 ? '' : 's'}
        </Text>
      </Group>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={1100}>
          <Table striped highlightOnHover verticalSpacing={4} style={{ opacity: edit.busy ? 0.6 : 1 }}>
            <caption className="visually-hidden">Candidates</caption>
            <Table.Thead>
              <Table.Tr>
                {[
                  'Plan',
                  'Candidate',
                  'Start',
                  'Months',
                  'Value',
                  'Cost',
                  'Must do',
                  'Fixed',
                  'Shiftable',
                  'Earliest start',
                  'Latest start',
                ].map((h) => (
                  <Table.Th key={h} style={{ whiteSpace: 'nowrap' }}>
                    {h}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map(({ c, i, start }) => (
                <Table.Tr key={c.id} c={start === null ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Badge
                      variant={start === null ? 'outline' : 'light'}
                      color={start === null ? 'gray' : 'teal'}
                      radius="sm"
                    >
                      {start === null ? 'Out' : 'In'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {c.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {c.id} · {c.kind === 'project' ? 'running project' : 'proposal'}
                    </Text>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {start === null ? '—' : monthName(body.horizon, start)}
                  </Table.Td>
                  <Table.Td>{c.duration}</Table.Td>
                  <Table.Td
                    style={{ whiteSpace: 'nowrap' }}
                    title={`score ${c.value.score} · NPV ${money.format(c.value.npv)}`}
                  >
                    {candidateValueText(body, i, money)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {money.format(c.cost.reduce((s, x) => s + x.amount, 0))}
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Must do: ${c.name}`}
                      checked={Boolean(c.mustDo)}
                      disabled={off || c.fixed === 'out'}
                      onChange={(e) => change(i, { mustDo: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`Fixed: ${c.name}`}
                      size="xs"
                      w={84}
                      disabled={off}
                      value={c.fixed ?? ''}
                      data={[
                        { value: '', label: '—' },
                        { value: 'in', label: 'In' },
                        { value: 'out', label: 'Out', disabled: Boolean(c.mustDo) },
                      ]}
                      onChange={(e) =>
                        change(i, { fixed: (e.currentTarget.value || undefined) as Candidate['fixed'] })
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`Shiftable: ${c.name}`}
                      checked={c.shiftable}
                      disabled={off}
                      onChange={(e) => change(i, { shiftable: e.currentTarget.checked })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`Earliest start: ${c.name}`}
                      size="xs"
                      w={110}
                      disabled={off}
                      value={String(c.earliestStart)}
                      data={months.slice(0, c.latestStart + 1)}
                      onChange={(e) => change(i, { earliestStart: Number(e.currentTarget.value) })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NativeSelect
                      aria-label={`Latest start: ${c.name}`}
                      size="xs"
                      w={110}
                      disabled={off}
                      value={String(c.latestStart)}
                      data={months.slice(c.earliestStart)}
                      onChange={(e) => change(i, { latestStart: Number(e.currentTarget.value) })}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {pages > 1 && (
          <Group justify="flex-end" p="sm">
            <Pagination size="sm" total={pages} value={Math.min(page, pages)} onChange={setPage} />
          </Group>
        )}
      </Paper>
    </Stack>
  );
}
