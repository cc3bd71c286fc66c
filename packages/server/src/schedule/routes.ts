import { Readable } from 'node:stream';
import { routes } from '@pharos/api';
import { AppError } from '../errors';
import { bind } from '../http/bind';
import { exportMspdi, importMspdi } from './interchange';
import {
  createLink,
  createTask,
  deleteLink,
  deleteTask,
  getPlan,
  putCalendar,
  updateLink,
  updateSettings,
  updateTask,
} from './service';
import { portfolioTimeline, programTimeline } from './timeline';
import { clearBaseline, recordProgress, setBaseline } from './tracking';

const r = routes.plan;

export const scheduleBindings = [
  bind(r.get, async (ctx, { params }) => getPlan(ctx, params.id)),
  bind(r.updateSettings, async (ctx, { params, body }) => updateSettings(ctx, params.id, body)),
  bind(r.createTask, async (ctx, { params, body }) => createTask(ctx, params.id, body)),
  bind(r.updateTask, async (ctx, { params, body }) => updateTask(ctx, params.id, params.uid, body)),
  bind(r.deleteTask, async (ctx, { params, body }) => deleteTask(ctx, params.id, params.uid, body.version)),
  bind(r.createLink, async (ctx, { params, body }) => createLink(ctx, params.id, body)),
  bind(r.updateLink, async (ctx, { params, body }) =>
    updateLink(ctx, params.id, params.predecessorUid, params.successorUid, body),
  ),
  bind(r.deleteLink, async (ctx, { params }) =>
    deleteLink(ctx, params.id, params.predecessorUid, params.successorUid),
  ),
  bind(r.putCalendar, async (ctx, { params, body }) => putCalendar(ctx, params.id, body)),
  bind(r.progress, async (ctx, { params, body }) => recordProgress(ctx, params.id, body)),
  bind(r.setBaseline, async (ctx, { params }) => setBaseline(ctx, params.id, params.number)),
  bind(r.clearBaseline, async (ctx, { params }) => clearBaseline(ctx, params.id, params.number)),
  {
    ...bind(r.importMspdi, async (ctx, { params, req }) => {
      const body = req.body as AsyncIterable<Uint8Array> | undefined;
      if (!body || typeof body[Symbol.asyncIterator] !== 'function')
        throw new AppError(
          'unsupported_media_type',
          'Send the file as the body, with Content-Type application/xml',
        );
      return importMspdi(ctx, params.id, body, String(req.headers['x-file-name'] ?? 'MS Project XML'));
    }),
    upload: true,
  },
  bind(r.exportMspdi, async (ctx, { params, reply }) => {
    const { pieces, fileName } = await exportMspdi(ctx, params.id);
    reply.header('content-type', 'application/xml; charset=utf-8');
    reply.header('content-disposition', `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`);
    return Readable.from(pieces) as never;
  }),
  bind(routes.timeline.portfolio, async (ctx, { params }) => portfolioTimeline(ctx, params.id)),
  bind(routes.timeline.program, async (ctx, { params }) => programTimeline(ctx, params.id)),
];
