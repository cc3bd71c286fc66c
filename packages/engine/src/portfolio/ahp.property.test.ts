import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ahpPriorities,
  type Comparison,
  composePriorities,
  judgementErrors,
  pairwiseMatrix,
  SAATY_SCALE,
} from './ahp';

/** Every pair of n elements judged once, in a random direction, with any value of Saaty's scale. */
const judgements = fc.integer({ min: 1, max: 15 }).chain((n) =>
  fc
    .array(fc.tuple(fc.constantFrom(...SAATY_SCALE), fc.boolean()), {
      minLength: (n * (n - 1)) / 2,
      maxLength: (n * (n - 1)) / 2,
    })
    .map((values) => {
      const comparisons: Comparison[] = [];
      let k = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          const [value, flip] = values[k++]!;
          comparisons.push(flip ? [j, i, value] : [i, j, value]);
        }
      }
      return { n, comparisons };
    }),
);

/** Judgements that agree with some weights (all ratios within the scale). */
const consistent = fc
  .array(fc.double({ min: 1, max: 3, noNaN: true }), { minLength: 1, maxLength: 12 })
  .map((w) => {
    const comparisons: Comparison[] = [];
    for (let i = 0; i < w.length; i++)
      for (let j = i + 1; j < w.length; j++) comparisons.push([i, j, w[i]! / w[j]!]);
    return { w, comparisons };
  });

describe('AHP laws', () => {
  it('weights are positive, sum to 1, and form the principal eigenvector (A w = λmax w)', () => {
    fc.assert(
      fc.property(judgements, ({ n, comparisons }) => {
        const { weights, lambdaMax, ci, cr } = ahpPriorities(n, comparisons);
        expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (const w of weights) expect(w).toBeGreaterThan(0);
        const matrix = pairwiseMatrix(n, comparisons);
        matrix.forEach((row, i) => {
          const aw = row.reduce((s, a, j) => s + a * weights[j]!, 0);
          expect(Math.abs(aw - lambdaMax * weights[i]!)).toBeLessThanOrEqual(1e-9 * lambdaMax);
        });
        expect(lambdaMax).toBeGreaterThanOrEqual(n - 1e-9);
        expect(ci).toBeGreaterThanOrEqual(0);
        expect(cr).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });

  it('consistent judgements give back their weights, with CR 0', () => {
    fc.assert(
      fc.property(consistent, ({ w, comparisons }) => {
        const result = ahpPriorities(w.length, comparisons);
        const total = w.reduce((a, b) => a + b, 0);
        result.weights.forEach((x, i) => {
          expect(x).toBeCloseTo(w[i]! / total, 9);
        });
        expect(result.cr).toBeLessThan(1e-9);
        expect(result.consistent).toBe(true);
        for (const e of judgementErrors(comparisons, result.weights)) expect(e.deviation).toBeLessThan(1e-9);
      }),
    );
  });

  it('one judgement turned against consistent others is the worst, from 4 elements on', () => {
    fc.assert(
      fc.property(
        consistent.filter(({ w }) => w.length >= 4),
        fc.nat(),
        fc.double({ min: 2, max: 3, noNaN: true }),
        fc.boolean(),
        ({ w, comparisons }, pick, factor, up) => {
          const changed = pick % comparisons.length;
          const [i, j, v] = comparisons[changed]!;
          comparisons[changed] = [i, j, up ? v * factor : v / factor];
          const result = ahpPriorities(w.length, comparisons);
          expect(judgementErrors(comparisons, result.weights)[0]!.index).toBe(changed);
        },
      ),
    );
  });

  it('global priorities of a two-level hierarchy sum to 1 when every level does', () => {
    fc.assert(
      fc.property(
        judgements,
        fc.array(judgements, { minLength: 1, maxLength: 1 }),
        ({ n, comparisons }, [alt]) => {
          const criteria = ahpPriorities(n, comparisons).weights;
          const local = criteria.map(() => ahpPriorities(alt!.n, alt!.comparisons).weights);
          expect(composePriorities(criteria, local).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        },
      ),
      { numRuns: 50 },
    );
  });
});
