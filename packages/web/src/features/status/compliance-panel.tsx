import { Badge, Group, type MantineColor, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { complianceStateLabels, type complianceStates } from '@pharos/api';
import { formatDate } from '../../lib/format';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/query-state';
import classes from './status.module.css';
import { useCompliance } from './status-api';

type State = (typeof complianceStates)[number];

const stateColour: Record<State, string> = {
  'on-time': 'var(--mantine-color-green-6)',
  'filed-late': 'var(--mantine-color-orange-5)',
  'not-due': 'var(--mantine-color-gray-2)',
  overdue: 'var(--mantine-color-red-5)',
  missing: 'var(--mantine-color-red-8)',
  'not-required': 'transparent',
};
const badgeColour: Record<State, MantineColor> = {
  'on-time': 'green',
  'filed-late': 'orange',
  'not-due': 'gray',
  overdue: 'red',
  missing: 'red',
  'not-required': 'gray',
};
/** W36 for a week, the month for a month, the first day for a bi-weekly period. */
const shortPeriod = (key: string) =>
  /W\d\d$/.test(key) ? key.slice(5) : key.length === 7 ? key : key.slice(5);

const shown: State[] = ['on-time', 'filed-late', 'overdue', 'missing', 'not-due'];

/**
 * Reporting compliance of the office's projects over the last periods: who filed on time, late,
 * or not at all, with the counts. Late and missing reports are counted here.
 */
export function CompliancePanel({ officeId }: { officeId: string }) {
  const q = useCompliance(officeId, {});
  return (
    <Paper withBorder p="md" radius="sm">
      <QueryState query={q} label="Loading reporting compliance">
        {() => {
          const c = q.data!;
          const periods = c.projects[0]?.periods ?? [];
          return (
            <Stack gap="sm">
              <Group justify="space-between">
                <Title order={4}>Reporting compliance</Title>
                <Text size="sm" c="dimmed">
                  {formatDate(c.from)} – {formatDate(c.to)}, as of {formatDate(c.asOf)}
                </Text>
              </Group>
              <Group gap="xs" aria-label="Compliance counts" role="list">
                {shown.map((s) => (
                  <Badge
                    key={s}
                    role="listitem"
                    color={badgeColour[s]}
                    variant={s === 'missing' ? 'filled' : 'light'}
                    radius="sm"
                  >
                    {complianceStateLabels[s]}: {c.counts[s]}
                  </Badge>
                ))}
              </Group>
              {c.projects.length === 0 ? (
                <Text c="dimmed" size="sm">
                  No active projects here that you may see.
                </Text>
              ) : (
                <ScrollArea type="auto" offsetScrollbars>
                  <table className={classes.strip} aria-label="Reporting compliance by project">
                    <thead>
                      <tr>
                        <th scope="col" className={classes.rowHead}>
                          Project
                        </th>
                        {periods.map((p) => (
                          <th key={p.key} scope="col" className={classes.colHead} title={p.key}>
                            {shortPeriod(p.key)}
                          </th>
                        ))}
                        <th scope="col" className={classes.colHead}>
                          Late
                        </th>
                        <th scope="col" className={classes.colHead}>
                          Missing
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {c.projects.map((p) => (
                        <tr key={p.projectId}>
                          <th scope="row" className={classes.rowHead}>
                            <AnchorLink
                              to="/projects/$id"
                              params={{ id: p.projectId }}
                              search={{ tab: 'status' } as never}
                              size="xs"
                            >
                              {p.code}
                            </AnchorLink>{' '}
                            <Text span size="xs" c="dimmed">
                              {p.name}
                            </Text>
                          </th>
                          {p.periods.map((x) => {
                            const text = `${x.key}: ${complianceStateLabels[x.state]}${x.daysLate ? `, ${x.daysLate} days late` : ''} (due ${x.dueOn})`;
                            return (
                              <td key={x.key}>
                                <span
                                  className={classes.cell}
                                  role="img"
                                  aria-label={text}
                                  title={text}
                                  style={{
                                    background: stateColour[x.state],
                                    border:
                                      x.state === 'not-required'
                                        ? '1px dashed var(--mantine-color-gray-4)'
                                        : undefined,
                                    cursor: 'default',
                                  }}
                                />
                              </td>
                            );
                          })}
                          <td className={classes.colHead}>{p.counts['filed-late'] + p.counts.overdue}</td>
                          <td className={classes.colHead}>{p.counts.missing}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollArea>
              )}
            </Stack>
          );
        }}
      </QueryState>
    </Paper>
  );
}
