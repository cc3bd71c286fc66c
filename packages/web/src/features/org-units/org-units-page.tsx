import { Button, Group, Paper, Text } from '@mantine/core';
import { type OrgUnit, OrgUnitCreate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useEntityAll } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { buildTree, byCode, collectIds, countNodes, filterTree } from '../../lib/tree';
import { ArchivedBadge, OrgUnitKindBadge } from '../../ui/badges';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { AnchorLink } from '../../ui/links';
import { ArchivedToggle, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { TreeView, useExpansion } from '../../ui/tree-view';
import { newOrgUnitValues, OrgUnitFields } from './org-unit-fields';

const route = getRouteApi('/app/org-units');
export function OrgUnitsPage(): ReactNode {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canCreate = useAbility('orgUnit.create');
  const [creating, setCreating] = useState(false);
  const all = useEntityAll('orgUnits', { archived: search.archived ?? 'active', sort: 'code' });
  const roots = useMemo(() => {
    const tree = buildTree(all.data ?? [], byCode);
    const q = search.q?.toLowerCase();
    return q ? filterTree(tree, (u) => `${u.code} ${u.name}`.toLowerCase().includes(q)) : tree;
  }, [all.data, search.q]);
  const { open, toggle, set } = useExpansion(() =>
    countNodes(roots) <= 60 ? collectIds(roots) : roots.map((r) => r.item.id),
  );
  useEffect(() => {
    if (search.q) set(collectIds(roots));
  }, [search.q, roots, set]);

  return (
    <>
      <PageHeader
        title="Organization units"
        subtitle="Business units, divisions and subsidiaries of the organization."
        actions={canCreate && <NewButton noun="organization unit" onClick={() => setCreating(true)} />}
      />
      <ListToolbar>
        <SearchBox
          value={search.q}
          onChange={(q) => navigate({ search: (prev) => ({ ...prev, q }), replace: true })}
          label="Filter organization units"
        />
        <ArchivedToggle
          value={search.archived}
          onChange={(archived) => navigate({ search: (prev) => ({ ...prev, archived }), replace: true })}
        />
      </ListToolbar>
      <QueryState query={all} label="Loading organization units">
        {() => (
          <Paper withBorder p="sm">
            {roots.length === 0 ? (
              <Text c="dimmed" ta="center" size="sm" py="lg">
                {search.q ? 'No unit matches this filter.' : 'No organization units yet.'}
              </Text>
            ) : (
              <>
                <Group justify="flex-end" gap="xs" mb="xs">
                  <Button size="compact-sm" variant="subtle" onClick={() => set(collectIds(roots))}>
                    Expand all
                  </Button>
                  <Button size="compact-sm" variant="subtle" onClick={() => set([])}>
                    Collapse all
                  </Button>
                </Group>
                <TreeView<OrgUnit>
                  nodes={roots}
                  label="Organization units"
                  open={open}
                  onToggle={toggle}
                  render={(u) => (
                    <>
                      <AnchorLink to="/org-units/$id" params={{ id: u.id }} size="sm" fw={500}>
                        {u.code} · {u.name}
                      </AnchorLink>
                      <OrgUnitKindBadge kind={u.kind} />
                      {u.archivedAt && <ArchivedBadge />}
                    </>
                  )}
                />
              </>
            )}
          </Paper>
        )}
      </QueryState>
      <CreateEntityModal
        entity="orgUnits"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={OrgUnitCreate}
        initial={newOrgUnitValues()}
      >
        {(form) => <OrgUnitFields form={form} />}
      </CreateEntityModal>
    </>
  );
}
