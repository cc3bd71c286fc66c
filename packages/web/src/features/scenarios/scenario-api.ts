import type { Scenario, ScenarioBodyT, SolveJobState } from '@pharos/api';
import { routes } from '@pharos/api';
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client';
import { keys } from '../../api/keys';

const R = routes.scenarios;

/** Query keys of portfolio planning, in one place so that writes refresh exactly what they change. */
export const scenarioKeys = {
  all: ['scenarios'] as const,
  list: (query: unknown) => ['scenarios', 'list', query] as const,
  item: (id: string) => ['scenarios', 'item', id] as const,
  job: (id: string) => ['scenarios', 'job', id] as const,
  explanation: (id: string, at: string | null) => ['scenarios', 'explanation', id, at] as const,
  compare: (ids: string[]) => ['scenarios', 'compare', ids] as const,
  planOfRecord: (portfolioId: string) => ['scenarios', 'plan-of-record', portfolioId] as const,
  settings: ['demand-settings'] as const,
};

export type ListQuery = z.input<typeof R.list.query>;

export function useScenarioList(query: ListQuery) {
  return useQuery({
    queryKey: scenarioKeys.list(query),
    queryFn: () => api.call(R.list, { query }),
    placeholderData: keepPreviousData,
  });
}

export function useScenario(id: string) {
  return useQuery({ queryKey: scenarioKeys.item(id), queryFn: () => api.call(R.get, { params: { id } }) });
}

/** A scenario just written: the item in the cache, and lists, comparisons and history refreshed. */
export function storeScenario(qc: QueryClient, s: Scenario) {
  qc.setQueryData(scenarioKeys.item(s.id), s);
  void qc.invalidateQueries({ queryKey: ['scenarios', 'list'] });
  void qc.invalidateQueries({ queryKey: ['scenarios', 'compare'] });
  void qc.invalidateQueries({ queryKey: ['scenarios', 'explanation', s.id] });
  void qc.invalidateQueries({ queryKey: keys.historyAll });
}

/** Change a scenario's body (candidates, limits, rules) or names; sends the version loaded. */
export function useUpdateScenario(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; body?: ScenarioBodyT; name?: string; code?: string }) =>
      api.call(R.update, { params: { id }, body }),
    onSuccess: (s) => storeScenario(qc, s),
  });
}

export function useSetPlan(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; starts: (number | null)[] }) =>
      api.call(R.setPlan, { params: { id }, body }),
    onSuccess: (s) => storeScenario(qc, s),
  });
}

/** The running or last solve or frontier; polled every half second while it runs. */
export function useJob(id: string) {
  return useQuery({
    queryKey: scenarioKeys.job(id),
    queryFn: () => api.call(R.job, { params: { id } }),
    refetchInterval: (q) => (q.state.data?.state === 'running' ? 500 : false),
    refetchIntervalInBackground: true,
  });
}

export function useJobActions(id: string) {
  const qc = useQueryClient();
  const started = (job: SolveJobState) => qc.setQueryData(scenarioKeys.job(id), job);
  return {
    solve: useMutation({
      mutationFn: (body: { timeLimit: number; gap?: number }) => api.call(R.solve, { params: { id }, body }),
      onSuccess: started,
    }),
    frontier: useMutation({
      mutationFn: (body: { points?: number; timeLimitPerPoint?: number }) =>
        api.call(R.frontier, { params: { id }, body }),
      onSuccess: started,
    }),
    cancel: useMutation({
      mutationFn: () => api.call(R.cancel, { params: { id } }),
      onSuccess: started,
    }),
  };
}

export function useExplanation(s: Scenario) {
  return useQuery({
    queryKey: scenarioKeys.explanation(s.id, s.plan?.at ?? null),
    queryFn: () => api.call(R.explanation, { params: { id: s.id } }),
    enabled: s.plan !== null,
  });
}

export function useCompare(ids: string[]) {
  return useQuery({
    queryKey: scenarioKeys.compare(ids),
    queryFn: () => api.call(R.compare, { query: { ids: ids.join(',') } }),
    enabled: ids.length >= 2,
  });
}

export function usePlanOfRecord(portfolioId: string) {
  return useQuery({
    queryKey: scenarioKeys.planOfRecord(portfolioId),
    queryFn: () => api.call(R.planOfRecord, { params: { id: portfolioId } }),
  });
}

export function useCommit(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => api.call(R.commit, { params: { id }, body: { version } }),
    onSuccess: (res) => {
      storeScenario(qc, res.scenario);
      void qc.invalidateQueries({ queryKey: scenarioKeys.planOfRecord(res.record.portfolioId) });
      void qc.invalidateQueries({ queryKey: keys.entity('projects') });
    },
  });
}

/** The organization's currency (money is shown in it); null until known or when it cannot be read. */
export function useCurrency(): string | null {
  const q = useQuery({
    queryKey: scenarioKeys.settings,
    queryFn: () => api.call(routes.demand.settings),
    staleTime: 10 * 60_000,
    retry: false,
  });
  return q.data?.currency ?? null;
}
