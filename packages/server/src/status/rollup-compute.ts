/*
 * The roll-up of a scope over a window of periods, in memory, with the engine's rules: for each
 * period the overall of every project (its report, or missing); the roll-up period in full with
 * `rollUp` (overall and per dimension, with counts), the earlier periods' overall with
 * `combineRatings` (the trend), the same per child, and each child's trend with `projectTrends`.
 * Earlier periods are kept as one byte per project (`codes`): a 10,000-project, 13-period window
 * allocates next to nothing.
 */
import type { HealthCellT, HealthChildT } from '@pharos/api';
import {
  type CombineRule,
  combineRatings,
  projectTrends,
  RAG_DIMENSIONS,
  type RagRating,
  type Rollup,
  type RollupCell,
  type RollupChild,
  rollUp,
  type StatusHistoryEntry,
  type WeightedRating,
} from '@pharos/engine';
import { AppError } from '../errors';
import { type PeriodLens, ratingsOf, required } from './rollup-periods';
import type { ChildGroup } from './rollup-scope';
import type { BoardProject } from './rollup-store';
import { type OfficeRule, ruleOf, type Structure, type Weights } from './rollup-structure';

export interface WindowInput {
  /** The scope's visible projects, by id. */
  projects: readonly BoardProject[];
  structure: Structure;
  lens: PeriodLens;
  rule: OfficeRule;
  weights: Weights | null;
}

export interface PeriodSummary {
  rag: RagRating;
  score: number | null;
  counts: RollupCell['counts'];
}

export interface WindowResult {
  /** The projects, in the order of the arrays below. */
  projects: readonly BoardProject[];
  /** Index of each project in `projects`. */
  index: Map<string, number>;
  /** Each project's colours in the roll-up period, or undefined when it does not count then. */
  now: (RollupChild | undefined)[];
  /** `codes[w][i]`: project i's overall in period w (see CODE). */
  codes: Uint8Array[];
  /** Each project's weight under a weighted rule (undefined: equal weights). */
  weights: (number | undefined)[];
  /** The roll-up period in full. */
  current: Rollup;
  /** Each period's overall, oldest first (the last is `current`'s). */
  trend: PeriodSummary[];
}

/** A project's overall in one period: it does not count, it sent no report, or its colour. */
export const CODE = { none: 0, missing: 1, green: 2, amber: 3, red: 4, unknown: 5 } as const;
const RAG_OF_CODE: (RagRating | null)[] = [null, null, 'green', 'amber', 'red', 'unknown'];
/** The colour of a code ('unknown' for none and missing). */
export const ragOfCode = (code: number): RagRating => RAG_OF_CODE[code] ?? 'unknown';
/** Items without a weight, shared: combining 10,000 colours allocates nothing per colour. */
const PLAIN: Record<RagRating, WeightedRating> = {
  green: { rag: 'green' },
  amber: { rag: 'amber' },
  red: { rag: 'red' },
  unknown: { rag: 'unknown' },
};

export function combineRule(rule: OfficeRule): CombineRule {
  const r = rule.rollup;
  return r.method === 'worst'
    ? { method: 'worst' }
    : {
        method: 'weighted',
        ...(r.amberFrom !== undefined ? { amberFrom: r.amberFrom } : {}),
        ...(r.redFrom !== undefined ? { redFrom: r.redFrom } : {}),
      };
}

function weightOf(input: WindowInput): (p: BoardProject) => number | undefined {
  const r = input.rule.rollup;
  if (r.method !== 'weighted' || !input.weights) return () => undefined;
  const map = r.by === 'budget' ? input.weights.budget : input.weights.priority;
  return (p) => map.get(p.id) ?? 1;
}

function run(children: RollupChild[], rule: CombineRule): Rollup {
  const r = rollUp(children, { rule });
  if (!r.ok) throw new AppError('validation_failed', r.error.message, r.error.field);
  return r.value;
}

/** The overall of some projects in one period by the rule (missing ones counted, not coloured). */
function overallOf(
  codes: Uint8Array,
  weights: readonly (number | undefined)[],
  members: Iterable<number>,
  rule: CombineRule,
): PeriodSummary {
  const counts = { green: 0, amber: 0, red: 0, unknown: 0, missing: 0 };
  const items: WeightedRating[] = [];
  for (const i of members) {
    const code = codes[i]!;
    if (code === CODE.none) continue;
    if (code === CODE.missing) {
      counts.missing++;
      continue;
    }
    const rag = RAG_OF_CODE[code]!;
    counts[rag]++;
    const weight = weights[i];
    items.push(weight === undefined ? PLAIN[rag] : { rag, weight });
  }
  const { rag, score } = combineRatings(items, rule);
  return { rag, score, counts };
}

function* all(n: number) {
  for (let i = 0; i < n; i++) yield i;
}

/** Rolls the scope up over every period of the window. */
export function rollWindow(input: WindowInput): WindowResult {
  const weight = weightOf(input);
  const rule = combineRule(input.rule);
  const { projects, lens } = input;
  const periods = lens.periods.length;
  const slots = projects.map((p) => lens.slots(ruleOf(input.structure, p.officeId)));
  const weights = projects.map(weight);
  const codes: Uint8Array[] = Array.from({ length: periods }, () => new Uint8Array(projects.length));
  const now = new Array<RollupChild | undefined>(projects.length);
  for (let i = 0; i < projects.length; i++) {
    const p = projects[i]!;
    const own = slots[i]!;
    const lines = p.lines;
    // Periods and lines both run oldest first: one walk through each.
    let j = 0;
    for (let w = 0; w < periods; w++) {
      const slot = own[w]!;
      while (j < lines.length && lines[j]!.start < slot.start) j++;
      const line = j < lines.length && lines[j]!.start === slot.start ? lines[j]! : null;
      if (!line && !required(p, slot)) continue;
      codes[w]![i] = line ? CODE[line.overall] : CODE.missing;
      if (w === periods - 1) {
        const status = line ? ratingsOf(line) : null;
        const wt = weights[i];
        now[i] = wt === undefined ? { id: p.id, status } : { id: p.id, status, weight: wt };
      }
    }
  }
  const current = run(
    now.filter((c): c is RollupChild => c !== undefined),
    rule,
  );
  const trend = codes.map((row, w) =>
    w === periods - 1
      ? { rag: current.overall.rag, score: current.overall.score, counts: current.overall.counts }
      : overallOf(row, weights, all(projects.length), rule),
  );
  return { projects, index: new Map(projects.map((p, i) => [p.id, i])), now, codes, weights, current, trend };
}

export const cellOf = (c: PeriodSummary): HealthCellT => ({
  rag: c.rag,
  score: c.score === null ? null : Math.round(c.score * 1000) / 1000,
  counts: { ...c.counts },
});

/** A project's overall in each period of the window ('unknown' when it did not report). */
export function historyOf(window: WindowResult, id: string): RagRating[] {
  const i = window.index.get(id);
  return window.codes.map((row) => (i === undefined ? 'unknown' : ragOfCode(row[i]!)));
}

/** The engine's trend (last four periods) of a colour history. */
export function trendOfHistory(id: string, history: readonly RagRating[]) {
  const entries: StatusHistoryEntry[] = [];
  history.forEach((rag, w) => {
    if (rag !== 'unknown')
      entries.push({ projectId: id, periodIndex: w, status: { overall: rag, dimensions: {} } });
  });
  const t = projectTrends(entries, history.length - 1);
  return t.ok ? (t.value[0]?.trend ?? 'unknown') : 'unknown';
}

const worstFirst = (a: HealthChildT, b: HealthChildT) =>
  (b.overall.score ?? 0) - (a.overall.score ?? 0) ||
  b.overall.counts.red - a.overall.counts.red ||
  b.overall.counts.missing - a.overall.counts.missing ||
  a.code.localeCompare(b.code);

/** Each child's roll-up in the last period, its colour in every period, and its trend; worst first. */
export function rollChildren(
  groups: readonly ChildGroup[],
  window: WindowResult,
  rule: OfficeRule,
  lastReport: (projectId: string) => string | null,
): HealthChildT[] {
  const combine = combineRule(rule);
  const last = window.codes.length - 1;
  const out: HealthChildT[] = [];
  for (const g of groups) {
    const members = g.projectIds.flatMap((id) => {
      const i = window.index.get(id);
      return i === undefined ? [] : [i];
    });
    const now = members.flatMap((i) => {
      const c = window.now[i];
      return c ? [c] : [];
    });
    if (now.length === 0) continue;
    const current = run(now, combine);
    const history = window.codes.map((row, w) =>
      w === last ? current.overall.rag : overallOf(row, window.weights, members, combine).rag,
    );
    out.push({
      kind: g.kind,
      id: g.id,
      code: g.code,
      name: g.name,
      projects: current.projects,
      overall: cellOf(current.overall),
      dimensions: Object.fromEntries(
        RAG_DIMENSIONS.map((d) => [d, current.dimensions[d].rag]),
      ) as HealthChildT['dimensions'],
      history,
      trend: trendOfHistory(g.id, history),
      lastReport: g.kind === 'project' ? lastReport(g.id) : null,
    });
  }
  return out.sort(worstFirst);
}
