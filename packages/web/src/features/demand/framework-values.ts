import type { ScoringFramework } from '@pharos/api';
import { ahpPriorities, type Comparison, judgementErrors } from '@pharos/engine';

/** The editable part of a scoring framework revision. */
export interface FrameworkValues {
  name: string;
  description: string;
  combine: 'mean' | 'median';
  disagreementThreshold: number;
  weighting: 'direct' | 'ahp';
  criteria: ScoringFramework['criteria'];
  ahp: { comparisons: [number, number, number][] } | null;
}

export function frameworkValues(f: ScoringFramework): FrameworkValues {
  return {
    name: f.name,
    description: f.description,
    combine: f.combine,
    disagreementThreshold: f.disagreementThreshold,
    weighting: f.weighting,
    criteria: f.criteria.map((c) => ({
      ...c,
      scale: { ...c.scale, levels: c.scale.levels.map((l) => ({ ...l })) },
    })),
    ahp: f.ahp ? { comparisons: f.ahp.comparisons.map((c) => [...c] as [number, number, number]) } : null,
  };
}

export type Criterion = ScoringFramework['criteria'][number];

export const fivePointLevels = (labels: string[]) =>
  labels.map((label, i) => ({ value: i + 1, label, description: '' }));

export function newCriterion(existing: readonly Criterion[]): Criterion {
  let n = existing.length + 1;
  while (existing.some((c) => c.id === `criterion-${n}`)) n++;
  return {
    id: `criterion-${n}`,
    name: `Criterion ${n}`,
    description: '',
    weight: 1,
    direction: 'benefit',
    objectiveId: null,
    scale: { min: 1, max: 5, levels: fivePointLevels(['Very low', 'Low', 'Medium', 'High', 'Very high']) },
  };
}

/** What a new framework starts with: three criteria most PMOs use. */
export function starterCriteria(): Criterion[] {
  const base = { description: '', weight: 1, objectiveId: null };
  const levels = fivePointLevels(['Very low', 'Low', 'Medium', 'High', 'Very high']);
  return [
    {
      ...base,
      id: 'alignment',
      name: 'Strategic alignment',
      direction: 'benefit',
      scale: { min: 1, max: 5, levels },
    },
    { ...base, id: 'value', name: 'Business value', direction: 'benefit', scale: { min: 1, max: 5, levels } },
    { ...base, id: 'risk', name: 'Delivery risk', direction: 'negative', scale: { min: 1, max: 5, levels } },
  ];
}

/** Saaty's scale as choices for "row compared with column". */
export const saatyChoices: { value: number; label: string }[] = [
  ...[9, 8, 7, 6, 5, 4, 3, 2].map((v) => ({ value: v, label: `${v}` })),
  { value: 1, label: '1' },
  ...[2, 3, 4, 5, 6, 7, 8, 9].map((v) => ({ value: 1 / v, label: `1/${v}` })),
];
/** "5", "1/3", "2.5". */
export function formatJudgement(v: number): string {
  if (v >= 1) return String(Math.round(v * 100) / 100);
  return `1/${Math.round((1 / v) * 100) / 100}`;
}

/** The choice a value stands for (values are compared by ratio, so 0.3333 is 1/3). */
export function choiceKey(v: number): string {
  const hit = saatyChoices.find((c) => Math.abs(Math.log(c.value / v)) < 1e-6);
  return hit ? hit.label : formatJudgement(v);
}

export interface WeightsOutcome {
  weights: number[];
  cr: number | null;
  consistent: boolean;
  worst: { row: number; column: number; given: number; suggested: number } | null;
  /** Why there are no AHP weights (pairs missing, a judgement off the scale). */
  problem: string | null;
}

/** The weights as the server works them out: direct shares, or AHP priorities with CR (live). */
export function evaluateWeights(v: Pick<FrameworkValues, 'weighting' | 'criteria' | 'ahp'>): WeightsOutcome {
  const n = v.criteria.length;
  const share = (raw: number[]) => {
    const sum = raw.reduce((a, b) => a + b, 0);
    return raw.map((w) => (sum > 0 ? w / sum : 0));
  };
  if (v.weighting === 'direct')
    return {
      weights: share(v.criteria.map((c) => c.weight)),
      cr: null,
      consistent: true,
      worst: null,
      problem: null,
    };
  const comparisons = (v.ahp?.comparisons ?? []) as Comparison[];
  try {
    const r = ahpPriorities(n, comparisons, { labels: v.criteria.map((c) => c.name) });
    const worst = n > 2 ? judgementErrors(comparisons, r.weights)[0] : undefined;
    return {
      weights: r.weights,
      cr: n > 2 ? r.cr : null,
      consistent: r.consistent,
      worst:
        worst && worst.deviation > 1e-9
          ? { row: worst.row, column: worst.column, given: worst.value, suggested: worst.suggested }
          : null,
      problem: null,
    };
  } catch (e) {
    return {
      weights: share(v.criteria.map(() => 1)),
      cr: null,
      consistent: false,
      worst: null,
      problem:
        e instanceof Error
          ? e.message.replace(/^comparisons: missing /, 'Compare every pair: missing ')
          : String(e),
    };
  }
}

/** The comparisons with every pair present (1 = equal where none was given), row < column. */
export function completeComparisons(
  n: number,
  given: readonly [number, number, number][],
): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const direct = given.find(([r, c]) => r === i && c === j);
      const reverse = given.find(([r, c]) => r === j && c === i);
      out.push([i, j, direct ? direct[2] : reverse ? 1 / reverse[2] : 1]);
    }
  return out;
}

/** The comparisons after criterion `k` is removed: its pairs go, later indices shift down. */
export function dropCriterion(
  given: readonly [number, number, number][],
  k: number,
): [number, number, number][] {
  const shift = (i: number) => (i > k ? i - 1 : i);
  return given.filter(([r, c]) => r !== k && c !== k).map(([r, c, v]) => [shift(r), shift(c), v]);
}
