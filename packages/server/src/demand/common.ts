import { sql } from 'drizzle-orm';
import { AppError } from '../errors';
import type { Reach } from '../policy/reach';

/**
 * Runs an engine function. The engine throws a RangeError on bad input, its message starting
 * with the path of what is wrong (`criteria[2].scale: …`): it becomes validation_failed naming
 * that field (`criteria.2.scale`) when its root is one of `roots`, else `fallback`.
 */
export function fromEngine<T>(fn: () => T, fallback: string, roots: readonly string[] = []): T {
  try {
    return fn();
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new AppError('validation_failed', err.message, engineField(err.message, fallback, roots));
  }
}

export function engineField(message: string, fallback: string, roots: readonly string[]) {
  const head = /^([A-Za-z]+)((?:\[\d+\]|\.[A-Za-z]+)*)/.exec(message);
  if (!head || !roots.includes(head[1]!)) return fallback;
  return `${head[1]}${head[2]!.replace(/\[(\d+)\]/g, '.$1')}`;
}

/** What the caller may see of proposals, as a condition on the alias `p` (office or portfolio reach). */
export function proposalReach(reach: Reach) {
  if (reach.organization) return sql`true`;
  const offices = [...reach.offices];
  const portfolios = [...reach.portfolios];
  if (!offices.length && !portfolios.length) return sql`false`;
  return sql`(p.office_id = any(${sql.param(offices)}::uuid[]) or p.portfolio_id = any(${sql.param(portfolios)}::uuid[]))`;
}

/** Whole days (one decimal) from one instant to another. */
export function daysBetween(from: string | Date, to: string | Date) {
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return Math.round((ms / 86_400_000) * 10) / 10;
}

/** The value below which a share `q` (0–1) of the sorted values lies, interpolated linearly. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return Math.round((sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo)) * 10) / 10;
}

/** `YYYY-MM` plus `n` months. */
export function addMonths(month: string, n: number) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const total = y * 12 + (m - 1) + n;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** The last calendar day of a `YYYY-MM` month, as an ISO date. */
export function lastDayOf(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}
