import type { CallInput, RaidItem } from '@pharos/api';
import { routes } from '@pharos/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';

/*
 * The RAID area's queries and writes (C8), all under the ['raid'] query key so a write refreshes
 * every register, heat map, trail and queue at once.
 */
const R = routes.raid;

export type RegisterQuery = NonNullable<CallInput<typeof R.list>['query']>;
export type HeatMapQuery = NonNullable<CallInput<typeof R.heatMap>['query']>;
export type QueueQuery = NonNullable<CallInput<typeof R.queue>['query']>;
export type CreateBody = CallInput<typeof R.create>['body'];
export type UpdateBody = CallInput<typeof R.update>['body'];
export type TolerancesBody = CallInput<typeof R.updateTolerances>['body'];

/** The register a tab shows: exactly one of these. */
export type RegisterScope =
  | { projectId: string }
  | { programId: string }
  | { portfolioId: string }
  | { officeId: string };

export const raidKeys = {
  all: ['raid'] as const,
  register: (q: unknown) => ['raid', 'register', q] as const,
  heatMap: (q: unknown) => ['raid', 'heat-map', q] as const,
  item: (id: string) => ['raid', 'item', id] as const,
  trail: (id: string) => ['raid', 'trail', id] as const,
  queue: (officeId: string, q: unknown) => ['raid', 'queue', officeId, q] as const,
  summary: ['raid', 'summary'] as const,
  tolerances: ['raid', 'tolerances'] as const,
};

export function useRegister(query: RegisterQuery, enabled = true) {
  return useQuery({
    queryKey: raidKeys.register(query),
    queryFn: () => api.call(R.list, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useHeatMap(query: HeatMapQuery, enabled = true) {
  return useQuery({
    queryKey: raidKeys.heatMap(query),
    queryFn: () => api.call(R.heatMap, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRaidItem(id: string | null) {
  return useQuery({
    queryKey: raidKeys.item(id ?? ''),
    queryFn: () => api.call(R.get, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useTrail(id: string | null) {
  return useQuery({
    queryKey: raidKeys.trail(id ?? ''),
    queryFn: () => api.call(R.escalations, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useQueue(officeId: string | null, query: QueueQuery) {
  return useQuery({
    queryKey: raidKeys.queue(officeId ?? '', query),
    queryFn: () => api.call(R.queue, { params: { id: officeId ?? '' }, query }),
    enabled: Boolean(officeId),
    placeholderData: keepPreviousData,
  });
}

export function useEscalationSummary() {
  return useQuery({ queryKey: raidKeys.summary, queryFn: () => api.call(R.escalationSummary) });
}

export function useTolerances() {
  return useQuery({
    queryKey: raidKeys.tolerances,
    queryFn: () => api.call(R.tolerances),
    staleTime: 60_000,
  });
}

/** A RAID write that refreshes every RAID view, the history tabs and the audit trail when it succeeds. */
export function useRaidMutation<A, T>(fn: (a: A) => Promise<T>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (out) => {
      const item = out as Partial<RaidItem> | undefined;
      if (item && typeof item === 'object' && 'kind' in item && item.id)
        qc.setQueryData(raidKeys.item(item.id), item);
      void qc.invalidateQueries({ queryKey: raidKeys.all });
      void qc.invalidateQueries({ queryKey: keys.historyAll });
      void qc.invalidateQueries({ queryKey: keys.auditAll });
    },
  });
}

/** Every write of the RAID area. */
export const raidCalls = {
  create: (body: CreateBody) => api.call(R.create, { body }),
  update: ({ id, body }: { id: string; body: UpdateBody }) => api.call(R.update, { params: { id }, body }),
  archive: ({ id, version, restore }: { id: string; version: number; restore: boolean }) =>
    api.call(restore ? R.restore : R.archive, { params: { id }, body: { version } }),
  escalate: ({ id, version, reason }: { id: string; version: number; reason: string }) =>
    api.call(R.escalate, { params: { id }, body: { version, reason } }),
  deescalate: (a: { id: string; version: number; reason: string; dueOn?: string | undefined }) =>
    api.call(R.deescalate, {
      params: { id: a.id },
      body: { version: a.version, reason: a.reason, ...(a.dueOn ? { dueOn: a.dueOn } : {}) },
    }),
  acknowledge: ({ id, escalationId }: { id: string; escalationId: string }) =>
    api.call(R.acknowledge, { params: { id, escalationId } }),
  updateTolerances: (body: TolerancesBody) => api.call(R.updateTolerances, { body }),
};
