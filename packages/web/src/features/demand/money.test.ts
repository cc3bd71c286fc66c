import { describe, expect, it } from 'vitest';
import { currencyDigits, formatMajor, majorString, parseMoney, toMajorInput } from './money';

const minor = (text: string, digits = 2) => {
  const r = parseMoney(text, digits);
  return r.ok ? r.minor : r.message;
};

describe('money', () => {
  it('parses major units into exact minor units, without float rounding', () => {
    expect(minor('0.29')).toBe(29);
    expect(minor('1.005', 3)).toBe(1005);
    expect(minor('4.35')).toBe(435);
    expect(minor('1234567.89')).toBe(123456789);
    expect(minor('1,234,567.89')).toBe(123456789);
    expect(minor('1 234 567')).toBe(123456700);
    expect(minor('12,5')).toBe(1250);
    expect(minor('')).toBe(0);
    expect(minor('.5')).toBe(50);
    expect(minor('7.')).toBe(700);
  });
  it('refuses what is not an amount', () => {
    expect(minor('abc')).toMatch(/Enter an amount/);
    expect(minor('-5')).toMatch(/zero or more/);
    expect(minor('1.234')).toMatch(/at most 2 decimals/);
    expect(minor('12.5', 0)).toMatch(/no minor unit/);
    expect(minor('99999999999999999')).toMatch(/too large/);
  });
  it('writes minor units back as exact decimal strings', () => {
    expect(majorString(29, 2)).toBe('0.29');
    expect(majorString(-123456, 2)).toBe('-1234.56');
    expect(majorString(5, 0)).toBe('5');
    expect(toMajorInput(0, 2)).toBe('');
    expect(toMajorInput(100, 2)).toBe('1.00');
    for (const v of [0, 1, 29, 435, 123456789, 999999999999999])
      expect(minor(majorString(v, 2))).toBe(v === 0 ? 0 : v);
  });
  it('knows the digits of a currency and rounds to whole units', () => {
    expect(currencyDigits('EUR')).toBe(2);
    expect(currencyDigits('JPY')).toBe(0);
    expect(formatMajor(150, 'EUR').replace(/\D/g, '')).toBe('2');
    expect(formatMajor(-150, 'EUR').replace(/[^\d-−]/g, '')).toMatch(/2$/);
  });
});
