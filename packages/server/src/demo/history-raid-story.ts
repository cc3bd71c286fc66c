/*
 * A project's risks and issues as dated events: when each was raised, how it scores, when it was
 * closed, and every escalation step it took along the office chain, decided by the engine's
 * nextEscalation with the default tolerances exactly as the escalation job would. The status
 * history reads its risk facts from these, so a red risk dimension has the open risks behind it.
 */
import {
  type ChainOffice,
  DEFAULT_ESCALATION_TOLERANCES,
  type EscalationStep,
  type ImpactArea,
  type IssueSeverity,
  nextEscalation,
} from '@pharos/engine';
import {
  clamp,
  dayOf,
  type HistoryContext,
  isoOf,
  noise,
  remember,
  type Stream,
  streamFor,
  uuidOf,
} from './history-parts';
import { healthAt, type ProjectStory, type Window } from './history-story';

export interface RiskRating {
  probability: number;
  impact: Partial<Record<ImpactArea, number>>;
}

export interface RiskEvent extends RiskRating {
  id: string;
  /** Which title of the theme's bank (taken modulo its length). */
  title: number;
  openedOn: number;
  closedOn: number | null;
  /** How a closed risk ended: mitigated and closed, or it happened. */
  outcome: 'closed' | 'occurred' | null;
  score: number;
  residual: RiskRating;
  residualScore: number;
  response: 'mitigate' | 'avoid' | 'transfer' | 'accept';
  trail: EscalationStep[];
}

export interface IssueEvent {
  id: string;
  title: number;
  openedOn: number;
  due: number;
  closedOn: number | null;
  severity: IssueSeverity;
  trail: EscalationStep[];
}

export interface RaidEvents {
  risks: RiskEvent[];
  issues: IssueEvent[];
}

const RISK = 3;
const AREAS: ImpactArea[] = ['cost', 'schedule', 'scope', 'quality'];

/** The escalation chain of an office (its own, its parent's, …), with each office's default tolerance. */
const chains = new WeakMap<HistoryContext, Map<string, ChainOffice[]>>();
export function escalationChain(ctx: HistoryContext, officeId: string): ChainOffice[] {
  const known = remember(chains, ctx, () => new Map<string, ChainOffice[]>());
  return remember(known, officeId, () => officeChain(ctx, officeId));
}

function officeChain(ctx: HistoryContext, officeId: string): ChainOffice[] {
  return ctx.chainOf(officeId).map((id) => {
    const office = ctx.officeById.get(id)!;
    const kind = office.kind as keyof typeof DEFAULT_ESCALATION_TOLERANCES;
    return { officeId: id, name: office.name, tolerance: DEFAULT_ESCALATION_TOLERANCES[kind] ?? {} };
  });
}

/** The steps an item takes while open, from the day it is raised to today (or its closing). */
export function escalationTrail(
  item: { id: string; score?: number; severity?: IssueSeverity; due?: number },
  openedOn: number,
  closedOn: number | null,
  chain: readonly ChainOffice[],
  today: number,
): EscalationStep[] {
  const trail: EscalationStep[] = [];
  const last = Math.min(today, (closedOn ?? Number.POSITIVE_INFINITY) - 1);
  const due = item.due === undefined ? null : isoOf(item.due);
  let day = openedOn;
  for (let guard = 0; guard < 12 && day <= last; guard++) {
    const next = nextEscalation(
      { id: item.id, open: true, score: item.score ?? null, severity: item.severity ?? null, due, trail },
      chain,
      isoOf(day),
    );
    if (!next.ok) throw new Error(`escalation of ${item.id}: ${next.error.message}`);
    if (next.value.escalate) {
      trail.push(next.value.step);
      continue;
    }
    if (next.value.deadline === null) break;
    const after = dayOf(next.value.deadline) + 1;
    if (after <= day) break;
    day = after;
  }
  return trail;
}

function rating(r: Stream, severity: number): RiskRating {
  const [p, w] =
    severity > 0.68
      ? [r.int(3, 5), r.int(4, 5)]
      : severity > 0.42
        ? [r.int(2, 4), r.int(3, 4)]
        : [r.int(1, 3), r.int(1, 3)];
  const impact: RiskRating['impact'] = {};
  const main = r.int(0, 3);
  impact[AREAS[main]!] = w;
  for (let k = r.int(0, 2); k > 0; k--) impact[AREAS[(main + k) % 4]!] = r.int(1, w);
  return { probability: p, impact };
}

const worst = (x: RiskRating['impact']) =>
  Math.max(x.cost ?? 0, x.schedule ?? 0, x.scope ?? 0, x.quality ?? 0);

export function raidEvents(ctx: HistoryContext, s: ProjectStory, win: Window, seed: number): RaidEvents {
  const r = streamFor(seed, 2, s.project.id);
  const T = win.today;
  const proposed = s.project.status === 'proposed';
  const last = s.endedOn ?? T;
  const first = Math.min(last - 7, Math.max(s.start, T - 420));
  const chain = escalationChain(ctx, s.project.officeId);
  let mean = 0;
  for (let w = 0; w < win.weeks; w++) mean += s.health[RISK * win.weeks + w]!;
  mean /= win.weeks;
  const now = healthAt(s, win, RISK, last);
  const raised = (lo = first) => lo + Math.floor(r.next() * Math.max(1, last - 1 - lo));

  const risks: RiskEvent[] = [];
  // Titles taken in turn from a random place in the theme's list: no risk or issue twice.
  let riskTitle = r.int(0, 999);
  let issueTitle = r.int(0, 999);
  const addRisk = (openedOn: number, severity: number, keepOpen: boolean) => {
    const rated = rating(r, severity);
    const score = rated.probability * worst(rated.impact);
    const response = r.pick([
      'mitigate',
      'mitigate',
      'mitigate',
      'mitigate',
      'avoid',
      'transfer',
      'accept',
    ] as const);
    const residual: RiskRating =
      response === 'accept'
        ? rated
        : {
            probability: Math.max(1, rated.probability - r.int(1, 2)),
            impact: Object.fromEntries(
              Object.entries(rated.impact).map(([k, v]) => [k, Math.max(1, v - r.int(0, 1))]),
            ),
          };
    let closedOn: number | null = openedOn + 7 * r.int(4, 30);
    if (keepOpen || closedOn >= last) closedOn = s.endedOn ? last : null;
    // A project healthy today has dealt with its big risks; a troubled one still carries them.
    if (closedOn === null && score >= 15 && now < 0.4) closedOn = Math.max(openedOn + 7, T - r.int(7, 50));
    if (closedOn === null && s.kind === 'recovering' && score >= 12 && openedOn < T - 84)
      closedOn = T - r.int(14, 80);
    if (closedOn !== null && closedOn > last) closedOn = last;
    const id = uuidOf(r);
    risks.push({
      id,
      title: riskTitle++,
      openedOn,
      closedOn,
      outcome: closedOn === null ? null : r.next() < 0.15 ? 'occurred' : 'closed',
      ...rated,
      score,
      residual,
      residualScore: residual.probability * worst(residual.impact),
      response,
      trail: escalationTrail({ id, score }, openedOn, closedOn, chain, T),
    });
  };
  const riskCount = proposed
    ? r.int(1, 3)
    : clamp(3 + Math.round(7 * mean) + r.int(0, 2), 3, s.kind === 'deteriorating' ? 10 : 12);
  for (let k = 0; k < riskCount; k++) {
    const openedOn = raised();
    const severity = (proposed ? 0.2 : healthAt(s, win, RISK, openedOn)) + noise(r, 0.15);
    addRisk(openedOn, severity, !proposed && severity > 0.62 && now > 0.55 && r.next() < 0.7);
  }
  if (s.kind === 'deteriorating') {
    const recent = T - 7 * r.int(1, 4);
    addRisk(recent, 0.9, true);
    addRisk(recent + r.int(0, 6), 0.8, true);
  }

  const issues: IssueEvent[] = [];
  const addIssue = (openedOn: number, h: number, dueIn: number, keepOpen = false) => {
    const severity: IssueSeverity = h > 0.78 ? 'critical' : h > 0.52 ? 'high' : h > 0.3 ? 'medium' : 'low';
    const due = openedOn + dueIn;
    let closedOn: number | null = openedOn + r.int(5, 25) + Math.round(40 * clamp(h, 0, 1));
    if (keepOpen || closedOn >= last) closedOn = s.endedOn ? last : null;
    if (closedOn === null && now < 0.35 && (due < T || severity === 'high' || severity === 'critical'))
      closedOn = Math.max(openedOn + 2, T - r.int(1, 14));
    const id = uuidOf(r);
    issues.push({
      id,
      title: issueTitle++,
      openedOn,
      due,
      closedOn,
      severity,
      trail: escalationTrail({ id, severity, due }, openedOn, closedOn, chain, T),
    });
  };
  const issueCount = proposed
    ? 0
    : clamp(Math.round(5 * mean) + r.int(0, 2), 0, s.kind === 'deteriorating' ? 4 : 6);
  for (let k = 0; k < issueCount; k++) {
    const openedOn = raised(Math.max(first, T - 300));
    addIssue(openedOn, healthAt(s, win, RISK, openedOn) + noise(r, 0.15), r.int(10, 30));
  }
  if (s.kind === 'deteriorating') {
    addIssue(T - 7 * r.int(1, 3), 0.65, r.int(10, 20), true);
    addIssue(T - r.int(20, 30), 0.4, r.int(7, 12), true);
  }
  risks.sort((a, b) => a.openedOn - b.openedOn);
  issues.sort((a, b) => a.openedOn - b.openedOn);
  return { risks, issues };
}
