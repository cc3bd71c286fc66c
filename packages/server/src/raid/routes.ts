import { routes } from '@pharos/api';
import { bind } from '../http/bind';
import { acknowledgeEscalation, deescalateItem, escalateItem, escalationTrail } from './escalation';
import { createItem, getItem, setArchived, updateItem } from './items';
import { escalationQueue, escalationSummary } from './queue';
import { listRegister, registerHeatMap } from './register';
import { raidTolerances, updateRaidTolerances } from './tolerances';

const r = routes.raid;

/** RAID registers and escalation (C8). */
export const raidBindings = [
  bind(r.list, async (ctx, { query }) => listRegister(ctx, query)),
  bind(r.heatMap, async (ctx, { query }) => registerHeatMap(ctx, query)),
  bind(r.get, async (ctx, { params }) => getItem(ctx, params.id)),
  bind(r.create, async (ctx, { body }) => createItem(ctx, body)),
  bind(r.update, async (ctx, { params, body }) => updateItem(ctx, params.id, body)),
  bind(r.archive, async (ctx, { params, body }) => setArchived(ctx, params.id, body.version, true)),
  bind(r.restore, async (ctx, { params, body }) => setArchived(ctx, params.id, body.version, false)),
  bind(r.escalations, async (ctx, { params }) => escalationTrail(ctx, params.id)),
  bind(r.escalate, async (ctx, { params, body }) => escalateItem(ctx, params.id, body)),
  bind(r.deescalate, async (ctx, { params, body }) => deescalateItem(ctx, params.id, body)),
  bind(r.acknowledge, async (ctx, { params }) => acknowledgeEscalation(ctx, params.id, params.escalationId)),
  bind(r.queue, async (ctx, { params, query }) => escalationQueue(ctx, params.id, query)),
  bind(r.escalationSummary, async (ctx) => escalationSummary(ctx)),
  bind(r.tolerances, async (ctx) => raidTolerances(ctx)),
  bind(r.updateTolerances, async (ctx, { body }) => updateRaidTolerances(ctx, body)),
];
