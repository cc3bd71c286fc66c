/* Reading and writing status report rows, with the checks every write makes first. */
import type { Action, Resource } from '@pharos/api';
import { and, desc, eq, isNull, lt, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/connect';
import { statusReports } from '../db/schema/index';
import { AppError, conflict, notFound } from '../errors';
import type { Ctx } from '../http/context';
import { type ProjectRow, projectAnchors, projectRow } from './common';
import type { ReportRow } from './report-view';

/** A report and its project, or not_found unless the caller may read the project's reports. */
export async function loadReport(
  ctx: Ctx,
  tx: Tx,
  id: string,
  lock = false,
): Promise<{ row: ReportRow; project: ProjectRow }> {
  const q = tx.select().from(statusReports).where(eq(statusReports.id, id));
  const [row] = await (lock ? q.for('update') : q);
  if (!row) throw notFound('Status report');
  const project = await projectRow(tx, row.projectId);
  if (!(await ctx.access.can('statusReport', 'read', projectAnchors(project))))
    throw notFound('Status report');
  return { row, project };
}

/** A project whose reports the caller may read, or not_found. */
export async function readableProject(ctx: Ctx, tx: Tx, projectId: string): Promise<ProjectRow> {
  const project = await projectRow(tx, projectId);
  if (!(await ctx.access.can('statusReport', 'read', projectAnchors(project)))) throw notFound('Project');
  return project;
}

/**
 * A report the caller may change by `resource.action`, locked, at the version they loaded: not
 * archived, and (unless `state` says otherwise) still a draft.
 */
export async function reportForWrite(
  ctx: Ctx,
  tx: Tx,
  id: string,
  version: number,
  permission: [Resource, Action],
  state: 'draft' | 'submitted' | 'any' = 'draft',
) {
  const found = await loadReport(ctx, tx, id, true);
  const [resource, action] = permission;
  const anchors = resource === 'office' ? { office: found.project.officeId } : projectAnchors(found.project);
  await ctx.access.authorize(resource, action, anchors);
  if (found.row.version !== version) throw conflict('status report');
  if (state !== 'any' && found.row.archivedAt)
    throw new AppError('archived', 'This status report is archived; restore it first');
  if (state === 'draft' && found.row.state !== 'draft')
    throw new AppError(
      'invalid_state',
      'This report is submitted: it can be corrected only after the PMO reopens it',
      'state',
    );
  if (state === 'submitted' && found.row.state !== 'submitted')
    throw new AppError(
      'invalid_state',
      'Only a submitted report can be reopened; this one is a draft',
      'state',
    );
  return found;
}

/** Writes changes to a report at the version read (one more version), returning the row as it now is. */
export async function saveReport(
  tx: Tx,
  row: ReportRow,
  changes: PgUpdateSetSource<typeof statusReports>,
): Promise<ReportRow> {
  const [after] = await tx
    .update(statusReports)
    .set({ ...changes, version: sql`${statusReports.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(statusReports.id, row.id), eq(statusReports.version, row.version)))
    .returning();
  if (!after) throw conflict('status report');
  return after;
}

/** The project's latest report for a period before `periodStart` (archived ones left out), if any. */
export async function previousReport(tx: Tx, projectId: string, periodStart: string) {
  const [row] = await tx
    .select()
    .from(statusReports)
    .where(
      and(
        eq(statusReports.projectId, projectId),
        lt(statusReports.periodStart, periodStart),
        isNull(statusReports.archivedAt),
      ),
    )
    .orderBy(desc(statusReports.periodStart))
    .limit(1);
  return row ?? null;
}

/** The project's report for the period starting on `periodStart` (archived or not), if any. */
export async function reportOfPeriod(tx: Tx, projectId: string, periodStart: string) {
  const [row] = await tx
    .select()
    .from(statusReports)
    .where(and(eq(statusReports.projectId, projectId), eq(statusReports.periodStart, periodStart)));
  return row ?? null;
}
