import { routes } from '@pharos/api';
import { bind } from '../http/bind';
import { getApprovedValues, setApprovedValues } from './approved-values';
import { getAuthority, setAuthority } from './authority';
import { decideChange } from './change-decisions';
import {
  createChangeRequest,
  listChangeRequests,
  submitChangeRequest,
  updateChangeRequest,
  withdrawChangeRequest,
} from './change-requests';
import { getChangeRequest } from './change-view';
import { decideGate, voteOnGate } from './gate-decisions';
import { getGateReview, listGateReviews, openGateReview, phaseTrack, updateGateReview } from './gate-reviews';
import {
  archiveLifecycle,
  createLifecycle,
  getLifecycle,
  listLifecycles,
  publishLifecycle,
  restoreLifecycle,
  reviseLifecycle,
  updateLifecycle,
} from './lifecycles';
import { decideStop, listStopRecommendations, recommendStop, withdrawStop } from './stop-recommendations';

const g = routes.governance;
const l = g.lifecycles;
const gr = g.gateReviews;
const cr = g.changeRequests;
const sr = g.stopRecommendations;

/** Governance (C9): lifecycles and gates, approved values and authority, change requests, stop recommendations. */
export const governanceBindings = [
  bind(l.list, async (ctx, { query }) => listLifecycles(ctx, query)),
  bind(l.get, async (ctx, { params }) => getLifecycle(ctx, params.id)),
  bind(l.create, async (ctx, { body }) => createLifecycle(ctx, body)),
  bind(l.update, async (ctx, { params, body }) => updateLifecycle(ctx, params.id, body)),
  bind(l.archive, async (ctx, { params, body }) => archiveLifecycle(ctx, params.id, body.version)),
  bind(l.restore, async (ctx, { params, body }) => restoreLifecycle(ctx, params.id, body.version)),
  bind(l.publish, async (ctx, { params, body }) => publishLifecycle(ctx, params.id, body.version)),
  bind(l.revise, async (ctx, { params }) => reviseLifecycle(ctx, params.id)),

  bind(g.phaseTrack, async (ctx, { params }) => phaseTrack(ctx, params.id)),
  bind(gr.list, async (ctx, { params }) => listGateReviews(ctx, params.id)),
  bind(gr.open, async (ctx, { params, body }) => openGateReview(ctx, params.id, body)),
  bind(gr.get, async (ctx, { params }) => getGateReview(ctx, params.id)),
  bind(gr.update, async (ctx, { params, body }) => updateGateReview(ctx, params.id, body)),
  bind(gr.vote, async (ctx, { params, body }) => voteOnGate(ctx, params.id, body)),
  bind(gr.decide, async (ctx, { params, body }) => decideGate(ctx, params.id, body)),

  bind(g.approvedValues.get, async (ctx, { params }) => getApprovedValues(ctx, params.id)),
  bind(g.approvedValues.set, async (ctx, { params, body }) => setApprovedValues(ctx, params.id, body)),
  bind(g.authority.get, async (ctx, { params }) => getAuthority(ctx, params.id)),
  bind(g.authority.set, async (ctx, { params, body }) => setAuthority(ctx, params.id, body)),

  bind(cr.list, async (ctx, { params, query }) => listChangeRequests(ctx, params.id, query)),
  bind(cr.create, async (ctx, { params, body }) => createChangeRequest(ctx, params.id, body)),
  bind(cr.get, async (ctx, { params }) => getChangeRequest(ctx, params.id)),
  bind(cr.update, async (ctx, { params, body }) => updateChangeRequest(ctx, params.id, body)),
  bind(cr.submit, async (ctx, { params, body }) => submitChangeRequest(ctx, params.id, body.version)),
  bind(cr.decide, async (ctx, { params, body }) => decideChange(ctx, params.id, body)),
  bind(cr.withdraw, async (ctx, { params, body }) => withdrawChangeRequest(ctx, params.id, body.version)),

  bind(sr.list, async (ctx, { params }) => listStopRecommendations(ctx, params.id)),
  bind(sr.create, async (ctx, { params, body }) => recommendStop(ctx, params.id, body.reason)),
  bind(sr.decide, async (ctx, { params, body }) => decideStop(ctx, params.id, body)),
  bind(sr.withdraw, async (ctx, { params, body }) => withdrawStop(ctx, params.id, body.version)),
];
