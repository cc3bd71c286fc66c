import { describe, expect, it } from 'vitest';
import {
  businessCaseMeasures,
  cumulativeFlow,
  discountedPaybackPeriod,
  irr,
  netCashFlow,
  npv,
  paybackPeriod,
  roi,
} from './finance';

/** The rate of an IRR that must exist. */
function rateOf(flows: number[]): number {
  const result = irr(flows);
  if (result.rate === null) throw new Error(`no IRR: ${result.reason}`);
  return result.rate;
}

describe('net cash flow', () => {
  it('is benefits − capex − opex per year, missing years counting as 0', () => {
    const bc = { capex: [100_000, 20_000], opex: [0, 10_000, 10_000, 10_000], benefits: [0, 50_000, 60_000] };
    expect(netCashFlow(bc)).toEqual([-100_000, 20_000, 50_000, -10_000]);
    expect(cumulativeFlow(netCashFlow(bc))).toEqual([-100_000, -80_000, -30_000, -40_000]);
  });

  it('rejects amounts that are not non-negative integers, naming the field', () => {
    expect(() => netCashFlow({ capex: [1, -5], opex: [], benefits: [] })).toThrow(/capex\[1\]/);
    expect(() => netCashFlow({ capex: [], opex: [0.5], benefits: [] })).toThrow(/opex\[0\]/);
    expect(() => netCashFlow({ capex: [], opex: [], benefits: [Number.NaN] })).toThrow(/benefits\[0\]/);
  });
});

describe('NPV', () => {
  it('leaves year 0 undiscounted and discounts year t by (1 + rate)^t (hand-computed)', () => {
    // −100000 + 20000/1.1 + 50000/1.21 + 50000/1.331 = −100000 + 18181.82 + 41322.31 + 37565.74
    expect(npv([-100_000, 20_000, 50_000, 50_000], 0.1)).toBeCloseTo(-2930.13, 2);
    expect(npv([-100, 60, 60], 0)).toBe(20);
  });

  it("matches Excel's NPV() examples once its one-period shift is undone", () => {
    // Microsoft Support, "NPV function", example 1: rate 10 %, −10000 a year from today, then
    // 3000, 4200, 6800 → 1188.44. Excel discounts its first value, so divide ours by 1.1.
    expect(npv([-10_000, 3000, 4200, 6800], 0.1) / 1.1).toBeCloseTo(1188.44, 2);
    // Example 2: rate 8 %, −40000 paid today (added outside NPV()), then 8000 … 14500 → 1922.06;
    // with a further −9000 in year 6 → −3749.47.
    expect(npv([-40_000, 8000, 9200, 10_000, 12_000, 14_500], 0.08)).toBeCloseTo(1922.06, 2);
    expect(npv([-40_000, 8000, 9200, 10_000, 12_000, 14_500, -9000], 0.08)).toBeCloseTo(-3749.47, 2);
  });

  it('puts years 1.. in the middle of their year with mid-year timing', () => {
    const expected = -1000 + 500 / 1.1 ** 0.5 + 500 / 1.1 ** 1.5 + 500 / 1.1 ** 2.5;
    expect(npv([-1000, 500, 500, 500], 0.1, 'mid-year')).toBeCloseTo(expected, 9);
    expect(npv([-1000, 500, 500, 500], 0.1, 'mid-year')).toBeGreaterThan(npv([-1000, 500, 500, 500], 0.1));
  });

  it('rejects a rate of −100 % or below, or not a number', () => {
    expect(() => npv([1], -1)).toThrow(/rate/);
    expect(() => npv([1], Number.NaN)).toThrow(/rate/);
    expect(() => npv([1, Number.POSITIVE_INFINITY], 0.1)).toThrow(/flows\[1\]/);
  });
});

describe('IRR', () => {
  it("reproduces Excel's IRR() examples", () => {
    // Microsoft Support, "IRR function": −70000 then 12000, 15000, 18000, 21000, 26000.
    expect(rateOf([-70_000, 12_000, 15_000, 18_000, 21_000, 26_000])).toBeCloseTo(0.0866, 4); // 8.7 %
    expect(rateOf([-70_000, 12_000, 15_000, 18_000, 21_000])).toBeCloseTo(-0.0212, 4); // −2.1 %
    expect(rateOf([-70_000, 12_000, 15_000])).toBeCloseTo(-0.4435, 4); // −44.4 %
  });

  it('reproduces the Wikipedia "Internal rate of return" example (5.96 %)', () => {
    expect(rateOf([-123_400, 36_200, 54_800, 48_100])).toBeCloseTo(0.0596, 4);
  });

  it('says when all flows have one sign', () => {
    expect(irr([100, 200])).toEqual({ rate: null, reason: 'no-sign-change' });
    expect(irr([-100, 0, -5])).toEqual({ rate: null, reason: 'no-sign-change' });
    expect(irr([0, 0])).toEqual({ rate: null, reason: 'no-sign-change' });
    expect(irr([])).toEqual({ rate: null, reason: 'no-sign-change' });
  });

  it("refuses Lorie and Savage's pump, which has two IRRs (25 % and 400 %)", () => {
    // Lorie & Savage (1955), as in Brealey, Myers & Allen ch. 5: −1600, +10000, −10000.
    expect(npv([-1600, 10_000, -10_000], 0.25)).toBeCloseTo(0, 9);
    expect(npv([-1600, 10_000, -10_000], 4)).toBeCloseTo(0, 9);
    expect(irr([-1600, 10_000, -10_000])).toEqual({ rate: null, reason: 'several-possible' });
  });

  it('still finds the one IRR when a dip mid-way cannot create a second (Norström)', () => {
    // Three sign changes, but the cumulative flow changes sign once: one IRR above 0.
    const flows = [-1000, 300, 400, -100, 500, 500];
    const rate = rateOf(flows);
    expect(npv(flows, rate)).toBeCloseTo(0, 6);
    expect(rate).toBeGreaterThan(0);
  });

  it('handles zeros at either end, a zero IRR, and a financing flow (inflow first)', () => {
    expect(rateOf([0, 0, -100, 110, 0])).toBeCloseTo(0.1, 12);
    expect(rateOf([-100, 50, 50])).toBe(0);
    expect(rateOf([100, -110])).toBeCloseTo(0.1, 12);
  });

  it('says when the sign pattern allows an IRR the NPV never reaches', () => {
    // −10 + 5x − 10x² < 0 for every x: the cumulative flows, forwards and backwards, never change sign.
    expect(irr([-10, 5, -10])).toEqual({ rate: null, reason: 'none' });
    // −100 + 50x − 10x² < 0 too, but the backward sums (−10, 40, −60) cannot rule out two roots.
    expect(irr([-100, 50, -10])).toEqual({ rate: null, reason: 'several-possible' });
  });
});

describe('payback', () => {
  it('interpolates within the year the cumulative flow turns non-negative (hand-computed)', () => {
    // −1000 then 300 a year: −700, −400, −100 after 3 years, 100 of year 4's 300 needed → 3⅓.
    expect(paybackPeriod([-1000, 300, 300, 300, 300])).toBeCloseTo(3 + 1 / 3, 12);
    expect(paybackPeriod([-1000, 500, 500])).toBe(2);
    expect(paybackPeriod([0, -100, 200])).toBe(1.5);
  });

  it('is null when never paid back, 0 when never in debt', () => {
    expect(paybackPeriod([-1000, 300, 300])).toBeNull();
    expect(paybackPeriod([100, 0, 50])).toBe(0);
    expect(paybackPeriod([])).toBe(0);
  });

  it('counts from the last time the cumulative flow turns non-negative', () => {
    // Paid back in year 1, back in debt after the year-2 outlay, paid back again in year 3.
    expect(paybackPeriod([-100, 200, -300, 400])).toBeCloseTo(2 + 200 / 400, 12);
    expect(paybackPeriod([-100, 200, -300])).toBeNull();
  });

  it('discounts before interpolating (hand-computed at 10 %)', () => {
    // Discounted: −1000, 272.73, 247.93, 225.39, 204.90, 186.28; cumulative after 4 years −49.04
    // → 4 + 49.04 / 186.28 = 4.263.
    expect(discountedPaybackPeriod([-1000, 300, 300, 300, 300, 300], 0.1)).toBeCloseTo(4.2633, 4);
    expect(discountedPaybackPeriod([-1000, 300, 300, 300, 300], 0.1)).toBeNull();
  });
});

describe('ROI and the measures together', () => {
  const bc = {
    capex: [100_000, 20_000],
    opex: [0, 10_000, 10_000, 10_000],
    benefits: [0, 50_000, 60_000, 60_000],
  };

  it('gives ROI as (benefit − cost) / cost, null without cost', () => {
    expect(roi(bc)).toBeCloseTo(20_000 / 150_000, 12);
    expect(roi({ capex: [], opex: [], benefits: [5] })).toBeNull();
  });

  it('gathers every measure (hand-computed)', () => {
    const m = businessCaseMeasures(bc, 0.1);
    expect(m.netCashFlow).toEqual([-100_000, 20_000, 50_000, 50_000]);
    expect(m.cumulative).toEqual([-100_000, -80_000, -30_000, 20_000]);
    expect(m.totalCost).toBe(150_000);
    expect(m.totalBenefit).toBe(170_000);
    expect(m.npv).toBeCloseTo(-2930.13, 2);
    expect(m.payback).toBe(2.6); // 2 + 30000 / 50000
    expect(m.discountedPayback).toBeNull(); // NPV < 0
    expect(m.irr.rate).toBeCloseTo(0.08525, 5);
  });
});
