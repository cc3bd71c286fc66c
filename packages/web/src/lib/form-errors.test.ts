import { ProjectCreate } from '@pharos/api';
import { describe, expect, it } from 'vitest';
import { changedFields, closestField, issuesToErrors } from './form-errors';

describe('issuesToErrors', () => {
  it('turns the shared zod schema issues into field messages', () => {
    const values = {
      code: '',
      name: 'Alpha',
      typeId: null,
      officeId: null,
      plannedStart: '2025-05-01',
      plannedFinish: '2025-04-01',
    };
    const r = ProjectCreate.safeParse(values);
    expect(r.success).toBe(false);
    const errors = issuesToErrors(r.error?.issues ?? [], values);
    expect(errors.code).toBe('Required');
    expect(errors.typeId).toBe('Required');
    expect(errors.officeId).toBe('Required');
    expect(errors.name).toBeUndefined();
  });

  it('reports a date order problem on the finish date', () => {
    const values = {
      code: 'P1',
      name: 'Alpha',
      typeId: '0b6c2f7e-3a1d-4e8b-9f00-1234567890ab',
      officeId: '0b6c2f7e-3a1d-4e8b-9f00-1234567890ab',
      plannedStart: '2025-05-01',
      plannedFinish: '2025-04-01',
    };
    const r = ProjectCreate.safeParse(values);
    expect(issuesToErrors(r.error?.issues ?? [], values)).toEqual({
      plannedFinish: 'Planned finish is before planned start',
    });
  });

  it('maps paths of a nested object', () => {
    const errors = issuesToErrors(
      [{ path: ['charter', 'kpis', 0, 'name'], message: 'x', code: 'custom' }],
      {},
      (p) => p.replace(/^charter\./, ''),
    );
    expect(errors).toEqual({ 'kpis.0.name': 'x' });
  });
});

describe('changedFields', () => {
  it('finds changed values, comparing arrays by content', () => {
    expect(changedFields({ a: 1, b: ['x'], c: 'same' }, { a: 2, b: ['x'], c: 'same' })).toEqual({ a: 1 });
    expect(changedFields({ b: ['x', 'y'] }, { b: ['x'] })).toEqual({ b: ['x', 'y'] });
  });
});

describe('closestField', () => {
  it('finds the rendered field or its ancestor', () => {
    expect(closestField('code', ['code', 'name'])).toBe('code');
    expect(closestField('kpis.0.name', ['kpis'])).toBe('kpis');
    expect(closestField('secret', ['code'])).toBeNull();
  });
});
