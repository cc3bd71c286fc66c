/*
 * A proposal's business case in figures: costs and benefits by year, and the measures a PMO
 * compares proposals by — net cash flow, NPV, IRR, payback (simple and discounted) and ROI.
 *
 * Years are numbered from 0. Year 0 is "now" (the up-front year): its flows are not discounted.
 * Year t's flows fall at the end of year t, so they are discounted by (1 + rate)^t — the textbook
 * convention (Brealey, Myers & Allen, *Principles of Corporate Finance*, ch. 2). Spreadsheets
 * differ: Excel's NPV() discounts its first value by one whole period, so
 * `NPV(rate, flows) = npv(flows, rate) / (1 + rate)`. The `'mid-year'` timing moves years 1.. to
 * the middle of their year (exponent t − 0.5), the convention many valuation models use for
 * flows that come in evenly over the year; year 0 stays undiscounted.
 *
 * Money is in integer minor units; the measures are plain numbers (not rounded: round at the edge).
 * Rates are fractions: 0.08 is 8 % a year.
 */

/** When in its year a year's flows fall, for discounting. */
export type CashFlowTiming = 'year-end' | 'mid-year';

/** A business case: amounts per year (index 0 = year 0), integer minor units, ≥ 0. */
export interface BusinessCase {
  /** Capital expenditure by year. */
  capex: readonly number[];
  /** Operating expenditure by year. */
  opex: readonly number[];
  /** Benefits (savings, revenue) by year. */
  benefits: readonly number[];
}

/** Why a cash flow has no single internal rate of return. */
export type NoIrrReason =
  /** All flows have the same sign (or are zero): NPV never crosses zero. */
  | 'no-sign-change'
  /**
   * The sign pattern allows more than one IRR, so none is reported (there may be two or more, or
   * none): e.g. −1600, 10000, −10000 has both 25 % and 400 %. Compare such proposals by NPV.
   */
  | 'several-possible'
  /** The sign pattern allows one IRR but the NPV does not cross zero (it only touches it, or never reaches it). */
  | 'none';

/** The internal rate of return, or why there is no single one. */
export type IrrResult = { rate: number } | { rate: null; reason: NoIrrReason };

/** Every measure of a business case at one discount rate. */
export interface BusinessCaseMeasures {
  /** Benefits − capex − opex, by year. */
  netCashFlow: number[];
  /** Running total of the net cash flow, by year. */
  cumulative: number[];
  totalCost: number;
  totalBenefit: number;
  npv: number;
  /** Always on year-end timing, whatever timing the NPV used. */
  irr: IrrResult;
  /** Years to pay back (fractional), or null when never paid back; see `paybackPeriod`. */
  payback: number | null;
  discountedPayback: number | null;
  /** (total benefit − total cost) / total cost, undiscounted; null when there is no cost. */
  roi: number | null;
}

function checkAmounts(field: string, values: readonly number[]): void {
  values.forEach((v, i) => {
    if (!Number.isSafeInteger(v) || v < 0) {
      throw new RangeError(`${field}[${i}] must be a non-negative integer amount in minor units, not ${v}`);
    }
  });
}

function checkFlows(flows: readonly number[]): void {
  flows.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new RangeError(`flows[${i}] must be a finite number, not ${v}`);
  });
}

function checkRate(rate: number): void {
  if (!Number.isFinite(rate) || rate <= -1) {
    throw new RangeError(`rate must be a finite fraction greater than −1 (0.08 = 8 %), not ${rate}`);
  }
}

/** Benefits − capex − opex for each year; the lists may differ in length (missing years are 0). */
export function netCashFlow(bc: BusinessCase): number[] {
  checkAmounts('capex', bc.capex);
  checkAmounts('opex', bc.opex);
  checkAmounts('benefits', bc.benefits);
  const years = Math.max(bc.capex.length, bc.opex.length, bc.benefits.length);
  return Array.from(
    { length: years },
    (_, t) => (bc.benefits[t] ?? 0) - (bc.capex[t] ?? 0) - (bc.opex[t] ?? 0),
  );
}

/** The running total of a cash flow. */
export function cumulativeFlow(flows: readonly number[]): number[] {
  let sum = 0;
  return flows.map((v) => {
    sum += v;
    return sum;
  });
}

/** The factor year t's flows are multiplied by to bring them to year 0. */
export function discountFactor(rate: number, year: number, timing: CashFlowTiming = 'year-end'): number {
  const time = timing === 'mid-year' && year > 0 ? year - 0.5 : year;
  return (1 + rate) ** -time;
}

/** Each year's flow discounted to year 0. */
export function discountedFlows(
  flows: readonly number[],
  rate: number,
  timing: CashFlowTiming = 'year-end',
): number[] {
  checkFlows(flows);
  checkRate(rate);
  return flows.map((v, t) => v * discountFactor(rate, t, timing));
}

/** Net present value: Σ flow_t × (1 + rate)^−t, year 0 undiscounted (see the file comment for timing). */
export function npv(flows: readonly number[], rate: number, timing: CashFlowTiming = 'year-end'): number {
  return discountedFlows(flows, rate, timing).reduce((a, b) => a + b, 0);
}

/** How many times a sequence changes sign, zeros skipped. */
function signChanges(values: readonly number[]): number {
  let changes = 0;
  let last = 0;
  for (const v of values) {
    if (v === 0) continue;
    if (last !== 0 && Math.sign(v) !== last) changes++;
    last = Math.sign(v);
  }
  return changes;
}

/** Σ c_t x^t by Horner's rule. */
function polynomial(c: readonly number[], x: number): number {
  let p = 0;
  for (let t = c.length - 1; t >= 0; t--) p = p * x + c[t]!;
  return p;
}

/** A root of f in [lo, hi], where f(lo) and f(hi) differ in sign, by bisection to full precision. */
function bisect(f: (x: number) => number, lo: number, hi: number): number {
  let flo = Math.sign(f(lo));
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid <= lo || mid >= hi) break;
    const fmid = Math.sign(f(mid));
    if (fmid === 0) return mid;
    if (fmid === flo) {
      lo = mid;
      flo = fmid;
    } else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The internal rate of return: the rate in (−1, ∞) at which the NPV (year-end timing) is zero.
 *
 * With x = 1 / (1 + rate) the NPV is the polynomial Σ c_t x^t, and IRRs are its roots x > 0. We
 * bound how many there can be before looking for one: Descartes' rule of signs bounds them by the
 * sign changes of the flows; splitting at x = 1 (rate 0) bounds the roots with rate > 0 by the sign
 * changes of the cumulative flows (Norström's criterion) and those with rate < 0 by the sign changes
 * of the flows summed from the last year back. When the tighter bound is 1 there is at most one
 * IRR, found by bisection on x in (0, 1] or on 1/x in (0, 1] — no starting guess, no divergence.
 *
 * Otherwise there is no single answer and the result says why: `no-sign-change` (all inflows or all
 * outflows), `several-possible` (e.g. an outlay at the end that can give two IRRs: then compare by
 * NPV), or `none` (the pattern allows an IRR but the NPV does not cross zero).
 */
export function irr(flows: readonly number[]): IrrResult {
  checkFlows(flows);
  // Zeros before the first or after the last non-zero flow only add roots at x = 0 or x = ∞.
  const first = flows.findIndex((v) => v !== 0);
  const last = flows.findLastIndex((v) => v !== 0);
  const c = first < 0 ? [] : flows.slice(first, last + 1);
  const descartes = signChanges(c);
  if (descartes === 0) return { rate: null, reason: 'no-sign-change' };
  const forward = cumulativeFlow(c);
  const backward = cumulativeFlow([...c].reverse());
  const total = forward.at(-1)!;
  const bound = Math.min(descartes, signChanges(forward) + signChanges(backward) + (total === 0 ? 1 : 0));
  if (bound > 1) return { rate: null, reason: 'several-possible' };
  if (total === 0) return { rate: 0 };
  // P(x) = Σ c_t x^t on x in (0, 1] (rate ≥ 0); R(y) = Σ c_(N−t) y^t = y^N P(1/y) on y in (0, 1] (rate ≤ 0).
  // Near x = 0, P has the sign of c_0; near y = 0, R has the sign of c_N; both are total at 1.
  if (Math.sign(c[0]!) !== Math.sign(total)) {
    const x = bisect((v) => polynomial(c, v), 0, 1);
    return { rate: 1 / x - 1 };
  }
  const reversed = [...c].reverse();
  if (Math.sign(reversed[0]!) !== Math.sign(total)) {
    const y = bisect((v) => polynomial(reversed, v), 0, 1);
    return { rate: y - 1 };
  }
  return { rate: null, reason: 'none' };
}

/**
 * Years until the cumulative flow is paid back for good: the moment from which the running total
 * stays at or above zero through the last year, or null when it ends below zero. Within the year in
 * which it turns non-negative the flow is taken to come in evenly, so a year that ends at +x after
 * starting at −y gives (year − 1) + y / (x + y). 0 when the running total is never negative.
 * For a conventional flow (outlays, then inflows) this is the textbook first crossing; with a later
 * outlay that pushes the total below zero again, it is the last crossing.
 */
export function paybackPeriod(flows: readonly number[]): number | null {
  checkFlows(flows);
  const cumulative = cumulativeFlow(flows);
  if ((cumulative.at(-1) ?? 0) < 0) return null;
  const lastNegative = cumulative.findLastIndex((v) => v < 0);
  if (lastNegative < 0) return 0;
  const owed = -cumulative[lastNegative]!;
  return lastNegative + owed / flows[lastNegative + 1]!;
}

/** The payback period of the discounted flows (see `paybackPeriod` and `npv` for the conventions). */
export function discountedPaybackPeriod(
  flows: readonly number[],
  rate: number,
  timing: CashFlowTiming = 'year-end',
): number | null {
  return paybackPeriod(discountedFlows(flows, rate, timing));
}

/** Return on investment: (total benefit − total cost) / total cost, undiscounted; null without cost. */
export function roi(bc: BusinessCase): number | null {
  netCashFlow(bc); // validates
  const cost = sum(bc.capex) + sum(bc.opex);
  return cost === 0 ? null : (sum(bc.benefits) - cost) / cost;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** All the measures of a business case at a discount rate. */
export function businessCaseMeasures(
  bc: BusinessCase,
  rate: number,
  timing: CashFlowTiming = 'year-end',
): BusinessCaseMeasures {
  const flows = netCashFlow(bc);
  return {
    netCashFlow: flows,
    cumulative: cumulativeFlow(flows),
    totalCost: sum(bc.capex) + sum(bc.opex),
    totalBenefit: sum(bc.benefits),
    npv: npv(flows, rate, timing),
    irr: irr(flows),
    payback: paybackPeriod(flows),
    discountedPayback: discountedPaybackPeriod(flows, rate, timing),
    roi: roi(bc),
  };
}
