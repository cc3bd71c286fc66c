import type { CallInput } from '@pharos/api';
import { routes } from '@pharos/api';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { keys } from '../../api/keys';

/*
 * The governance area's queries and writes (C9), all under the ['governance'] query key so a write
 * refreshes every governance view at once. A decision can change the project itself (its phase or
 * status), so writes refresh the projects too.
 */
const G = routes.governance;

export type LifecycleListQuery = NonNullable<CallInput<typeof G.lifecycles.list>['query']>;
export type LifecycleCreateBody = CallInput<typeof G.lifecycles.create>['body'];
export type LifecycleUpdateBody = CallInput<typeof G.lifecycles.update>['body'];
export type ChangeCreateBody = CallInput<typeof G.changeRequests.create>['body'];
export type AuthorityBody = CallInput<typeof G.authority.set>['body'];
export type ApprovedValuesBody = CallInput<typeof G.approvedValues.set>['body'];
export type EvidenceBody = CallInput<typeof G.gateReviews.update>['body'];

export const governanceKeys = {
  all: ['governance'] as const,
  lifecycles: (q: unknown) => ['governance', 'lifecycles', q] as const,
  lifecycle: (id: string) => ['governance', 'lifecycle', id] as const,
  track: (projectId: string) => ['governance', 'track', projectId] as const,
  reviews: (projectId: string) => ['governance', 'reviews', projectId] as const,
  values: (projectId: string) => ['governance', 'values', projectId] as const,
  changes: (projectId: string) => ['governance', 'changes', projectId] as const,
  stops: (projectId: string) => ['governance', 'stops', projectId] as const,
  authority: (officeId: string) => ['governance', 'authority', officeId] as const,
};

export function useLifecycles(query: LifecycleListQuery, enabled = true) {
  return useQuery({
    queryKey: governanceKeys.lifecycles(query),
    queryFn: () => api.call(G.lifecycles.list, { query }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useLifecycle(id: string) {
  return useQuery({
    queryKey: governanceKeys.lifecycle(id),
    queryFn: () => api.call(G.lifecycles.get, { params: { id } }),
  });
}

export function usePhaseTrack(projectId: string) {
  return useQuery({
    queryKey: governanceKeys.track(projectId),
    queryFn: () => api.call(G.phaseTrack, { params: { id: projectId } }),
  });
}

export function useGateReviews(projectId: string) {
  return useQuery({
    queryKey: governanceKeys.reviews(projectId),
    queryFn: () => api.call(G.gateReviews.list, { params: { id: projectId } }),
  });
}

export function useApprovedValues(projectId: string) {
  return useQuery({
    queryKey: governanceKeys.values(projectId),
    queryFn: () => api.call(G.approvedValues.get, { params: { id: projectId } }),
  });
}

export function useChangeRequests(projectId: string) {
  return useQuery({
    queryKey: governanceKeys.changes(projectId),
    queryFn: () => api.call(G.changeRequests.list, { params: { id: projectId }, query: {} }),
  });
}

export function useStopRecommendations(projectId: string) {
  return useQuery({
    queryKey: governanceKeys.stops(projectId),
    queryFn: () => api.call(G.stopRecommendations.list, { params: { id: projectId } }),
  });
}

export function useAuthority(officeId: string) {
  return useQuery({
    queryKey: governanceKeys.authority(officeId),
    queryFn: () => api.call(G.authority.get, { params: { id: officeId } }),
  });
}

/** A governance write that refreshes every governance view, the projects, histories and the audit trail. */
export function useGovernanceMutation<A, R>(fn: (a: A) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: governanceKeys.all });
      void qc.invalidateQueries({ queryKey: keys.entity('projects') });
      void qc.invalidateQueries({ queryKey: keys.historyAll });
      void qc.invalidateQueries({ queryKey: keys.auditAll });
    },
  });
}

const withId = <B>(id: string, body: B) => ({ params: { id }, body });

/** Every write of the governance area. */
export const governanceCalls = {
  createLifecycle: (body: LifecycleCreateBody) => api.call(G.lifecycles.create, { body }),
  updateLifecycle: (a: { id: string; body: LifecycleUpdateBody }) =>
    api.call(G.lifecycles.update, withId(a.id, a.body)),
  publishLifecycle: (a: { id: string; version: number }) =>
    api.call(G.lifecycles.publish, withId(a.id, { version: a.version })),
  reviseLifecycle: (id: string) => api.call(G.lifecycles.revise, { params: { id } }),
  archiveLifecycle: (a: { id: string; version: number; restore: boolean }) =>
    api.call(a.restore ? G.lifecycles.restore : G.lifecycles.archive, withId(a.id, { version: a.version })),

  openReview: (projectId: string) => api.call(G.gateReviews.open, withId(projectId, { scheduledOn: null })),
  updateReview: (a: { id: string; body: EvidenceBody }) =>
    api.call(G.gateReviews.update, withId(a.id, a.body)),
  vote: (a: { id: string; vote: 'go' | 'hold' | 'recycle' | 'stop'; comment: string }) =>
    api.call(G.gateReviews.vote, withId(a.id, { vote: a.vote, comment: a.comment })),
  decideGate: (a: {
    id: string;
    version: number;
    decision: 'go' | 'hold' | 'recycle' | 'stop';
    conditions: string;
    comment: string;
  }) => api.call(G.gateReviews.decide, withId(a.id, { ...a })),

  setApprovedValues: (a: { projectId: string; body: ApprovedValuesBody }) =>
    api.call(G.approvedValues.set, withId(a.projectId, a.body)),
  setAuthority: (a: { officeId: string; body: AuthorityBody }) =>
    api.call(G.authority.set, withId(a.officeId, a.body)),

  createChange: (a: { projectId: string; body: ChangeCreateBody }) =>
    api.call(G.changeRequests.create, withId(a.projectId, a.body)),
  submitChange: (a: { id: string; version: number }) =>
    api.call(G.changeRequests.submit, withId(a.id, { version: a.version })),
  withdrawChange: (a: { id: string; version: number }) =>
    api.call(G.changeRequests.withdraw, withId(a.id, { version: a.version })),
  decideChange: (a: { id: string; version: number; decision: 'approve' | 'reject'; comment: string }) =>
    api.call(
      G.changeRequests.decide,
      withId(a.id, { version: a.version, decision: a.decision, comment: a.comment }),
    ),

  recommendStop: (a: { projectId: string; reason: string }) =>
    api.call(G.stopRecommendations.create, withId(a.projectId, { reason: a.reason })),
  decideStop: (a: { id: string; version: number; decision: 'accept' | 'reject'; outcome: string }) =>
    api.call(
      G.stopRecommendations.decide,
      withId(a.id, { version: a.version, decision: a.decision, outcome: a.outcome }),
    ),
  withdrawStop: (a: { id: string; version: number }) =>
    api.call(G.stopRecommendations.withdraw, withId(a.id, { version: a.version })),
};
