import type { AuthorityRule, ChangeKind, Role } from '@pharos/api';
import { changeKinds } from '@pharos/api';
import type { z } from 'zod';
import type { Problem } from './lifecycle-checks';

/*
 * Authority thresholds (C9), as pure functions: the organization's default rules, what makes a set
 * of rules sound, and the approval steps a change gets from them.
 */

export type Rule = z.output<typeof AuthorityRule>;
export interface RoutedStep {
  label: string;
  roles: Role[];
  reason: string;
}

const programManager = { label: 'Program manager', roles: ['program_manager'] as Role[] };
const pmoDirector = { label: 'PMO director', roles: ['pmo_director'] as Role[] };
const board = { label: 'Portfolio board', roles: ['portfolio_manager', 'executive'] as Role[] };

/**
 * The organization's rule when no office above a project sets its own: a budget change up to
 * 10 % of the approved budget is approved by the program manager, above it by the PMO board (the
 * PMO director, then a portfolio manager or executive); a finish moved up to 30 days by the
 * program manager, more by the PMO board; a scope change by the program manager, then the PMO
 * director.
 */
export const defaultAuthorityRules: Rule[] = [
  { kind: 'budget', upToPercent: 10, upToDays: null, steps: [programManager] },
  { kind: 'budget', upToPercent: null, upToDays: null, steps: [pmoDirector, board] },
  { kind: 'schedule', upToPercent: null, upToDays: 30, steps: [programManager] },
  { kind: 'schedule', upToPercent: null, upToDays: null, steps: [pmoDirector, board] },
  { kind: 'scope', upToPercent: null, upToDays: null, steps: [programManager, pmoDirector] },
];

const limitOf = (r: Rule) =>
  r.kind === 'budget' ? r.upToPercent : r.kind === 'schedule' ? r.upToDays : null;

/** The first thing wrong with a set of rules, or null. */
export function rulesProblem(rules: readonly Rule[]): Problem | null {
  const last = new Map<ChangeKind, { i: number; limit: number | null }>();
  for (const [i, r] of rules.entries()) {
    if (r.kind !== 'budget' && r.upToPercent !== null)
      return { field: `rules.${i}.upToPercent`, message: 'Only a budget rule has a percentage limit' };
    if (r.kind !== 'schedule' && r.upToDays !== null)
      return { field: `rules.${i}.upToDays`, message: 'Only a schedule rule has a limit in days' };
    const prev = last.get(r.kind);
    const limit = limitOf(r);
    if (prev && (prev.limit === null || (limit !== null && limit <= prev.limit)))
      return {
        field: `rules.${i}`,
        message: `Never used: rule ${prev.i + 1} already covers ${
          prev.limit === null ? `every ${r.kind} change` : `${r.kind} changes up to ${prev.limit}`
        }. List each kind's rules from the smallest limit up`,
      };
    for (const [j, s] of r.steps.entries())
      if (new Set(s.roles).size !== s.roles.length)
        return { field: `rules.${i}.steps.${j}.roles`, message: 'A role is listed twice in this step' };
    last.set(r.kind, { i, limit });
  }
  return null;
}

export interface Measured {
  kinds: ChangeKind[];
  /** The budget change as a share of the approved budget, in percent (Infinity from a zero budget). */
  budgetPercent: number | null;
  /** How many days the approved finish moves (absolute). */
  scheduleDays: number | null;
}

export function measureChange(
  impact: { budgetDelta: number | null; finishDeltaDays: number | null; scopeChange: string },
  approvedBudget: number,
): Measured {
  const kinds = kindsOf(impact);
  const delta = impact.budgetDelta ?? 0;
  return {
    kinds,
    budgetPercent: kinds.includes('budget')
      ? approvedBudget === 0
        ? Number.POSITIVE_INFINITY
        : (Math.abs(delta) / approvedBudget) * 100
      : null,
    scheduleDays: kinds.includes('schedule') ? Math.abs(impact.finishDeltaDays ?? 0) : null,
  };
}

/** Which of scope, schedule and budget a change touches. */
export function kindsOf(impact: {
  budgetDelta: number | null;
  finishDeltaDays: number | null;
  scopeChange: string;
}) {
  return changeKinds.filter((k) =>
    k === 'budget'
      ? (impact.budgetDelta ?? 0) !== 0
      : k === 'schedule'
        ? (impact.finishDeltaDays ?? 0) !== 0
        : impact.scopeChange.trim() !== '',
  );
}

const pct = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} %` : 'all');

/**
 * The approval steps: for each kind the change touches, the steps of the first rule of that kind
 * whose limit covers it; together in the order the rules are listed, each distinct step once.
 * A kind no rule covers is an error naming it.
 */
export function routeChange(
  rules: readonly Rule[],
  m: Measured,
): { steps: RoutedStep[] } | { uncovered: string } {
  const chosen: { at: number; rule: Rule; reason: string }[] = [];
  for (const kind of m.kinds) {
    const value = kind === 'budget' ? m.budgetPercent! : kind === 'schedule' ? m.scheduleDays! : 0;
    const at = rules.findIndex((r) => r.kind === kind && (limitOf(r) === null || value <= limitOf(r)!));
    const what =
      kind === 'budget'
        ? `a budget change of ${pct(value)} of the approved budget`
        : kind === 'schedule'
          ? `a finish moved by ${value} days`
          : 'a scope change';
    if (at < 0) return { uncovered: `No authority rule covers ${what}` };
    const limit = limitOf(rules[at]!);
    const bound = limit === null ? '' : kind === 'budget' ? ` (up to ${limit} %)` : ` (up to ${limit} days)`;
    chosen.push({ at, rule: rules[at]!, reason: `Rule ${at + 1}${bound}: ${what}` });
  }
  chosen.sort((a, b) => a.at - b.at);
  const steps: RoutedStep[] = [];
  for (const c of chosen)
    for (const s of c.rule.steps) {
      const key = [...s.roles].sort().join(',');
      const same = steps.find((x) => [...x.roles].sort().join(',') === key);
      if (same) same.reason += `; ${c.reason}`;
      else steps.push({ label: s.label, roles: [...s.roles], reason: c.reason });
    }
  return { steps };
}
