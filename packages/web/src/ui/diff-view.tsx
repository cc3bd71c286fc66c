import { Table, Text } from '@mantine/core';
import type { EntityKey } from '../api/entities';
import { type FieldChange, fieldLabel, formatValue } from '../lib/audit-diff';
import { formatDate, formatDateTime } from '../lib/format';
import { RefLink } from './ref-link';

const refFields: Record<string, EntityKey> = {
  officeId: 'offices',
  orgUnitId: 'orgUnits',
  portfolioId: 'portfolios',
  programId: 'programs',
  typeId: 'projectTypes',
  managerId: 'users',
  sponsorId: 'users',
  ownerId: 'users',
  userId: 'users',
  objectiveIds: 'objectives',
};
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One value of a diff, with ids resolved to names and dates formatted. */
export function DiffValue({ field, value, own }: { field: string; value: unknown; own?: EntityKey }) {
  const ref = field === 'parentId' ? own : refFields[field];
  if (ref && typeof value === 'string' && uuid.test(value)) return <RefLink entity={ref} id={value} plain />;
  if (
    ref &&
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'string' && uuid.test(v))
  )
    return (
      <>
        {value.map((v, i) => (
          <span key={v}>
            {i > 0 && ', '}
            <RefLink entity={ref} id={v} plain />
          </span>
        ))}
      </>
    );
  if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null))
    return (
      <>
        {value.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: list items without ids, shown in order
          <div key={i}>{formatValue(v)}</div>
        ))}
      </>
    );
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return <>{formatDate(value)}</>;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return <>{formatDateTime(value)}</>;
  return <>{formatValue(value)}</>;
}

/** Changed fields as a small table: field, before, after. */
export function DiffView({
  changes,
  own,
  creation,
}: {
  changes: FieldChange[];
  own?: EntityKey;
  creation?: boolean;
}) {
  if (changes.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No field changes recorded.
      </Text>
    );
  return (
    <Table withTableBorder withColumnBorders fz="sm" verticalSpacing={4} layout="fixed">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w="28%">Field</Table.Th>
          {!creation && <Table.Th>Before</Table.Th>}
          <Table.Th>{creation ? 'Value' : 'After'}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td fw={500}>{fieldLabel(c.field)}</Table.Td>
            {!creation && (
              <Table.Td c="dimmed" style={{ wordBreak: 'break-word' }}>
                <DiffValue field={c.field} value={c.before} own={own} />
              </Table.Td>
            )}
            <Table.Td style={{ wordBreak: 'break-word' }}>
              <DiffValue field={c.field} value={c.after} own={own} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
