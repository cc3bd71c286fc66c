/*
 * What a project manager's tools would have measured on a report date: the facts of the RAG rules
 * (SPI, milestones, finish variance, CPI, burn, EAC, approved changes, open risks and issues,
 * defects, the latest gate review, staffing), from the project's story. Money is in minor units
 * and actual cost and EAC are whole percents of the budget (a multiple of €10,000), so the
 * engine's percentages are exact whole points, shared between reports.
 */
import type { RagThresholds } from '@pharos/engine';
import { clamp, dayOf, isoOf, round2 } from './history-parts';
import { milestoneNames } from './history-phrases';
import type { IssueEvent, RaidEvents } from './history-raid-story';
import { approvedAt, healthAt, type ProjectStory, percentAt, type Window } from './history-story';

/** How long each phase lasts, as shares of the whole (initiation … closing). */
const PHASE_SHARE = [0.08, 0.17, 0.45, 0.18, 0.12];
export const CRITICAL = 3; // the go-live milestone, at the gate into monitoring

interface Milestone {
  id: string;
  name: string;
  /** Baseline day. */
  baseline: number;
  /** Achieved on (the day its gate was passed), null when still open. */
  achieved: number | null;
}

/** What is worked out once per project and read every week. */
export interface ProjectModel {
  s: ProjectStory;
  raid: RaidEvents;
  milestones: Milestone[];
  /** Day each open issue first rose above the project, or +∞. */
  escalatedOn: Float64Array;
  /** Gate reviews decided, by day: [day, failed items]. */
  decided: [number, number][];
  /** Days the project entered each phase (index in PHASES), +∞ when not yet. */
  entered: number[];
}

/** `today`: the day the history ends. */
export function projectModel(s: ProjectStory, raid: RaidEvents, today: number): ProjectModel {
  const names = milestoneNames(s.type);
  const entered = [s.start, ...Array.from({ length: 5 }, () => Number.POSITIVE_INFINITY)];
  const decided: [number, number][] = [];
  for (const g of s.gates)
    for (const rv of g.reviews) {
      if (rv.decidedOn === null) continue;
      decided.push([rv.decidedOn, rv.failed]);
      if (rv.decision === 'go') entered[g.to] = rv.decidedOn;
    }
  decided.sort((a, b) => a[0] - b[0]);
  // Milestones passed keep the gate's day (some a few weeks late on their baseline); those ahead
  // share the time left to the approved finish, the current phase counted half done.
  const ahead = entered.findIndex((d, i) => i > 0 && !Number.isFinite(d)) - 1;
  const left =
    ahead < 0 ? 0 : 0.5 * PHASE_SHARE[ahead]! + PHASE_SHARE.slice(ahead + 1).reduce((a, b) => a + b, 0);
  const from = Math.min(today, s.finish);
  const milestones: Milestone[] = [];
  for (let j = 0; j < 5; j++) {
    const achieved = Number.isFinite(entered[j + 1]!) ? entered[j + 1]! : null;
    const share =
      ahead < 0 || j < ahead
        ? 0
        : 0.5 * PHASE_SHARE[ahead]! + PHASE_SHARE.slice(ahead + 1, j + 1).reduce((a, b) => a + b, 0);
    const planned = Math.round(from + ((s.finish - from) * share) / (left || 1));
    const late = achieved !== null && s.r.next() < 0.25 ? 7 * s.r.int(1, 3) : 0;
    milestones.push({
      id: `m${j + 1}`,
      name: names[j]!,
      baseline: achieved !== null ? achieved - late : planned,
      achieved,
    });
  }
  const escalatedOn = Float64Array.from(raid.issues, (i: IssueEvent) =>
    i.trail.length > 0 ? dayOf(i.trail[0]!.on) : Number.POSITIVE_INFINITY,
  );
  return { s, raid, milestones, escalatedOn, decided, entered };
}

export interface WeekFacts {
  day: number;
  asOf: string;
  /** The phase (index in PHASES) on the day. */
  phase: number;
  percentComplete: number;
  budget: number;
  actualCost: number;
  eac: number;
  cpi: number;
  spi: number;
  baselineFinish: number;
  finishVarianceDays: number;
  /** Forecast day of each milestone. */
  forecasts: number[];
  /** Indexes of the open risks and issues, and whether each open issue had risen above the project. */
  openRisks: number[];
  openIssues: number[];
  escalated: boolean[];
  defects: number | null;
  failedGateItems: number | null;
  overAllocation: number;
  unfilled: number;
  /** What each rule read, as one number (NaN: not measured); see history-rag.ts. */
  keys: Float64Array;
  /** The counts a report shows (status/facts.ts measuredMetrics). */
  counts: {
    high: number;
    overdue: number;
    escalated: number;
    critical: number;
    changes: number;
    changeSize: number;
  };
  /** The slipped milestones (bit j for milestone j) and the critical one's days late. */
  slipped: number;
  criticalLate: number;
}

/** The measurements of a day, with the keys of their reasons; the facts themselves only on demand. */
export function weekFacts(
  m: ProjectModel,
  win: Window,
  day: number,
  t: RagThresholds,
  keys = new Float64Array(13),
): WeekFacts {
  const { s } = m;
  let phase = 0;
  while (phase < 5 && m.entered[phase + 1]! <= day) phase++;
  const hs = healthAt(s, win, 0, day);
  const hc = healthAt(s, win, 1, day);
  const hq = healthAt(s, win, 4, day);
  const hr = healthAt(s, win, 5, day);
  const ev = s.hasEarnedValue;

  // Schedule: SPI, milestones against their baselines, the forecast finish.
  const spi = round2(clamp(1.1 - 0.36 * hs, 0.55, 1.2));
  const finishVarianceDays = 7 * Math.max(0, Math.round((hs - 0.56) * 10));
  const slipNext = 7 * Math.max(0, Math.round((hs - 0.48) * 8));
  const forecasts: number[] = [];
  let slipped = 0;
  let criticalLate = 0;
  let upcoming = true;
  for (let j = 0; j < m.milestones.length; j++) {
    const ms = m.milestones[j]!;
    const done = ms.achieved !== null && ms.achieved <= day;
    const forecast = done
      ? ms.achieved!
      : ms.baseline + (j === CRITICAL ? finishVarianceDays : upcoming ? slipNext : 0);
    if (!done) upcoming = false;
    forecasts.push(forecast);
    const late = Math.max(forecast, day) - ms.baseline;
    if (!done && late > t.schedule.milestoneToleranceDays) {
      slipped |= 1 << j;
      if (j === CRITICAL) criticalLate = late;
    }
  }
  const { budget, finish: baselineFinish } = approvedAt(s, day);

  const cpi = round2(clamp(1.09 - 0.33 * hc, 0.6, 1.2));
  const percentComplete = percentAt(s, win, day);
  const unit = budget / 1000;
  // Actual cost and EAC in whole percent of the budget: burn and overrun are whole points.
  const spent = Math.round(percentComplete / cpi);
  const overrun = Math.round(60 * (1 / cpi - 1) * Math.min(1, percentComplete / 25));
  const actualCost = unit * 10 * spent;
  const eac = unit * 10 * (100 + overrun);

  // Changes in the rule's window, risks scoring high, issues overdue, escalated or critical: by index.
  const counts = { high: 0, overdue: 0, escalated: 0, critical: 0, changes: 0, changeSize: 0 };
  let scopeKey = 0;
  for (let k = 0; k < s.changes.length; k++) {
    const c = s.changes[k]!;
    if (c.state === 'approved' && c.decidedOn! <= day && c.decidedOn! > day - t.scope.windowDays) {
      scopeKey += 2 ** k;
      counts.changes++;
      counts.changeSize += Math.abs(c.sizePercent ?? 0);
    }
  }
  const openRisks: number[] = [];
  let highKey = 0;
  for (let k = 0; k < m.raid.risks.length; k++) {
    const x = m.raid.risks[k]!;
    if (x.openedOn > day || (x.closedOn !== null && x.closedOn <= day)) continue;
    openRisks.push(k);
    if (x.score >= t.risk.highRiskScore) {
      highKey += 2 ** k;
      counts.high++;
    }
  }
  let issueKey = 0;
  const openIssues: number[] = [];
  const escalated: boolean[] = [];
  for (let k = 0; k < m.raid.issues.length; k++) {
    const x = m.raid.issues[k]!;
    if (x.openedOn > day || (x.closedOn !== null && x.closedOn <= day)) continue;
    const up = m.escalatedOn[k]! <= day;
    openIssues.push(k);
    escalated.push(up);
    issueKey += ((x.due < day ? 1 : 0) + (up ? 2 : 0) + (x.severity === 'critical' ? 4 : 0)) * 8 ** k;
    if (x.due < day) counts.overdue++;
    if (up) counts.escalated++;
    if (x.severity === 'critical') counts.critical++;
  }

  let failedGateItems: number | null = null;
  for (const [on, n] of m.decided) if (on <= day) failedGateItems = n;
  const defects = s.hasDefects && phase >= 2 ? Math.max(0, Math.round((hq - 0.42) * 7)) : null;
  const overAllocation = Math.max(0, Math.round((hr - 0.3) * 45));
  const unfilled = Math.max(0, Math.round((hr - 0.35) * 40));
  // What each rule read, into the caller's buffer (one per project, reused every week).
  keys.set([
    ev ? Math.round(spi * 100) : Number.NaN,
    slipped * 100_000 + criticalLate,
    finishVarianceDays,
    ev ? Math.round(cpi * 100) : Number.NaN,
    // The engine's burn and overrun percentages are these whole points, whatever the budget.
    spent - percentComplete,
    overrun,
    scopeKey,
    highKey,
    issueKey,
    defects ?? Number.NaN,
    failedGateItems ?? Number.NaN,
    s.hasResources ? overAllocation : Number.NaN,
    s.hasResources ? unfilled : Number.NaN,
  ]);
  return {
    day,
    asOf: isoOf(day),
    phase,
    percentComplete,
    budget,
    actualCost,
    eac,
    cpi,
    spi,
    baselineFinish,
    finishVarianceDays,
    forecasts,
    openRisks,
    openIssues,
    escalated,
    defects,
    failedGateItems,
    overAllocation,
    unfilled,
    keys,
    counts,
    slipped,
    criticalLate,
  };
}
