import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cumulativeFlow, discountedFlows, discountedPaybackPeriod, irr, npv, paybackPeriod } from './finance';

const amount = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 });
/** Any yearly net cash flow, up to 30 years. */
const anyFlows = fc.array(amount, { minLength: 0, maxLength: 30 });
/** A conventional flow: an outlay in year 0, then inflows (some may be 0, at least one positive). */
const conventional = fc
  .tuple(
    fc.integer({ min: 1, max: 1_000_000_000 }),
    fc.array(fc.integer({ min: 0, max: 1_000_000_000 }), { minLength: 1, maxLength: 30 }),
  )
  .filter(([, inflows]) => inflows.some((v) => v > 0))
  .map(([outlay, inflows]) => [-outlay, ...inflows]);
const rate = fc.double({ min: -0.9, max: 5, noNaN: true });

describe('finance laws', () => {
  it('the NPV at the IRR is zero, to the precision of the discounted flows', () => {
    fc.assert(
      fc.property(anyFlows, (flows) => {
        const result = irr(flows);
        if (result.rate === null) return;
        const r = result.rate;
        const scale = discountedFlows(flows, r).reduce((a, v) => a + Math.abs(v), 0);
        // Near −100 % the rate itself carries the error: 1 + r is only known to ulp(r) / (1 + r).
        const rateError = (flows.length * Number.EPSILON * Math.max(1, Math.abs(r))) / (1 + r);
        expect(Math.abs(npv(flows, r))).toBeLessThanOrEqual((1e-9 + rateError) * scale);
      }),
      { numRuns: 2000 },
    );
  });

  it('a conventional flow has exactly one IRR, with NPV > 0 below it and < 0 above it', () => {
    fc.assert(
      fc.property(conventional, rate, (flows, r) => {
        const result = irr(flows);
        expect(result.rate).not.toBeNull();
        const at = npv(flows, r);
        const irrRate = result.rate!;
        if (r < irrRate - 1e-9) expect(at).toBeGreaterThan(0);
        if (r > irrRate + 1e-9) expect(at).toBeLessThan(0);
      }),
    );
  });

  it('the NPV of a conventional flow decreases as the rate rises', () => {
    fc.assert(
      fc.property(conventional, rate, rate, (flows, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        // Strictly in exact arithmetic; in floating point two near rates may give the same sum.
        expect(npv(flows, lo)).toBeGreaterThanOrEqual(npv(flows, hi));
        if (hi - lo > 0.01 && hi < 1 && flows.length <= 10)
          expect(npv(flows, lo)).toBeGreaterThan(npv(flows, hi));
      }),
    );
  });

  it('the payback period agrees with the cumulative flow', () => {
    fc.assert(
      fc.property(anyFlows, (flows) => {
        const p = paybackPeriod(flows);
        const cumulative = cumulativeFlow(flows);
        if (p === null) {
          expect(cumulative.at(-1)!).toBeLessThan(0);
          return;
        }
        const year = Math.ceil(p);
        // Never below zero from the payback year on, …
        for (const v of cumulative.slice(year)) expect(v).toBeGreaterThanOrEqual(0);
        if (p === 0) return;
        // … below zero the year before, and the in-year interpolation lands on zero.
        const before = cumulative[year - 1]!;
        expect(before).toBeLessThan(0);
        expect(before + (p - (year - 1)) * flows[year]!).toBeCloseTo(0, 3);
      }),
      { numRuns: 2000 },
    );
  });

  it('discounted payback of a conventional flow comes no sooner than simple payback', () => {
    fc.assert(
      fc.property(conventional, fc.double({ min: 0, max: 1, noNaN: true }), (flows, r) => {
        const discounted = discountedPaybackPeriod(flows, r);
        if (discounted === null) return;
        expect(discounted).toBeGreaterThanOrEqual(paybackPeriod(flows)! - 1e-9);
      }),
    );
  });
});
