import { z } from 'zod';
import { IdParams, page, VersionBody } from './common';
import { crudRoutes, type RouteDef, route } from './route';
import { demandRoutes } from './routes-demand';
import { governanceRoutes } from './routes-governance';
import { healthRoutes } from './routes-health';
import { notificationRoutes } from './routes-notify';
import { planRoutes, timelineRoutes } from './routes-plan';
import { scenarioRoutes } from './routes-portfolio';
import { raidRoutes } from './routes-raid';
import { statusRoutes } from './routes-status';
import * as P from './schemas/people';
import * as R from './schemas/registry';

const base = { params: IdParams, versionBody: VersionBody };
const Ok = z.object({ ok: z.literal(true) });

export const routes = {
  // ---------- system ----------
  liveness: route({
    method: 'GET',
    path: '/api/health',
    summary: 'Liveness and database reachability',
    tag: 'system',
    auth: 'public',
    response: z.object({ status: z.literal('ok') }),
  }),

  // ---------- authentication ----------
  login: route({
    method: 'POST',
    path: '/api/v1/auth/login',
    summary: 'Sign in with e-mail and password; sets the session cookie',
    tag: 'auth',
    auth: 'public',
    body: P.LoginBody,
    response: P.Me,
  }),
  logout: route({
    method: 'POST',
    path: '/api/v1/auth/logout',
    summary: 'Sign out: ends the session',
    tag: 'auth',
    auth: 'signedIn',
    response: Ok,
  }),
  me: route({
    method: 'GET',
    path: '/api/v1/me',
    summary: 'Who you are, your grants and what you may do',
    tag: 'auth',
    auth: 'signedIn',
    response: P.Me,
  }),
  changePassword: route({
    method: 'POST',
    path: '/api/v1/me/password',
    summary: 'Change your password (ends your other sessions)',
    tag: 'auth',
    auth: 'signedIn',
    body: P.PasswordChangeBody,
    response: Ok,
  }),
  listTokens: route({
    method: 'GET',
    path: '/api/v1/me/tokens',
    summary: 'Your API tokens (never the secret)',
    tag: 'auth',
    auth: 'signedIn',
    response: z.object({ items: z.array(P.ApiToken) }),
  }),
  createToken: route({
    method: 'POST',
    path: '/api/v1/me/tokens',
    summary: 'Create an API token; the secret is shown once',
    tag: 'auth',
    auth: 'signedIn',
    body: P.ApiTokenCreate,
    response: P.ApiTokenCreated,
    status: 201,
  }),
  revokeToken: route({
    method: 'DELETE',
    path: '/api/v1/me/tokens/:id',
    summary: 'Revoke one of your API tokens',
    tag: 'auth',
    auth: 'signedIn',
    params: IdParams,
    response: P.ApiToken,
  }),

  // ---------- registry ----------
  orgUnits: crudRoutes('orgUnit', 'org-units', 'registry', 'organization unit', {
    ...base,
    item: R.OrgUnit,
    create: R.OrgUnitCreate,
    update: R.OrgUnitUpdate,
    list: page(R.OrgUnit),
    listQuery: R.OrgUnitListQuery,
  }),
  offices: crudRoutes('office', 'offices', 'registry', 'office', {
    ...base,
    item: R.Office,
    create: R.OfficeCreate,
    update: R.OfficeUpdate,
    list: page(R.Office),
    listQuery: R.OfficeListQuery,
  }),
  officeServices: {
    list: route({
      method: 'GET',
      path: '/api/v1/offices/:id/services',
      summary: "An office's service catalog",
      tag: 'registry',
      auth: { resource: 'office', action: 'read' },
      params: IdParams,
      query: z.object({ archived: z.enum(['active', 'archived', 'all']).default('active') }),
      response: z.object({ items: z.array(R.OfficeService) }),
    }),
    create: route({
      method: 'POST',
      path: '/api/v1/offices/:id/services',
      summary: "Add a service to an office's catalog",
      tag: 'registry',
      auth: { resource: 'office', action: 'update' },
      params: IdParams,
      body: R.OfficeServiceCreate,
      response: R.OfficeService,
      status: 201,
    }),
    update: route({
      method: 'PATCH',
      path: '/api/v1/offices/:id/services/:serviceId',
      summary: 'Change a catalog service',
      tag: 'registry',
      auth: { resource: 'office', action: 'update' },
      params: R.OfficeServiceParams,
      body: R.OfficeServiceUpdate,
      response: R.OfficeService,
    }),
    restore: route({
      method: 'POST',
      path: '/api/v1/offices/:id/services/:serviceId/restore',
      summary: 'Offer a withdrawn catalog service again',
      tag: 'registry',
      auth: { resource: 'office', action: 'update' },
      params: R.OfficeServiceParams,
      body: VersionBody,
      response: R.OfficeService,
    }),
    archive: route({
      method: 'POST',
      path: '/api/v1/offices/:id/services/:serviceId/archive',
      summary: 'Withdraw a catalog service (kept, with its history)',
      tag: 'registry',
      auth: { resource: 'office', action: 'update' },
      params: R.OfficeServiceParams,
      body: VersionBody,
      response: R.OfficeService,
    }),
  },
  objectives: crudRoutes('objective', 'objectives', 'registry', 'strategic objective', {
    ...base,
    item: R.Objective,
    create: R.ObjectiveCreate,
    update: R.ObjectiveUpdate,
    list: page(R.Objective),
    listQuery: R.ObjectiveListQuery,
  }),
  portfolios: crudRoutes('portfolio', 'portfolios', 'registry', 'portfolio', {
    ...base,
    item: R.Portfolio,
    create: R.PortfolioCreate,
    update: R.PortfolioUpdate,
    list: page(R.Portfolio),
    listQuery: R.PortfolioListQuery,
  }),
  programs: crudRoutes('program', 'programs', 'registry', 'program', {
    ...base,
    item: R.Program,
    create: R.ProgramCreate,
    update: R.ProgramUpdate,
    list: page(R.Program),
    listQuery: R.ProgramListQuery,
  }),
  projectTypes: crudRoutes('projectType', 'project-types', 'registry', 'project type', {
    ...base,
    item: R.ProjectType,
    create: R.ProjectTypeCreate,
    update: R.ProjectTypeUpdate,
    list: page(R.ProjectType),
    listQuery: R.ProjectTypeListQuery,
  }),
  projects: crudRoutes('project', 'projects', 'registry', 'project', {
    ...base,
    item: R.Project,
    create: R.ProjectCreate,
    update: R.ProjectUpdate,
    list: page(R.Project),
    listQuery: R.ProjectListQuery,
  }),
  operations: crudRoutes('operation', 'operations', 'registry', 'operation', {
    ...base,
    item: R.Operation,
    create: R.OperationCreate,
    update: R.OperationUpdate,
    list: page(R.Operation),
    listQuery: R.OperationListQuery,
  }),

  // ---------- people and access ----------
  users: {
    ...crudRoutes('user', 'users', 'people', 'user', {
      ...base,
      item: P.User,
      create: P.UserCreate,
      update: P.UserUpdate,
      list: page(P.User),
      listQuery: P.UserListQuery,
    }),
    grant: route({
      method: 'POST',
      path: '/api/v1/users/:id/grants',
      summary: 'Grant a role at a scope',
      tag: 'people',
      auth: { resource: 'grant', action: 'create' },
      params: IdParams,
      body: P.GrantCreate,
      response: P.Grant,
      status: 201,
    }),
    revoke: route({
      method: 'DELETE',
      path: '/api/v1/users/:id/grants/:grantId',
      summary: 'Revoke a role grant',
      tag: 'people',
      auth: { resource: 'grant', action: 'archive' },
      params: P.GrantParams,
      response: Ok,
    }),
  },

  // ---------- plans and schedules ----------
  plan: planRoutes,
  timeline: timelineRoutes,

  // ---------- demand and portfolio planning ----------
  demand: demandRoutes,
  scenarios: scenarioRoutes,

  // ---------- governance: lifecycles, gates, change requests, stop recommendations ----------
  governance: governanceRoutes,

  // ---------- status reporting ----------
  status: statusRoutes,

  // ---------- health: roll-ups, the executive dashboard, status exports ----------
  health: healthRoutes,

  // ---------- notifications ----------
  notifications: notificationRoutes,

  // ---------- RAID registers and escalation ----------
  raid: raidRoutes,

  // ---------- audit ----------
  audit: route({
    method: 'GET',
    path: '/api/v1/audit',
    summary: "The audit trail; filter by entity for one item's history",
    tag: 'audit',
    auth: { resource: 'audit', action: 'read' },
    query: P.AuditListQuery,
    response: page(P.AuditEvent),
  }),
  history: route({
    method: 'GET',
    path: '/api/v1/audit/:entityType/:id',
    summary:
      "One item's history (allowed to whoever may read the item); an office's includes its service catalog",
    tag: 'audit',
    auth: 'signedIn',
    params: z.object({ entityType: z.string().max(40), id: IdParams.shape.id }),
    query: z.object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(500).default(50),
    }),
    response: page(P.AuditEvent),
  }),
} as const;

/** Every route of the contract, flattened (the server registers these; tests walk them). */
export function allRoutes(): RouteDef[] {
  const out: RouteDef[] = [];
  const walk = (v: unknown) => {
    if (v && typeof v === 'object' && 'method' in v && 'path' in v) out.push(v as RouteDef);
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  walk(routes);
  return out;
}
