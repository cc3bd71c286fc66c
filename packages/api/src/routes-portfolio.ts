import { IdParams, page, VersionBody } from './common';
import { crudRoutes, route } from './route';
import * as S from './schemas/portfolio';
import { ScenarioFile } from './schemas/scenario';

const base = { params: IdParams, versionBody: VersionBody };

/** Portfolio planning (C3): scenarios, solves, the frontier, explanations, comparison and commit. */
export const scenarioRoutes = {
  ...crudRoutes('scenario', 'scenarios', 'portfolio planning', 'scenario', {
    ...base,
    item: S.Scenario,
    create: S.ScenarioCreate,
    update: S.ScenarioUpdate,
    list: page(S.ScenarioSummary),
    listQuery: S.ScenarioListQuery,
  }),
  import: route({
    method: 'POST',
    path: '/api/v1/scenarios/import',
    summary: 'Create a scenario from a scenario file (docs/scenario-format.md)',
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'create' },
    body: S.ScenarioImport,
    response: S.Scenario,
    status: 201,
  }),
  file: route({
    method: 'GET',
    path: '/api/v1/scenarios/:id/file',
    summary: 'The scenario as a scenario file',
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'read' },
    params: IdParams,
    response: ScenarioFile,
  }),
  workbook: route({
    method: 'GET',
    path: '/api/v1/scenarios/:id/result.xlsx',
    summary:
      "The scenario's plan as an Excel workbook (selection, budget by year, capacity by role and month)",
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'read' },
    params: IdParams,
    response: null,
  }),
  setPlan: route({
    method: 'PUT',
    path: '/api/v1/scenarios/:id/plan',
    summary:
      'Set the plan by hand (start month per candidate, null = out); it is checked and kept with its breaches',
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'update' },
    params: IdParams,
    body: S.ScenarioPlanPut,
    response: S.Scenario,
  }),
  solve: route({
    method: 'POST',
    path: '/api/v1/scenarios/:id/solve',
    summary: 'Start solving the scenario in the background (the greedy answer comes first); poll its state',
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'update' },
    params: IdParams,
    body: S.SolveStart,
    response: S.SolveJobState,
    status: 201,
  }),
  frontier: route({
    method: 'POST',
    path: '/api/v1/scenarios/:id/frontier',
    summary:
      'Start computing the efficient frontier (best value at a sweep of budget levels) in the background',
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'update' },
    params: IdParams,
    body: S.FrontierStart,
    response: S.SolveJobState,
    status: 201,
  }),
  job: route({
    method: 'GET',
    path: '/api/v1/scenarios/:id/job',
    summary: "The scenario's running or last solve or frontier: state, value, bound, gap",
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'read' },
    params: IdParams,
    response: S.SolveJobState,
  }),
  cancel: route({
    method: 'POST',
    path: '/api/v1/scenarios/:id/job/cancel',
    summary: 'Stop the running solve or frontier; the best plan found so far is kept',
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'update' },
    params: IdParams,
    response: S.SolveJobState,
  }),
  explanation: route({
    method: 'GET',
    path: '/api/v1/scenarios/:id/explanation',
    summary:
      'Why each candidate is in or out of the plan: what keeps it out, what would let it in, what it displaces',
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'read' },
    params: IdParams,
    response: S.Explanation,
  }),
  compare: route({
    method: 'GET',
    path: '/api/v1/scenarios/compare',
    summary: 'Scenarios side by side: value, cost by year, capacity use by role, and what differs',
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'read' },
    query: S.CompareQuery,
    response: S.ScenarioComparison,
  }),
  commit: route({
    method: 'POST',
    path: '/api/v1/scenarios/:id/commit',
    summary:
      "Commit the scenario's plan: selected proposals become projects with planned dates, running projects move, and the portfolio's plan of record is kept",
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'commit' },
    params: IdParams,
    body: S.CommitBody,
    response: S.CommitResult,
  }),
  planOfRecord: route({
    method: 'GET',
    path: '/api/v1/portfolios/:id/plan-of-record',
    summary: "The portfolio's plan of record, newest first: every committed scenario with what it set",
    tag: 'portfolio planning',
    auth: { resource: 'scenario', action: 'read' },
    params: IdParams,
    response: page(S.PlanOfRecord),
  }),
} as const;
