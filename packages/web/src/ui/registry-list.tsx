import { Text } from '@mantine/core';
import type { AbilityKey } from '@pharos/api';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { type DetailPath, type EntityKey, entities, type ItemOf, type ListQueryOf } from '../api/entities';
import { useEntityList } from '../api/hooks';
import { useAbility } from '../api/me';
import { formatDate, formatDateTime } from '../lib/format';
import {
  type BaseSearch,
  countFilters,
  type ListSearch,
  type ListSpec,
  nextSort,
  toListQuery,
  updateListSearch,
} from '../lib/list-state';
import { type CreateKit, CreateKitModal } from './create-entity-modal';
import { type Column, DataTable } from './data-table';
import { EntitySelect } from './entity-select';
import { AnchorLink } from './links';
import { ArchivedToggle, FilterGroup, FilterSelect, ListToolbar, SearchBox } from './list-toolbar';
import { NewButton } from './new-button';
import { PageHeader } from './page-header';
import { QueryState } from './query-state';
import { RefLink } from './ref-link';

type Row = { id: string; code: string; name: string };

/** The "Code" column: the item's code, linking to its page. */
export function codeColumn<T extends Row>(to: DetailPath, width?: number): Column<T> {
  return {
    key: 'code',
    label: 'Code',
    sort: 'code',
    nowrap: true,
    width,
    render: (r) => (
      <AnchorLink to={to} params={{ id: r.id }} fw={500} size="sm">
        {r.code}
      </AnchorLink>
    ),
  };
}

/** The "Name" column: the item's name, linking to its page. */
export function nameColumn<T extends Row>(to: DetailPath, width?: number): Column<T> {
  return {
    key: 'name',
    label: 'Name',
    sort: 'name',
    width,
    render: (r) => (
      <AnchorLink to={to} params={{ id: r.id }} size="sm" c="inherit">
        {r.name}
      </AnchorLink>
    ),
  };
}

/** A column naming another item (short form, linking to it). */
export function refColumn<T>(
  key: string,
  label: string,
  entity: EntityKey,
  id: (row: T) => string | null | undefined,
  wide = true,
): Column<T> {
  return { key, label, wide: wide || undefined, render: (r) => <RefLink entity={entity} id={id(r)} short /> };
}

/** A sortable date column ("Start", "Finish"). */
export function dateColumn<T>(
  key: string,
  label: string,
  sort: string,
  get: (row: T) => string | null,
): Column<T> {
  return { key, label, sort, nowrap: true, render: (r) => <Text size="sm">{formatDate(get(r))}</Text> };
}

/** The "Last changed" column. */
export function updatedColumn<T extends { updatedAt: string }>(): Column<T> {
  return {
    key: 'updated',
    label: 'Last changed',
    sort: 'updatedAt',
    wide: true,
    render: (r) => <Text size="sm">{formatDateTime(r.updatedAt)}</Text>,
  };
}

export type ListUpdate<F extends string = never> = (
  change: Partial<BaseSearch> | Partial<Record<F, string>>,
) => void;

/** The list state of the current page's URL, a setter for it, and the API query it stands for. */
export function useListRoute<F extends string, S extends ListSearch<F> = ListSearch<F>>(spec: ListSpec<F>) {
  const raw: unknown = useSearch({ strict: false });
  const search = raw as S;
  const navigate = useNavigate();
  const update = (change: Partial<BaseSearch> | Partial<Record<F, string>>) =>
    navigate({
      to: '.',
      search: ((prev: S) => updateListSearch(prev, change as Partial<S>)) as never,
      replace: true,
    });
  return { search, update, query: toListQuery(spec, search) };
}

/** A filter of a list page, bound to one search param. */
export type ListFilter<F extends string> =
  | {
      param: F;
      label: string;
      entity: EntityKey;
      width?: number;
      where?: (search: ListSearch<F>) => Record<string, string | undefined>;
    }
  | { param: F; label: string; options: { value: string; label: string }[] };

export function ListFilters<F extends string>(props: {
  filters: ListFilter<F>[];
  search: ListSearch<F>;
  update: ListUpdate<F>;
  w?: number;
}): ReactNode {
  const { search, update } = props;
  const set = (param: F, value: string | undefined) =>
    update({ [param]: value } as Partial<Record<F, string>>);
  return props.filters.map((f) =>
    'entity' in f ? (
      <EntitySelect
        key={f.param}
        entity={f.entity}
        label={f.label}
        placeholder="Any"
        value={search[f.param] ?? null}
        onChange={(id) => set(f.param, id ?? undefined)}
        where={f.where?.(search)}
        w={props.w ?? { base: '100%', sm: f.width ?? 200 }}
      />
    ) : (
      <FilterSelect
        key={f.param}
        label={f.label}
        value={search[f.param]}
        onChange={(v) => set(f.param, v)}
        data={f.options}
      />
    ),
  );
}

type ListQuery = { page: number; pageSize: number; sort?: string };

/** The paged, sortable table of a list page. */
export function RegistryTable<K extends EntityKey>(props: {
  entity: K;
  query: ListQuery;
  update: ListUpdate;
  columns: Column<ItemOf<K>>[] | ((rows: ItemOf<K>[]) => Column<ItemOf<K>>[]);
  empty?: ReactNode;
}): ReactNode {
  const { entity, query, update } = props;
  const list = useEntityList(entity, query as ListQueryOf<K>);
  const plural = entities[entity].plural;
  const rows = (list.data?.items ?? []) as ItemOf<K>[];
  return (
    <QueryState query={list} label={`Loading ${plural.toLowerCase()}`}>
      {() => (
        <DataTable
          caption={plural}
          columns={typeof props.columns === 'function' ? props.columns(rows) : props.columns}
          rows={rows}
          total={list.data?.total ?? 0}
          page={query.page}
          pageSize={query.pageSize}
          sort={query.sort}
          onSort={(f) => update({ sort: nextSort(query.sort, f) })}
          onPage={(page) => update({ page })}
          onPageSize={(pageSize) => update({ pageSize })}
          loading={list.isFetching}
          rowMuted={(r) => r.archivedAt !== null}
          empty={props.empty ?? `No ${plural.toLowerCase()} match these filters.`}
        />
      )}
    </QueryState>
  );
}

/** The page header with its "New …" button (when allowed) and the dialog it opens. */
export function RegistryHeader<K extends EntityKey, F extends string, V extends object>(props: {
  title: string;
  subtitle: string;
  search: ListSearch<F>;
  create: CreateKit<K, V>;
  /** Values of the new item taken from the list's filters. */
  preset?: (search: ListSearch<F>) => Partial<V>;
}): ReactNode {
  const cfg = entities[props.create.entity];
  const canCreate = useAbility(`${cfg.resource}.create` as AbilityKey);
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title={props.title}
        subtitle={props.subtitle}
        actions={canCreate && <NewButton noun={cfg.singular} onClick={() => setCreating(true)} />}
      />
      <CreateKitModal
        kit={props.create}
        preset={props.preset?.(props.search)}
        opened={creating}
        onClose={() => setCreating(false)}
      />
    </>
  );
}

export interface RegistryListProps<K extends EntityKey, F extends string, V extends object> {
  entity: K;
  spec: ListSpec<F>;
  title: string;
  subtitle: string;
  columns: Column<ItemOf<K>>[] | ((rows: ItemOf<K>[]) => Column<ItemOf<K>>[]);
  filters?: ListFilter<F>[];
  create: CreateKit<K, V>;
  preset?: (search: ListSearch<F>) => Partial<V>;
  empty?: ReactNode;
  searchPlaceholder?: string;
  archivedLabel?: string;
}

/** A registry list page: header with "New …", search, filters, archived toggle, table, create dialog. */
export function RegistryListPage<K extends EntityKey, F extends string, V extends object>(
  props: RegistryListProps<K, F, V>,
): ReactNode {
  const { entity, spec, filters } = props;
  const { search, update, query } = useListRoute(spec);
  const plural = entities[entity].plural.toLowerCase();
  return (
    <>
      <RegistryHeader {...props} search={search} />
      <ListToolbar>
        <SearchBox
          value={search.q}
          onChange={(q) => update({ q })}
          label={`Search ${plural}`}
          placeholder={props.searchPlaceholder}
        />
        {filters && filters.length > 0 && (
          <FilterGroup active={countFilters(spec, search)}>
            <ListFilters filters={filters} search={search} update={update} />
          </FilterGroup>
        )}
        <ArchivedToggle
          value={search.archived}
          onChange={(archived) => update({ archived })}
          archivedLabel={props.archivedLabel}
        />
      </ListToolbar>
      <RegistryTable
        entity={entity}
        query={query}
        update={update}
        columns={props.columns}
        empty={props.empty}
      />
    </>
  );
}
