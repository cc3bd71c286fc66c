import type { Ctx } from '../http/context';
import { registry } from '../registry/routes';
import { authorizePlanEdit, getPlan, replaceWithDocument } from './service';

/**
 * Microsoft Project XML in and out of a project's plan. An import reads and checks the whole
 * file before anything is written, then replaces the plan in one transaction.
 */
export async function importMspdi(ctx: Ctx, projectId: string, xml: string | Uint8Array, fileName: string) {
  await authorizePlanEdit(ctx, projectId);
  // The XML reader and writer load when first used, not at every start.
  const { mspdiToDocument } = await import('./mspdi/to-document');
  const { doc, warnings } = mspdiToDocument(xml);
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

export async function exportMspdi(ctx: Ctx, projectId: string) {
  const project = (await registry.project.get(ctx, projectId)) as { code: string; name: string };
  const doc = { ...(await getPlan(ctx, projectId)), name: project.name };
  const { documentToMspdi } = await import('./mspdi/write');
  return { xml: documentToMspdi(doc), fileName: `${project.code}.xml` };
}
