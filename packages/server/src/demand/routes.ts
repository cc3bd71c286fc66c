import { routes } from '@pharos/api';
import { bind } from '../http/bind';
import { crudBindings } from '../registry/routes';
import {
  archiveFramework,
  createFramework,
  getFramework,
  listFrameworks,
  publishFramework,
  restoreFramework,
  reviseFramework,
  updateFramework,
} from './frameworks';
import { pipelineSummary } from './pipeline';
import {
  archiveProposal,
  createProposal,
  getProposal,
  listProposals,
  restoreProposal,
  updateProposal,
} from './proposals';
import { getScores, putMyScores, ranking } from './scores';
import { demandSettings, updateDemandSettings } from './settings';
import { convert, transition } from './transitions';
import { capacityTable, workRoleService } from './work-roles';

const d = routes.demand;
const p = d.proposals;
const f = d.frameworks;

/** Demand (C2): settings, the work-role catalog, proposals and their pipeline, frameworks and scores. */
export const demandBindings = [
  bind(d.settings, async (ctx) => demandSettings(ctx)),
  bind(d.updateSettings, async (ctx, { body }) => updateDemandSettings(ctx, body)),
  ...crudBindings(d.workRoles, workRoleService),
  bind(d.workRoles.capacity, async (ctx, { query }) => capacityTable(ctx, query)),

  bind(p.list, async (ctx, { query }) => listProposals(ctx, query)),
  bind(p.get, async (ctx, { params }) => getProposal(ctx, params.id)),
  bind(p.create, async (ctx, { body }) => createProposal(ctx, body)),
  bind(p.update, async (ctx, { params, body }) => updateProposal(ctx, params.id, body)),
  bind(p.archive, async (ctx, { params, body }) => archiveProposal(ctx, params.id, body.version)),
  bind(p.restore, async (ctx, { params, body }) => restoreProposal(ctx, params.id, body.version)),
  bind(p.transition, async (ctx, { params, body }) => transition(ctx, params.id, body)),
  bind(p.convert, async (ctx, { params, body }) => convert(ctx, params.id, body)),
  bind(p.pipeline, async (ctx, { query }) => pipelineSummary(ctx, query)),
  bind(p.scores, async (ctx, { params }) => getScores(ctx, params.id)),
  bind(p.score, async (ctx, { params, body }) => putMyScores(ctx, params.id, body)),

  bind(f.list, async (ctx, { query }) => listFrameworks(ctx, query)),
  bind(f.get, async (ctx, { params }) => getFramework(ctx, params.id)),
  bind(f.create, async (ctx, { body }) => createFramework(ctx, body)),
  bind(f.update, async (ctx, { params, body }) => updateFramework(ctx, params.id, body)),
  bind(f.archive, async (ctx, { params, body }) => archiveFramework(ctx, params.id, body.version)),
  bind(f.restore, async (ctx, { params, body }) => restoreFramework(ctx, params.id, body.version)),
  bind(f.publish, async (ctx, { params, body }) => publishFramework(ctx, params.id, body.version)),
  bind(f.revise, async (ctx, { params }) => reviseFramework(ctx, params.id)),
  bind(f.ranking, async (ctx, { params, query }) => ranking(ctx, params.id, query)),
];
