/*
 * GET /health/rollup: a scope's health for a reporting period — overall and per dimension, by the
 * rule of the scope's office, with counts, its children each rolled up, and the trend over the last
 * periods. Computed in memory from the board (rollup-store.ts) and remembered per scope, period
 * and caller's reach until the next write.
 */
import type { HealthRollupT, HealthScopeKind } from '@pharos/api';
import { dayFromIso, isoDay, RAG_DIMENSIONS } from '@pharos/engine';
import type { Ctx } from '../http/context';
import { todayIn } from './common';
import { cellOf, rollChildren, rollWindow, type WindowResult } from './rollup-compute';
import { lineBefore, PeriodLens, reaches, scopePeriodIndex } from './rollup-periods';
import {
  checkScopeReadable,
  childGroups,
  reachKey,
  resolveScope,
  type Scope,
  visibleProjects,
} from './rollup-scope';
import { derived, type HealthState, healthState } from './rollup-state';
import { type BoardProject, readDeepLines } from './rollup-store';
import { type OfficeRule, ruleOf, type Structure } from './rollup-structure';

export interface ScopeQuery {
  scope: HealthScopeKind;
  id?: string | undefined;
  period?: string | undefined;
  periods?: number | undefined;
  /** How many children the roll-up lists (100 by default). */
  children?: number | undefined;
}

/** Today as a day number, on the organization's clock. */
export const today = (ctx: Ctx) => dayFromIso(todayIn(ctx.config.timeZone));

/** Everything a roll-up and the dashboard work from, for one scope, period window and caller. */
export interface ScopeWindow {
  scope: Scope;
  structure: Structure;
  rule: OfficeRule;
  lens: PeriodLens;
  projects: BoardProject[];
  window: WindowResult;
  asOf: number;
  /** Names this scope, window and caller's reach: answers computed from it are remembered under it. */
  key: string;
  /** The state it was computed from (answers derived from the window are kept with it). */
  state: HealthState;
}

/** Projects whose short history does not reach the window get their reports read from the reports. */
async function withDeepLines(ctx: Ctx, s: Structure, lens: PeriodLens, projects: BoardProject[]) {
  const short = projects.filter((p) => !reaches(p, lens.slots(ruleOf(s, p.officeId))[0]!.start));
  if (short.length === 0) return projects;
  let from = Infinity;
  let to = -Infinity;
  for (const p of short) {
    const slots = lens.slots(ruleOf(s, p.officeId));
    from = Math.min(from, slots[0]!.start);
    to = Math.max(to, slots[slots.length - 1]!.end);
  }
  // One report before the window too, for the movers' "previous" colour.
  const shortIds = new Set(short.map((p) => p.id));
  const deep = await readDeepLines(
    ctx.db,
    short.map((p) => p.id),
    from - 400,
    to,
  );
  return projects.map((p) => {
    const lines = deep.get(p.id);
    return lines && shortIds.has(p.id) ? p.withLines(lines) : p;
  });
}

/** Resolves the scope and the caller's view of it, and rolls it up over the window. */
export async function scopeWindow(ctx: Ctx, q: ScopeQuery): Promise<ScopeWindow> {
  const reach = await ctx.access.reach('statusReport', 'read');
  const asOf = today(ctx);
  const periods = q.periods ?? 13;
  const state = await healthState(ctx);
  const key = `window:${q.scope}:${q.id ?? ''}:${q.period ?? ''}:${periods}:${asOf}:${reachKey(reach)}`;
  return derived(state, key, async () => {
    const s = state.structure;
    const scope = resolveScope(s, q.scope, q.id);
    const visible = visibleProjects(state.board, scope, reach);
    await checkScopeReadable(ctx, s, scope, visible.length);
    const rule = ruleOf(s, scope.officeId);
    const last = scopePeriodIndex(rule, q.period, asOf);
    const lens = new PeriodLens(
      rule,
      Array.from({ length: periods }, (_, i) => last - periods + 1 + i),
    );
    const projects = await withDeepLines(ctx, s, lens, visible);
    const needsWeights = rule.rollup.method === 'weighted';
    const window = rollWindow({
      projects,
      structure: s,
      lens,
      rule,
      weights: needsWeights ? await state.weights() : null,
    });
    return { scope, structure: s, rule, lens, projects, window, asOf, key, state };
  });
}

export function describeRule(sw: Pick<ScopeWindow, 'rule' | 'structure'>): HealthRollupT['rule'] {
  const r = sw.rule.rollup;
  const office = sw.rule.sourceOfficeId ? sw.structure.offices.get(sw.rule.sourceOfficeId) : undefined;
  const weighted = r.method === 'weighted';
  return {
    method: r.method,
    by: weighted ? r.by : null,
    amberFrom: weighted ? (r.amberFrom ?? 1.5) : null,
    redFrom: weighted ? (r.redFrom ?? 2.5) : null,
    officeId: office?.id ?? null,
    officeName: office?.name ?? null,
    describe: weighted
      ? `Weighted by ${r.by === 'budget' ? 'approved budget' : 'priority (objective weights)'}: amber from ${r.amberFrom ?? 1.5}, red from ${r.redFrom ?? 2.5}`
      : 'Worst of the projects',
  };
}

/** The latest report's first day of each project (for the children table). */
export function lastReportOf(projects: readonly BoardProject[]) {
  const by = new Map(projects.map((p) => [p.id, p]));
  return (id: string) => {
    const p = by.get(id);
    const line = p ? lineBefore(p, { start: Infinity, end: Infinity }) : null;
    return line ? isoDay(line.start) : null;
  };
}

export async function healthRollup(ctx: Ctx, q: ScopeQuery): Promise<HealthRollupT> {
  const sw = await scopeWindow(ctx, q);
  const limit = q.children ?? 100;
  return derived(sw.state, `${sw.key}:rollup:${limit}`, async () => rollupOf(sw, limit));
}

function rollupOf(sw: ScopeWindow, limit: number): HealthRollupT {
  const { window, lens, scope } = sw;
  const { current } = window;
  const period = lens.periods[lens.periods.length - 1]!;
  const counted = sw.projects.filter((_, i) => window.now[i] !== undefined);
  return {
    scope: { kind: scope.kind, id: scope.id, code: scope.code, name: scope.name },
    period: { kind: period.kind, key: period.key, start: period.start, end: period.end, due: period.due },
    asOf: isoDay(sw.asOf),
    rule: describeRule(sw),
    projects: current.projects,
    overall: cellOf(current.overall),
    dimensions: Object.fromEntries(
      RAG_DIMENSIONS.map((d) => [d, cellOf(current.dimensions[d])]),
    ) as HealthRollupT['dimensions'],
    ...(() => {
      const groups = childGroups(scope, counted);
      if (limit === 0) return { children: [], childrenTotal: groups.length };
      const children = rollChildren(groups, window, sw.rule, lastReportOf(sw.projects));
      return { children: children.slice(0, limit), childrenTotal: children.length };
    })(),
    trend: window.trend.map((r, i) => ({
      key: lens.periods[i]!.key,
      start: lens.periods[i]!.start,
      end: lens.periods[i]!.end,
      ...cellOf(r),
    })),
  };
}
