import { Paper, Table, Text } from '@mantine/core';
import type { WorkRole } from '@pharos/api';
import { AnchorLink } from '../../ui/links';
import { QueryState } from '../../ui/query-state';
import { RefLink } from '../../ui/ref-link';
import css from './demand.module.css';
import { useCapacity } from './demand-api';

/** This month, YYYY-MM, in the reader's calendar. */
export function thisMonth(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

export function addMonth(ym: string, n: number): string {
  const [y, m] = ym.split('-').map(Number);
  const d = new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function shortMonth(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y ?? 2000, (m ?? 1) - 1, 1)),
  );
}

/** Hours of one org unit's steps in each month: the latest step at or before the month. */
export function stepHours(
  steps: WorkRole['capacity'],
  orgUnitId: string,
  from: string,
  months: number,
): number[] {
  const mine = steps.filter((s) => s.orgUnitId === orgUnitId).sort((a, b) => a.from.localeCompare(b.from));
  return Array.from({ length: months }, (_, i) => {
    const ym = addMonth(from, i);
    let h = 0;
    for (const s of mine) if (s.from <= ym) h = s.hoursPerMonth;
    return h;
  });
}

const fmt = (h: number) => (h === 0 ? '·' : Math.round(h).toLocaleString());

/** Capacity per role per month (hours, summed over org units) from the server, for 24 months. */
export function CapacityTable({
  roleId,
  caption = 'Capacity by role and month',
}: {
  roleId?: string;
  caption?: string;
}) {
  const from = thisMonth();
  const q = useCapacity({ from, months: 24 });
  return (
    <QueryState query={q} label="Loading capacity">
      {() => {
        const t = q.data;
        if (!t) return null;
        const roles = roleId ? t.roles.filter((r) => r.id === roleId) : t.roles;
        const months = Array.from({ length: t.months }, (_, i) => addMonth(t.from, i));
        return (
          <Paper withBorder>
            <Text size="xs" c="dimmed" px="sm" pt={6}>
              Hours per month available, summed over org units
            </Text>
            <Table.ScrollContainer minWidth={900}>
              <Table
                striped
                withColumnBorders
                verticalSpacing={4}
                horizontalSpacing={6}
                fz="xs"
                aria-label={caption}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th
                      style={{ position: 'sticky', left: 0, background: 'var(--mantine-color-body)' }}
                    >
                      Role
                    </Table.Th>
                    {months.map((m) => (
                      <Table.Th key={m} className={css.num} style={{ fontWeight: 500 }}>
                        {shortMonth(m)}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {roles.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td
                        style={{
                          whiteSpace: 'nowrap',
                          position: 'sticky',
                          left: 0,
                          background: 'var(--mantine-color-body)',
                        }}
                      >
                        <AnchorLink to="/work-roles/$id" params={{ id: r.id }} size="xs">
                          {r.name}
                        </AnchorLink>
                      </Table.Td>
                      {r.hours.map((h, i) => (
                        <Table.Td key={months[i]} className={css.num} c={h === 0 ? 'dimmed' : undefined}>
                          {fmt(h)}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                  {roles.length === 0 && (
                    <Table.Tr>
                      <Table.Td colSpan={months.length + 1}>
                        <Text size="sm" c="dimmed" ta="center">
                          No capacity recorded.
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        );
      }}
    </QueryState>
  );
}

/** The hours of each org unit (from the steps) for the next 12 months. */
export function ByOrgUnit({ r }: { r: WorkRole }) {
  const from = thisMonth();
  const units = [...new Set(r.capacity.map((s) => s.orgUnitId))];
  if (units.length === 0) return null;
  const months = Array.from({ length: 12 }, (_, i) => i);
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table withTableBorder withColumnBorders fz="xs" verticalSpacing={4} aria-label="Capacity by org unit">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Org unit</Table.Th>
            {months.map((i) => (
              <Table.Th key={i} className={css.num} style={{ fontWeight: 500 }}>
                {shortMonth(addMonth(from, i))}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {units.map((u) => (
            <Table.Tr key={u}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <RefLink entity="orgUnits" id={u} short />
              </Table.Td>
              {stepHours(r.capacity, u, from, 12).map((h, i) => (
                <Table.Td key={months[i]} className={css.num} c={h === 0 ? 'dimmed' : undefined}>
                  {h === 0 ? '·' : Math.round(h).toLocaleString()}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
