// AHP against the published examples in ../shared/corpus/prioritization (Saaty's drinks matrix;
// the "choosing a leader" hierarchy), loaded as they are, plus hand-made cases.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ahpPriorities,
  type Comparison,
  composeHierarchy,
  composePriorities,
  judgementErrors,
  nearestScaleValue,
  pairwiseMatrix,
  randomIndex,
} from './ahp';

const corpus = fileURLToPath(
  new URL('../../../../../shared/corpus/prioritization/ahp-examples.json', import.meta.url),
);

type Named = [string, string, number];
interface Drinks {
  elements: string[];
  matrix: number[][];
  published_priorities: Record<string, number>;
  published_CR: number;
}
interface Leader {
  criteria_comparisons: Named[];
  alternative_comparisons: Record<string, Named[]>;
  published: {
    criteria_weights: Record<string, number>;
    criteria_CR: number;
    experience_local_weights: Record<string, number>;
    experience_CR: number;
    education_global_weights: Record<string, number>;
    education_CR: number;
    final_priorities: Record<string, number>;
  };
}
const examples = JSON.parse(readFileSync(corpus, 'utf8')).examples as { id: string }[];
const drinks = examples.find((e) => e.id === 'saaty-drinks') as unknown as Drinks;
const leader = examples.find((e) => e.id === 'choosing-a-leader') as unknown as Leader;

/** Published figures are rounded to 3 decimals: ours must round to the same. */
function expectPublished(
  names: readonly string[],
  values: readonly number[],
  published: Record<string, number>,
) {
  for (const [name, p] of Object.entries(published)) {
    expect(Math.abs(values[names.indexOf(name)]! - p), name).toBeLessThanOrEqual(0.0005 + 1e-12);
  }
}

function byIndex(names: readonly string[], named: readonly Named[]): Comparison[] {
  return named.map(([a, b, v]) => [names.indexOf(a), names.indexOf(b), v]);
}

describe('AHP on the published examples', () => {
  it("reproduces Saaty's drinks priorities and CR 0.022", () => {
    const n = drinks.elements.length;
    const comparisons: Comparison[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) comparisons.push([i, j, drinks.matrix[i]![j]!]);
    const result = ahpPriorities(n, comparisons, { labels: drinks.elements });
    expectPublished(drinks.elements, result.weights, drinks.published_priorities);
    expect(result.cr).toBeCloseTo(drinks.published_CR, 3);
    expect(result.consistent).toBe(true);
    // The lower triangle as published is the reciprocal of the upper one we gave.
    const matrix = pairwiseMatrix(n, comparisons);
    for (const [i, row] of matrix.entries()) {
      for (const [j, a] of row.entries()) expect(a / drinks.matrix[i]![j]!).toBeCloseTo(1, 5);
    }
  });

  const criteria = Object.keys(leader.published.criteria_weights);
  const candidates = ['Moll', 'Nell', 'Sue'];
  const criteriaResult = ahpPriorities(criteria.length, byIndex(criteria, leader.criteria_comparisons));
  const local = criteria.map((c) =>
    ahpPriorities(candidates.length, byIndex(candidates, leader.alternative_comparisons[c]!)),
  );

  it('reproduces the leader example: criteria weights and CR 0.044', () => {
    expectPublished(criteria, criteriaResult.weights, leader.published.criteria_weights);
    expect(criteriaResult.cr).toBeCloseTo(leader.published.criteria_CR, 3);
  });

  it('reproduces its local weights and CRs under each criterion', () => {
    const experience = local[criteria.indexOf('Experience')]!;
    expectPublished(candidates, experience.weights, leader.published.experience_local_weights);
    expect(experience.cr).toBeCloseTo(leader.published.experience_CR, 3);
    const education = local[criteria.indexOf('Education')]!;
    expect(education.cr).toBeCloseTo(leader.published.education_CR, 3);
    // The published global weights under Education are products of figures already rounded to 3
    // decimals (0.127 × 0.731 = 0.0928 → 0.093, where unrounded 0.12656 × 0.73059 = 0.0925): ours
    // round the same way when rounded first, and are within a unit of the third decimal unrounded.
    const round3 = (v: number) => Math.round(v * 1000) / 1000;
    const educationWeight = criteriaResult.weights[criteria.indexOf('Education')]!;
    for (const [name, p] of Object.entries(leader.published.education_global_weights)) {
      const w = education.weights[candidates.indexOf(name)]!;
      expect(round3(round3(educationWeight) * round3(w)), name).toBe(p);
      expect(Math.abs(educationWeight * w - p), name).toBeLessThanOrEqual(0.001);
    }
    // The corpus notes list the other criteria's local weights and CRs (recomputed, not printed).
    expectPublished(candidates, local[criteria.indexOf('Charisma')]!.weights, {
      Moll: 0.743,
      Nell: 0.194,
      Sue: 0.063,
    });
    expect(local[criteria.indexOf('Charisma')]!.cr).toBeCloseTo(0.069, 3);
    expectPublished(candidates, local[criteria.indexOf('Age')]!.weights, {
      Moll: 0.265,
      Nell: 0.672,
      Sue: 0.063,
    });
    expect(local[criteria.indexOf('Age')]!.cr).toBeCloseTo(0.028, 3);
  });

  it('composes the final priorities: Nell 0.493, Moll 0.358, Sue 0.15', () => {
    const global = composePriorities(
      criteriaResult.weights,
      local.map((l) => l.weights),
    );
    const { Sue, ...others } = leader.published.final_priorities;
    expectPublished(candidates, global, others);
    // Sue comes out 0.14908 (0.149), a unit of the third decimal from the published 0.15 …
    expect(Math.abs(global[2]! - Sue!)).toBeLessThanOrEqual(0.001);
    expect(global.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    // … which is what composing the figures rounded to 3 decimals gives (0.1495 → 0.150): the
    // source rounded before composing.
    const round3 = (v: number) => Math.round(v * 1000) / 1000;
    const rounded = composePriorities(
      criteriaResult.weights.map(round3),
      local.map((l) => l.weights.map(round3)),
    );
    expect(rounded.map(round3)).toEqual(candidates.map((c) => leader.published.final_priorities[c]));
  });
});

describe('AHP by hand', () => {
  it('gives the exact weights of a consistent matrix, λmax = n and CR 0', () => {
    // Weights 4 : 2 : 1 → a01 = 2, a02 = 4, a12 = 2.
    const result = ahpPriorities(3, [
      [0, 1, 2],
      [0, 2, 4],
      [1, 2, 2],
    ]);
    expect(result.weights).toEqual([4 / 7, 2 / 7, 1 / 7].map((w) => expect.closeTo(w, 12)));
    expect(result.lambdaMax).toBeCloseTo(3, 12);
    expect(result.cr).toBeCloseTo(0, 12);
  });

  it('accepts a comparison in either direction', () => {
    const a = ahpPriorities(2, [[0, 1, 3]]);
    const b = ahpPriorities(2, [[1, 0, 1 / 3]]);
    expect(a.weights).toEqual(b.weights);
    expect(a.weights[0]).toBeCloseTo(0.75, 12);
    expect(a.cr).toBe(0);
    expect(ahpPriorities(1, []).weights).toEqual([1]);
  });

  it('flags an inconsistent matrix (a > b > c but c > a)', () => {
    const result = ahpPriorities(3, [
      [0, 1, 5],
      [1, 2, 5],
      [2, 0, 5],
    ]);
    expect(result.cr).toBeGreaterThan(0.1);
    expect(result.consistent).toBe(false);
  });

  it('uses the random index table asked for', () => {
    expect(randomIndex(7)).toBe(1.35);
    expect(randomIndex(7, 'saaty-1980')).toBe(1.32);
    expect(randomIndex(7, 'donegan-dodd')).toBe(1.2519);
    expect(randomIndex(2)).toBe(0);
    expect(() => randomIndex(16)).toThrow(RangeError);
  });

  it('names the pair in every complaint', () => {
    const labels = ['Cost', 'Risk', 'Value'];
    expect(() =>
      pairwiseMatrix(
        3,
        [
          [0, 1, 2],
          [0, 2, 3],
        ],
        labels,
      ),
    ).toThrow('comparisons: missing Risk vs Value');
    expect(() => pairwiseMatrix(3, [[0, 1, 12]], labels)).toThrow(
      /comparisons\[0\]: Cost vs Risk is 12, outside/,
    );
    expect(() => pairwiseMatrix(3, [[0, 1, 0.1]], labels)).toThrow(/Cost vs Risk is 0.1/);
    expect(() =>
      pairwiseMatrix(
        3,
        [
          [0, 1, 2],
          [1, 0, 0.5],
        ],
        labels,
      ),
    ).toThrow(/comparisons\[1\]: Risk vs Cost is compared more than once/);
    expect(() => pairwiseMatrix(3, [[1, 1, 1]], labels)).toThrow(/itself/);
    expect(() => pairwiseMatrix(3, [[0, 3, 1]], labels)).toThrow(/comparisons\[0\]: element 3/);
    expect(() => pairwiseMatrix(0, [])).toThrow(/n must be/);
    expect(() => pairwiseMatrix(16, [])).toThrow(/n must be/);
    // Six-decimal reciprocals as published pass for 1/9.
    expect(() => pairwiseMatrix(2, [[0, 1, 0.111111]])).not.toThrow();
  });
});

describe('the most inconsistent judgement', () => {
  it('points at the judgement that was changed in an otherwise consistent matrix', () => {
    // Consistent weights 8 : 4 : 2 : 1, then a23 = 2 is turned round to 1/4.
    const w = [8, 4, 2, 1];
    const comparisons: Comparison[] = [];
    for (let i = 0; i < 4; i++) for (let j = i + 1; j < 4; j++) comparisons.push([i, j, w[i]! / w[j]!]);
    const changed = comparisons.findIndex(([i, j]) => i === 2 && j === 3);
    comparisons[changed] = [2, 3, 1 / 4];
    const result = ahpPriorities(4, comparisons);
    const [worst, next] = judgementErrors(comparisons, result.weights);
    expect(worst!.index).toBe(changed);
    expect(worst!.deviation).toBeGreaterThan(next!.deviation);
    // Via 0 and via 1 the other judgements both say 2.
    expect(worst!.suggested).toBe(2);
  });

  it("in Saaty's drinks, it is wine vs water: 1/9 is as far as the scale goes", () => {
    const n = drinks.elements.length;
    const comparisons: Comparison[] = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) comparisons.push([i, j, drinks.matrix[i]![j]!]);
    const [worst] = judgementErrors(comparisons, ahpPriorities(n, comparisons).weights);
    expect([drinks.elements[worst!.row], drinks.elements[worst!.column]]).toEqual(['wine', 'water']);
    expect(worst!.suggested).toBeCloseTo(1 / 9, 12);
  });

  it('rounds a ratio to the nearest point of the scale', () => {
    expect(nearestScaleValue(2.4)).toBe(2);
    expect(nearestScaleValue(2.5)).toBe(3); // 2.5/2 = 1.25 > 3/2.5 = 1.2
    expect(nearestScaleValue(0.3)).toBeCloseTo(1 / 3, 12);
    expect(nearestScaleValue(40)).toBe(9);
  });
});

describe('composition', () => {
  it('multiplies weights down a three-level hierarchy', () => {
    const global = composeHierarchy({
      priorities: [0.6, 0.4],
      children: [
        { priorities: [0.5, 0.5], children: [{ priorities: [1, 0] }, { priorities: [0, 1] }] },
        { priorities: [0.25, 0.75] },
      ],
    });
    expect(global[0]).toBeCloseTo(0.6 * 0.5 + 0.4 * 0.25, 12);
    expect(global[1]).toBeCloseTo(0.6 * 0.5 + 0.4 * 0.75, 12);
  });

  it('says where the shapes do not fit', () => {
    expect(() => composePriorities([0.5, 0.5], [[1, 0]])).toThrow(/2 priorities but 1 children/);
    expect(() =>
      composePriorities(
        [0.5, 0.5],
        [
          [1, 0],
          [0.2, 0.3, 0.5],
        ],
      ),
    ).toThrow(/hierarchy.children\[1\] ranks 3 alternatives, not 2/);
    expect(() => composePriorities([0.5, -0.5], [[1], [1]])).toThrow(/hierarchy.priorities\[1\]/);
  });
});
