import { MultiSelect, Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type ReactNode, useMemo, useState } from 'react';
import { type EntityKey, itemLabel, type ListQueryOf } from '../api/entities';
import { useEntity, useEntityAll, useEntityList } from '../api/hooks';

type Item = { id: string; name: string; code?: string; email?: string; archivedAt: string | null };

interface EntitySelectProps {
  entity: EntityKey;
  value: string | null;
  onChange: (id: string | null, item: (Item & Record<string, unknown>) | null) => void;
  label: string;
  description?: ReactNode;
  error?: ReactNode;
  placeholder?: string;
  required?: boolean;
  readOnly?: boolean;
  variant?: string;
  clearable?: boolean;
  /** Extra list filters, e.g. { portfolioId } to pick only the programs of one portfolio. */
  where?: Record<string, string | undefined>;
  /** Leave this item out (an item cannot be its own parent). */
  excludeId?: string;
  w?: SelectProps['w'];
}

/** A searchable select over an entity; it searches on the server, so it scales to any number of items. */
export function EntitySelect(props: EntitySelectProps) {
  const { entity, value, onChange, where, excludeId, clearable, required, ...rest } = props;
  const [search, setSearch] = useState('');
  const selected = useEntity(entity, value);
  const selectedLabel = selected.data ? itemLabel(selected.data as Item) : '';
  const [debounced] = useDebouncedValue(search, 250);
  const q = debounced && debounced !== selectedLabel ? debounced : undefined;
  const list = useEntityList(entity, {
    q,
    pageSize: 50,
    sort: 'name',
    archived: 'active',
    ...where,
  } as ListQueryOf<typeof entity>);

  const byId = useMemo(() => {
    const m = new Map<string, Item>();
    for (const it of (list.data?.items ?? []) as Item[]) if (it.id !== excludeId) m.set(it.id, it);
    if (selected.data) m.set((selected.data as Item).id, selected.data as Item);
    return m;
  }, [list.data, selected.data, excludeId]);

  const data = [...byId.values()].map((it) => ({
    value: it.id,
    label: it.archivedAt ? `${itemLabel(it)} (archived)` : itemLabel(it),
  }));

  return (
    <Select
      {...rest}
      required={required}
      data={data}
      value={value}
      onChange={(id) => onChange(id, id ? ((byId.get(id) as Item & Record<string, unknown>) ?? null) : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable={!rest.readOnly && (clearable ?? !required)}
      nothingFoundMessage={
        list.isFetching ? 'Searching…' : list.isError ? 'Could not load the options' : 'Nothing found'
      }
      comboboxProps={{ withinPortal: true }}
    />
  );
}

interface EntityMultiSelectProps {
  entity: EntityKey;
  value: string[];
  onChange: (ids: string[]) => void;
  label: string;
  description?: ReactNode;
  error?: ReactNode;
  placeholder?: string;
  readOnly?: boolean;
  variant?: string;
}

/** Pick several items of a small entity (e.g. objectives); archived ones already picked stay visible. */
export function EntityMultiSelect(props: EntityMultiSelectProps) {
  const { entity, value, onChange, ...rest } = props;
  const all = useEntityAll(entity, { archived: 'all', sort: 'name' } as ListQueryOf<typeof entity>);
  const data = ((all.data ?? []) as Item[])
    .filter((it) => !it.archivedAt || value.includes(it.id))
    .map((it) => ({ value: it.id, label: it.archivedAt ? `${itemLabel(it)} (archived)` : itemLabel(it) }));
  for (const id of value) if (!data.some((d) => d.value === id)) data.push({ value: id, label: id });
  return (
    <MultiSelect
      {...rest}
      data={data}
      value={value}
      onChange={onChange}
      searchable
      clearable={!rest.readOnly}
      nothingFoundMessage={all.isError ? 'Could not load the options' : 'Nothing found'}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
