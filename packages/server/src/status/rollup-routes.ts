import { routes } from '@pharos/api';
import type { FastifyReply } from 'fastify';
import { bind } from '../http/bind';
import { healthDashboard } from './dashboard';
import { type ExportFile, healthDeck, healthTable, reportPdf } from './exports';
import { healthRollup } from './rollup';

const r = routes.health;

/** Sends a file as a download. */
function send(reply: FastifyReply, file: ExportFile) {
  reply.header('content-type', file.contentType);
  reply.header('content-disposition', `attachment; filename="${file.fileName}"`);
  return file.body as never;
}

/** The health routes: roll-ups, the executive dashboard and the status exports. */
export const healthBindings = [
  bind(r.rollup, async (ctx, { query }) => healthRollup(ctx, query)),
  bind(r.dashboard, async (ctx, { query }) => healthDashboard(ctx, query)),
  bind(r.deck, async (ctx, { query, reply }) => send(reply, await healthDeck(ctx, query))),
  bind(r.table, async (ctx, { query, reply }) => send(reply, await healthTable(ctx, query))),
  bind(r.reportPdf, async (ctx, { params, reply }) => send(reply, await reportPdf(ctx, { id: params.id }))),
  bind(r.latestPdf, async (ctx, { params, reply }) =>
    send(reply, await reportPdf(ctx, { projectId: params.id })),
  ),
];
