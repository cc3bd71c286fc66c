/*
 * A year of status reports for every project that ran in it: one per reporting period of its
 * office, with the facts measured that week, the engine's RAG suggestion and reasons, the
 * manager's rating (a few overrides, always justified), a narrative and the key metrics. Most
 * reports are filed on time, about 5 % late, a few weeks never; the current period is partly
 * filed, partly in draft, partly not started. Pure and fast (about 20 µs a report: 10,000
 * projects × 52 weeks in about ten seconds on two cores), in batches so a benchmark can insert
 * them as they come without holding them all.
 */
import { RAG_DIMENSIONS, type RagDimension, type StatusFacts } from '@pharos/engine';
import type { statusReports } from '../db/schema/index';
import type { RagText, ReportDimensionData } from '../db/schema/status';
import { type ProjectModel, projectModel, type WeekFacts, weekFacts } from './history-facts';
import { historyContext, isoOf, type Project, remember, streamFor, uuidOf } from './history-parts';
import { type DimensionRating, ownMemo, RagMemo } from './history-rag';
import { raidEvents } from './history-raid-story';
import { factsOf, ruleFacts } from './history-rule-facts';
import { HISTORY_SEED, type HistoryWorld, historyWorld, stamp, weekOf } from './history-story';
import { narrative } from './status-narrative';
import { type Episode, override, overrideEpisodes } from './status-overrides';
import {
  cadences,
  type SettingsRow,
  statusSettings,
  type ThresholdsRow,
  thresholdRows,
  thresholdsOf,
} from './status-settings';
import type { GeneratedOrg } from './types';

export type StatusReportRow = typeof statusReports.$inferInsert & {
  id: string;
  /** The facts the suggestion was made from (only with `withFacts`, for tests; not a column). */
  facts?: StatusFacts;
};

export interface StatusHistoryOptions {
  /** Periods of history up to today (52 weekly ones by default). */
  weeks?: number;
  /** Every office weekly (the benchmark's 52 reports per project). */
  weeklyOnly?: boolean;
  /** Every project not completed or cancelled reports every period, whatever its dates (the benchmark's load). */
  everyWeek?: boolean;
  /** Keep each report's facts on the row as `facts` (for tests: not a column). */
  withFacts?: boolean;
  /** Reports of the last this many weeks keep their facts in `metrics` (4 by default; 0: none). */
  factsWeeks?: number;
}

export interface StatusHistory {
  settings: SettingsRow[];
  thresholds: ThresholdsRow[];
  reports: StatusReportRow[];
}

export function generateStatusHistory(
  org: GeneratedOrg,
  today: Date | string = new Date(),
  seed = HISTORY_SEED,
  opts: StatusHistoryOptions = {},
): StatusHistory {
  const source = statusHistorySource(org, today, seed, opts);
  const reports: StatusReportRow[] = [];
  for (const batch of source.batches()) for (const row of batch) reports.push(row);
  return { settings: source.settings, thresholds: source.thresholds, reports };
}

/** The same history, produced a batch of projects at a time (for inserting as it is made). */
export function statusHistorySource(
  org: GeneratedOrg,
  today: Date | string = new Date(),
  seed = HISTORY_SEED,
  opts: StatusHistoryOptions = {},
) {
  const world = historyWorld(historyContext(org), today, seed, opts.weeks ?? 52, opts.everyWeek);
  const settings = statusSettings(world.ctx, opts.weeklyOnly);
  const cadenceOf = cadences(world.ctx, settings, world.win);
  const memos = new Map<string, RagMemo>();
  const memoOf = (type: string) => remember(memos, type, () => new RagMemo(thresholdsOf(type)));
  return {
    world,
    settings,
    thresholds: thresholdRows(world.ctx),
    /** suggestRag calls made so far (distinct measurements). */
    suggestCalls: () => [...memos.values()].reduce((n, m) => n + m.calls, 0),
    /** Ratings remembered per project type and dimension (how well the memo works). */
    remembered: () => [...memos.values()].map((m) => m.sizes),
    *batches(projectsPerBatch = 500): Generator<StatusReportRow[]> {
      let batch: StatusReportRow[] = [];
      for (let i = 0; i < org.projects.length; i++) {
        const p = org.projects[i]!;
        projectReports(world, p, cadenceOf(p.officeId), memoOf(world.ctx.typeCode(p)), opts, batch);
        if ((i + 1) % projectsPerBatch === 0 && batch.length > 0) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },
  };
}

function projectReports(
  world: HistoryWorld,
  p: Project,
  cadence: ReturnType<ReturnType<typeof cadences>>,
  memo: RagMemo,
  opts: StatusHistoryOptions,
  out: StatusReportRow[],
) {
  const { win, ctx } = world;
  const s = world.story(p);
  if (s.reportFrom === null || s.reportTo === null || !p.managerId) return;
  const m = projectModel(s, raidEvents(ctx, s, win, world.seed), win.today);
  const r = streamFor(world.seed, 3, p.id);
  const episodes = overrideEpisodes(m, win.weeks, r);
  const periods = cadence.periods;
  const current = periods.length - 1;
  // Scope and risk reasons name this project's changes, risks and issues: remembered per project.
  const own = ownMemo();
  const suggested = {} as Record<RagDimension, DimensionRating>;
  let f: WeekFacts;
  let previousNext = '';
  const keys = new Float64Array(13);
  const hints = new Map<string, { previousNext: string }>();
  const factsWeeks = opts.factsWeeks ?? 4;
  const factsOfRule = (rule: number) => ruleFacts(m, f, rule);
  for (let k = 0; k < periods.length; k++) {
    const { start, end } = periods[k]!;
    if (end < s.reportFrom || start > s.reportTo) continue;
    const due = end + cadence.dueDays;
    // When the manager files it, if at all.
    const u = r.next();
    let filed: number | null;
    let draft = false;
    if (k === current) {
      // The demo project manager's first project has this week's report started, waiting for them.
      const waiting = p.id === world.showcaseProject;
      const kept = !waiting && (s.kind === 'deteriorating' || u < 0.6);
      filed = kept ? Math.min(win.today, end - r.int(1, 3)) : null;
      draft = waiting || (!kept && u < 0.78);
      if (filed !== null && filed < start) [filed, draft] = [null, true];
    } else {
      const missing = s.kind === 'deteriorating' && k === current - 1 ? 0 : k === current - 1 ? 0.06 : 0.015;
      const late = k === current - 1 ? 0.06 : 0.05;
      filed = u < missing ? null : u < missing + late ? due + r.int(1, 5) : end - r.int(0, 3);
      if (filed !== null && filed > win.today) filed = null;
    }
    if (filed === null && !draft) continue;
    const day = Math.min(filed ?? win.today, end, s.reportTo);
    const week = weekOf(win, day);
    f = weekFacts(m, win, day, memo.thresholds, keys);
    const asOf = f.asOf;
    memo.rate(f.keys, own, asOf, factsOfRule, suggested);
    const dims = {} as Record<RagDimension, ReportDimensionData>;
    const ratings = {} as Record<RagDimension, RagText>;
    for (const d of RAG_DIMENSIONS) {
      dims[d] = suggested[d].stored;
      ratings[d] = suggested[d].rag;
    }
    let overallSuggested = memo.overall(ratings);
    let overallRag = overallSuggested;
    let overallJustification = '';
    let episode: Episode | undefined;
    for (const e of episodes)
      if (week >= e.from && week <= e.to) {
        episode = e;
        break;
      }
    if (episode) {
      const reported = override(memo, suggested, episode, asOf);
      if (reported) {
        for (const d of RAG_DIMENSIONS) {
          const x = reported.dimensions[d];
          if (!x.overridden) continue;
          dims[d] = {
            suggested: x.suggested,
            reasons: suggested[d].reasons,
            rag: x.rag,
            justification: x.justification!,
          };
          ratings[d] = x.rag;
        }
        overallSuggested = reported.overall.suggested;
        overallRag = reported.overall.rag;
        overallJustification = reported.overall.justification ?? '';
      }
    }
    const submitted = filed !== null;
    const hour = 9 + 8 * r.next();
    const submittedAt = submitted ? stamp(win, filed!, hour) : null;
    const createdAt = stamp(win, (filed ?? win.today) - r.int(0, 1), 8 + r.next());
    const final = s.endedOn !== null && s.project.status === 'completed' && end >= s.reportTo;
    const row: StatusReportRow = {
      id: uuidOf(r),
      projectId: p.id,
      periodKind: cadence.kind,
      periodStart: isoOf(start),
      periodEnd: isoOf(end),
      dueOn: isoOf(due),
      asOf,
      state: submitted ? 'submitted' : 'draft',
      overallSuggested,
      overallRag,
      overallJustification,
      scheduleRag: ratings.schedule,
      costRag: ratings.cost,
      scopeRag: ratings.scope,
      riskRag: ratings.risk,
      qualityRag: ratings.quality,
      resourcesRag: ratings.resources,
      dimensions: dims,
      narrative: narrative(ctx, { m, f, day, week, ratings, overall: overallRag, final }),
      metrics: metricsOf(
        m,
        f,
        hintOf(hints, previousNext),
        day > win.today - 7 * factsWeeks ? factsOf(m, f) : null,
      ),
      authorId: p.managerId,
      submittedAt,
      submittedBy: submitted ? p.managerId : null,
      version: submitted ? 2 : 1,
      createdAt: createdAt > (submittedAt ?? createdAt) ? submittedAt! : createdAt,
      updatedAt: submittedAt ?? createdAt,
    };
    if (opts.withFacts) row.facts = factsOf(m, f);
    previousNext = row.narrative.next;
    out.push(row);
  }
}

/** One hint object per distinct text of a project (most weeks repeat a phrase). */
function hintOf(hints: Map<string, { previousNext: string }>, previousNext: string) {
  return remember(hints, previousNext, () => ({ previousNext }));
}

const bits = (n: number) => {
  let c = 0;
  for (let x = n; x > 0; x >>= 1) c += x & 1;
  return c;
};

/**
 * What the status service keeps in `metrics` (status/report-view.ts StoredMetrics): the figures
 * entered, the counts measured, the previous report's next steps, and (on recent reports) the
 * facts themselves.
 */
function metricsOf(m: ProjectModel, f: WeekFacts, hint: { previousNext: string }, facts: StatusFacts | null) {
  const c = f.counts;
  const metrics: Record<string, unknown> = {
    currency: 'EUR',
    entered: { actualCost: f.actualCost, eac: f.eac, percentComplete: f.percentComplete },
    measured: {
      currency: 'EUR',
      budget: f.budget,
      spi: m.s.hasEarnedValue ? f.spi : null,
      finishVarianceDays: f.finishVarianceDays,
      milestones: m.milestones.length,
      slippedMilestones: bits(f.slipped),
      openRisks: f.openRisks.length,
      highRisks: c.high,
      openIssues: f.openIssues.length,
      overdueIssues: c.overdue,
      escalatedIssues: c.escalated,
      criticalIssues: c.critical,
      approvedChanges: c.changes,
      approvedChangePercent: Math.round(c.changeSize * 10) / 10,
      failedGateItems: f.failedGateItems,
    },
    hint,
  };
  if (facts) metrics.facts = facts;
  return metrics;
}
