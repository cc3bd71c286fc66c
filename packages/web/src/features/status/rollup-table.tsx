import { Badge, Paper, Table, Text } from '@mantine/core';
import { formatDate } from '../../lib/format';
import { AnchorLink } from '../../ui/links';
import type { HealthChild } from './health-api';
import { CountsBar, DimensionDots, Sparkline, TrendArrow } from './health-parts';
import { RagBadge } from './rag';

const kindLabel = {
  office: 'Office',
  portfolio: 'Portfolio',
  program: 'Program',
  project: 'Project',
} as const;

function ChildLink({ c }: { c: HealthChild }) {
  const text = (
    <>
      <Text span ff="monospace" size="xs" c="dimmed" mr={6}>
        {c.code}
      </Text>
      {c.name}
    </>
  );
  const common = { size: 'sm', fw: 500 } as const;
  if (c.kind === 'project')
    return (
      <AnchorLink to="/projects/$id" params={{ id: c.id }} search={{ tab: 'status' }} {...common}>
        {text}
      </AnchorLink>
    );
  if (c.kind === 'program')
    return (
      <AnchorLink to="/programs/$id" params={{ id: c.id }} search={{ tab: 'health' }} {...common}>
        {text}
      </AnchorLink>
    );
  if (c.kind === 'portfolio')
    return (
      <AnchorLink to="/portfolios/$id" params={{ id: c.id }} search={{ tab: 'health' }} {...common}>
        {text}
      </AnchorLink>
    );
  return (
    <AnchorLink to="/offices/$id" params={{ id: c.id }} search={{ tab: 'health' }} {...common}>
      {text}
    </AnchorLink>
  );
}

/** The children of a scope, worst first, each with its own roll-up and colour history. */
export function RollupTable({ rows, caption }: { rows: HealthChild[]; caption: string }) {
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={820}>
        <Table verticalSpacing={6} highlightOnHover striped>
          <caption className="visually-hidden">{caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Kind</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th w={90}>Overall</Table.Th>
              <Table.Th w={110}>Dimensions</Table.Th>
              <Table.Th w={150}>Projects</Table.Th>
              <Table.Th w={160}>Trend</Table.Th>
              <Table.Th w={110}>Last report</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={7}>
                  <Text size="sm" c="dimmed" py="sm">
                    Nothing here reports yet.
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
            {rows.map((c) => (
              <Table.Tr key={c.id} data-testid="rollup-row">
                <Table.Td>
                  <Badge size="xs" variant="outline" color="gray" radius="sm">
                    {kindLabel[c.kind]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <ChildLink c={c} />
                </Table.Td>
                <Table.Td>
                  {c.overall.counts.missing === c.projects ? (
                    <Badge size="sm" variant="outline" color="red" radius="sm">
                      No report
                    </Badge>
                  ) : (
                    <RagBadge rag={c.overall.rag} />
                  )}
                </Table.Td>
                <Table.Td>
                  <DimensionDots dimensions={c.dimensions} />
                </Table.Td>
                <Table.Td>
                  {c.kind === 'project' ? (
                    <Text size="xs" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <>
                      <Text size="xs" mb={2}>
                        {c.projects}
                      </Text>
                      <CountsBar counts={c.overall.counts} height={6} />
                    </>
                  )}
                </Table.Td>
                <Table.Td>
                  <div style={{ display: 'flex', gap: 6, alignItems: 'center' }}>
                    <Sparkline history={c.history} label={`${c.code} overall`} />
                    <TrendArrow trend={c.trend} />
                  </div>
                </Table.Td>
                <Table.Td>
                  <Text size="xs">{c.kind === 'project' ? formatDate(c.lastReport) : ''}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
