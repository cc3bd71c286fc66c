// Weighted scoring against the published example in ../shared/corpus/prioritization (the
// Schwalbe-style 4-project table: 79, 78.5, 55, 36.5), loaded as it is, plus hand-made cases.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ahpPriorities } from './ahp';
import {
  rankProposals,
  type Score,
  type ScoringFramework,
  scoreProposal,
  validateFramework,
} from './scoring';

const corpus = fileURLToPath(
  new URL('../../../../../shared/corpus/prioritization/weighted-scoring-examples.json', import.meta.url),
);
interface Example {
  criteria: { name: string; weight: number }[];
  scores: Record<string, number[]>;
  published_weighted_scores: Record<string, number>;
}
const [schwalbe] = JSON.parse(readFileSync(corpus, 'utf8')).examples as Example[];

/** The example's table as a framework (scores 0–100, higher is better) and one scorer's scores. */
function fromTable(example: Example, negative: readonly string[] = []) {
  const framework: ScoringFramework = {
    combine: 'mean',
    criteria: example.criteria.map((c, i) => ({
      id: `c${i}`,
      name: c.name,
      weight: c.weight,
      scale: { min: 0, max: 100 },
      direction: negative.includes(c.name) ? 'negative' : 'benefit',
    })),
  };
  const scores: Score[] = Object.entries(example.scores).flatMap(([proposalId, values]) =>
    values.map((v, i) => ({
      proposalId,
      criterionId: `c${i}`,
      scorerId: 'pmo',
      // A negative criterion is scored the raw way round: a high cost scores high.
      value: negative.includes(example.criteria[i]!.name) ? 100 - v : v,
    })),
  );
  return { framework, scores, proposals: Object.keys(example.scores) };
}

/** A small framework on a 1–5 scale for the hand-made cases. */
const framework: ScoringFramework = {
  combine: 'mean',
  criteria: [
    {
      id: 'value',
      name: 'Business value',
      weight: 3,
      scale: { min: 1, max: 5 },
      direction: 'benefit',
      objectiveId: 'growth',
    },
    {
      id: 'fit',
      name: 'Strategic fit',
      weight: 1,
      scale: { min: 1, max: 5 },
      direction: 'benefit',
      objectiveId: 'growth',
    },
    {
      id: 'risk',
      name: 'Delivery risk',
      weight: 1,
      scale: {
        min: 1,
        max: 5,
        levels: [
          { value: 1, label: 'Low' },
          { value: 5, label: 'Very high' },
        ],
      },
      direction: 'negative',
    },
  ],
};
const s = (proposalId: string, criterionId: string, scorerId: string, value: number): Score => ({
  proposalId,
  criterionId,
  scorerId,
  value,
});

describe('the published weighted scoring example', () => {
  it('reproduces the totals 79, 78.5, 55, 36.5 and the ranking P1 > P2 > P3 > P4', () => {
    const { framework, scores, proposals } = fromTable(schwalbe!);
    const ranked = rankProposals(framework, proposals, scores);
    for (const r of ranked)
      expect(r.total).toBeCloseTo(schwalbe!.published_weighted_scores[r.proposalId]!, 9);
    expect(ranked.map((r) => r.proposalId)).toEqual(['Project 1', 'Project 2', 'Project 3', 'Project 4']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    // Project 1's breakdown: 0.10 × 90 + 0.25 × 70 + 0.25 × 90 + 0.15 × 90 + 0.10 × 90 + 0.15 × 50.
    expect(ranked[0]!.criteria.map((c) => c.contribution)).toEqual(
      [9, 17.5, 22.5, 13.5, 9, 7.5].map((v) => expect.closeTo(v, 9)),
    );
  });

  it('gives the same totals with the cost criteria entered as negative, raw way round', () => {
    const { framework, scores, proposals } = fromTable(schwalbe!, ['Upfront costs', 'Potential resistance']);
    for (const r of rankProposals(framework, proposals, scores)) {
      expect(r.total).toBeCloseTo(schwalbe!.published_weighted_scores[r.proposalId]!, 9);
    }
  });
});

describe('one proposal', () => {
  it('maps each criterion to 0–1 on its scale and weighs it (hand-computed)', () => {
    // value 4 → 0.75, fit 5 → 1, risk 2 → 1 − 0.25 = 0.75; weights 3/5, 1/5, 1/5.
    const result = scoreProposal(framework, 'p', [
      s('p', 'value', 'a', 4),
      s('p', 'fit', 'a', 5),
      s('p', 'risk', 'a', 2),
    ]);
    expect(result.scored).toBe(true);
    expect(result.total).toBeCloseTo(100 * (0.6 * 0.75 + 0.2 * 1 + 0.2 * 0.75), 12); // 80
    expect(result.criteria.map((c) => c.weight)).toEqual([0.6, 0.2, 0.2]);
    expect(result.alignment).toEqual({ growth: expect.closeTo((0.6 * 0.75 + 0.2) / 0.8, 12) });
  });

  it('combines several scorers by mean or median and reports their disagreement', () => {
    const scores = [
      s('p', 'value', 'a', 1),
      s('p', 'value', 'b', 4),
      s('p', 'value', 'c', 5),
      s('p', 'fit', 'a', 3),
      s('p', 'fit', 'b', 5),
      s('p', 'risk', 'a', 2),
    ];
    const byMean = scoreProposal(framework, 'p', scores);
    const byMedian = scoreProposal({ ...framework, combine: 'median' }, 'p', scores);
    expect(byMean.criteria[0]!.value).toBeCloseTo(10 / 3, 12);
    expect(byMedian.criteria[0]!.value).toBe(4);
    expect(byMedian.criteria[1]!.value).toBe(4); // even count: mean of the middle two
    const value = byMean.criteria[0]!;
    expect(value.range).toBe(4);
    expect(value.sd).toBeCloseTo(
      Math.sqrt(((1 - 10 / 3) ** 2 + (4 - 10 / 3) ** 2 + (5 - 10 / 3) ** 2) / 3),
      12,
    );
    expect(value.disagreement).toBe(true); // range 4 > 2
    expect(byMean.criteria[1]!.disagreement).toBe(false); // range 2 is not above 2
    expect(byMean.disagreement.criteria).toEqual(['value']);
    // 100 × (0.6 × 4/4 + 0.2 × 2/4 + 0.2 × 0): the scorers' ranges span 70 points of the total.
    expect(byMean.disagreement.spread).toBeCloseTo(70, 12);
    expect(
      scoreProposal({ ...framework, disagreementThreshold: 4 }, 'p', scores).disagreement.criteria,
    ).toEqual([]);
  });

  it('is not scored until every criterion has a score, and says which are missing', () => {
    const result = scoreProposal(framework, 'p', [s('p', 'fit', 'a', 3)]);
    expect(result.scored).toBe(false);
    expect(result.missing).toEqual(['value', 'risk']);
    expect(result.total).toBeNull();
    expect(result.criteria[1]!.contribution).toBeCloseTo(10, 12);
    expect(result.criteria[0]).toMatchObject({ count: 0, value: null, contribution: null });
  });

  it('takes weights from AHP', () => {
    // Value is 3 times as important as fit and risk, which are equal: weights 0.6, 0.2, 0.2.
    const { weights } = ahpPriorities(3, [
      [0, 1, 3],
      [0, 2, 3],
      [1, 2, 1],
    ]);
    const ahp = { ...framework, criteria: framework.criteria.map((c, i) => ({ ...c, weight: weights[i]! })) };
    const scores = [s('p', 'value', 'a', 4), s('p', 'fit', 'a', 5), s('p', 'risk', 'a', 2)];
    expect(scoreProposal(ahp, 'p', scores).total).toBeCloseTo(
      scoreProposal(framework, 'p', scores).total!,
      9,
    );
  });
});

describe('the ranked list', () => {
  it('breaks ties by proposal id and puts proposals still missing scores last, unranked', () => {
    const full = (id: string, v: number) => [
      s(id, 'value', 'a', v),
      s(id, 'fit', 'a', v),
      s(id, 'risk', 'a', 3),
    ];
    const ranked = rankProposals(
      framework,
      ['zeta', 'alpha', 'draft', 'beta', 'empty'],
      [...full('zeta', 4), ...full('beta', 4), ...full('alpha', 2), s('draft', 'value', 'a', 5)],
    );
    expect(ranked.map((r) => [r.proposalId, r.rank])).toEqual([
      ['beta', 1],
      ['zeta', 2],
      ['alpha', 3],
      ['draft', null],
      ['empty', null],
    ]);
    expect(ranked[4]!.missing).toEqual(['value', 'fit', 'risk']);
  });
});

describe('errors name the field', () => {
  it('in the framework', () => {
    const bad = (change: object) => ({ ...framework, criteria: [{ ...framework.criteria[0]!, ...change }] });
    expect(() => validateFramework(bad({ weight: -1 }))).toThrow(/criteria\[0\]\.weight/);
    expect(() => validateFramework(bad({ weight: 0 }))).toThrow(/weights must not all be 0/);
    expect(() => validateFramework(bad({ scale: { min: 5, max: 1 } }))).toThrow(/criteria\[0\]\.scale/);
    expect(() =>
      validateFramework(bad({ scale: { min: 1, max: 5, levels: [{ value: 6, label: 'x' }] } })),
    ).toThrow(/criteria\[0\]\.scale\.levels\[0\]\.value/);
    expect(() => validateFramework(bad({ direction: 'up' }))).toThrow(/criteria\[0\]\.direction/);
    expect(() =>
      validateFramework({ ...framework, criteria: [framework.criteria[0]!, framework.criteria[0]!] }),
    ).toThrow(/criteria\[1\]\.id value/);
    expect(() => validateFramework({ ...framework, combine: 'mode' as 'mean' })).toThrow(/combine/);
    expect(() => validateFramework({ ...framework, criteria: [] })).toThrow(/criteria/);
    expect(() => validateFramework({ ...framework, disagreementThreshold: -1 })).toThrow(
      /disagreementThreshold/,
    );
  });

  it('in the scores', () => {
    expect(() => scoreProposal(framework, 'p', [s('p', 'value', 'a', 6)])).toThrow(
      /scores\[0\]\.value 6 is outside Business value/,
    );
    expect(() => scoreProposal(framework, 'p', [s('p', 'cost', 'a', 1)])).toThrow(
      /scores\[0\]\.criterionId cost/,
    );
    expect(() => scoreProposal(framework, 'p', [s('q', 'value', 'a', 1)])).toThrow(
      /scores\[0\]\.proposalId q/,
    );
    expect(() => scoreProposal(framework, 'p', [s('p', 'fit', 'a', 1), s('p', 'fit', 'a', 2)])).toThrow(
      /scores\[1\]: a already scored p on Strategic fit/,
    );
    expect(() => rankProposals(framework, ['p', 'p'], [])).toThrow(/proposalIds/);
  });
});
