import { routes } from '@pharos/api';
import { bind } from '../http/bind';
import { officeCompliance } from './compliance';
import { archiveReport, refreshReport, reopenReport, submitReport } from './report-flow';
import { getReport, listReports, startReport, updateReport } from './reports';
import { getOfficeStatusSettings, putOfficeStatusSettings } from './settings';
import { getRagThresholds, putRagThresholds } from './thresholds';

const s = routes.status;
const r = s.reports;

/** Status reporting (C7): office settings, RAG thresholds, status reports and reporting compliance. */
export const statusBindings = [
  bind(s.settings, async (ctx, { params }) => getOfficeStatusSettings(ctx, params.id)),
  bind(s.updateSettings, async (ctx, { params, body }) => putOfficeStatusSettings(ctx, params.id, body)),
  bind(s.thresholds, async (ctx, { params }) => getRagThresholds(ctx, params.id)),
  bind(s.updateThresholds, async (ctx, { params, body }) => putRagThresholds(ctx, params.id, body)),
  bind(s.compliance, async (ctx, { params, query }) => officeCompliance(ctx, params.id, query)),

  bind(r.list, async (ctx, { params, query }) => listReports(ctx, params.id, query)),
  bind(r.start, async (ctx, { params, body }) => startReport(ctx, params.id, body)),
  bind(r.get, async (ctx, { params }) => getReport(ctx, params.id)),
  bind(r.update, async (ctx, { params, body }) => updateReport(ctx, params.id, body)),
  bind(r.refresh, async (ctx, { params, body }) => refreshReport(ctx, params.id, body.version)),
  bind(r.submit, async (ctx, { params, body }) => submitReport(ctx, params.id, body.version)),
  bind(r.reopen, async (ctx, { params, body }) => reopenReport(ctx, params.id, body)),
  bind(r.archive, async (ctx, { params, body }) => archiveReport(ctx, params.id, body.version)),
  bind(r.restore, async (ctx, { params, body }) => archiveReport(ctx, params.id, body.version, true)),
];
