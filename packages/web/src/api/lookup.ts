import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { EntityKey, ItemOf, ListQueryOf } from './entities';
import { fetchAll } from './hooks';
import { keys } from './keys';

/** Every item of an entity, archived included, by id: to show names where the API gives ids. */
export interface Lookup<T> {
  get: (id: string) => T | undefined;
  /** False while loading; also false when the lookup is not allowed. */
  ready: boolean;
}

export function useLookup<K extends EntityKey>(key: K, enabled = true): Lookup<ItemOf<K>> {
  const query = { archived: 'all', sort: 'name' } as ListQueryOf<K>;
  const q = useQuery({
    queryKey: keys.all(key, query),
    queryFn: () => fetchAll(key, query),
    staleTime: 5 * 60_000,
    enabled,
  });
  const map = useMemo(() => new Map((q.data ?? []).map((i) => [(i as { id: string }).id, i])), [q.data]);
  return useMemo(() => ({ get: (id: string) => map.get(id), ready: q.isSuccess }), [map, q.isSuccess]);
}
