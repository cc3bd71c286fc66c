import { Accordion, Badge, Group, Table, Text } from '@mantine/core';
import type { PlanOfRecord } from '@pharos/api';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../lib/format';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/query-state';
import { usePlanOfRecord } from './scenario-api';
import { objectiveLabel, planValue, yearMonthName } from './scenario-format';
import { useMoney } from './scenario-money';

/** A portfolio's plan of record: every committed scenario, newest first, with what it set. */
export function PlanOfRecordTab({ portfolioId }: { portfolioId: string }): ReactNode {
  const q = usePlanOfRecord(portfolioId);
  const money = useMoney();
  return (
    <QueryState query={q} label="Loading the plan of record">
      {() =>
        q.data!.items.length === 0 ? (
          <Text c="dimmed" size="sm">
            No scenario has been committed for this portfolio yet. Commit one from{' '}
            <AnchorLink to="/scenarios" search={{ portfolioId } as never} size="sm">
              its scenarios
            </AnchorLink>
            .
          </Text>
        ) : (
          <Accordion variant="separated" defaultValue={q.data!.items[0]?.id} multiple={false}>
            {q.data!.items.map((r, k) => (
              <Accordion.Item key={r.id} value={r.id}>
                <Accordion.Control>
                  <Group gap="sm" wrap="wrap">
                    {k === 0 && (
                      <Badge color="teal" variant="light" radius="sm">
                        Current
                      </Badge>
                    )}
                    <Text fw={600} size="sm">
                      {r.scenarioCode} · {r.scenarioName}
                    </Text>
                    <Text size="sm" c="dimmed">
                      committed {formatDateTime(r.committedAt)}
                      {r.committedByName ? ` by ${r.committedByName}` : ''} ·{' '}
                      {objectiveLabel[r.objective] ?? r.objective}{' '}
                      {planValue(r.objective, r.value, money.currency)} · {r.items.length} items ·{' '}
                      {r.createdProjects.length} projects created · {r.movedProjects.length} moved
                    </Text>
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <Items record={r} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )
      }
    </QueryState>
  );
}

function Items({ record }: { record: PlanOfRecord }) {
  return (
    <>
      <Text size="sm" mb="xs">
        From scenario{' '}
        <AnchorLink to="/scenarios/$id" params={{ id: record.scenarioId }} size="sm">
          {record.scenarioCode}
        </AnchorLink>
        .
      </Text>
      <Table striped verticalSpacing={4} aria-label={`Plan of record ${record.scenarioCode}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Item</Table.Th>
            <Table.Th>Was</Table.Th>
            <Table.Th>Start</Table.Th>
            <Table.Th>Finish</Table.Th>
            <Table.Th>Project</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {record.items.map((it) => (
            <Table.Tr key={it.candidate}>
              <Table.Td>{it.name}</Table.Td>
              <Table.Td>{it.kind === 'proposal' ? 'proposal' : 'running project'}</Table.Td>
              <Table.Td>{yearMonthName(it.start)}</Table.Td>
              <Table.Td>{yearMonthName(it.finish)}</Table.Td>
              <Table.Td>
                {it.projectId ? (
                  <AnchorLink to="/projects/$id" params={{ id: it.projectId }} size="sm">
                    {record.createdProjects.includes(it.projectId) ? 'new project' : 'project'}
                  </AnchorLink>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
