import type { CallInput, CallOutput, ProposalStatus } from '@pharos/api';
import { routes } from '@pharos/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';

/*
 * The demand area's queries and writes (C2). Its items are not registry entities (proposals have a
 * title, not a name; frameworks are revisions), so they have their own hooks, all under the
 * ['demand'] query key so a write refreshes every demand view at once.
 */
const D = routes.demand;

export type ProposalListQuery = NonNullable<CallInput<typeof D.proposals.list>['query']>;
export type ProposalCreateBody = CallInput<typeof D.proposals.create>['body'];
export type ProposalUpdateBody = CallInput<typeof D.proposals.update>['body'];
export type FrameworkListQuery = NonNullable<CallInput<typeof D.frameworks.list>['query']>;
export type FrameworkUpdateBody = CallInput<typeof D.frameworks.update>['body'];
export type WorkRoleListQuery = NonNullable<CallInput<typeof D.workRoles.list>['query']>;
export type CapacityQuery = NonNullable<CallInput<typeof D.workRoles.capacity>['query']>;
export type RankingQuery = NonNullable<CallInput<typeof D.frameworks.ranking>['query']>;
export type ConvertBody = CallInput<typeof D.proposals.convert>['body'];
export type ProposalDetail = CallOutput<typeof D.proposals.get>;

export const demandKeys = {
  all: ['demand'] as const,
  settings: ['demand', 'settings'] as const,
  proposals: (q: unknown) => ['demand', 'proposals', q] as const,
  proposal: (id: string) => ['demand', 'proposal', id] as const,
  pipeline: (q: unknown) => ['demand', 'pipeline', q] as const,
  scores: (id: string) => ['demand', 'scores', id] as const,
  frameworks: (q: unknown) => ['demand', 'frameworks', q] as const,
  framework: (id: string) => ['demand', 'framework', id] as const,
  ranking: (id: string, q: unknown) => ['demand', 'ranking', id, q] as const,
  workRoles: (q: unknown) => ['demand', 'work-roles', q] as const,
  workRole: (id: string) => ['demand', 'work-role', id] as const,
  capacity: (q: unknown) => ['demand', 'capacity', q] as const,
};

const long = { staleTime: 5 * 60_000 };

export function useDemandSettings() {
  return useQuery({ queryKey: demandKeys.settings, queryFn: () => api.call(D.settings), ...long });
}

export function useProposals(query: ProposalListQuery, enabled = true) {
  return useQuery({
    queryKey: demandKeys.proposals(query),
    queryFn: () => api.call(D.proposals.list, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProposal(id: string) {
  return useQuery({
    queryKey: demandKeys.proposal(id),
    queryFn: () => api.call(D.proposals.get, { params: { id } }),
  });
}

export function usePipeline(query: { officeId?: string; portfolioId?: string }) {
  return useQuery({
    queryKey: demandKeys.pipeline(query),
    queryFn: () => api.call(D.proposals.pipeline, { query }),
  });
}

export function useScores(id: string) {
  return useQuery({
    queryKey: demandKeys.scores(id),
    queryFn: () => api.call(D.proposals.scores, { params: { id } }),
  });
}

export function useFrameworks(query: FrameworkListQuery, enabled = true) {
  return useQuery({
    queryKey: demandKeys.frameworks(query),
    queryFn: () => api.call(D.frameworks.list, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFramework(id: string | null | undefined) {
  return useQuery({
    queryKey: demandKeys.framework(id ?? ''),
    queryFn: () => api.call(D.frameworks.get, { params: { id: id ?? '' } }),
    enabled: Boolean(id),
  });
}

export function useRanking(id: string | null, query: RankingQuery) {
  return useQuery({
    queryKey: demandKeys.ranking(id ?? '', query),
    queryFn: () => api.call(D.frameworks.ranking, { params: { id: id ?? '' }, query }),
    enabled: Boolean(id),
    placeholderData: keepPreviousData,
  });
}

export function useWorkRoles(query: WorkRoleListQuery, enabled = true) {
  return useQuery({
    queryKey: demandKeys.workRoles(query),
    queryFn: () => api.call(D.workRoles.list, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every active work role, for selects and for naming roles in demand rows. */
export function useAllWorkRoles() {
  return useQuery({
    queryKey: demandKeys.workRoles('all'),
    queryFn: () => api.call(D.workRoles.list, { query: { pageSize: 500, sort: 'name', archived: 'all' } }),
    ...long,
  });
}

export function useWorkRole(id: string) {
  return useQuery({
    queryKey: demandKeys.workRole(id),
    queryFn: () => api.call(D.workRoles.get, { params: { id } }),
  });
}

export function useCapacity(query: CapacityQuery) {
  return useQuery({
    queryKey: demandKeys.capacity(query),
    queryFn: () => api.call(D.workRoles.capacity, { query }),
    placeholderData: keepPreviousData,
  });
}

/** After a demand write: refresh every demand view, the history tabs and the audit trail. */
export function useInvalidateDemand() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: demandKeys.all });
    void qc.invalidateQueries({ queryKey: keys.historyAll });
    void qc.invalidateQueries({ queryKey: keys.auditAll });
  };
}

/** A demand write (one of `demandCalls`) that refreshes every demand view when it succeeds. */
export function useDemandMutation<A, R>(fn: (a: A) => Promise<R>) {
  const done = useInvalidateDemand();
  return useMutation({ mutationFn: fn, onSuccess: done });
}

type Kind = 'proposals' | 'frameworks' | 'workRoles';

/** Every write of the demand area. */
export const demandCalls = {
  createProposal: (body: ProposalCreateBody) => api.call(D.proposals.create, { body }),
  updateProposal: ({ id, body }: { id: string; body: ProposalUpdateBody }) =>
    api.call(D.proposals.update, { params: { id }, body }),
  transition: (a: { id: string; to: ProposalStatus; reason: string; version: number }) =>
    api.call(D.proposals.transition, {
      params: { id: a.id },
      body: { to: a.to, reason: a.reason, version: a.version },
    }),
  convert: ({ id, body }: { id: string; body: ConvertBody }) =>
    api.call(D.proposals.convert, { params: { id }, body }),
  score: ({ id, values, comment }: { id: string; values: Record<string, number>; comment: string }) =>
    api.call(D.proposals.score, { params: { id }, body: { values, comment } }),
  createFramework: (body: CallInput<typeof D.frameworks.create>['body']) =>
    api.call(D.frameworks.create, { body }),
  updateFramework: ({ id, body }: { id: string; body: FrameworkUpdateBody }) =>
    api.call(D.frameworks.update, { params: { id }, body }),
  publish: ({ id, version }: { id: string; version: number }) =>
    api.call(D.frameworks.publish, { params: { id }, body: { version } }),
  revise: (id: string) => api.call(D.frameworks.revise, { params: { id } }),
  createWorkRole: (body: CallInput<typeof D.workRoles.create>['body']) =>
    api.call(D.workRoles.create, { body }),
  updateWorkRole: ({ id, body }: { id: string; body: CallInput<typeof D.workRoles.update>['body'] }) =>
    api.call(D.workRoles.update, { params: { id }, body }),
  archive: (a: { kind: Kind; id: string; version: number; restore: boolean }) =>
    api.call(a.restore ? D[a.kind].restore : D[a.kind].archive, {
      params: { id: a.id },
      body: { version: a.version },
    }),
};
