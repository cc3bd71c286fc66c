import type { Page } from '@pharos/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import { type CreateOf, type EntityKey, entities, type ItemOf, type ListQueryOf } from './entities';
import { keys } from './keys';

// The client is typed per route; these generic hooks call it through the entity table, so the
// casts live here, once, and the hooks hand back the precise item types.
type AnyInput = never;

export function fetchList<K extends EntityKey>(key: K, query: ListQueryOf<K>): Promise<Page<ItemOf<K>>> {
  return api.call(entities[key].routes.list, { query } as AnyInput) as Promise<Page<ItemOf<K>>>;
}

export function fetchItem<K extends EntityKey>(key: K, id: string): Promise<ItemOf<K>> {
  return api.call(entities[key].routes.get, { params: { id } } as AnyInput) as Promise<ItemOf<K>>;
}

/** Every item matching the query, page by page (for trees and name lookups). */
export async function fetchAll<K extends EntityKey>(key: K, query: ListQueryOf<K>): Promise<ItemOf<K>[]> {
  const out: ItemOf<K>[] = [];
  for (let page = 1; page <= 200; page++) {
    const res = await fetchList(key, { ...query, page, pageSize: 500 });
    out.push(...res.items);
    if (res.items.length === 0 || out.length >= res.total) break;
  }
  return out;
}

export function useEntityList<K extends EntityKey>(key: K, query: ListQueryOf<K>, enabled = true) {
  return useQuery({
    queryKey: keys.list(key, query),
    queryFn: () => fetchList(key, query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useEntityAll<K extends EntityKey>(key: K, query: ListQueryOf<K>, enabled = true) {
  return useQuery({
    queryKey: keys.all(key, query),
    queryFn: () => fetchAll(key, query),
    enabled,
  });
}

export function useEntity<K extends EntityKey>(key: K, id: string | null | undefined) {
  return useQuery({
    queryKey: keys.item(key, id ?? ''),
    queryFn: () => fetchItem(key, id ?? ''),
    enabled: Boolean(id),
  });
}

/** After a write: refresh the entity's lists and items, and the history and audit views. */
export function useInvalidateEntity() {
  const qc = useQueryClient();
  return (key: EntityKey, item?: { id: string }) => {
    if (item) qc.setQueryData(keys.item(key, item.id), item);
    void qc.invalidateQueries({ queryKey: keys.entity(key) });
    void qc.invalidateQueries({ queryKey: keys.historyAll });
    void qc.invalidateQueries({ queryKey: keys.auditAll });
  };
}

export function useCreateEntity<K extends EntityKey>(key: K) {
  const invalidate = useInvalidateEntity();
  return useMutation({
    mutationFn: (body: CreateOf<K>) =>
      api.call(entities[key].routes.create, { body } as AnyInput) as Promise<ItemOf<K>>,
    onSuccess: (item) => invalidate(key, item as { id: string }),
  });
}

export function useUpdateEntity<K extends EntityKey>(key: K) {
  const invalidate = useInvalidateEntity();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Record<string, unknown> }) =>
      api.call(entities[key].routes.update, { params: { id }, body } as AnyInput) as Promise<ItemOf<K>>,
    onSuccess: (item) => invalidate(key, item as { id: string }),
  });
}

/** Archive or restore (both take the version you loaded). */
export function useArchiveEntity<K extends EntityKey>(key: K) {
  const invalidate = useInvalidateEntity();
  return useMutation({
    mutationFn: ({ id, version, restore }: { id: string; version: number; restore: boolean }) => {
      const r = restore ? entities[key].routes.restore : entities[key].routes.archive;
      return api.call(r, { params: { id }, body: { version } } as AnyInput) as Promise<ItemOf<K>>;
    },
    onSuccess: (item) => invalidate(key, item as { id: string }),
  });
}
