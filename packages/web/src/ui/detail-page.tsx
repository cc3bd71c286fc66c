import { Tabs } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { type BaseItem, type EntityKey, entities, type ItemOf } from '../api/entities';
import { useEntity } from '../api/hooks';
import { ArchiveControls } from './archive-controls';
import { HistoryTab } from './history-tab';
import { PageHeader } from './page-header';
import { QueryState } from './query-state';

export interface DetailTab {
  value: string;
  label: string;
  panel: ReactNode;
}

interface DetailPageProps<K extends EntityKey> {
  entity: K;
  /** The item's id, the open tab and how to change it; by default from the route (`$id`, `?tab=`). */
  id?: string;
  tab?: string | undefined;
  onTab?: (tab: string) => void;
  title?: (item: ItemOf<K>) => ReactNode;
  subtitle?: (item: ItemOf<K>) => ReactNode;
  badges?: (item: ItemOf<K>) => ReactNode;
  actions?: (item: ItemOf<K>) => ReactNode;
  tabs: (item: ItemOf<K>) => DetailTab[];
  archiveLabel?: string;
  restoreLabel?: string;
}

/** A detail page: header with archive/restore, tabs kept in the URL, and a History tab. */
export function DetailPage<K extends EntityKey>(props: DetailPageProps<K>) {
  const params: { id?: string } = useParams({ strict: false });
  const search: { tab?: string } = useSearch({ strict: false });
  const navigate = useNavigate();
  const id = props.id ?? params.id;
  const tab = 'tab' in props ? props.tab : search.tab;
  const onTab =
    props.onTab ?? ((t: string) => navigate({ to: '.', search: { tab: t } as never, replace: true }));
  const q = useEntity(props.entity, id);
  const cfg = entities[props.entity];
  return (
    <QueryState query={q} label={`Loading ${cfg.singular}`}>
      {() => {
        const item = q.data as ItemOf<K>;
        const base = item as ItemOf<K> & BaseItem;
        const tabs = [
          ...props.tabs(item),
          {
            value: 'history',
            label: 'History',
            panel: <HistoryTab entityType={cfg.auditType} id={base.id} own={props.entity} />,
          },
        ];
        const active = tabs.some((t) => t.value === tab) ? (tab as string) : (tabs[0]?.value ?? 'history');
        return (
          <>
            <PageHeader
              title={props.title ? props.title(item) : base.name}
              subtitle={props.subtitle?.(item)}
              badges={props.badges?.(item)}
              archived={base.archivedAt !== null && (props.entity === 'users' ? 'Deactivated' : true)}
              actions={
                <>
                  {props.actions?.(item)}
                  <ArchiveControls
                    entity={props.entity}
                    item={base}
                    archiveLabel={props.archiveLabel}
                    restoreLabel={props.restoreLabel}
                  />
                </>
              }
            />
            <Tabs value={active} onChange={(v) => v && onTab(v)} keepMounted={false}>
              <Tabs.List mb="lg">
                {tabs.map((t) => (
                  <Tabs.Tab key={t.value} value={t.value}>
                    {t.label}
                  </Tabs.Tab>
                ))}
              </Tabs.List>
              {tabs.map((t) => (
                <Tabs.Panel key={t.value} value={t.value}>
                  {t.panel}
                </Tabs.Panel>
              ))}
            </Tabs>
          </>
        );
      }}
    </QueryState>
  );
}
