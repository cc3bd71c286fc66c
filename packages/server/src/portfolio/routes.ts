import { routes } from '@pharos/api';
import { demandSettings } from '../demand/settings';
import { AppError } from '../errors';
import { bind } from '../http/bind';
import type { ListParams } from '../registry/service';
import { commitScenario, planOfRecord } from './commit';
import { compareScenarios, explanation } from './insight';
import { cancelJob, jobState, startScenarioFrontier, startScenarioSolve } from './jobs';
import {
  archiveScenario,
  createScenario,
  getScenario,
  importScenario,
  listScenarios,
  scenarioFile,
  setPlan,
  updateScenario,
} from './scenarios';
import { scenarioWorkbook } from './workbook';

const r = routes.scenarios;

export const portfolioBindings = [
  bind(r.list, async (ctx, { query }) => listScenarios(ctx, query as ListParams)),
  bind(r.get, async (ctx, { params }) => getScenario(ctx, params.id)),
  bind(r.create, async (ctx, { body }) => createScenario(ctx, body)),
  bind(r.update, async (ctx, { params, body }) => updateScenario(ctx, params.id, body)),
  bind(r.archive, async (ctx, { params, body }) => archiveScenario(ctx, params.id, body.version, true)),
  bind(r.restore, async (ctx, { params, body }) => archiveScenario(ctx, params.id, body.version, false)),
  bind(r.import, async (ctx, { body }) => importScenario(ctx, body)),
  bind(r.file, async (ctx, { params }) => scenarioFile(ctx, params.id)),
  bind(r.workbook, async (ctx, { params, reply }) => {
    const sc = await getScenario(ctx, params.id);
    if (!sc.plan) throw new AppError('invalid_state', 'The scenario has no plan yet: solve it first', 'plan');
    const { currency } = await demandSettings(ctx);
    const file = await scenarioWorkbook(
      { code: String(sc.code), name: String(sc.name), body: sc.body, plan: sc.plan },
      currency,
    );
    reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    reply.header(
      'content-disposition',
      `attachment; filename="${String(sc.code).replace(/[^\w.-]/g, '_')}.xlsx"`,
    );
    return file as never;
  }),
  bind(r.setPlan, async (ctx, { params, body }) => setPlan(ctx, params.id, body.version, body.starts)),
  bind(r.solve, async (ctx, { params, body }) => startScenarioSolve(ctx, params.id, body)),
  bind(r.frontier, async (ctx, { params, body }) => startScenarioFrontier(ctx, params.id, body)),
  bind(r.job, async (ctx, { params }) => jobState(ctx, params.id)),
  bind(r.cancel, async (ctx, { params }) => cancelJob(ctx, params.id)),
  bind(r.explanation, async (ctx, { params }) => explanation(ctx, params.id)),
  bind(r.compare, async (ctx, { query }) => compareScenarios(ctx, query.ids)),
  bind(r.commit, async (ctx, { params, body }) => commitScenario(ctx, params.id, body.version)),
  bind(r.planOfRecord, async (ctx, { params }) => planOfRecord(ctx, params.id)),
];
