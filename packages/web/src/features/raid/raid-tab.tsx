import { Box, Button, Flex, Group, Menu, Stack, Switch, Text } from '@mantine/core';
import { type RaidItem, type RaidKind, raidKindLabels, raidKinds } from '@pharos/api';
import { useLocation } from '@tanstack/react-router';
import { useState } from 'react';
import { useAbility } from '../../api/me';
import { nextSort } from '../../lib/list-state';
import { DataTable } from '../../ui/data-table';
import { QueryState } from '../../ui/query-state';
import { HeatMap } from './heat-map';
import { ItemDrawer } from './item-drawer';
import { type RegisterScope, useHeatMap, useRegister } from './raid-api';
import { FilterBar, filterQuery, initialFilters, KindSegments, type RaidFilters } from './raid-filters';
import { raidColumns } from './raid-table';

interface RaidTabProps {
  scope: RegisterScope;
  /** Whether new items may be added here (the register's item is not archived). */
  writable?: boolean;
}

/** The item a link opened (`?item=` beside `?tab=raid`). */
function useLinkedItem(): string | null {
  const { search } = useLocation();
  const id = (search as Record<string, unknown>).item;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

/**
 * The RAID tab of a project, program, portfolio or office: its register (by kind, filtered, with
 * score chips and overdue and escalated flags), the heat map of its risks, and the item drawer.
 */
export function RaidTab({ scope, writable = true }: RaidTabProps) {
  const isProject = 'projectId' in scope;
  const [below, setBelow] = useState(!isProject);
  const [f, setF] = useState<RaidFilters>(initialFilters);
  const [sort, setSort] = useState<string | undefined>('-score');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const linked = useLinkedItem();
  const [openId, setOpenId] = useState<string | null>(linked);
  const [creating, setCreating] = useState<RaidKind | null>(null);
  const canCreate = useAbility('raidItem.create') && writable;

  const set = (next: Partial<RaidFilters>) => {
    setF((prev) => ({ ...prev, ...next }));
    setPage(1);
  };
  const base = {
    ...scope,
    ...(isProject ? {} : { includeBelow: below ? ('true' as const) : ('false' as const) }),
  };
  const register = useRegister({ ...base, ...filterQuery(f), sort: sort as never, page, pageSize });
  const map = useHeatMap({
    ...base,
    state: f.state === 'closed' ? 'closed' : 'open',
    ...(f.residual ? { residual: 'true' } : {}),
    ...(f.q ? { q: f.q } : {}),
  });
  const open = (item: RaidItem) => {
    setCreating(null);
    setOpenId(item.id);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <KindSegments
          value={f.kind}
          counts={register.data?.counts}
          onChange={(kind) => set({ kind, cell: null })}
        />
        <Group gap="sm">
          {!isProject && (
            <Switch
              label="Include items below"
              checked={below}
              onChange={(e) => {
                setBelow(e.currentTarget.checked);
                setPage(1);
              }}
            />
          )}
          {canCreate && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button>New item</Button>
              </Menu.Target>
              <Menu.Dropdown>
                {raidKinds.map((k) => (
                  <Menu.Item
                    key={k}
                    onClick={() => {
                      setOpenId(null);
                      setCreating(k);
                    }}
                  >
                    {raidKindLabels[k]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
      </Group>
      <FilterBar f={f} set={set} />
      <Flex gap="md" align="flex-start" direction={{ base: 'column', lg: 'row' }}>
        <Box style={{ flex: 1, minWidth: 0 }} w="100%">
          <QueryState query={register} label="Loading the register">
            {() => (
              <DataTable
                caption="RAID register"
                columns={raidColumns(open, !isProject)}
                rows={register.data?.items ?? []}
                total={register.data?.total ?? 0}
                page={page}
                pageSize={pageSize}
                sort={sort}
                onSort={(field) => setSort(nextSort(sort, field))}
                onPage={setPage}
                onPageSize={(n) => {
                  setPageSize(n);
                  setPage(1);
                }}
                loading={register.isFetching}
                rowMuted={(i) => !i.open}
                empty={
                  <Text size="sm" c="dimmed" component="span">
                    No items match. {canCreate ? 'Add one with “New item”.' : ''}
                  </Text>
                }
              />
            )}
          </QueryState>
        </Box>
        <Box w={{ base: '100%', lg: 300 }} style={{ flexShrink: 0 }}>
          <HeatMap
            map={map.data}
            residual={f.residual}
            onResidual={(residual) => set({ residual, cell: null })}
            selected={f.cell}
            onSelect={(cell) => set({ cell, kind: cell ? 'risk' : f.kind })}
          />
        </Box>
      </Flex>
      <ItemDrawer
        itemId={openId}
        creating={creating ? { kind: creating, scope } : null}
        onCreated={(item) => {
          setCreating(null);
          setOpenId(item.id);
        }}
        onClose={() => {
          setOpenId(null);
          setCreating(null);
        }}
      />
    </Stack>
  );
}
