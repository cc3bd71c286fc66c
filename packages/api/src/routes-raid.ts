import { IdParams, VersionBody } from './common';
import { crudRoutes, route } from './route';
import * as R from './schemas/raid';
import * as E from './schemas/raid-escalation';
import * as G from './schemas/raid-register';

const read = { resource: 'raidItem', action: 'read' } as const;
const update = { resource: 'raidItem', action: 'update' } as const;

/** RAID registers (C8): items, registers per level, heat maps, escalation and the office queue. */
export const raidRoutes = {
  ...crudRoutes('raidItem', 'raid', 'raid', 'RAID item', {
    params: IdParams,
    versionBody: VersionBody,
    item: R.RaidItem,
    create: R.RaidItemCreate,
    update: R.RaidItemUpdate,
    list: G.RaidPage,
    listQuery: G.RaidListQuery,
  }),
  list: route({
    method: 'GET',
    path: '/api/v1/raid',
    summary:
      "A register: the RAID items of a project, program, portfolio or office (with includeBelow, also those of what lies below), only what you may see; a project's register also shows other projects' dependencies on it",
    tag: 'raid',
    auth: read,
    query: G.RaidListQuery,
    response: G.RaidPage,
  }),
  heatMap: route({
    method: 'GET',
    path: '/api/v1/raid/heat-map',
    summary: "The 5 × 5 heat map of a register's risks (probability × impact), inherent or residual",
    tag: 'raid',
    auth: read,
    query: G.RaidHeatMapQuery,
    response: G.RaidHeatMap,
  }),
  escalations: route({
    method: 'GET',
    path: '/api/v1/raid/:id/escalations',
    summary: "An item's escalation trail, its chain of offices and where it stands now",
    tag: 'raid',
    auth: read,
    params: IdParams,
    response: E.RaidEscalationTrail,
  }),
  escalate: route({
    method: 'POST',
    path: '/api/v1/raid/:id/escalate',
    summary: 'Escalate a risk or issue one office up, with the reason',
    tag: 'raid',
    auth: update,
    params: IdParams,
    body: E.RaidEscalateBody,
    response: R.RaidItem,
  }),
  deescalate: route({
    method: 'POST',
    path: '/api/v1/raid/:id/de-escalate',
    summary: 'Hand an escalated item back one office down, with the reason (and a new deadline if needed)',
    tag: 'raid',
    auth: update,
    params: IdParams,
    body: E.RaidDeescalateBody,
    response: R.RaidItem,
  }),
  acknowledge: route({
    method: 'POST',
    path: '/api/v1/raid/:id/escalations/:escalationId/acknowledge',
    summary: 'The receiving office takes an escalation on',
    tag: 'raid',
    auth: update,
    params: E.RaidEscalationParams,
    response: E.RaidEscalation,
  }),
  queue: route({
    method: 'GET',
    path: '/api/v1/offices/:id/escalation-queue',
    summary: 'The open risks and issues escalated to an office, with their trails (only what you may see)',
    tag: 'raid',
    auth: read,
    params: IdParams,
    query: E.RaidQueueQuery,
    response: E.RaidQueue,
  }),
  escalationSummary: route({
    method: 'GET',
    path: '/api/v1/raid/escalation-summary',
    summary: 'Where escalations wait: per office, the open risks and issues escalated to it that you may see',
    tag: 'raid',
    auth: read,
    response: E.RaidEscalationSummary,
  }),
  tolerances: route({
    method: 'GET',
    path: '/api/v1/settings/raid-tolerances',
    summary: 'The escalation tolerances: by kind of office, and offices with their own',
    tag: 'raid',
    auth: 'signedIn',
    response: E.RaidTolerances,
  }),
  updateTolerances: route({
    method: 'PUT',
    path: '/api/v1/settings/raid-tolerances',
    summary: 'Replace the escalation tolerances (the next check, within 15 minutes, applies them)',
    tag: 'raid',
    auth: { resource: 'settings', action: 'update' },
    body: E.RaidTolerancesPut,
    response: E.RaidTolerances,
  }),
} as const;
