/*
 * Status reports (C7): one per project per reporting period of its office's cadence. Starting one
 * measures the facts and fills every colour with its suggestion and reasons, so the manager only
 * confirms, overrides with a justification, and writes the narrative. Drafts change freely (at the
 * version loaded); submitted reports are history (report-flow.ts).
 */
import type { StatusReportListQuery, StatusReportStart, StatusReportUpdate } from '@pharos/api';
import {
  periodAt,
  periodOf,
  type RagThresholds,
  type ReportingPeriod,
  reportDeadline,
  suggestRag,
} from '@pharos/engine';
import { and, count, desc, eq, isNotNull, isNull, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { statusReports } from '../db/schema/index';
import { AppError } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { earlierDay, engineValue, type ProjectRow, projectAnchors, todayIn } from './common';
import { type EnteredMetrics, measuredMetrics, measureProjects, NO_ENTERED, withEntered } from './facts';
import {
  changedDimensions,
  type Dimensions,
  type Overall,
  overallOf,
  ragColumns,
  suggestedDimensions,
} from './report-model';
import {
  loadReport,
  previousReport,
  readableProject,
  reportForWrite,
  reportOfPeriod,
  saveReport,
} from './report-store';
import { loadReach, presentReports, type ReportRow, type StoredMetrics, storedMetrics } from './report-view';
import { type EffectiveStatusSettings, effectiveStatusSettings } from './settings';
import { thresholdsForProject } from './thresholds';

/** The facts as of a date, the suggestion from them (keeping the manager's own colours), and the metrics to keep. */
export async function suggestFromFacts(
  tx: Tx,
  projectId: string,
  asOf: string,
  entered: EnteredMetrics,
  before?: { dims: Dimensions; overall: Overall },
) {
  const thresholds = await thresholdsForProject(tx, projectId);
  const measured = (await measureProjects(tx, [projectId], asOf)).get(projectId)!;
  const dims = suggestedDimensions(
    engineValue(suggestRag(withEntered(measured.facts, entered), thresholds)),
    before?.dims,
  );
  const overall = overallOf(dims, thresholds.overall, before?.overall ?? null);
  const metrics = {
    facts: measured.facts,
    currency: measured.currency,
    entered,
    measured: measuredMetrics(measured, thresholds),
  };
  return { thresholds, dims, overall, metrics };
}

/** The period a new report is for: the one holding `date`, or by default the previous one when its report is missing, else the current one. */
async function periodToStart(
  tx: Tx,
  project: ProjectRow,
  settings: EffectiveStatusSettings,
  date: string | undefined,
  today: string,
): Promise<ReportingPeriod> {
  const cadence = settings.cadence;
  if (date) {
    const period = engineValue(periodOf(date, cadence), '', { date: 'period' });
    if (period.start > today)
      throw new AppError('validation_failed', `The period ${period.key} has not started yet`, 'period');
    return period;
  }
  const current = engineValue(periodOf(today, cadence));
  const previous = engineValue(periodAt(current.index - 1, cadence));
  const activeThen = !project.plannedStart || project.plannedStart <= previous.end;
  if (activeThen && !(await reportOfPeriod(tx, project.id, previous.start))) return previous;
  return current;
}

export async function startReport(ctx: Ctx, projectId: string, body: z.output<typeof StatusReportStart>) {
  await loadReach(ctx);
  await ctx.access.reach('statusReport', 'create');
  const today = todayIn(ctx.config.timeZone);
  if (body.asOf && body.asOf > today)
    throw new AppError('validation_failed', 'Facts cannot be measured in the future', 'asOf');
  return inTx(ctx, async (tx) => {
    const project = await readableProject(ctx, tx, projectId);
    await ctx.access.authorize('statusReport', 'create', projectAnchors(project));
    if (project.archivedAt) throw new AppError('archived', 'This project is archived; restore it first');
    const settings = await effectiveStatusSettings(tx, project.officeId);
    const period = await periodToStart(tx, project, settings, body.period, today);
    const existing = await reportOfPeriod(tx, projectId, period.start);
    if (existing)
      throw new AppError(
        'duplicate',
        existing.archivedAt
          ? `The project already has an archived report for ${period.key}; restore it instead`
          : `The project already has a report for ${period.key}`,
        'period',
      );
    const due = engineValue(
      reportDeadline(period, { cadence: settings.cadence, dueOffsetDays: settings.dueDaysAfterPeriod }),
    ).due;
    // The facts are measured today, or on the due date of a period reported late.
    const asOf = body.asOf ?? earlierDay(today, due);
    const previous = await previousReport(tx, projectId, period.start);
    const entered = previous ? storedMetrics(previous).entered : NO_ENTERED;
    const s = await suggestFromFacts(tx, projectId, asOf, entered);
    const metrics: StoredMetrics = { ...s.metrics, hint: { previousNext: previous?.narrative.next ?? '' } };
    const [row] = await tx
      .insert(statusReports)
      .values({
        projectId,
        periodKind: period.kind,
        periodStart: period.start,
        periodEnd: period.end,
        dueOn: due,
        asOf,
        state: 'draft',
        ...ragColumns(s.dims, s.overall),
        dimensions: s.dims,
        narrative: { done: '', next: '', issues: '', helpNeeded: '' },
        metrics: metrics as unknown as Record<string, unknown>,
        authorId: ctx.actor?.userId ?? null,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('duplicate', `The project already has a report for ${period.key}`, 'period');
    await recordAudit(tx, ctx, {
      action: 'create',
      entityType: 'statusReport',
      entityId: row.id,
      after: {
        projectId,
        period: period.key,
        asOf,
        overall: s.overall.rag,
        dimensions: ragColumns(s.dims, s.overall),
      },
    });
    return (await presentReports(ctx, tx, [row], project, today, true))[0]!;
  });
}

export async function listReports(ctx: Ctx, projectId: string, q: z.output<typeof StatusReportListQuery>) {
  await loadReach(ctx);
  const project = await readableProject(ctx, ctx.db, projectId);
  const conds: SQL[] = [eq(statusReports.projectId, projectId)];
  if (q.archived === 'active') conds.push(isNull(statusReports.archivedAt));
  if (q.archived === 'archived') conds.push(isNotNull(statusReports.archivedAt));
  const where = and(...conds);
  const rows = await ctx.db
    .select()
    .from(statusReports)
    .where(where)
    .orderBy(desc(statusReports.periodStart))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [total] = await ctx.db.select({ n: count() }).from(statusReports).where(where);
  const items = await presentReports(ctx, ctx.db, rows, project, todayIn(ctx.config.timeZone));
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getReport(ctx: Ctx, id: string) {
  await loadReach(ctx);
  const { row, project } = await loadReport(ctx, ctx.db, id);
  return (await presentReports(ctx, ctx.db, [row], project, todayIn(ctx.config.timeZone)))[0]!;
}

/** What an audit row keeps of a report: its colours, narrative and entered metrics. */
export const auditView = (row: ReportRow) => ({
  state: row.state,
  overallRag: row.overallRag,
  overallJustification: row.overallJustification,
  dimensions: Object.fromEntries(
    Object.entries(row.dimensions).map(([d, v]) => [d, { rag: v.rag, justification: v.justification }]),
  ),
  narrative: row.narrative,
  entered: storedMetrics(row).entered,
  version: row.version,
});

/** Changes a draft: narrative, colours and justifications, entered metrics (which suggest cost again). */
export async function updateReport(ctx: Ctx, id: string, body: z.output<typeof StatusReportUpdate>) {
  await loadReach(ctx);
  return inTx(ctx, async (tx) => {
    const { row, project } = await reportForWrite(ctx, tx, id, body.version, ['statusReport', 'update']);
    const thresholds: RagThresholds = await thresholdsForProject(tx, project.id);
    const metrics = storedMetrics(row);
    let dims = row.dimensions as Dimensions;
    const entered: EnteredMetrics = { ...metrics.entered, ...body.entered };
    let kept = row.metrics;
    if (body.entered) {
      // Reports kept without their facts (the demo's history) are measured again as of their date.
      const facts =
        metrics.facts ?? (await measureProjects(tx, [project.id], row.asOf)).get(project.id)!.facts;
      const suggestion = engineValue(suggestRag(withEntered(facts, entered), thresholds), 'entered');
      dims = suggestedDimensions(suggestion, dims);
      kept = { ...row.metrics, entered };
    }
    dims = changedDimensions(dims, body.dimensions);
    const before: Overall = {
      suggested: row.overallSuggested,
      rag: row.overallRag,
      justification: row.overallJustification,
    };
    const overall = overallOf(dims, thresholds.overall, before, body.overall);
    const after = await saveReport(tx, row, {
      ...ragColumns(dims, overall),
      dimensions: dims,
      narrative: { ...row.narrative, ...body.narrative },
      metrics: kept,
    });
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'statusReport',
      entityId: id,
      before: auditView(row),
      after: auditView(after),
    });
    return (await presentReports(ctx, tx, [after], project, todayIn(ctx.config.timeZone), true))[0]!;
  });
}
