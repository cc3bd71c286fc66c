/* Helpers shared by the status modules; not part of the engine's public API. */
import { dayFromParts, daysInMonth } from '../calendar/time';
import type { StatusError, StatusErrorCode, StatusResult } from './types';

export const ok = <T>(value: T): StatusResult<T> => ({ ok: true, value });

export const fail = <T>(code: StatusErrorCode, field: string, message: string): StatusResult<T> => ({
  ok: false,
  error: { code, field, message },
});

export const failWith = <T>(error: StatusError): StatusResult<T> => ({ ok: false, error });

/** A calendar day number from a strict `YYYY-MM-DD`, or an error naming the field. */
export function parseDay(value: unknown, field: string): StatusResult<number> {
  const m = typeof value === 'string' ? /^(\d{4})-(\d\d)-(\d\d)$/.exec(value) : null;
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) {
      return ok(dayFromParts(year, month, day));
    }
  }
  return fail('invalid_date', field, `${field} must be a date written YYYY-MM-DD, not ${String(value)}`);
}

/** An error naming the field unless the value is a finite number (within bounds when given). */
export function numberError(
  value: unknown,
  field: string,
  min = -Infinity,
  max = Infinity,
): StatusError | null {
  if (typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max) return null;
  const range =
    min === -Infinity && max === Infinity
      ? 'a number'
      : max === Infinity
        ? `a number ≥ ${min}`
        : `a number in ${min}–${max}`;
  return { code: 'invalid_number', field, message: `${field} must be ${range}, not ${String(value)}` };
}

/** Code-point order: the same on every machine, unlike localeCompare. */
export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A number for a message: `decimals` places (trailing zeros kept for ratios, trimmed otherwise),
 * with more places when the rounded value would read the same as the limit it is compared to.
 */
export function formatNumber(
  value: number,
  options: { decimals: number; trim: boolean; against?: number },
): string {
  const show = (v: number, places: number) => {
    const text = v.toFixed(places);
    return options.trim && text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  };
  let places = options.decimals;
  const against = options.against;
  if (against !== undefined && value !== against) {
    while (places < 6 && show(value, places) === show(against, places)) places++;
  }
  return show(value, places);
}
