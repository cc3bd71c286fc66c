import type { Lifecycle } from '@pharos/api';
import { describe, expect, it } from 'vitest';
import { parseSignedMoney } from './change-request-form';
import { lifecycleValues, newItemId, phasesBody } from './lifecycle-values';

const gate = (name: string) => ({
  key: name.toLowerCase(),
  name,
  checklist: [{ id: 'a', text: 'A', required: true }],
  deliverables: [{ id: 'd', name: 'D', required: false }],
  approverRoles: ['pmo_director' as const],
  approverIds: [],
});
const lc = {
  name: 'L',
  officeId: 'o',
  projectTypeIds: [],
  description: '',
  phases: [
    { key: 'initiation', name: 'Start', gate: null },
    { key: 'execution', name: 'Execution', gate: gate('Build') },
  ],
} as unknown as Lifecycle;

describe('the lifecycle editor values', () => {
  it('has every project phase, in order, with the lifecycle’s ones included, and sends those back as they were', () => {
    const v = lifecycleValues(lc);
    expect(v.phases.map((p) => p.key)).toEqual([
      'initiation',
      'planning',
      'execution',
      'monitoring',
      'closing',
      'closed',
    ]);
    expect(v.phases.filter((p) => p.included).map((p) => p.key)).toEqual(['initiation', 'execution']);
    expect(phasesBody(v.phases)).toEqual(lc.phases);
  });

  it('takes the gate off whatever phase becomes the first', () => {
    const v = lifecycleValues(lc);
    v.phases[0]!.included = false;
    const body = phasesBody(v.phases);
    expect(body).toEqual([{ key: 'execution', name: 'Execution', gate: null }]);
  });

  it('gives new rows ids not already used', () => {
    expect(newItemId([{ id: 'item-2', text: '', required: true }], 'item')).toBe('item-3');
    expect(
      newItemId(
        [
          { id: 'item-1', text: '', required: true },
          { id: 'item-2', text: '', required: true },
        ],
        'item',
      ),
    ).toBe('item-3');
  });
});

describe('a signed amount', () => {
  it('parses into minor units with its sign', () => {
    expect(parseSignedMoney('-1,500.25', 2)).toEqual({ ok: true, minor: -150025 });
    expect(parseSignedMoney('+20000', 2)).toEqual({ ok: true, minor: 2000000 });
    expect(parseSignedMoney('', 2)).toEqual({ ok: true, minor: 0 });
    expect(parseSignedMoney('1.234', 2).ok).toBe(false);
  });
});
