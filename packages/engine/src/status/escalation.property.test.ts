import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../calendar/time';
import { type ChainOffice, type EscalationItem, nextEscalation } from './escalation';
import { ISSUE_SEVERITIES } from './types';

const tolerance = fc.record({
  maxScore: fc.option(fc.integer({ min: 1, max: 25 }), { nil: null }),
  maxSeverity: fc.option(fc.constantFrom(...ISSUE_SEVERITIES), { nil: null }),
  resolutionDays: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
});
const chain: fc.Arbitrary<ChainOffice[]> = fc
  .array(tolerance, { minLength: 1, maxLength: 4 })
  .map((ts) => ts.map((t, i) => ({ officeId: `o${i}`, tolerance: t })));
const day = fc.integer({ min: 20_000, max: 20_100 });
const item = fc.record({
  score: fc.option(fc.integer({ min: 1, max: 25 }), { nil: null }),
  severity: fc.option(fc.constantFrom(...ISSUE_SEVERITIES), { nil: null }),
  due: fc.option(day.map(isoDay), { nil: null }),
});

/** The steps the server would record, asking again after each one, over a run of days. */
function run(start: EscalationItem, offices: ChainOffice[], days: number[]) {
  let current = start;
  let asked = 0;
  for (const d of days) {
    for (;;) {
      asked++;
      const r = nextEscalation(current, offices, isoDay(d));
      if (!r.ok) throw new Error(r.error.message);
      if (!r.value.escalate) break;
      current = { ...current, trail: [...(current.trail ?? []), r.value.step] };
    }
  }
  return { trail: current.trail ?? [], asked };
}

describe('escalation laws', () => {
  it('each step rises exactly one level, and the climb ends at the top at the latest', () => {
    fc.assert(
      fc.property(chain, item, fc.array(day, { minLength: 1, maxLength: 6 }), (offices, fields, days) => {
        const sorted = [...days].sort((a, b) => a - b);
        const { trail, asked } = run({ id: 'x', open: true, ...fields }, offices, sorted);
        expect(trail.length).toBeLessThanOrEqual(offices.length - 1);
        expect(asked).toBe(sorted.length + trail.length);
        trail.forEach((step, i) => {
          expect(step.fromOfficeId).toBe(`o${i}`);
          expect(step.toOfficeId).toBe(`o${i + 1}`);
          expect(step.reasons.length).toBeGreaterThan(0);
        });
      }),
    );
  });

  it('a higher score never ends lower on the chain', () => {
    fc.assert(
      fc.property(chain, fc.integer({ min: 1, max: 24 }), day, (offices, score, d) => {
        const low = run({ id: 'x', open: true, score }, offices, [d]).trail.length;
        const high = run({ id: 'x', open: true, score: score + 1 }, offices, [d]).trail.length;
        expect(high).toBeGreaterThanOrEqual(low);
      }),
    );
  });
});
