import type { CallInput, CallOutput } from '@pharos/api';
import { routes } from '@pharos/api';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';

/*
 * Health's queries (C7): a scope's roll-up and the executive dashboard. Both sit under the
 * ['status'] query key with the status reports, so a status write refreshes them too.
 */
const H = routes.health;

export type HealthQuery = NonNullable<CallInput<typeof H.rollup>['query']>;
export type HealthRollup = CallOutput<typeof H.rollup>;
export type HealthDashboard = CallOutput<typeof H.dashboard>;
export type HealthChild = HealthRollup['children'][number];
export type HealthScope = 'organization' | 'office' | 'portfolio' | 'program';

export const healthKeys = {
  rollup: (q: unknown) => ['status', 'health', 'rollup', q] as const,
  dashboard: (q: unknown) => ['status', 'health', 'dashboard', q] as const,
};

export function useHealthRollup(query: HealthQuery) {
  return useQuery({
    queryKey: healthKeys.rollup(query),
    queryFn: () => api.call(H.rollup, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useHealthDashboard(query: HealthQuery) {
  return useQuery({
    queryKey: healthKeys.dashboard(query),
    queryFn: () => api.call(H.dashboard, { query }),
    placeholderData: keepPreviousData,
    refetchInterval: 5 * 60_000,
  });
}

/** The address of an export, for a download link. */
export function exportUrl(kind: 'deck' | 'table', scope: HealthScope, id: string | null, period?: string) {
  const path = kind === 'deck' ? '/api/v1/health/deck.pptx' : '/api/v1/health/table.xlsx';
  const q = new URLSearchParams({ scope, ...(id ? { id } : {}), ...(period ? { period } : {}) });
  return `${path}?${q}`;
}

export const latestReportPdfUrl = (projectId: string) =>
  `/api/v1/projects/${projectId}/status-reports/latest.pdf`;
