/* Status reports as the API shows them: period named, colours with their override flag, names, abilities. */
import type { StatusReportT } from '@pharos/api';
import { periodOf, RAG_DIMENSIONS, type ReportingCadence, type StatusFacts } from '@pharos/engine';
import type { Tx } from '../db/connect';
import type { statusReports } from '../db/schema/index';
import type { Ctx } from '../http/context';
import { labelsOf } from '../registry/labels';
import { type ProjectRow, projectAnchors } from './common';
import type { EnteredMetrics } from './facts';
import { type Dimensions, isOwnColour } from './report-model';
import { thresholdsForProject } from './thresholds';

export type ReportRow = typeof statusReports.$inferSelect;

/** What a report keeps in `metrics`: the facts as measured, what the manager entered, what is shown. */
export interface StoredMetrics {
  /** Null on a report written without them (imported, or the demo's history). */
  facts: StatusFacts | null;
  currency: string | null;
  entered: EnteredMetrics;
  measured: StatusReportT['metrics']['measured'];
  hint: { previousNext: string };
}

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const int = (v: unknown) => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/**
 * A report's metrics in the shape above. A report written elsewhere may keep them flat
 * (`{ currency, budget, actualCost, eac, percentComplete, spi, openRisks, … }`): read them so.
 */
export function storedMetrics(row: Pick<ReportRow, 'metrics'>): StoredMetrics {
  const m = (row.metrics ?? {}) as Record<string, unknown>;
  const entered = (m.entered ?? m) as Record<string, unknown>;
  const measured = (m.measured ?? m) as Record<string, unknown>;
  return {
    facts: (m.facts as StatusFacts | undefined) ?? null,
    currency: (m.currency as string | undefined) ?? (measured.currency as string | undefined) ?? null,
    entered: {
      actualCost: int(entered.actualCost),
      eac: int(entered.eac),
      percentComplete: num(entered.percentComplete),
    },
    measured: {
      currency: typeof measured.currency === 'string' ? measured.currency : null,
      budget: int(measured.budget),
      spi: num(measured.spi),
      finishVarianceDays: num(measured.finishVarianceDays),
      milestones: int(measured.milestones),
      slippedMilestones: int(measured.slippedMilestones),
      openRisks: int(measured.openRisks),
      highRisks: int(measured.highRisks),
      openIssues: int(measured.openIssues),
      overdueIssues: int(measured.overdueIssues),
      escalatedIssues: int(measured.escalatedIssues),
      criticalIssues: int(measured.criticalIssues),
      approvedChanges: int(measured.approvedChanges),
      approvedChangePercent: num(measured.approvedChangePercent),
      failedGateItems: int(measured.failedGateItems),
    },
    hint: { previousNext: String((m.hint as { previousNext?: unknown } | undefined)?.previousNext ?? '') },
  };
}

/** The permissions a report's abilities read: ask before a transaction (one connection on PGlite). */
export async function loadReach(ctx: Ctx) {
  for (const action of ['read', 'update', 'submit', 'archive'] as const)
    await ctx.access.reach('statusReport', action);
  await ctx.access.reach('office', 'update');
}

/** A period's key (2025-W03, 2025-03, or a bi-weekly period's first day). */
export function periodKey(kind: string, start: string) {
  const cadence = (kind === 'biweekly' ? { kind, anchor: start } : { kind }) as ReportingCadence;
  const p = periodOf(start, cadence);
  return p.ok ? p.value.key : start;
}

export async function presentReports(
  ctx: Ctx,
  db: Tx,
  rows: readonly ReportRow[],
  project: ProjectRow,
  today: string,
  inTransaction = false,
): Promise<StatusReportT[]> {
  if (rows.length === 0) return [];
  const anchors = projectAnchors(project);
  const can = {
    update: await ctx.access.can('statusReport', 'update', anchors),
    submit: await ctx.access.can('statusReport', 'submit', anchors),
    archive: await ctx.access.can('statusReport', 'archive', anchors),
    reopen: await ctx.access.can('office', 'update', { office: project.officeId }),
  };
  const rule = (await thresholdsForProject(db, project.id)).overall;
  const names = await labelsOf(
    db,
    inTransaction ? null : ctx.reads,
    { authorId: 'user', submittedBy: 'user' },
    rows,
  );
  return rows.map((row, i) => {
    const dims = row.dimensions as Dimensions;
    const metrics = storedMetrics(row);
    const draft = row.state === 'draft' && !row.archivedAt;
    const submittedOn = row.submittedAt?.toISOString().slice(0, 10) ?? null;
    return {
      id: row.id,
      version: row.version,
      archivedAt: row.archivedAt?.toISOString() ?? null,
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      projectId: row.projectId,
      period: {
        kind: row.periodKind as 'weekly' | 'biweekly' | 'monthly',
        key: periodKey(row.periodKind, row.periodStart),
        start: row.periodStart,
        end: row.periodEnd,
      },
      dueOn: row.dueOn,
      asOf: row.asOf,
      state: row.state,
      overall: {
        suggested: row.overallSuggested,
        rag: row.overallRag,
        justification: row.overallJustification,
        overridden: isOwnColour({ rag: row.overallRag, suggested: row.overallSuggested }),
      },
      dimensions: Object.fromEntries(
        RAG_DIMENSIONS.map((d) => [
          d,
          {
            ...dims[d],
            reasons: dims[d].reasons,
            overridden: isOwnColour(dims[d]) && dims[d].suggested !== 'unknown',
          },
        ]),
      ) as StatusReportT['dimensions'],
      overallRule: rule,
      narrative: row.narrative,
      hint: metrics.hint,
      metrics: { entered: metrics.entered, measured: metrics.measured },
      authorId: row.authorId,
      submittedAt: row.submittedAt?.toISOString() ?? null,
      submittedBy: row.submittedBy,
      late: submittedOn ? submittedOn > row.dueOn : today > row.dueOn,
      labels: names[i]!,
      abilities: {
        update: can.update && draft,
        submit: can.submit && draft,
        reopen: can.reopen && row.state === 'submitted' && !row.archivedAt,
        archive: can.archive,
      },
    };
  });
}
