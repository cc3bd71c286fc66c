/*
 * Money in the browser: amounts travel in integer minor units (cents) and people type and read
 * major units (euros). Conversions go through strings and BigInt, never through a binary float
 * multiplication, so 0.29 € is 29 cents and not 28.999999999999996.
 */

/** How many minor-unit digits a currency has (EUR 2, JPY 0, BHD 3). */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
      .maximumFractionDigits as number;
  } catch {
    return 2;
  }
}

/** The largest amount the API accepts, in minor units. */
export const MAX_MINOR = 1e15;

export type ParsedMoney = { ok: true; minor: number } | { ok: false; message: string };

/**
 * Parse what someone typed in major units ("1,234.56", "1 234,5", "1200") into minor units.
 * A dot is the decimal separator; a comma is one too when it is the only separator and is not
 * followed by exactly three digits. Grouping commas, spaces and apostrophes are ignored. Empty is 0.
 */
export function parseMoney(text: string, digits: number): ParsedMoney {
  let s = text.replace(/[\s'\u00a0\u202f]/g, '');
  if (s === '') return { ok: true, minor: 0 };
  if (s.startsWith('-')) return { ok: false, message: 'Enter an amount of zero or more' };
  if (!s.includes('.') && /^\d+,\d{1,2}$/.test(s)) s = s.replace(',', '.');
  else if (/^\d{1,3}(,\d{3})+(\.\d*)?$/.test(s)) s = s.replace(/,/g, '');
  const m = /^(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return { ok: false, message: 'Enter an amount, e.g. 1250000.50' };
  const whole = m[1] || '0';
  const fraction = m[2] ?? '';
  if (fraction.length > digits)
    return {
      ok: false,
      message: digits === 0 ? 'This currency has no minor unit' : `Use at most ${digits} decimals`,
    };
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0');
  if (minor > BigInt(MAX_MINOR)) return { ok: false, message: 'The amount is too large' };
  return { ok: true, minor: Number(minor) };
}

/** Minor units as a plain major-unit string for an input ("1234.5" → "1234.50"); "" for 0. */
export function toMajorInput(minor: number, digits: number): string {
  if (minor === 0) return '';
  return majorString(minor, digits);
}

/** Minor units as an exact decimal string in major units ("-123456" → "-1234.56"). */
export function majorString(minor: number, digits: number): string {
  const v = BigInt(Math.round(minor));
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const unit = 10n ** BigInt(digits);
  const whole = (abs / unit).toString();
  const fraction = digits > 0 ? `.${(abs % unit).toString().padStart(digits, '0')}` : '';
  return `${neg ? '-' : ''}${whole}${fraction}`;
}

/** An amount in minor units, shown in the currency with all its digits ("€1,234,567.00"). */
export function formatMoney(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '—';
  const digits = currencyDigits(currency);
  const fmt = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  return fmt.format(majorString(minor, digits) as unknown as number);
}

/** An amount in minor units, short for cards and charts ("€1.2M"). */
export function formatMoneyShort(minor: number | null | undefined, currency: string): string {
  if (minor === null || minor === undefined) return '—';
  const major = minor / 10 ** currencyDigits(currency);
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(major);
}

/** An amount in whole major units, for tables of many figures ("1,234,568"). */
export function formatMajor(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const v = BigInt(Math.round(minor));
  const unit = 10n ** BigInt(digits);
  // Round half away from zero to whole major units.
  const half = unit / 2n;
  const rounded = v >= 0n ? (v + half) / unit : -((-v + half) / unit);
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 }).format(rounded);
}

/** The currency's symbol alone ("€"), for input adornments and column headers. */
export function currencySymbol(currency: string): string {
  try {
    const parts = new Intl.NumberFormat(undefined, { style: 'currency', currency }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    return currency;
  }
}
