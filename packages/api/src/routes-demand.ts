import { z } from 'zod';
import { IdParams, page, VersionBody } from './common';
import { crudRoutes, route } from './route';
import * as D from './schemas/demand';
import * as Sc from './schemas/scoring';

const base = { params: IdParams, versionBody: VersionBody };

/** Demand (C2): the work-role catalog, proposals and their pipeline, scoring frameworks and scores. */
export const demandRoutes = {
  settings: route({
    method: 'GET',
    path: '/api/v1/settings/demand',
    summary: "The organization's currency, discount rate and cash-flow timing for business cases",
    tag: 'demand',
    auth: 'signedIn',
    response: D.DemandSettings,
  }),
  updateSettings: route({
    method: 'PATCH',
    path: '/api/v1/settings/demand',
    summary: 'Change the currency, discount rate or cash-flow timing (every NPV is recomputed)',
    tag: 'demand',
    auth: { resource: 'settings', action: 'update' },
    body: D.DemandSettingsUpdate,
    response: D.DemandSettings,
  }),
  workRoles: {
    ...crudRoutes('workRole', 'work-roles', 'demand', 'work role', {
      ...base,
      item: D.WorkRole,
      create: D.WorkRoleCreate,
      update: D.WorkRoleUpdate,
      list: page(D.WorkRole),
      listQuery: D.WorkRoleListQuery,
    }),
    capacity: route({
      method: 'GET',
      path: '/api/v1/work-roles/capacity',
      summary: 'Capacity per role per month (hours), summed over org units',
      tag: 'demand',
      auth: { resource: 'workRole', action: 'read' },
      query: D.CapacityQuery,
      response: D.CapacityTable,
    }),
  },
  proposals: {
    ...crudRoutes('proposal', 'proposals', 'demand', 'proposal', {
      ...base,
      item: D.ProposalDetail,
      create: D.ProposalCreate,
      update: D.ProposalUpdate,
      list: page(D.Proposal),
      listQuery: D.ProposalListQuery,
    }),
    transition: route({
      method: 'POST',
      path: '/api/v1/proposals/:id/transition',
      summary:
        'Move a proposal along the pipeline (submit, screen, score, shortlist, approve, reject or defer with a reason)',
      tag: 'demand',
      auth: 'signedIn',
      params: IdParams,
      body: D.ProposalTransition,
      response: D.ProposalDetail,
    }),
    convert: route({
      method: 'POST',
      path: '/api/v1/proposals/:id/convert',
      summary: 'Turn an approved proposal into a project with planned dates',
      tag: 'demand',
      auth: { resource: 'proposal', action: 'convert' },
      params: IdParams,
      body: D.ProposalConvert,
      response: z.object({ proposal: D.ProposalDetail, projectId: z.uuid() }),
      status: 201,
    }),
    pipeline: route({
      method: 'GET',
      path: '/api/v1/proposals/pipeline',
      summary: 'How many proposals are at each step, and how long decisions take',
      tag: 'demand',
      auth: { resource: 'proposal', action: 'read' },
      query: D.PipelineQuery,
      response: D.PipelineSummary,
    }),
    scores: route({
      method: 'GET',
      path: '/api/v1/proposals/:id/scores',
      summary: "A proposal's scores by each scorer, combined, with the breakdown and disagreement",
      tag: 'demand',
      auth: { resource: 'proposal', action: 'read' },
      params: IdParams,
      response: Sc.ProposalScores,
    }),
    score: route({
      method: 'PUT',
      path: '/api/v1/proposals/:id/scores/mine',
      summary: 'Enter or change your own scores of a proposal, against its framework',
      tag: 'demand',
      auth: { resource: 'proposal', action: 'score' },
      params: IdParams,
      body: Sc.ScorePut,
      response: Sc.ProposalScores,
    }),
  },
  frameworks: {
    ...crudRoutes('scoringFramework', 'scoring-frameworks', 'demand', 'scoring framework', {
      ...base,
      item: Sc.ScoringFramework,
      create: Sc.ScoringFrameworkCreate,
      update: Sc.ScoringFrameworkUpdate,
      list: page(Sc.ScoringFramework),
      listQuery: Sc.ScoringFrameworkListQuery,
    }),
    publish: route({
      method: 'POST',
      path: '/api/v1/scoring-frameworks/:id/publish',
      summary:
        'Publish a draft revision (refused when its AHP consistency ratio is above 0.1); the previous one retires',
      tag: 'demand',
      auth: { resource: 'scoringFramework', action: 'update' },
      params: IdParams,
      body: VersionBody,
      response: Sc.ScoringFramework,
    }),
    revise: route({
      method: 'POST',
      path: '/api/v1/scoring-frameworks/:id/revise',
      summary: 'Start a new draft revision from a published one (scores stay with their revision)',
      tag: 'demand',
      auth: { resource: 'scoringFramework', action: 'update' },
      params: IdParams,
      response: Sc.ScoringFramework,
      status: 201,
    }),
    ranking: route({
      method: 'GET',
      path: '/api/v1/scoring-frameworks/:id/ranking',
      summary: 'The ranked list of the proposals scored with this framework, with each score breakdown',
      tag: 'demand',
      auth: { resource: 'proposal', action: 'read' },
      params: IdParams,
      query: Sc.RankingQuery,
      response: Sc.Ranking,
    }),
  },
} as const;
