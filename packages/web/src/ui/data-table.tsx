import { Group, Pagination, Paper, Select, Table, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { pageSizes, sortState } from '../lib/list-state';
import { SortIcon } from './icons';

export interface Column<T> {
  key: string;
  label: string;
  /** The API sort field, when the column can be sorted. */
  sort?: string;
  render: (row: T) => ReactNode;
  width?: number | string;
  /** Hide on narrow screens. */
  wide?: boolean;
  /** Keep the cell on one line (codes, dates, badges). */
  nowrap?: boolean;
}

interface DataTableProps<T extends { id: string }> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  sort?: string;
  onSort?: (field: string) => void;
  onPage?: (page: number) => void;
  onPageSize?: (size: number) => void;
  loading?: boolean;
  empty?: ReactNode;
  rowMuted?: (row: T) => boolean;
}

/** A paged table with sortable column headers (aria-sort on the header, a button inside it). */
export function DataTable<T extends { id: string }>(props: DataTableProps<T>) {
  const { columns, rows, total, page, pageSize, sort, onSort, onPage, onPageSize, loading } = props;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover verticalSpacing="xs" style={{ opacity: loading ? 0.6 : 1 }}>
          <caption className="visually-hidden">{props.caption}</caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => {
                const state = c.sort ? sortState(sort, c.sort) : undefined;
                return (
                  <Table.Th
                    key={c.key}
                    w={c.width}
                    aria-sort={state}
                    visibleFrom={c.wide ? 'md' : undefined}
                    style={{ whiteSpace: 'nowrap' }}
                  >
                    {c.sort && onSort ? (
                      <UnstyledButton onClick={() => onSort(c.sort as string)} className="sort-button">
                        <Group gap={4} wrap="nowrap">
                          <Text fw={600} size="sm">
                            {c.label}
                          </Text>
                          <SortIcon state={state ?? 'none'} />
                        </Group>
                      </UnstyledButton>
                    ) : (
                      <Text fw={600} size="sm">
                        {c.label}
                      </Text>
                    )}
                  </Table.Th>
                );
              })}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.length === 0 ? (
              <Table.Tr>
                <Table.Td colSpan={columns.length}>
                  <Text c="dimmed" size="sm" ta="center" py="lg">
                    {loading ? 'Loading…' : (props.empty ?? 'Nothing here yet.')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ) : (
              rows.map((row) => (
                <Table.Tr key={row.id} c={props.rowMuted?.(row) ? 'dimmed' : undefined}>
                  {columns.map((c) => (
                    <Table.Td
                      key={c.key}
                      visibleFrom={c.wide ? 'md' : undefined}
                      style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}
                    >
                      {c.render(row)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))
            )}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {(onPage || onPageSize) && (
        <Group justify="space-between" p="sm" wrap="wrap" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {total === 0 ? 'No results' : `${first}–${last} of ${total}`}
          </Text>
          <Group gap="sm">
            {onPageSize && (
              <Select
                aria-label="Rows per page"
                size="xs"
                w={110}
                data={pageSizes.map((n) => ({ value: String(n), label: `${n} / page` }))}
                value={String(pageSize)}
                allowDeselect={false}
                onChange={(v) => v && onPageSize(Number(v))}
              />
            )}
            {onPage && pages > 1 && (
              <Pagination
                size="sm"
                total={pages}
                value={page}
                onChange={onPage}
                getControlProps={(control) => ({ 'aria-label': `${control} page` })}
                getItemProps={(p) => ({ 'aria-label': `Page ${p}` })}
              />
            )}
          </Group>
        </Group>
      )}
    </Paper>
  );
}
