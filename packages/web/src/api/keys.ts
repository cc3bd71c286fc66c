import type { EntityKey } from './entities';

/** Query keys, in one place so that mutations invalidate exactly what they change. */
export const keys = {
  me: ['me'] as const,
  tokens: ['tokens'] as const,
  entity: (key: EntityKey) => [key] as const,
  list: (key: EntityKey, query: unknown) => [key, 'list', query] as const,
  all: (key: EntityKey, query: unknown) => [key, 'all', query] as const,
  item: (key: EntityKey, id: string) => [key, 'item', id] as const,
  services: (officeId: string) => ['offices', 'services', officeId] as const,
  history: (entityType: string, id: string, page: number) => ['history', entityType, id, page] as const,
  historyAll: ['history'] as const,
  audit: (query: unknown) => ['audit', query] as const,
  auditAll: ['audit'] as const,
};
