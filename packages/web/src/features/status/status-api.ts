import type { CallInput, CallOutput } from '@pharos/api';
import { routes } from '@pharos/api';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';

/*
 * Status reporting's queries and writes (C7): a project's reports, an office's reporting settings
 * and compliance, a project type's RAG thresholds. Everything sits under the ['status'] query key,
 * so a write refreshes every status view at once.
 */
const S = routes.status;

export type StatusReport = CallOutput<typeof S.reports.get>;
export type ReportUpdateBody = CallInput<typeof S.reports.update>['body'];
export type OfficeSettings = CallOutput<typeof S.settings>;
export type SettingsBody = CallInput<typeof S.updateSettings>['body'];
export type TypeThresholds = CallOutput<typeof S.thresholds>;
export type ThresholdsBody = CallInput<typeof S.updateThresholds>['body'];
export type Compliance = CallOutput<typeof S.compliance>;

export const statusKeys = {
  all: ['status'] as const,
  reports: (projectId: string) => ['status', 'reports', projectId] as const,
  settings: (officeId: string) => ['status', 'settings', officeId] as const,
  thresholds: (typeId: string) => ['status', 'thresholds', typeId] as const,
  compliance: (officeId: string, q: unknown) => ['status', 'compliance', officeId, q] as const,
};

/** The project's latest reports, newest first (enough for the history strip). */
export function useProjectReports(projectId: string) {
  return useQuery({
    queryKey: statusKeys.reports(projectId),
    queryFn: () => api.call(S.reports.list, { params: { id: projectId }, query: { pageSize: 26 } }),
  });
}

export function useOfficeSettings(officeId: string) {
  return useQuery({
    queryKey: statusKeys.settings(officeId),
    queryFn: () => api.call(S.settings, { params: { id: officeId } }),
  });
}

export function useTypeThresholds(typeId: string) {
  return useQuery({
    queryKey: statusKeys.thresholds(typeId),
    queryFn: () => api.call(S.thresholds, { params: { id: typeId } }),
  });
}

export function useCompliance(officeId: string, query: { from?: string; to?: string }) {
  return useQuery({
    queryKey: statusKeys.compliance(officeId, query),
    queryFn: () => api.call(S.compliance, { params: { id: officeId }, query }),
  });
}

/** A status write (one of `statusCalls`) that refreshes every status view and the history tabs. */
export function useStatusMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: statusKeys.all });
      void qc.invalidateQueries({ queryKey: keys.historyAll });
      void qc.invalidateQueries({ queryKey: keys.auditAll });
    },
  });
}

type Versioned = { id: string; version: number };

/** Every write of status reporting. */
export const statusCalls = {
  start: ({ projectId, period }: { projectId: string; period?: string }) =>
    api.call(S.reports.start, { params: { id: projectId }, body: period ? { period } : {} }),
  update: ({ id, body }: { id: string; body: ReportUpdateBody }) =>
    api.call(S.reports.update, { params: { id }, body }),
  refresh: ({ id, version }: Versioned) => api.call(S.reports.refresh, { params: { id }, body: { version } }),
  submit: ({ id, version }: Versioned) => api.call(S.reports.submit, { params: { id }, body: { version } }),
  reopen: ({ id, version, reason }: Versioned & { reason: string }) =>
    api.call(S.reports.reopen, { params: { id }, body: { version, reason } }),
  putSettings: ({ officeId, body }: { officeId: string; body: SettingsBody }) =>
    api.call(S.updateSettings, { params: { id: officeId }, body }),
  putThresholds: ({ typeId, body }: { typeId: string; body: ThresholdsBody }) =>
    api.call(S.updateThresholds, { params: { id: typeId }, body }),
};
