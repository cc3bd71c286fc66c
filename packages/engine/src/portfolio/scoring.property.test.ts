import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankProposals, type Score, type ScoringFramework, scoreProposal } from './scoring';

/** A framework of 1–6 criteria on scales like 1–5 or 0–10, with a panel's scores for a few proposals. */
const cases = fc
  .record({
    combine: fc.constantFrom<'mean' | 'median'>('mean', 'median'),
    criteria: fc.array(
      fc.record({
        weight: fc.integer({ min: 0, max: 10 }),
        scale: fc.constantFrom({ min: 1, max: 5 }, { min: 0, max: 10 }, { min: 0, max: 100 }),
        direction: fc.constantFrom<'benefit' | 'negative'>('benefit', 'negative'),
      }),
      { minLength: 1, maxLength: 6 },
    ),
  })
  .filter((f) => f.criteria.some((c) => c.weight > 0))
  .chain((f) => {
    const framework: ScoringFramework = {
      combine: f.combine,
      criteria: f.criteria.map((c, i) => ({ ...c, id: `c${i}`, name: `C${i}` })),
    };
    const score = fc
      .record({
        proposal: fc.integer({ min: 0, max: 4 }),
        criterion: fc.integer({ min: 0, max: f.criteria.length - 1 }),
        scorer: fc.integer({ min: 0, max: 3 }),
        at: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map(({ proposal, criterion, scorer, at }): Score => {
        const { min, max } = f.criteria[criterion]!.scale;
        return {
          proposalId: `p${proposal}`,
          criterionId: `c${criterion}`,
          scorerId: `s${scorer}`,
          value: Math.round(min + at * (max - min)),
        };
      });
    const scores = fc.uniqueArray(score, {
      selector: (s) => `${s.proposalId} ${s.criterionId} ${s.scorerId}`,
      maxLength: 60,
    });
    return fc.record({ framework: fc.constant(framework), scores });
  });
const proposals = ['p0', 'p1', 'p2', 'p3', 'p4'];

describe('weighted scoring laws', () => {
  it('a total is within 0–100 and is the sum of its contributions', () => {
    fc.assert(
      fc.property(cases, ({ framework, scores }) => {
        for (const r of rankProposals(framework, proposals, scores)) {
          if (!r.scored) continue;
          expect(r.total!).toBeGreaterThanOrEqual(-1e-9);
          expect(r.total!).toBeLessThanOrEqual(100 + 1e-9);
          expect(r.total!).toBeCloseTo(
            r.criteria.reduce((a, c) => a + c.contribution!, 0),
            9,
          );
        }
      }),
    );
  });

  it('the ranked list is ordered by total, and does not depend on the order of its input', () => {
    fc.assert(
      fc.property(cases, fc.infiniteStream(fc.nat()), ({ framework, scores }, shuffle) => {
        const ranked = rankProposals(framework, proposals, scores);
        const totals = ranked.filter((r) => r.scored).map((r) => r.total!);
        for (let i = 1; i < totals.length; i++) expect(totals[i]!).toBeLessThanOrEqual(totals[i - 1]! + 1e-9);
        expect(ranked.every((r) => (r.rank === null) === !r.scored)).toBe(true);
        const it = shuffle[Symbol.iterator]();
        const reorder = <T>(xs: readonly T[]) =>
          xs
            .map((x) => [it.next().value as number, x] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, x]) => x);
        const again = rankProposals(framework, reorder(proposals), reorder(scores));
        expect(again.map((r) => [r.proposalId, r.rank])).toEqual(ranked.map((r) => [r.proposalId, r.rank]));
      }),
    );
  });

  it('a higher score raises a benefit criterion and lowers a negative one, never the other way', () => {
    fc.assert(
      fc.property(cases, fc.nat(), ({ framework, scores }, pick) => {
        fc.pre(scores.length > 0);
        const target = scores[pick % scores.length]!;
        const criterion = framework.criteria.find((c) => c.id === target.criterionId)!;
        fc.pre(target.value < criterion.scale.max);
        const raised = scores.map((s) => (s === target ? { ...s, value: criterion.scale.max } : s));
        const mine = (list: Score[]) => list.filter((s) => s.proposalId === target.proposalId);
        const before = scoreProposal(framework, target.proposalId, mine(scores));
        const after = scoreProposal(framework, target.proposalId, mine(raised));
        if (!before.scored) return;
        const delta = after.total! - before.total!;
        if (criterion.direction === 'benefit') expect(delta).toBeGreaterThanOrEqual(-1e-9);
        else expect(delta).toBeLessThanOrEqual(1e-9);
      }),
    );
  });

  it('scaling every weight by the same factor changes nothing', () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 2, max: 1000 }), ({ framework, scores }, k) => {
        const scaled = {
          ...framework,
          criteria: framework.criteria.map((c) => ({ ...c, weight: c.weight * k })),
        };
        const a = rankProposals(framework, proposals, scores);
        const b = rankProposals(scaled, proposals, scores);
        a.forEach((r, i) => {
          if (r.total === null) expect(b[i]!.total).toBeNull();
          else expect(b[i]!.total!).toBeCloseTo(r.total, 9);
        });
      }),
    );
  });
});
