import { Button, Group, Paper, SegmentedControl, Text } from '@mantine/core';
import { type Office, OfficeCreate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useEntityAll } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { buildTree, byCode, collectIds, countNodes, filterTree } from '../../lib/tree';
import { ArchivedBadge, OfficeKindBadge } from '../../ui/badges';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { AnchorLink } from '../../ui/links';
import { ArchivedToggle, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { TreeView, useExpansion } from '../../ui/tree-view';
import { newOfficeValues, OfficeFields } from './office-fields';
import { OrgChart } from './org-chart';

export const officeViews = ['tree', 'chart'] as const;
const route = getRouteApi('/app/offices');

export function OfficesPage(): ReactNode {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canCreate = useAbility('office.create');
  const [creating, setCreating] = useState(false);
  const all = useEntityAll('offices', { archived: search.archived ?? 'active', sort: 'code' });
  const roots = useMemo(() => {
    const tree = buildTree(all.data ?? [], byCode);
    const q = search.q?.toLowerCase();
    return q ? filterTree(tree, (o) => `${o.code} ${o.name}`.toLowerCase().includes(q)) : tree;
  }, [all.data, search.q]);
  // A small network starts fully open, a large one at its top level; a filter opens all it kept.
  const { open, toggle, set } = useExpansion(() =>
    countNodes(roots) <= 60 ? collectIds(roots) : roots.map((r) => r.item.id),
  );
  useEffect(() => {
    if (search.q) set(collectIds(roots));
  }, [search.q, roots, set]);
  const chart = search.view === 'chart';

  return (
    <>
      <PageHeader
        title="Offices"
        subtitle="The PMO network: strategic offices and centers of excellence above program and project offices."
        actions={canCreate && <NewButton noun="office" onClick={() => setCreating(true)} />}
      />
      <ListToolbar>
        <SegmentedControl
          aria-label="View"
          value={chart ? 'chart' : 'tree'}
          onChange={(v) =>
            navigate({ search: (prev) => ({ ...prev, view: v === 'chart' ? 'chart' : undefined }) })
          }
          data={[
            { value: 'tree', label: 'Tree' },
            { value: 'chart', label: 'Org chart' },
          ]}
        />
        <SearchBox
          value={search.q}
          onChange={(q) => navigate({ search: (prev) => ({ ...prev, q }), replace: true })}
          label="Filter offices"
        />
        <ArchivedToggle
          value={search.archived}
          onChange={(archived) => navigate({ search: (prev) => ({ ...prev, archived }), replace: true })}
        />
      </ListToolbar>
      <QueryState query={all} label="Loading offices">
        {() =>
          roots.length === 0 ? (
            <Paper withBorder p="lg">
              <Text c="dimmed" ta="center" size="sm">
                {search.q ? 'No office matches this filter.' : 'No offices yet.'}
              </Text>
            </Paper>
          ) : chart ? (
            <Paper withBorder p="md">
              <OrgChart roots={roots} />
            </Paper>
          ) : (
            <Paper withBorder p="sm">
              <Group justify="flex-end" gap="xs" mb="xs">
                <Button size="compact-sm" variant="subtle" onClick={() => set(collectIds(roots))}>
                  Expand all
                </Button>
                <Button size="compact-sm" variant="subtle" onClick={() => set([])}>
                  Collapse all
                </Button>
              </Group>
              <TreeView<Office>
                nodes={roots}
                label="Office network"
                open={open}
                onToggle={toggle}
                render={(o) => (
                  <>
                    <AnchorLink to="/offices/$id" params={{ id: o.id }} size="sm" fw={500}>
                      {o.code} · {o.name}
                    </AnchorLink>
                    <OfficeKindBadge kind={o.kind} />
                    {o.archivedAt && <ArchivedBadge />}
                  </>
                )}
              />
            </Paper>
          )
        }
      </QueryState>
      <CreateEntityModal
        entity="offices"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={OfficeCreate}
        initial={newOfficeValues()}
      >
        {(form) => <OfficeFields form={form} />}
      </CreateEntityModal>
    </>
  );
}
