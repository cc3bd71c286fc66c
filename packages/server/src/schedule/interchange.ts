import type { Ctx } from '../http/context';
import { registry } from '../registry/routes';
import { authorizePlanEdit, getPlan, replaceWithDocument } from './service';

/** An MSPDI file as it arrives: whole (text or bytes) or as a stream of bytes (an upload, a file). */
export type MspdiInput = string | Uint8Array | AsyncIterable<Uint8Array>;

/**
 * Microsoft Project XML in and out of a project's plan. An import checks the caller may change
 * the plan, reads and checks the whole file (streamed: a 350,000-task file is larger than one
 * string may be), then replaces the plan in one transaction.
 */
export async function importMspdi(ctx: Ctx, projectId: string, input: MspdiInput, fileName: string) {
  await authorizePlanEdit(ctx, projectId);
  // The XML reader and writer load when first used, not at every start.
  const { mspdiStreamToDocument, mspdiToDocument } = await import('./mspdi/to-document');
  const limit = ctx.config.uploadLimit;
  const { doc, warnings } =
    typeof input === 'string' || input instanceof Uint8Array
      ? mspdiToDocument(input, limit)
      : await mspdiStreamToDocument(input, limit);
  const version = await replaceWithDocument(ctx, projectId, doc, fileName);
  return {
    projectId,
    version,
    tasks: doc.tasks.length,
    links: doc.links.length,
    calendars: doc.calendars.length,
    resources: doc.resources.length,
    assignments: doc.assignments.length,
    finish: doc.finish,
    warnings,
  };
}

/** A project's plan as MSPDI, in pieces (written to a response or a file as they come). */
export async function exportMspdi(ctx: Ctx, projectId: string) {
  const project = (await registry.project.get(ctx, projectId)) as { code: string; name: string };
  const doc = { ...(await getPlan(ctx, projectId)), name: project.name };
  const { writeMspdi } = await import('./mspdi/write');
  return { pieces: writeMspdi(doc), fileName: `${project.code}.xml` };
}
