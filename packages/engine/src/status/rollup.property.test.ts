import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Rollup, type RollupChild, type RollupOptions, rollUp } from './rollup';
import { RAG_DIMENSIONS, RAG_SCORE, type RagRating, ragOfScore, type StatusRatings } from './types';

const rating = fc.constantFrom<RagRating>('green', 'amber', 'red', 'unknown');
const ratings: fc.Arbitrary<StatusRatings> = fc.record({
  overall: rating,
  dimensions: fc.record(
    Object.fromEntries(RAG_DIMENSIONS.map((d) => [d, rating])) as Record<
      (typeof RAG_DIMENSIONS)[number],
      typeof rating
    >,
    { requiredKeys: [] },
  ),
});
const children = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    status: fc.option(ratings, { nil: null, freq: 5 }),
    weight: fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true })),
  }),
  { selector: (c) => c.id, maxLength: 30 },
);
const options = fc.record({
  rule: fc.oneof(
    fc.constant({ method: 'worst' as const }),
    fc.record({
      method: fc.constant('weighted' as const),
      amberFrom: fc.double({ min: 1.01, max: 2, noNaN: true }),
      redFrom: fc.double({ min: 2.01, max: 3, noNaN: true }),
    }),
  ),
  missing: fc.constantFrom<RollupOptions['missing']>('ignore', 'amber', 'red'),
});

function roll(list: readonly RollupChild[], opts?: RollupOptions): Rollup {
  const r = rollUp(list, opts);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Every (cell, the children's ratings in it) pair of a roll-up. */
function cells(r: Rollup, list: readonly RollupChild[]) {
  const of = (pick: (s: StatusRatings) => RagRating | undefined) =>
    list.flatMap((c) => {
      const v = c.status ? pick(c.status) : undefined;
      return v && v !== 'unknown' ? [v] : [];
    });
  return [
    { cell: r.overall, rated: of((s) => s.overall) },
    ...RAG_DIMENSIONS.map((d) => ({ cell: r.dimensions[d], rated: of((s) => s.dimensions[d]) })),
  ];
}

const score = (r: RagRating) => (r === 'unknown' ? 0 : RAG_SCORE[r]);

describe('roll-up laws', () => {
  it('worst-of is never better than any child', () => {
    fc.assert(
      fc.property(children, (list) => {
        for (const { cell, rated } of cells(roll(list), list)) {
          for (const child of rated) expect(score(cell.rag)).toBeGreaterThanOrEqual(RAG_SCORE[child]);
        }
      }),
    );
  });

  it('weighted with equal weights lies between the best and the worst child', () => {
    fc.assert(
      fc.property(children, (list) => {
        const equal = list.map((c) => ({ ...c, weight: 7 }));
        for (const { cell, rated } of cells(roll(equal, { rule: { method: 'weighted' } }), equal)) {
          if (rated.length === 0) {
            expect(cell.rag).toBe('unknown');
            continue;
          }
          const scores = rated.map((r) => RAG_SCORE[r]);
          expect(score(cell.rag)).toBeGreaterThanOrEqual(Math.min(...scores));
          expect(score(cell.rag)).toBeLessThanOrEqual(Math.max(...scores));
        }
      }),
    );
  });

  it('adding a red child never improves a roll-up, whatever the rule and weights', () => {
    fc.assert(
      fc.property(children, options, fc.integer({ min: 0, max: 1000 }), (list, opts, weight) => {
        const allRed = Object.fromEntries(RAG_DIMENSIONS.map((d) => [d, 'red']));
        const red: RollupChild = {
          id: '\u{10ffff}red',
          status: { overall: 'red', dimensions: allRed },
          weight,
        };
        const before = cells(roll(list, opts), list);
        const after = cells(roll([...list, red], opts), [...list, red]);
        before.forEach(({ cell }, i) => {
          expect(score(after[i]!.cell.rag)).toBeGreaterThanOrEqual(score(cell.rag));
        });
      }),
    );
  });

  it('counts add up to the number of projects, and the order of the children does not matter', () => {
    fc.assert(
      fc.property(children, options, (list, opts) => {
        const r = roll(list, opts);
        for (const { cell } of cells(r, list)) {
          const { green, amber, red, unknown, missing } = cell.counts;
          expect(green + amber + red + unknown + missing).toBe(list.length);
        }
        expect(roll([...list].reverse(), opts)).toEqual(r);
      }),
    );
  });

  it('colours a weighted roll-up by its score, which stays on the 1–3 scale', () => {
    fc.assert(
      fc.property(children, options, (list, opts) => {
        for (const { cell } of cells(roll(list, opts), list)) {
          if (cell.score === null) continue;
          expect(cell.score).toBeGreaterThanOrEqual(1 - 1e-9);
          expect(cell.score).toBeLessThanOrEqual(3 + 1e-9);
          const { amberFrom, redFrom } = opts.rule.method === 'weighted' ? opts.rule : {};
          expect(cell.rag).toBe(ragOfScore(cell.score, amberFrom, redFrom));
        }
      }),
    );
  });
});
