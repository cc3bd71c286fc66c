// Seeded portfolio scenarios that look like a PMO's: proposals and running projects over 36
// months, ten roles, capex and opex over three budget years, dependencies, exclusions and
// must-dos, with budgets at 40 % of what the candidates would spend at their planned starts, so
// choices matter. Two profiles share the candidates, dependencies, exclusions and budgets and
// differ in capacity only:
//
// - `realistic`: each role has the same head count all along, so its hours follow the calendar
//   (working days of the month) and nothing else; each role's level is drawn once, at 60–90 % of
//   its average monthly demand within the horizon at planned starts. Some roles are bottlenecks,
//   most are merely busy, as in a capacity plan. The portfolio bench's target scenarios.
// - `stress` (the default, so callers keep the scenarios of the first figures): every role at
//   40 % of its demand, with an independent ±20 % draw for each role and month, so all 360
//   capacity rows are scarce and no two months alike; kept as the solver's stress test.

import type { Candidate, Scenario } from '@pharos/engine';
// The engine's main entry does not export the portfolio optimizer yet: reached by path meanwhile.
import { greedy } from '@pharos/engine';
import { prng } from '@pharos/server';

const ROLES = [
  'Developer',
  'Tester',
  'Analyst',
  'Architect',
  'Project manager',
  'Designer',
  'Data engineer',
  'Operations',
  'Security',
  'Business analyst',
];

export interface GenerateOptions {
  candidates: number;
  seed: number;
  months?: number;
  dependencies?: number;
  /** Limits as a share of what every candidate at its planned start would use (default 0.4). */
  tightness?: number;
  /** How capacity is set (default `stress`, the original; see above). */
  profile?: 'realistic' | 'stress';
  /** Realistic profile: the range each role's capacity share is drawn from (default 0.6–0.9). */
  capacityShare?: [number, number];
}

/** Mondays to Fridays in a calendar month (`month` 0-based from January of `year`). */
function workingDays(year: number, month: number): number {
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  let count = 0;
  for (let d = 1; d <= days; d++) {
    const w = new Date(Date.UTC(year, month, d)).getUTCDay();
    if (w !== 0 && w !== 6) count++;
  }
  return count;
}

/**
 * Each role: a level drawn in `share` times its average monthly demand within the horizon at
 * planned starts, scaled month by month by the working days (horizon from January 2027).
 */
function realisticCapacity(
  candidates: Candidate[],
  months: number,
  seed: number,
  [low, high]: [number, number],
): Scenario['capacity'] {
  const r = prng(seed * 7919 + 17); // a stream of its own: the rest of the scenario is unchanged
  const demand = new Map<string, number>();
  for (const c of candidates)
    for (const d of c.demand) {
      const m = c.plannedStart + d.month;
      if (m >= 0 && m < months) demand.set(d.role, (demand.get(d.role) ?? 0) + d.hours);
    }
  const days = Array.from({ length: months }, (_, m) => workingDays(2027 + Math.floor(m / 12), m % 12));
  const meanDays = days.reduce((a, b) => a + b, 0) / months;
  return ROLES.flatMap((role) => {
    const level = ((demand.get(role) ?? 0) / months) * (low + (high - low) * r.next());
    return days.map((d, month) => ({ role, month, hours: Math.round((level * d) / meanDays / 10) * 10 }));
  });
}

export function generateScenario(o: GenerateOptions): Scenario {
  const r = prng(o.seed);
  const months = o.months ?? 36;
  const tight = o.tightness ?? 0.4;
  const candidates: Candidate[] = [];
  for (let i = 0; i < o.candidates; i++) {
    const running = r.next() < 0.15;
    const duration = r.int(3, 18);
    const earliest = running ? r.int(-12, 0) : r.int(0, 24);
    const shiftable = !running && r.next() < 0.7;
    const latest = shiftable ? Math.min(months - 1, earliest + r.int(3, 12)) : earliest;
    const size = 0.3 + 2 * r.next() ** 2; // a few large ones, many small
    const cost: Candidate['cost'] = [];
    const build = Math.max(1, Math.round(duration * 0.6));
    for (let m = 0; m < duration; m++) {
      if (m < build)
        cost.push({ line: 'capex', month: m, amount: Math.round(size * r.int(40, 120)) * 100_000 });
      cost.push({ line: 'opex', month: m, amount: Math.round(size * r.int(10, 40)) * 100_000 });
    }
    const demand: Candidate['demand'] = [];
    const roles = new Set(Array.from({ length: r.int(2, 4) }, () => r.pick(ROLES)));
    for (const role of roles) {
      const hours = Math.round(size * r.int(40, 320));
      for (let m = 0; m < duration; m++) demand.push({ role, month: m, hours });
    }
    const total = cost.reduce((a, c) => a + c.amount, 0);
    const score = r.int(20, 95);
    candidates.push({
      id: `P${String(i).padStart(4, '0')}`,
      name: `${running ? 'Project' : 'Proposal'} ${i}`,
      kind: running ? 'project' : 'proposal',
      value: {
        score,
        npv: Math.round(total * (score / 60 - 0.5 + r.next())),
        objectives: { growth: r.next(), efficiency: r.next(), compliance: r.next() < 0.2 ? 1 : 0 },
      },
      duration,
      earliestStart: shiftable ? earliest : Math.max(0, earliest),
      latestStart: shiftable ? latest : Math.max(0, earliest),
      shiftable,
      plannedStart: earliest,
      mustDo: running ? r.next() < 0.3 : r.next() < 0.02,
      cost,
      demand,
    });
  }
  // Limits: a share of the use at planned starts, per line and year, per role and month (smoothed).
  const years = Math.ceil(months / 12);
  const spend = new Map<string, number>();
  const hours = new Map<string, number>();
  for (const c of candidates) {
    for (const x of c.cost) {
      const m = c.plannedStart + x.month;
      if (m >= 0 && m < months)
        spend.set(
          `${x.line}|${Math.floor(m / 12)}`,
          (spend.get(`${x.line}|${Math.floor(m / 12)}`) ?? 0) + x.amount,
        );
    }
    for (const d of c.demand) hours.set(d.role, (hours.get(d.role) ?? 0) + d.hours);
  }
  const budget = ['capex', 'opex'].flatMap((line) =>
    Array.from({ length: years }, (_, year) => ({
      line,
      year,
      limit: Math.round((spend.get(`${line}|${year}`) ?? 0) * tight),
    })),
  );
  // Drawn in both profiles (in the stream's order of the first figures), so that dependencies
  // and exclusions come out the same.
  const jitter = ROLES.map(() => Array.from({ length: months }, () => 0.8 + 0.4 * r.next()));
  const capacity =
    (o.profile ?? 'stress') === 'stress'
      ? ROLES.flatMap((role, k) =>
          Array.from({ length: months }, (_, month) => ({
            role,
            month,
            hours: Math.round((((hours.get(role) ?? 0) / months) * tight * jitter[k]![month]!) / 10) * 10,
          })),
        )
      : realisticCapacity(candidates, months, o.seed, o.capacityShare ?? [0.6, 0.9]);
  const dependencies: Scenario['dependencies'] = [];
  const deps = o.dependencies ?? Math.round(o.candidates / 10);
  while (dependencies.length < deps) {
    const a = r.int(0, o.candidates - 2);
    const b = Math.min(o.candidates - 1, a + r.int(1, 20));
    const A = candidates[a]!;
    const B = candidates[b]!;
    // `after` only where B can start once A ends.
    const after = r.next() < 0.5 && B.latestStart >= A.earliestStart + A.duration;
    dependencies.push({
      from: A.id,
      to: B.id,
      kind: after ? 'after' : 'requires',
    });
  }
  const exclusions = Array.from({ length: Math.round(o.candidates / 30) }, () => {
    const a = r.int(0, o.candidates - 1);
    return [candidates[a]!.id, candidates[(a + r.int(1, 50)) % o.candidates]!.id];
  });
  const s: Scenario = {
    horizon: { start: '2027-01', months },
    budget,
    capacity,
    candidates,
    dependencies,
    exclusions,
    objective: 'score',
  };
  // Must-dos the greedy plan cannot fit become ordinary candidates, so the scenario is feasible.
  for (let tries = 0; tries < 10 && !greedy(s).feasible; tries++) {
    const must = s.candidates.filter((c) => c.mustDo);
    must.at(-1)!.mustDo = false;
  }
  return s;
}
