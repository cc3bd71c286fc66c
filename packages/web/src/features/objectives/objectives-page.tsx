import { Badge, Button, Group, Paper, Progress, Text, Tooltip } from '@mantine/core';
import { type Objective, ObjectiveCreate } from '@pharos/api';
import { getRouteApi } from '@tanstack/react-router';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { useEntityAll } from '../../api/hooks';
import { useAbility } from '../../api/me';
import { percent } from '../../lib/format';
import { buildTree, collectIds, filterTree, weightShares } from '../../lib/tree';
import { ArchivedBadge } from '../../ui/badges';
import { CreateEntityModal } from '../../ui/create-entity-modal';
import { AnchorLink } from '../../ui/links';
import { ArchivedToggle, ListToolbar, SearchBox } from '../../ui/list-toolbar';
import { NewButton } from '../../ui/new-button';
import { PageHeader } from '../../ui/page-header';
import { QueryState } from '../../ui/query-state';
import { TreeView, useExpansion } from '../../ui/tree-view';
import { newObjectiveValues, ObjectiveFields } from './objective-fields';

const route = getRouteApi('/app/objectives');
const byWeight = (a: Objective, b: Objective) => b.weight - a.weight || a.code.localeCompare(b.code);

export function ObjectivesPage(): ReactNode {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const canCreate = useAbility('objective.create');
  const [creating, setCreating] = useState(false);
  const all = useEntityAll('objectives', { archived: search.archived ?? 'active', sort: 'code' });
  const full = useMemo(() => buildTree(all.data ?? [], byWeight), [all.data]);
  const shares = useMemo(() => weightShares(full), [full]);
  const roots = useMemo(() => {
    const q = search.q?.toLowerCase();
    return q ? filterTree(full, (o) => `${o.code} ${o.name}`.toLowerCase().includes(q)) : full;
  }, [full, search.q]);
  const { open, toggle, set } = useExpansion(() => collectIds(roots));
  useEffect(() => {
    if (search.q) set(collectIds(roots));
  }, [search.q, roots, set]);

  return (
    <>
      <PageHeader
        title="Strategic objectives"
        subtitle="Objectives form a weighted tree; a weight counts relative to its siblings. Share of the whole multiplies down the tree."
        actions={canCreate && <NewButton noun="objective" onClick={() => setCreating(true)} />}
      />
      <ListToolbar>
        <SearchBox
          value={search.q}
          onChange={(q) => navigate({ search: (prev) => ({ ...prev, q }), replace: true })}
          label="Filter objectives"
        />
        <ArchivedToggle
          value={search.archived}
          onChange={(archived) => navigate({ search: (prev) => ({ ...prev, archived }), replace: true })}
        />
      </ListToolbar>
      <QueryState query={all} label="Loading objectives">
        {() => (
          <Paper withBorder p="sm">
            {roots.length === 0 ? (
              <Text c="dimmed" ta="center" size="sm" py="lg">
                {search.q ? 'No objective matches this filter.' : 'No objectives yet.'}
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
                <TreeView<Objective>
                  nodes={roots}
                  label="Strategic objectives"
                  open={open}
                  onToggle={toggle}
                  render={(o) => {
                    const s = shares.get(o.id);
                    return (
                      <Group justify="space-between" wrap="nowrap" style={{ flex: 1 }} gap="sm">
                        <Group gap="xs" wrap="wrap" style={{ minWidth: 0 }}>
                          <AnchorLink to="/objectives/$id" params={{ id: o.id }} size="sm" fw={500}>
                            {o.code} · {o.name}
                          </AnchorLink>
                          {o.archivedAt && <ArchivedBadge />}
                        </Group>
                        <Group gap="sm" wrap="nowrap">
                          <Badge variant="outline" color="gray" radius="sm" title="Weight">
                            weight {o.weight}
                          </Badge>
                          <Tooltip
                            label={`${percent(s?.local ?? 0)} of its siblings, ${percent(s?.global ?? 0)} of all objectives`}
                          >
                            <Group gap={6} wrap="nowrap" w={150} visibleFrom="sm">
                              <Progress value={(s?.global ?? 0) * 100} w={80} size="sm" aria-hidden />
                              <Text size="xs" c="dimmed">
                                {percent(s?.global ?? 0)}
                              </Text>
                            </Group>
                          </Tooltip>
                        </Group>
                      </Group>
                    );
                  }}
                />
              </>
            )}
          </Paper>
        )}
      </QueryState>
      <CreateEntityModal
        entity="objectives"
        opened={creating}
        onClose={() => setCreating(false)}
        schema={ObjectiveCreate}
        initial={newObjectiveValues()}
      >
        {(form) => <ObjectiveFields form={form} />}
      </CreateEntityModal>
    </>
  );
}
