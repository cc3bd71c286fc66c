/*
 * Builds a scenario's candidates from Pharos's own data: proposals (their business case spread
 * over months, their role demand, their score and NPV) and the portfolio's running projects (what
 * remains of them inside the horizon). Pure: the service reads the rows and hands them here.
 */
import type { Candidate, Scenario } from '@pharos/engine';

export interface ProposalFacts {
  id: string;
  code: string;
  title: string;
  mandatory: boolean;
  earliestStart: string;
  latestStart: string;
  durationMonths: number;
  businessCase: { firstYear: number; years: { capex: number; opex: number; benefits: number }[] };
  /** Role demand with the role's code. */
  demand: { role: string; fromMonth: number; months: number; hoursPerMonth: number }[];
  npv: number;
  score: number | null;
  objectiveIds: string[];
  alignment: Record<string, number>;
}

export interface ProjectFacts {
  id: string;
  code: string;
  name: string;
  status: string;
  plannedStart: string | null;
  plannedFinish: string | null;
  /** The proposal it came from, if any: its cost and demand describe the project. */
  proposal: ProposalFacts | null;
}

export interface Skipped {
  code: string;
  reason: string;
}

/** Months from `from` (YYYY-MM) to `to` (YYYY-MM or an ISO date). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm);
}

/** The month `offset` months after `start` (YYYY-MM). */
export function addMonths(start: string, offset: number): string {
  const [y, m] = start.split('-').map(Number) as [number, number];
  const t = y * 12 + (m - 1) + offset;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/** An amount split over `n` months in whole minor units, the remainder on the first months. */
function spread(amount: number, n: number): number[] {
  const base = Math.floor(amount / n);
  const rest = amount - base * n;
  return Array.from({ length: n }, (_, i) => base + (i < rest ? 1 : 0));
}

/** Cost by budget line and month from the start: each business-case year spread over its 12 months. */
export function monthlyCost(p: ProposalFacts): Candidate['cost'] {
  const out: Candidate['cost'] = [];
  p.businessCase.years.forEach((y, k) => {
    for (const line of ['capex', 'opex'] as const) {
      if (!y[line]) continue;
      spread(y[line], 12).forEach((amount, m) => {
        if (amount) out.push({ line, month: 12 * k + m, amount });
      });
    }
  });
  return out;
}

export function monthlyDemand(p: ProposalFacts): Candidate['demand'] {
  const hours = new Map<string, number>();
  for (const d of p.demand)
    for (let m = d.fromMonth; m < d.fromMonth + d.months; m++) {
      const k = `${d.role}\u0000${m}`;
      hours.set(k, (hours.get(k) ?? 0) + d.hoursPerMonth);
    }
  return [...hours].map(([k, h]) => {
    const [role, month] = k.split('\u0000') as [string, string];
    return { role, month: Number(month), hours: h };
  });
}

function value(p: ProposalFacts | null): Candidate['value'] {
  if (!p) return { score: 0, npv: 0 };
  const objectives = Object.fromEntries(p.objectiveIds.map((o) => [o, p.alignment[o] ?? 1]));
  return { score: p.score ?? 0, npv: p.npv, ...(p.objectiveIds.length ? { objectives } : {}) };
}

/** A proposal as a candidate, or why it cannot be one in this horizon. */
export function proposalCandidate(p: ProposalFacts, start: string, months: number): Candidate | Skipped {
  const earliest = Math.max(0, monthsBetween(start, p.earliestStart));
  const latest = Math.min(months - 1, monthsBetween(start, p.latestStart));
  if (latest < 0) return { code: p.code, reason: 'its latest start is before the horizon' };
  if (earliest > months - 1) return { code: p.code, reason: 'its earliest start is after the horizon' };
  if (latest < earliest) return { code: p.code, reason: 'it cannot start inside the horizon' };
  return {
    id: p.code,
    name: p.title,
    kind: 'proposal',
    value: value(p),
    duration: p.durationMonths,
    earliestStart: earliest,
    latestStart: latest,
    shiftable: true,
    plannedStart: earliest,
    ...(p.mandatory ? { mustDo: true } : {}),
    cost: monthlyCost(p),
    demand: monthlyDemand(p),
  };
}

/**
 * A project as a candidate: it keeps its planned start (it is not shiftable unless the portfolio
 * manager says so); one already running is must-do and counts only what remains of it.
 */
export function projectCandidate(pr: ProjectFacts, start: string, months: number): Candidate | Skipped {
  if (!pr.plannedStart || !pr.plannedFinish) return { code: pr.code, reason: 'it has no planned dates' };
  const s = monthsBetween(start, pr.plannedStart);
  const f = monthsBetween(start, pr.plannedFinish);
  if (f < 0) return { code: pr.code, reason: 'it finishes before the horizon' };
  if (s > months - 1) return { code: pr.code, reason: 'it starts after the horizon' };
  const elapsed = Math.max(0, -s);
  const at = Math.max(0, s);
  const shift = <T extends { month: number }>(xs: T[]) =>
    xs.filter((x) => x.month >= elapsed).map((x) => ({ ...x, month: x.month - elapsed }));
  return {
    id: pr.code,
    name: pr.name,
    kind: 'project',
    value: value(pr.proposal),
    duration: Math.max(1, f - at + 1),
    earliestStart: at,
    latestStart: at,
    shiftable: false,
    plannedStart: at,
    ...(pr.status === 'active' ? { mustDo: true } : {}),
    cost: pr.proposal ? shift(monthlyCost(pr.proposal)) : [],
    demand: pr.proposal ? shift(monthlyDemand(pr.proposal)) : [],
  };
}

const isSkipped = (c: Candidate | Skipped): c is Skipped => 'reason' in c;

export interface BuildInput {
  start: string;
  months: number;
  objective: Scenario['objective'];
  proposals: ProposalFacts[];
  projects: ProjectFacts[];
  /** Hours per role code per month of the horizon. */
  capacity: { role: string; hours: number[] }[];
  budget: Scenario['budget'];
  objectiveWeights: Record<string, number>;
}

/** The scenario body, the candidates' sources, and what was left out and why. */
export function buildScenario(input: BuildInput) {
  const { start, months } = input;
  const candidates: Candidate[] = [];
  const sources: Record<string, { kind: 'proposal' | 'project'; id: string }> = {};
  const skipped: Skipped[] = [];
  const add = (c: Candidate | Skipped, kind: 'proposal' | 'project', id: string) => {
    if (isSkipped(c)) return void skipped.push(c);
    let key = c.id;
    for (let n = 2; key in sources; n++) key = `${c.id}-${n}`;
    candidates.push({ ...c, id: key });
    sources[key] = { kind, id };
  };
  for (const pr of input.projects) add(projectCandidate(pr, start, months), 'project', pr.id);
  for (const p of input.proposals) add(proposalCandidate(p, start, months), 'proposal', p.id);
  const used = new Set(candidates.flatMap((c) => Object.keys(c.value.objectives ?? {})));
  const scenario: Scenario = {
    horizon: { start, months },
    budget: input.budget,
    capacity: input.capacity.flatMap((r) =>
      r.hours.map((hours, month) => ({ role: r.role, month, hours })).filter((c) => c.month < months),
    ),
    candidates,
    dependencies: [],
    exclusions: [],
    objective: input.objective,
    ...(input.objective === 'objectives'
      ? {
          objectiveWeights: Object.fromEntries([...used].map((o) => [o, input.objectiveWeights[o] ?? 1])),
        }
      : {}),
  };
  return { scenario, sources, skipped };
}
