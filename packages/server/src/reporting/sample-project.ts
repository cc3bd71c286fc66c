/*
 * One sample project: twelve weeks of colours from a random walk (troubled projects walk worse),
 * the status report of the last week with metrics that agree with its colours, a few overrides
 * with their justification, registers and narrative, and its row in the portfolio table.
 */

import { periodOf } from '@pharos/engine';
import { prng } from '../demo/random';
import {
  type DecisionNeeded,
  type DeckProject,
  type IssueLine,
  type KeyMetrics,
  type ProjectStatusReport,
  RAG_DIMENSIONS,
  type Rag,
  type RagDimension,
  type RagHistoryPoint,
  type RagRating,
  type RatedDimension,
  type ReportState,
  type RiskLine,
} from './model';
import * as W from './sample-words';

const PERIODS = 12;
export const REPORT_DATE = '2026-11-20';
export const SCORE: Record<Rag, number> = { green: 0, amber: 1, red: 2 };
const OF_SCORE: Rag[] = ['green', 'amber', 'red'];

/** The demo's seeded generator (mulberry32): sample decks are the same on every machine. */
export const random = prng;
export type Random = ReturnType<typeof random>;

export const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The ISO week label of a date (the engine's weekly reporting period): 2026-11-20 → 2026-W47. */
export function isoWeek(iso: string): string {
  const p = periodOf(iso, { kind: 'weekly' });
  if (!p.ok) throw new RangeError(p.error.message);
  return p.value.key;
}

/** Twelve weekly colours per dimension: a walk that mostly stays, sometimes worsens or recovers. */
function walk(rnd: Random, troubled: boolean): Rag[] {
  const worsen = troubled ? 0.09 : 0.012;
  const recover = troubled ? 0.1 : 0.3;
  let s = rnd.next() < (troubled ? 0.35 : 0.03) ? 1 : 0;
  const out: Rag[] = [];
  for (let i = 0; i < PERIODS; i++) {
    const r = rnd.next();
    if (r < worsen) s = Math.min(2, s + 1);
    else if (r > 1 - recover * (s > 0 ? 1 : 0)) s -= 1;
    out.push(OF_SCORE[s]!);
  }
  return out;
}

/** Red when schedule or cost is red or two dimensions are; amber on any red or two ambers. */
function overallOf(dims: Record<RagDimension, RagRating>): Rag {
  const v = RAG_DIMENSIONS.map((d) => dims[d]);
  const reds = v.filter((x) => x === 'red').length;
  const ambers = v.filter((x) => x === 'amber').length;
  if (reds >= 2 || dims.schedule === 'red' || dims.cost === 'red') return 'red';
  if (reds === 1 || ambers >= 2 || dims.schedule === 'amber' || dims.cost === 'amber') return 'amber';
  return 'green';
}

function between(
  rnd: Random,
  rag: Rag,
  green: [number, number],
  amber: [number, number],
  red: [number, number],
) {
  const [lo, hi] = rag === 'green' ? green : rag === 'amber' ? amber : red;
  return Math.round((lo + rnd.next() * (hi - lo)) * 100) / 100;
}

function rated(rnd: Random, dim: RagDimension, rag: Rag, fill: Record<string, string>): RatedDimension {
  const reason = W.REASONS[dim][SCORE[rag]]!.replace(/\{(\w+)\}/g, (_, k: string) => fill[k] ?? '');
  if (rag !== 'green' && rnd.next() < 0.15) {
    return {
      suggested: rag,
      reported: OF_SCORE[SCORE[rag] - 1]!,
      reasons: [reason],
      justification: rnd.pick(W.JUSTIFICATIONS[dim]),
    };
  }
  return { suggested: rag, reported: rag, reasons: [reason], justification: null };
}

function sentences(rnd: Random, pool: readonly string[], n: number) {
  const start = rnd.int(0, pool.length - 1);
  return Array.from({ length: n }, (_, i) => pool[(start + i) % pool.length]).join(' ');
}

const asDims = <T>(f: (d: RagDimension) => T) =>
  Object.fromEntries(RAG_DIMENSIONS.map((d) => [d, f(d)])) as Record<RagDimension, T>;

function history(rnd: Random): RagHistoryPoint[] {
  const troubled = rnd.next() < 0.3;
  const walks = asDims(() => walk(rnd, troubled));
  return Array.from({ length: PERIODS }, (_, p) => {
    const dimensions = asDims((d) => walks[d][p]!);
    return {
      period: isoWeek(addDays(REPORT_DATE, -7 * (PERIODS - 1 - p))),
      overall: overallOf(dimensions),
      dimensions,
      spi: between(rnd, dimensions.schedule, [0.96, 1.08], [0.86, 0.95], [0.72, 0.84]),
      cpi: between(rnd, dimensions.cost, [0.96, 1.1], [0.86, 0.95], [0.7, 0.84]),
    };
  });
}

function registers(rnd: Random, i: number, overall: Rag, due: (weeks: number) => string) {
  const topRisks: RiskLine[] = Array.from({ length: rnd.int(2, 5) }, (_, k) => {
    const [title, response] = W.RISKS[(i + k * 3) % W.RISKS.length]!;
    const probability = rnd.int(2, 5);
    const impact = rnd.int(2, 5);
    const ref = `R-${i * 10 + k + 1}`;
    return {
      ref,
      title,
      owner: rnd.pick(W.LAST),
      probability,
      impact,
      score: probability * impact,
      response,
    };
  }).sort((a, b) => b.score - a.score);
  const topIssues: IssueLine[] = Array.from({ length: rnd.int(1, 4) }, (_, k) => {
    const overdue = rnd.next() < (overall === 'green' ? 0.1 : 0.45);
    return {
      ref: `I-${i * 10 + k + 1}`,
      title: W.ISSUES[(i + k * 5) % W.ISSUES.length]!,
      owner: `${rnd.pick(W.FIRST)} ${rnd.pick(W.LAST)}`,
      severity: overdue
        ? rnd.pick(['high', 'critical'] as const)
        : rnd.pick(['low', 'medium', 'high'] as const),
      due: overdue ? addDays(REPORT_DATE, -rnd.int(2, 20)) : due(rnd.int(1, 4)),
      overdue,
      escalated: overdue && rnd.next() < 0.3,
    };
  });
  const asked = overall === 'red' || (overall === 'amber' && rnd.next() >= 0.6);
  const decisionsNeeded: DecisionNeeded[] = !asked
    ? []
    : Array.from({ length: rnd.next() < 0.7 ? 1 : 2 }, (_, k) => ({
        ref: `D-${i * 10 + k + 1}`,
        title: W.DECISIONS[(i + k) % W.DECISIONS.length]!,
        decider: rnd.pick(['Steering committee', 'PMO board', 'Program board', 'Sponsor']),
        neededBy: due(rnd.int(0, 2)),
      }));
  return { topRisks, topIssues, decisionsNeeded };
}

function metrics(
  rnd: Random,
  now: RagHistoryPoint,
  overall: Rag,
  due: (weeks: number) => string,
): KeyMetrics {
  const spi = now.spi!;
  const cpi = now.cpi!;
  const budget = rnd.int(2, 2000) * 1_000_000; // 20 k to 20 M, in cents
  const pct = Math.min(98, Math.round(rnd.int(8, 95) * spi));
  const schedule = now.dimensions.schedule;
  const slipped = schedule === 'red' ? rnd.int(1, 3) : schedule === 'amber' ? 1 : 0;
  const next = due(2);
  return {
    spi,
    cpi,
    percentComplete: pct,
    currency: 'EUR',
    budget,
    actual: Math.round((budget * pct) / 100 / cpi),
    eac: Math.round(budget / cpi),
    nextMilestones: [
      {
        name: rnd.pick(['Design sign-off', 'UAT start', 'Go-live', 'Pilot', 'Data migration']),
        due: next,
        forecast: next,
        slipDays: 0,
      },
    ],
    slippedMilestones: Array.from({ length: slipped }, (_, k) => {
      const base = due(-k - 1);
      const slip = rnd.int(5, 30);
      const name = ['Integration test', 'Vendor delivery', 'Training complete'][k]!;
      return { name, due: base, forecast: addDays(base, slip), slipDays: slip };
    }),
    openRisks: {
      critical: overall === 'red' ? rnd.int(1, 2) : 0,
      high: rnd.int(0, 4),
      medium: rnd.int(1, 8),
      low: rnd.int(2, 10),
    },
    overdueIssues: 0,
  };
}

function deckRow(rnd: Random, report: ProjectStatusReport): DeckProject {
  const now = report.history.at(-1)!;
  const before = report.history.at(-2)!;
  const state: ReportState = rnd.next() < 0.05 ? 'missing' : rnd.next() < 0.08 ? 'late' : 'on-time';
  const change = SCORE[now.overall as Rag] - SCORE[before.overall as Rag];
  const missing = state === 'missing';
  const m = report.metrics;
  const row: DeckProject = {
    code: report.project.code,
    name: report.project.name,
    manager: report.project.manager,
    program: report.project.program,
    phase: report.project.phase,
    overall: missing ? before.overall : now.overall,
    previousOverall: before.overall,
    trend: missing || change === 0 ? 'steady' : change > 0 ? 'worsening' : 'improving',
    dimensions: missing ? before.dimensions : now.dimensions,
    spi: m.spi,
    cpi: m.cpi,
    percentComplete: m.percentComplete,
    budget: m.budget,
    eac: m.eac,
    lastReportDate: missing
      ? addDays(REPORT_DATE, -7)
      : state === 'late'
        ? addDays(REPORT_DATE, rnd.int(1, 3))
        : REPORT_DATE,
    reportState: state,
    needsAttention: false,
  };
  row.needsAttention = row.overall === 'red' || row.trend === 'worsening' || missing;
  return row;
}

/** The i-th sample project: its status report and its row in the portfolio table. */
export function sampleProject(rnd: Random, i: number, portfolio: string) {
  const name = `${rnd.pick(W.AREAS)} ${rnd.pick(W.ACTIONS)}`;
  const manager = `${rnd.pick(W.FIRST)} ${rnd.pick(W.LAST)}`;
  const hist = history(rnd);
  const now = hist.at(-1)!;
  const fill = { spi: now.spi!.toFixed(2), cpi: now.cpi!.toFixed(2) };
  const dimensions = asDims((d) => rated(rnd, d, now.dimensions[d] as Rag, fill));
  now.dimensions = asDims((d) => dimensions[d].reported);
  now.overall = overallOf(now.dimensions);
  const reported = now.overall;
  const suggested = overallOf(asDims((d) => dimensions[d].suggested));
  const due = (weeks: number) => addDays(REPORT_DATE, 7 * weeks + rnd.int(0, 6));
  const regs = registers(rnd, i, reported, due);
  const m = metrics(rnd, now, reported, due);
  m.overdueIssues = regs.topIssues.filter((x) => x.overdue).length;
  const pct = m.percentComplete ?? 0;
  const report: ProjectStatusReport = {
    project: {
      code: `PRJ-${String(i + 1).padStart(4, '0')}`,
      name,
      manager,
      sponsor: `${rnd.pick(W.FIRST)} ${rnd.pick(W.LAST)}`,
      office: 'Group PMO',
      program: rnd.pick(W.PROGRAMS),
      portfolio,
      phase: pct < 15 ? 'Planning' : pct > 90 ? 'Closing' : 'Execution',
    },
    period: {
      label: isoWeek(REPORT_DATE),
      cadence: 'weekly',
      start: addDays(REPORT_DATE, -4),
      end: addDays(REPORT_DATE, 2),
    },
    reportDate: REPORT_DATE,
    submittedBy: manager,
    overall: {
      suggested,
      reported,
      reasons: RAG_DIMENSIONS.filter(
        (d) => suggested !== 'green' && dimensions[d].suggested === suggested,
      ).map((d) => `${d[0]!.toUpperCase()}${d.slice(1)} is ${suggested}`),
      justification: suggested === reported ? null : 'it follows the overridden dimensions',
    },
    dimensions,
    narrative: {
      done: sentences(rnd, W.DONE, rnd.int(1, 3)),
      next: sentences(rnd, W.NEXT, rnd.int(1, 3)),
      issues: regs.topIssues.map((x) => `${x.title}.`).join(' '),
      helpNeeded: reported === 'green' ? 'None this period.' : rnd.pick(W.HELP),
    },
    metrics: m,
    ...regs,
    history: hist,
  };
  return { report, row: deckRow(rnd, report) };
}
