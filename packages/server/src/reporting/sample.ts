/*
 * Realistic, deterministic sample data for the renderers: the same (n, seed) always gives the
 * same deck. Used by the tests, the benchmark and for looking at the output; the real data comes
 * from the status-report service.
 */

import {
  type PortfolioDeck,
  type ProjectStatusReport,
  RAG_DIMENSIONS,
  type Rag,
  type RagRating,
} from './model';
import { addDays, isoWeek, REPORT_DATE, random, SCORE, sampleProject } from './sample-project';

export { isoWeek };

/** A deck of `n` projects as of week 2026-W47. */
export function demoDeck(n: number, seed = 1): PortfolioDeck {
  const rnd = random(seed);
  const made = Array.from({ length: n }, (_, i) => sampleProject(rnd, i, 'Group Change Portfolio'));
  const rows = made.map((m) => m.row);
  const counts: Record<RagRating, number> = { red: 0, amber: 0, green: 0, unknown: 0 };
  for (const r of rows) counts[r.overall]++;
  const attention = made
    .filter((m) => m.row.needsAttention)
    .sort(
      (a, b) =>
        SCORE[b.row.overall as Rag] - SCORE[a.row.overall as Rag] || a.row.code.localeCompare(b.row.code),
    );
  const movers = made
    .filter((m) => m.row.trend === 'worsening')
    .sort((a, b) => SCORE[b.row.overall as Rag] - SCORE[a.row.overall as Rag])
    .slice(0, 8);
  const worstDim = (r: ProjectStatusReport) =>
    RAG_DIMENSIONS.reduce((w, d) =>
      SCORE[r.dimensions[d].reported as Rag] > SCORE[r.dimensions[w].reported as Rag] ? d : w,
    );
  return {
    portfolio: { code: 'GCP', name: 'Group Change Portfolio', kind: 'portfolio', office: 'Group PMO' },
    period: made[0]?.report.period ?? {
      label: isoWeek(REPORT_DATE),
      cadence: 'weekly',
      start: REPORT_DATE,
      end: REPORT_DATE,
    },
    reportDate: REPORT_DATE,
    currency: 'EUR',
    rollup: 'worst',
    projects: rows,
    counts,
    worstMovers: movers.map(({ row, report }) => ({
      code: row.code,
      name: row.name,
      from: row.previousOverall,
      to: row.overall,
      why:
        report.dimensions[worstDim(report)].justification ??
        report.dimensions[worstDim(report)].reasons[0] ??
        '',
    })),
    redDimensions: made.flatMap(({ row, report }) =>
      RAG_DIMENSIONS.filter((d) => row.dimensions[d] === 'red').map((d) => ({
        code: row.code,
        name: row.name,
        dimension: d,
        why: report.dimensions[d].reasons[0] ?? '',
      })),
    ),
    escalations: made.flatMap(({ row, report }) =>
      report.topIssues
        .filter((x) => x.escalated)
        .map((x) => ({
          ref: x.ref,
          title: x.title,
          code: row.code,
          kind: 'issue' as const,
          fromOffice: `${report.project.program} PO`,
          toOffice: 'Group PMO',
          since: x.due ?? REPORT_DATE,
          owner: x.owner,
        })),
    ),
    decisionsWaiting: made.flatMap(({ row, report }) =>
      report.decisionsNeeded.map((x) => ({
        ...x,
        code: row.code,
        raised: addDays(REPORT_DATE, -7 * (1 + (x.title.length % 3))),
      })),
    ),
    lateReports: rows
      .filter((r) => r.reportState !== 'on-time')
      .map((r) => ({
        code: r.code,
        name: r.name,
        manager: r.manager,
        due: REPORT_DATE,
        state: r.reportState as 'late' | 'missing',
        daysLate: r.reportState === 'missing' ? 4 : 1 + (r.code.charCodeAt(7) % 3),
      })),
    attention: attention.map((m) => m.report),
  };
}

/** One project's status report with something to say (amber or red, with an override). */
export function demoReport(seed = 7): ProjectStatusReport {
  const deck = demoDeck(40, seed);
  const withOverride = deck.attention.find((r) => RAG_DIMENSIONS.some((d) => r.dimensions[d].justification));
  return withOverride ?? deck.attention[0]!;
}
