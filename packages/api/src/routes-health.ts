import { IdParams } from './common';
import { route } from './route';
import * as H from './schemas/health';

const read = { resource: 'statusReport', action: 'read' } as const;

/**
 * Health (C7 and the reporting half of C12): roll-ups to programs, portfolios, offices and the
 * organization with their trend, the executive dashboard, and the status exports (a project's
 * report as PDF, a portfolio or program deck as PowerPoint, the health table as Excel). Everything
 * answers only what the caller may read.
 */
export const healthRoutes = {
  rollup: route({
    method: 'GET',
    path: '/api/v1/health/rollup',
    summary:
      "A scope's health for a reporting period: overall and per dimension by its office's rule, counts, children and the trend",
    tag: 'health',
    auth: read,
    query: H.HealthRollupQuery,
    response: H.HealthRollup,
  }),
  dashboard: route({
    method: 'GET',
    path: '/api/v1/health/dashboard',
    summary:
      'What needs your attention today: red projects and why, worst movers, escalations, decisions waiting, late reports',
    tag: 'health',
    auth: read,
    query: H.HealthRollupQuery,
    response: H.HealthDashboard,
  }),
  deck: route({
    method: 'GET',
    path: '/api/v1/health/deck.pptx',
    summary:
      'The status deck of a portfolio or program as PowerPoint: a summary slide, the health table, one slide per project needing attention',
    tag: 'health',
    auth: read,
    query: H.HealthDeckQuery,
    response: null,
  }),
  table: route({
    method: 'GET',
    path: '/api/v1/health/table.xlsx',
    summary: 'The health table of a scope as an Excel workbook: one row per project, worst first',
    tag: 'health',
    auth: read,
    query: H.HealthExportQuery,
    response: null,
  }),
  reportPdf: route({
    method: 'GET',
    path: '/api/v1/status-reports/:id/pdf',
    summary: 'A submitted status report as PDF',
    tag: 'health',
    auth: read,
    params: IdParams,
    response: null,
  }),
  latestPdf: route({
    method: 'GET',
    path: '/api/v1/projects/:id/status-reports/latest.pdf',
    summary: "A project's latest submitted status report as PDF",
    tag: 'health',
    auth: read,
    params: IdParams,
    response: null,
  }),
};
