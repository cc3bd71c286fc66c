import type { ScenarioBodyT } from '@pharos/api';

/*
 * How portfolio-planning figures read: money in the organization's currency (amounts are integer
 * minor units), plan values under the scenario's objective, gaps, hours, and months of the horizon.
 */

const compactCache = new Map<string, Intl.NumberFormat>();
function compactFormat(currency: string | null): Intl.NumberFormat {
  const key = currency ?? '';
  let f = compactCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(undefined, {
      notation: 'compact',
      maximumFractionDigits: 1,
      ...(currency ? { style: 'currency', currency } : {}),
    });
    compactCache.set(key, f);
  }
  return f;
}

/** 123456700 (minor units) → "€1.2M" (or "1.2M" when the currency is not known). */
export function money(minor: number | null | undefined, currency: string | null): string {
  if (minor === null || minor === undefined || !Number.isFinite(minor)) return '—';
  return compactFormat(currency).format(minor / 100);
}

const plain = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
export const num = (n: number | null | undefined) =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : plain.format(n);

const hoursFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
export const hours = (h: number) => `${hoursFormat.format(h)} h`;

/** A plan value under an objective: NPV is money, scores and objective points are numbers. */
export function planValue(objective: string, v: number | null | undefined, currency: string | null) {
  if (v === null || v === undefined) return '—';
  return objective === 'npv' ? money(v, currency) : num(v);
}

export const objectiveLabel: Record<string, string> = {
  score: 'Total score',
  npv: 'Total NPV',
  objectives: 'Strategic contribution',
};

/** A relative gap between the plan and the solver's bound: 0.0123 → "1.23%". */
export function gapLabel(gap: number | null | undefined): string {
  if (gap === null || gap === undefined) return '—';
  if (gap < 0.00005) return '0%';
  return `${(gap * 100).toFixed(gap < 0.1 ? 2 : 1)}%`;
}

export function seconds(s: number): string {
  return s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;
}

const monthNames = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const shortNames = Array.from({ length: 12 }, (_, m) => monthNames.format(new Date(Date.UTC(2000, m, 1))));

/** The calendar month of month m of the horizon as [year, month 0–11]. */
export function calendarMonth(horizon: ScenarioBodyT['horizon'], m: number): [number, number] {
  const [y, mo] = horizon.start.split('-').map(Number) as [number, number];
  const k = y * 12 + (mo - 1) + m;
  return [Math.floor(k / 12), k % 12];
}

/** "Mar 2027". */
export function monthName(horizon: ScenarioBodyT['horizon'], m: number): string {
  const [y, mo] = calendarMonth(horizon, m);
  return `${shortNames[mo]} ${y}`;
}

/** Budget year k of the horizon: "2027", or "Mar 2027–Feb 2028" when the horizon starts mid-year. */
export function budgetYear(horizon: ScenarioBodyT['horizon'], k: number): string {
  const [y, mo] = calendarMonth(horizon, k * 12);
  if (mo === 0) return String(y);
  return `${monthName(horizon, k * 12)}–${monthName(horizon, k * 12 + 11)}`;
}

/** "Mar 2027 – Aug 2028" for a candidate starting in month s and lasting d months. */
export function spanLabel(horizon: ScenarioBodyT['horizon'], s: number, d: number): string {
  return `${monthName(horizon, s)} – ${monthName(horizon, s + d - 1)}`;
}

/** "2027-03" (YYYY-MM) → "Mar 2027". */
export function yearMonthName(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  if (!y || !m) return ym;
  return `${shortNames[m - 1]} ${y}`;
}

/**
 * A limit's label from the engine ("budget capex 2026-12..2027-11", "capacity DEV 2027-03") as
 * people read it, without the kind (shown beside it): "capex Dec 2026–Nov 2027", "DEV Mar 2027".
 */
export function limitLabel(label: string): string {
  return label
    .replace(/^(budget|capacity) /, '')
    .replace(
      /(\d{4}-\d{2})\.\.(\d{4}-\d{2})/g,
      (_, a: string, b: string) => `${yearMonthName(a)}–${yearMonthName(b)}`,
    )
    .replace(/\b\d{4}-\d{2}\b/g, (ym) => yearMonthName(ym));
}
