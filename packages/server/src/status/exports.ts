/*
 * Status exports from real data (C7, C12) through the renderers of reporting/: a submitted report
 * as PDF; a portfolio's or program's deck as PowerPoint (summary, health table, one slide per
 * project needing attention); a scope's health table as Excel. The deck and the table are filled
 * from the scope's roll-up window, the dashboard's sections and the reports themselves.
 */
import type { HealthScopeKind } from '@pharos/api';
import { sql } from 'drizzle-orm';
import { AppError, notFound } from '../errors';
import type { Ctx } from '../http/context';
import { covers } from '../policy/reach';
import { healthTableXlsx, portfolioDeckPptx, statusReportPdf, statusReportsPdf } from '../reporting/index';
import { deckFacts, deckModel, SCORE } from './exports-deck';
import { reportModels } from './exports-model';
import { scopeWindow } from './rollup';

export interface ExportFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export const CONTENT = {
  pdf: 'application/pdf',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const safe = (s: string) => s.replace(/[^\w.-]+/g, '_');

/** A report the caller may read, or not found. */
async function readableReport(ctx: Ctx, where: { id: string } | { projectId: string }) {
  const cond =
    'id' in where
      ? sql`r.id = ${where.id} and r.state = 'submitted'`
      : sql`r.id = (select report_id from project_health h where h.project_id = ${where.projectId})`;
  const res = await ctx.db.execute<{
    id: string;
    code: string;
    period_start: string;
    office_id: string;
    portfolio_id: string | null;
    program_id: string | null;
    project_id: string;
  }>(sql`
    select r.id, r.project_id, r.period_start::text as period_start, p.code, p.office_id, p.portfolio_id, p.program_id
    from status_reports r join projects p on p.id = r.project_id
    where ${cond} and r.archived_at is null`);
  const row = res.rows[0];
  const reach = await ctx.access.reach('statusReport', 'read');
  if (
    !row ||
    !covers(reach, {
      office: row.office_id,
      portfolio: row.portfolio_id,
      program: row.program_id,
      project: row.project_id,
    })
  )
    throw notFound('id' in where ? 'Submitted status report' : 'A submitted status report of this project');
  return row;
}

/** A submitted report as PDF (by its id, or a project's latest). */
export async function reportPdf(
  ctx: Ctx,
  where: { id: string } | { projectId: string },
): Promise<ExportFile> {
  const row = await readableReport(ctx, where);
  const [model] = await reportModels(ctx.db, [row.id]);
  return {
    body: await statusReportPdf(model!),
    contentType: CONTENT.pdf,
    fileName: `${safe(row.code)}-status-${model!.period.label}.pdf`,
  };
}

export async function healthDeck(
  ctx: Ctx,
  q: { scope: 'portfolio' | 'program'; id: string; period?: string | undefined },
): Promise<ExportFile> {
  const deck = await deckModel(ctx, q, true);
  return {
    body: await portfolioDeckPptx(deck),
    contentType: CONTENT.pptx,
    fileName: `${safe(deck.portfolio.code)}-status-${deck.period.label}.pptx`,
  };
}

export async function healthTable(
  ctx: Ctx,
  q: { scope: HealthScopeKind; id?: string | undefined; period?: string | undefined },
): Promise<ExportFile> {
  const deck = await deckModel(ctx, q, false);
  return {
    body: await healthTableXlsx(deck),
    contentType: CONTENT.xlsx,
    fileName: `${safe(deck.portfolio.code)}-health-${deck.period.label}.xlsx`,
  };
}

/**
 * The reports of a scope's projects for the period in one PDF, worst first (the command line's
 * `--format pdf`): every project that filed one, each starting on a new page.
 */
export async function healthReportsPdf(
  ctx: Ctx,
  q: { scope: HealthScopeKind; id?: string | undefined; period?: string | undefined },
): Promise<ExportFile> {
  const deck = await deckModel(ctx, q, false);
  const sw = await scopeWindow(ctx, { ...q, periods: 13 });
  const ids = (
    await deckFacts(
      ctx,
      sw,
      sw.projects.map((p) => p.id),
    )
  ).values();
  const byCode = new Map(deck.projects.map((p, i) => [p.code, i]));
  const reports = [...ids].flatMap((f) => (f.report_id ? [f.report_id as string] : []));
  const models = (await reportModels(ctx.db, reports)).sort(
    (a, b) =>
      SCORE[b.overall.reported] - SCORE[a.overall.reported] ||
      (byCode.get(a.project.code) ?? 0) - (byCode.get(b.project.code) ?? 0),
  );
  if (models.length === 0)
    throw new AppError(
      'not_found',
      `No project of ${deck.portfolio.name} filed a report for ${deck.period.label}`,
    );
  return {
    body: await statusReportsPdf(models),
    contentType: CONTENT.pdf,
    fileName: `${safe(deck.portfolio.code)}-reports-${deck.period.label}.pdf`,
  };
}

/** A portfolio's or program's id by its code, or not found. */
export async function scopeByCode(ctx: Ctx, kind: 'portfolio' | 'program', code: string): Promise<string> {
  const table = kind === 'portfolio' ? sql`portfolios` : sql`programs`;
  const res = await ctx.db.execute<{ id: string }>(
    sql`select id from ${table} where code = ${code} and archived_at is null`,
  );
  const id = res.rows[0]?.id;
  if (!id) throw new AppError('not_found', `No ${kind} with code ${code}`, kind);
  return id;
}
