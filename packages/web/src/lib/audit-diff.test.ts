import { describe, expect, it } from 'vitest';
import { diffAudit, fieldLabel, formatValue } from './audit-diff';

describe('diffAudit', () => {
  it('lists changed fields only, ignoring bookkeeping', () => {
    const before = {
      id: 'a',
      version: 1,
      updatedAt: 't1',
      name: 'Alpha',
      code: 'A',
      plannedFinish: '2025-01-01',
    };
    const after = {
      id: 'a',
      version: 2,
      updatedAt: 't2',
      name: 'Alpha 2',
      code: 'A',
      plannedFinish: '2025-03-01',
    };
    expect(diffAudit(before, after)).toEqual([
      { field: 'name', before: 'Alpha', after: 'Alpha 2' },
      { field: 'plannedFinish', before: '2025-01-01', after: '2025-03-01' },
    ]);
  });

  it('treats a creation as every field added', () => {
    expect(diffAudit(null, { name: 'New', parentId: null, version: 1 })).toEqual([
      { field: 'name', before: null, after: 'New' },
    ]);
  });

  it('treats missing and null as the same', () => {
    expect(diffAudit({ a: null }, {})).toEqual([]);
  });

  it('compares nested objects field by field and arrays as a whole', () => {
    const before = { charter: { mission: 'm', kpis: [{ name: 'On time', target: '80' }] } };
    const after = { charter: { mission: 'm', kpis: [{ name: 'On time', target: '90' }] } };
    expect(diffAudit(before, after)).toEqual([
      { field: 'charter.kpis', before: before.charter.kpis, after: after.charter.kpis },
    ]);
    expect(diffAudit({ objectiveIds: ['x', 'y'] }, { objectiveIds: ['x', 'y'] })).toEqual([]);
  });

  it('records archiving', () => {
    expect(diffAudit({ archivedAt: null }, { archivedAt: '2025-05-01T10:00:00Z' })).toEqual([
      { field: 'archivedAt', before: null, after: '2025-05-01T10:00:00Z' },
    ]);
  });
});

describe('fieldLabel', () => {
  it('reads like words', () => {
    expect(fieldLabel('plannedFinish')).toBe('Planned finish');
    expect(fieldLabel('orgUnitId')).toBe('Org unit');
    expect(fieldLabel('objectiveIds')).toBe('Objectives');
    expect(fieldLabel('charter.kpis')).toBe('Charter › KPIs');
    expect(fieldLabel('charter.authorityLevel')).toBe('Charter › Authority level');
  });
});

describe('formatValue', () => {
  it('formats values for a diff cell', () => {
    expect(formatValue(null)).toBe('—');
    expect(formatValue('')).toBe('—');
    expect(formatValue(42)).toBe('42');
    expect(formatValue(['a', 'b'])).toBe('a, b');
    expect(formatValue([{ name: 'On time', target: '80', unit: '' }])).toBe('name: On time, target: 80');
  });
});
