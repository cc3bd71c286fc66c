/*
 * What the roll-ups need of the registry besides the projects: the office and portfolio trees, the
 * programs, and each office's reporting settings as in force (its own, else the nearest office
 * above it with some, else the organization's default) — read in a few statements and remembered
 * until the next write.
 */
import { combineRuleError, periodOf, type ReportingCadence } from '@pharos/engine';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';

export type RollupRuleSetting =
  | { method: 'worst' }
  | { method: 'weighted'; by: 'budget' | 'priority'; amberFrom?: number; redFrom?: number };

/** An office's reporting settings as in force, and where they come from. */
export interface OfficeRule {
  cadence: ReportingCadence;
  /** Days after a period's last day its report is due. */
  dueOffset: number;
  rollup: RollupRuleSetting;
  /** The office whose settings these are; null for the organization's default. */
  sourceOfficeId: string | null;
}

/** The organization's default when no office up the chain sets anything. */
export const DEFAULT_RULE: OfficeRule = {
  cadence: { kind: 'weekly' },
  dueOffset: 1,
  rollup: { method: 'worst' },
  sourceOfficeId: null,
};

export interface Node {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}
export interface OfficeNode extends Node {
  kind: string;
}
export interface PortfolioNode extends Node {
  officeId: string;
}
export interface ProgramNode extends Node {
  /** The portfolio it belongs to (`parentId` is the same). */
  officeId: string;
}

export interface Structure {
  offices: Map<string, OfficeNode>;
  portfolios: Map<string, PortfolioNode>;
  programs: Map<string, ProgramNode>;
  /** Children of each office, portfolio (sub-portfolios) and portfolio (programs), by code. */
  subOffices: Map<string | null, OfficeNode[]>;
  subPortfolios: Map<string | null, PortfolioNode[]>;
  programsOf: Map<string, ProgramNode[]>;
  rules: Map<string, OfficeRule>;
}

type Row = Record<string, unknown>;

function validRule(row: Row, officeId: string): OfficeRule | null {
  const cadence = row.cadence as ReportingCadence;
  const rollup = row.rollup as RollupRuleSetting;
  const due = Number(row.due_days_after_period);
  if (!periodOf('2025-01-01', cadence).ok || !Number.isInteger(due)) return null;
  if (rollup?.method !== 'worst' && rollup?.method !== 'weighted') return null;
  if (combineRuleError(rollup, 'rollup')) return null;
  return { cadence, dueOffset: due, rollup, sourceOfficeId: officeId };
}

function group<T extends Node>(items: Iterable<T>, key: (x: T) => string | null) {
  const out = new Map<string | null, T[]>();
  for (const x of items) {
    const k = key(x);
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  for (const list of out.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  return out;
}

export async function readStructure(tx: Tx): Promise<Structure> {
  const [offices, portfolios, programs, settings] = await Promise.all(
    [
      sql`select id, code, name, parent_id, kind from offices where archived_at is null`,
      sql`select id, code, name, parent_id, office_id from portfolios where archived_at is null`,
      sql`select id, code, name, portfolio_id, office_id from programs where archived_at is null`,
      sql`select office_id, cadence, due_days_after_period, rollup from office_status_settings`,
    ].map(async (q) => (await tx.execute(q)).rows as Row[]),
  );
  const node = (r: Row, parent: unknown): Node => ({
    id: r.id as string,
    code: r.code as string,
    name: r.name as string,
    parentId: (parent as string | null) ?? null,
  });
  const o = new Map<string, OfficeNode>(
    offices!.map((r) => [r.id as string, { ...node(r, r.parent_id), kind: r.kind as string }]),
  );
  const pf = new Map<string, PortfolioNode>(
    portfolios!.map((r) => [r.id as string, { ...node(r, r.parent_id), officeId: r.office_id as string }]),
  );
  const pg = new Map<string, ProgramNode>(
    programs!.map((r) => [r.id as string, { ...node(r, r.portfolio_id), officeId: r.office_id as string }]),
  );
  const own = new Map<string, OfficeRule>();
  for (const r of settings!) {
    const rule = validRule(r, r.office_id as string);
    if (rule) own.set(r.office_id as string, rule);
  }
  const rules = new Map<string, OfficeRule>();
  const ruleOf = (id: string, seen = new Set<string>()): OfficeRule => {
    const known = rules.get(id);
    if (known) return known;
    const office = o.get(id);
    const parent = office?.parentId;
    const rule = own.get(id) ?? (parent && !seen.has(parent) ? ruleOf(parent, seen.add(id)) : DEFAULT_RULE);
    rules.set(id, rule);
    return rule;
  };
  for (const id of o.keys()) ruleOf(id);
  return {
    offices: o,
    portfolios: pf,
    programs: pg,
    subOffices: group(o.values(), (x) => x.parentId),
    subPortfolios: group(pf.values(), (x) => x.parentId),
    programsOf: group(pg.values(), (x) => x.parentId) as Map<string, ProgramNode[]>,
    rules,
  };
}

/** The rule of an office (the default for an office not known, e.g. archived). */
export const ruleOf = (s: Structure, officeId: string | null): OfficeRule =>
  (officeId && s.rules.get(officeId)) || DEFAULT_RULE;

/** Every office at or below `id`. */
export function officeSubtree(s: Structure, id: string): Set<string> {
  const out = new Set<string>([id]);
  const walk = (at: string) => {
    for (const c of s.subOffices.get(at) ?? [])
      if (!out.has(c.id)) {
        out.add(c.id);
        walk(c.id);
      }
  };
  walk(id);
  return out;
}

/** Every portfolio at or below `id`. */
export function portfolioSubtree(s: Structure, id: string): Set<string> {
  const out = new Set<string>([id]);
  const walk = (at: string) => {
    for (const c of s.subPortfolios.get(at) ?? [])
      if (!out.has(c.id)) {
        out.add(c.id);
        walk(c.id);
      }
  };
  walk(id);
  return out;
}

/**
 * Weights for the weighted roll-ups, read only when some office weighs: the approved budget
 * (minor units; currencies are not converted) and the priority, taken as the sum of the weights
 * of the strategic objectives a project serves. A project without either weighs 1.
 */
export interface Weights {
  budget: Map<string, number>;
  priority: Map<string, number>;
}

export async function readWeights(tx: Tx): Promise<Weights> {
  const [budget, priority] = [
    await tx.execute<{ project_id: string; w: number }>(
      sql`select project_id, budget::float8 as w from project_approved_values`,
    ),
    await tx.execute<{ project_id: string; w: number }>(sql`
      select po.project_id, sum(o.weight)::float8 as w
      from project_objectives po join objectives o on o.id = po.objective_id
      where o.archived_at is null group by po.project_id`),
  ];
  const map = (rows: { project_id: string; w: number }[]) =>
    new Map(rows.filter((r) => r.w > 0).map((r) => [r.project_id, Number(r.w)]));
  return { budget: map(budget.rows), priority: map(priority.rows) };
}
