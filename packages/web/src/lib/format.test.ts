import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, humanize, percent } from './format';

describe('format', () => {
  it('formats calendar dates without shifting the day', () => {
    expect(formatDate('2025-03-01')).toMatch(/1/);
    expect(formatDate('2025-03-01')).toMatch(/2025/);
    expect(formatDate(null)).toBe('—');
  });
  it('formats instants with a time zone name', () => {
    expect(formatDateTime('2025-03-01T10:00:00Z')).toMatch(/2025/);
    expect(formatDateTime(null)).toBe('—');
    expect(formatDateTime('garbage')).toBe('garbage');
  });
  it('humanizes enum values and shares', () => {
    expect(humanize('on_hold')).toBe('On hold');
    expect(percent(0.4567)).toBe('45.7%');
  });
});
