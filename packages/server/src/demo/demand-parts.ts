import type { ProposalStatus } from '@pharos/api';
import type { BusinessCaseData } from '../db/schema/index';
import { type CatalogEntry, risksByTheme, type Theme } from './demand-catalog';
import type { Prng } from './random';
import type { GeneratedOrg } from './types';

const DAY = 86_400_000;

/** What every part of the demo's demand draws on: the random stream, the clock, lookups by code. */
export function demoContext(org: GeneratedOrg, r: Prng, today: Date) {
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  const find = <T extends { code?: string; email?: string }>(xs: T[], key: string) =>
    xs.find((x) => x.code === key || x.email === key)!;
  return {
    org,
    r,
    today,
    find,
    /** 09:00 UTC, `daysAgo` days (fractions allowed) before today. */
    at: (daysAgo: number) => new Date(midnight - daysAgo * DAY + 9 * 3_600_000),
    /** The `YYYY-MM` month of a date, plus some months. */
    month: (d: Date, plus = 0) => addMonth(d.toISOString().slice(0, 7), plus),
    unit: (code: string) => find(org.orgUnits, code).id,
    user: (email: string) => find(org.users, email).id,
  };
}
export type DemoContext = ReturnType<typeof demoContext>;

/** The moves a proposal made to reach its stage (none for a draft). */
export function chainOf(stage: CatalogEntry['stage'], converted: boolean): ProposalStatus[] {
  const path: ProposalStatus[] = ['submitted', 'screening', 'scored', 'shortlisted', 'approved'];
  const [where, reached] = stage.split(':') as [string, ProposalStatus | undefined];
  if (where === 'draft') return [];
  if (reached) return [...path.slice(0, path.indexOf(reached) + 1), where as ProposalStatus];
  const chain = path.slice(0, path.indexOf(where as ProposalStatus) + 1);
  return converted ? [...chain, 'converted'] : chain;
}

export const addMonth = (ym: string, n: number) => {
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const t = y * 12 + m - 1 + n;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
};
export const monthsBetween = (start: string, finish: string) =>
  Math.max(
    1,
    (Number(finish.slice(0, 4)) - Number(start.slice(0, 4))) * 12 +
      Number(finish.slice(5, 7)) -
      Number(start.slice(5, 7)) +
      1,
  );

/** Costs and benefits by year in cents: the investment up front, running costs, benefits ramping up. */
export function businessCase(r: Prng, profile: CatalogEntry['profile'], firstYear: number): BusinessCaseData {
  const invest = r.pick([0.4, 0.8, 1.2, 2, 3.5, 6]) * 1e8; // € 0.4–6 m in cents
  const years = r.int(5, 7);
  const yearly = { saving: [0.4, 0.8], revenue: [0.3, 1], mandatory: [0, 0.05], weak: [0.05, 0.2] }[profile];
  const benefit = invest * (yearly[0]! + (yearly[1]! - yearly[0]!) * r.next());
  const run = invest * (0.04 + 0.06 * r.next());
  const round = (v: number) => Math.round(v / 1e5) * 1e5; // to the thousand euros
  return {
    firstYear,
    years: Array.from({ length: years }, (_, y) => ({
      capex: round(y === 0 ? invest * 0.7 : y === 1 ? invest * 0.3 : 0),
      opex: round(y === 0 ? 0 : run),
      benefits: round(y === 0 ? 0 : y === 1 ? benefit * 0.4 : benefit),
    })),
  };
}

export function objectivesOf(r: Prng, theme: Theme) {
  const options = {
    digital: ['OBJ-COST', 'OBJ-DIGI'],
    customer: ['OBJ-GROW', 'OBJ-CX', 'OBJ-DIGI'],
    energy: ['OBJ-NETZERO', 'OBJ-COST'],
    compliance: ['OBJ-REG', 'OBJ-RESIL'],
  }[theme];
  return r.next() < 0.5 ? [options[0]!] : options.slice(0, 2);
}

export function risksOf(r: Prng, theme: Theme) {
  const pool = [...risksByTheme[theme]];
  return Array.from({ length: r.int(1, 3) }, () => ({
    description: pool.splice(r.int(0, pool.length - 1), 1)[0]!,
    probability: r.int(1, 5),
    impact: r.int(2, 5),
  }));
}

export function demandOf(r: Prng, theme: Theme, duration: number, roleIds: Map<string, string>) {
  const pool = {
    digital: ['DEV', 'BA', 'TEST', 'ARCH', 'INFRA', 'SEC', 'DATA'],
    customer: ['DEV', 'UX', 'BA', 'TEST', 'DATA'],
    energy: ['ELEC', 'INFRA'],
    compliance: ['BA', 'DEV', 'DATA', 'CHANGE', 'TEST'],
  }[theme];
  const picked = ['PM', ...pool.filter(() => r.next() < 0.5).slice(0, 3)];
  return picked.map((code) => {
    const fromMonth = code === 'PM' ? 0 : r.int(0, Math.min(2, duration - 1));
    return {
      roleId: roleIds.get(code)!,
      fromMonth,
      months: Math.max(1, duration - fromMonth - r.int(0, 2)),
      hoursPerMonth: code === 'PM' ? r.int(3, 7) * 20 : r.int(2, 16) * 20,
    };
  });
}

/** What a careful scorer would give, before each scorer's own view moves it a little. */
export function trueScores(r: Prng, c: CatalogEntry, bc: BusinessCaseData): Record<string, number> {
  const cost = bc.years.reduce((a, y) => a + y.capex + y.opex, 0);
  const gain = bc.years.reduce((a, y) => a + y.benefits, 0);
  const ratio = (gain - cost) / cost;
  const between = (lo: number, hi: number) => r.int(lo, hi);
  return {
    growth: c.theme === 'customer' ? between(3, 5) : c.theme === 'digital' ? between(1, 3) : between(0, 1),
    cost: c.profile === 'saving' ? between(3, 5) : between(0, 2),
    netzero: c.theme === 'energy' ? between(3, 5) : between(0, 1),
    financial: ratio > 1 ? 5 : ratio > 0.5 ? 4 : ratio > 0.2 ? 3 : ratio > 0 ? 2 : ratio > -0.3 ? 1 : 0,
    customer: c.theme === 'customer' ? between(3, 5) : between(0, 2),
    regulatory: c.profile === 'mandatory' ? 5 : c.theme === 'compliance' ? between(3, 4) : between(0, 2),
    risk: c.theme === 'energy' ? between(3, 5) : between(1, 4),
    complexity: between(1, 5),
  };
}
