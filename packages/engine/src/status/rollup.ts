/*
 * Roll-up of project statuses to a program, portfolio, office or the organization, for one
 * reporting period: per dimension and overall, worst-of or weighted (types.ts, CombineRule), with
 * counts per colour. A group's roll-up is always taken over its projects themselves, not over its
 * sub-groups' roll-ups, so a portfolio reads the same however its programs are cut.
 *
 * A project with no report in the period is counted as `missing`; by default it does not colour
 * the roll-up (`missing: 'ignore'`), or it counts as amber or red. Children are taken in id order,
 * so the result does not depend on the order they are given in.
 */
import { byId, fail, failWith, numberError, ok } from './internal';
import {
  type CombineRule,
  combineRatings,
  combineRuleError,
  RAG_DIMENSIONS,
  type Rag,
  type RagDimension,
  type RagRating,
  ratingsError,
  type StatusRatings,
  type StatusResult,
  type WeightedRating,
} from './types';

export interface RollupChild {
  /** The project's id. */
  id: string;
  /** Its report for the period, or null when it filed none. */
  status: StatusRatings | null;
  /** Budget, priority or any weight ≥ 0, used by the weighted method; 1 when left out. */
  weight?: number;
}

export interface RollupOptions {
  /** Worst-of by default. */
  rule?: CombineRule;
  /** How a project with no report colours the roll-up; `ignore` by default. */
  missing?: 'ignore' | Rag;
}

export interface ColourCounts {
  green: number;
  amber: number;
  red: number;
  /** Reported, but this dimension (or the overall) was unknown. */
  unknown: number;
  /** No report in the period. */
  missing: number;
}

export interface RollupCell {
  rag: RagRating;
  /** Worst score, or weighted mean, on the 1–3 scale; null when nothing was rated. */
  score: number | null;
  counts: ColourCounts;
}

export interface Rollup {
  /** Number of projects rolled up. */
  projects: number;
  overall: RollupCell;
  dimensions: Record<RagDimension, RollupCell>;
  /** Project ids by overall colour (and missing), each sorted. */
  byColour: Record<keyof ColourCounts, string[]>;
}

export interface RollupGroup {
  id: string;
  /** Every project the group holds, however deep (programs inside a portfolio included). */
  projectIds: readonly string[];
}

export interface GroupRollup extends Rollup {
  id: string;
}

/** Rolls up the statuses of a set of projects. */
export function rollUp(children: readonly RollupChild[], options: RollupOptions = {}): StatusResult<Rollup> {
  const checked = check(children, options);
  if (!checked.ok) return checked;
  const sorted = [...children].sort((a, b) => byId(a.id, b.id));
  return ok(combine(sorted, options));
}

/**
 * Rolls up each group over its projects. A project listed in a group but absent from `children`
 * counts as missing. Groups come back in the order given.
 */
export function rollUpGroups(
  groups: readonly RollupGroup[],
  children: readonly RollupChild[],
  options: RollupOptions = {},
): StatusResult<GroupRollup[]> {
  const checked = check(children, options);
  if (!checked.ok) return checked;
  const byProject = new Map(children.map((c) => [c.id, c]));
  const out: GroupRollup[] = [];
  for (const group of groups) {
    const ids = [...new Set(group.projectIds)].sort(byId);
    const members = ids.map((id) => byProject.get(id) ?? { id, status: null });
    out.push({ id: group.id, ...combine(members, options) });
  }
  return ok(out);
}

function check(children: readonly RollupChild[], options: RollupOptions): StatusResult<true> {
  const ruleError = combineRuleError(options.rule ?? { method: 'worst' }, 'rule');
  if (ruleError) return failWith(ruleError);
  const missing = options.missing ?? 'ignore';
  if (!['ignore', 'green', 'amber', 'red'].includes(missing)) {
    return fail(
      'invalid_rule',
      'missing',
      `missing must be ignore, green, amber or red, not ${String(missing)}`,
    );
  }
  const seen = new Set<string>();
  for (const [i, child] of children.entries()) {
    if (seen.has(child.id))
      return fail('duplicate_id', `children[${i}].id`, `project ${child.id} is given twice`);
    seen.add(child.id);
    const bad = child.status && ratingsError(child.status, `children[${i}].status`);
    if (bad) return failWith(bad);
    if (child.weight !== undefined) {
      const error = numberError(child.weight, `children[${i}].weight`, 0);
      if (error) return failWith(error);
    }
  }
  return ok(true);
}

const emptyCounts = (): ColourCounts => ({ green: 0, amber: 0, red: 0, unknown: 0, missing: 0 });

/** Children already in id order and checked. */
function combine(children: readonly RollupChild[], options: RollupOptions): Rollup {
  const rule = options.rule ?? { method: 'worst' };
  const missing = options.missing ?? 'ignore';
  const cell = (pick: (status: StatusRatings) => RagRating | undefined): RollupCell => {
    const counts = emptyCounts();
    const items: WeightedRating[] = [];
    for (const child of children) {
      const weight = child.weight ?? 1;
      if (child.status === null) {
        counts.missing++;
        if (missing !== 'ignore') items.push({ rag: missing, weight });
        continue;
      }
      const rag = pick(child.status) ?? 'unknown';
      counts[rag]++;
      items.push({ rag, weight });
    }
    return { ...combineRatings(items, rule), counts };
  };
  const dimensions = {} as Record<RagDimension, RollupCell>;
  for (const d of RAG_DIMENSIONS) dimensions[d] = cell((s) => s.dimensions[d]);
  const byColour: Rollup['byColour'] = { green: [], amber: [], red: [], unknown: [], missing: [] };
  for (const child of children)
    byColour[child.status === null ? 'missing' : child.status.overall].push(child.id);
  return { projects: children.length, overall: cell((s) => s.overall), dimensions, byColour };
}
