/*
 * A report's life after it is started: suggested again from fresh facts while a draft, submitted
 * (every colour that departs from its suggestion justified; the program and portfolio managers
 * told), reopened for correction by the project office's PMO staff (the reason kept in the audit
 * trail), archived and restored.
 */
import type { StatusReportReopen } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../audit/audit';
import type { Tx } from '../db/connect';
import { AppError } from '../errors';
import { type Ctx, inTx } from '../http/context';
import { notifyUsers } from '../notify/notifications';
import { grantHolders } from '../notify/recipients';
import { earlierDay, type ProjectRow, todayIn } from './common';
import { NO_ENTERED } from './facts';
import { checkSubmission, type Dimensions, ragColumns } from './report-model';
import { reportForWrite, saveReport } from './report-store';
import { loadReach, periodKey, presentReports, type ReportRow, storedMetrics } from './report-view';
import { auditView, suggestFromFacts } from './reports';
import { thresholdsForProject } from './thresholds';

const overallOfRow = (row: ReportRow) => ({
  suggested: row.overallSuggested,
  rag: row.overallRag,
  justification: row.overallJustification,
});

async function present(ctx: Ctx, tx: Tx, row: ReportRow, project: ProjectRow) {
  return (await presentReports(ctx, tx, [row], project, todayIn(ctx.config.timeZone), true))[0]!;
}

/** Measures a draft's facts again (today, or its due date when that has passed) and suggests again. */
export async function refreshReport(ctx: Ctx, id: string, version: number) {
  await loadReach(ctx);
  const today = todayIn(ctx.config.timeZone);
  return inTx(ctx, async (tx) => {
    const { row, project } = await reportForWrite(ctx, tx, id, version, ['statusReport', 'update']);
    const metrics = storedMetrics(row);
    const asOf = earlierDay(today, row.dueOn);
    const s = await suggestFromFacts(
      tx,
      project.id,
      asOf,
      { ...NO_ENTERED, ...metrics.entered },
      {
        dims: row.dimensions as Dimensions,
        overall: overallOfRow(row),
      },
    );
    const after = await saveReport(tx, row, {
      asOf,
      ...ragColumns(s.dims, s.overall),
      dimensions: s.dims,
      metrics: { ...s.metrics, hint: metrics.hint } as unknown as Record<string, unknown>,
    });
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'statusReport',
      entityId: id,
      before: { ...auditView(row), asOf: row.asOf },
      after: { ...auditView(after), asOf, refreshed: true },
    });
    return present(ctx, tx, after, project);
  });
}

/** Submits a draft; the engine checks every override has its justification (errors name the field). */
export async function submitReport(ctx: Ctx, id: string, version: number) {
  await loadReach(ctx);
  return inTx(ctx, async (tx) => {
    const { row, project } = await reportForWrite(ctx, tx, id, version, ['statusReport', 'submit']);
    const thresholds = await thresholdsForProject(tx, project.id);
    const checked = checkSubmission(
      row.asOf,
      row.dimensions as Dimensions,
      overallOfRow(row),
      thresholds.overall,
    );
    if (!checked.ok) throw new AppError('validation_failed', checked.error.message, checked.error.field);
    const after = await saveReport(tx, row, {
      state: 'submitted',
      submittedAt: sql`coalesce(submitted_at, now())`,
      submittedBy: ctx.actor?.userId ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'statusReport',
      entityId: id,
      before: { state: row.state, version: row.version },
      after: auditView(after),
    });
    const key = periodKey(row.periodKind, row.periodStart);
    const managers = await grantHolders(tx, ['program_manager', 'portfolio_manager'], {
      officeId: project.officeId,
      portfolioId: project.portfolioId,
      programId: project.programId,
      projectId: project.id,
    });
    await notifyUsers(ctx, tx, {
      userIds: managers,
      kind: 'status.submitted',
      title: `${project.code} status ${key}: ${after.overallRag}`,
      body: `${project.name}: the status report for ${key} was submitted; overall ${after.overallRag}.`,
      link: `/projects/${project.id}?tab=status`,
      subjectType: 'statusReport',
      subjectId: id,
    });
    return present(ctx, tx, after, project);
  });
}

/** Opens a submitted report again for correction; its first submission date is kept. */
export async function reopenReport(ctx: Ctx, id: string, body: z.output<typeof StatusReportReopen>) {
  await loadReach(ctx);
  return inTx(ctx, async (tx) => {
    const { row, project } = await reportForWrite(
      ctx,
      tx,
      id,
      body.version,
      ['office', 'update'],
      'submitted',
    );
    const after = await saveReport(tx, row, { state: 'draft' });
    await recordAudit(tx, ctx, {
      action: 'update',
      entityType: 'statusReport',
      entityId: id,
      before: { state: row.state, version: row.version },
      after: { state: 'draft', reopened: true, reason: body.reason, version: after.version },
    });
    return present(ctx, tx, after, project);
  });
}

/** Archives (or restores) a report: it stays, with its history. */
export async function archiveReport(ctx: Ctx, id: string, version: number, restore = false) {
  await loadReach(ctx);
  return inTx(ctx, async (tx) => {
    const { row, project } = await reportForWrite(ctx, tx, id, version, ['statusReport', 'archive'], 'any');
    if (!restore && row.archivedAt) throw new AppError('archived', 'This status report is already archived');
    if (restore && !row.archivedAt) throw new AppError('invalid_state', 'This status report is not archived');
    const after = await saveReport(tx, row, { archivedAt: restore ? null : new Date() });
    await recordAudit(tx, ctx, {
      action: restore ? 'restore' : 'archive',
      entityType: 'statusReport',
      entityId: id,
      before: { archivedAt: row.archivedAt?.toISOString() ?? null, version: row.version },
      after: { archivedAt: after.archivedAt?.toISOString() ?? null, version: after.version },
    });
    return present(ctx, tx, after, project);
  });
}
