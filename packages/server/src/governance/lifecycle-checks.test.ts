import { describe, expect, it } from 'vitest';
import type { GateData, PhaseData } from '../db/schema/index';
import { blockersOf, combineVotes, gatesCrossed, nextGate, slotsOf, tallyOf } from './lifecycle-checks';

const gate = (key: string, extra: Partial<GateData> = {}): GateData => ({
  key,
  name: `${key} gate`,
  checklist: [],
  deliverables: [],
  approverRoles: ['pmo_director'],
  approverIds: [],
  ...extra,
});
const phases: PhaseData[] = [
  { key: 'initiation', name: 'Initiation', gate: null },
  { key: 'planning', name: 'Planning', gate: gate('planning') },
  { key: 'execution', name: 'Execution', gate: gate('execution') },
  { key: 'closing', name: 'Closing', gate: gate('closing') },
];

describe('gates', () => {
  it('finds the next gate and the gates a move crosses, skipping phases the lifecycle leaves out', () => {
    expect(nextGate(phases, 'initiation')?.key).toBe('planning');
    expect(nextGate(phases, 'execution')?.key).toBe('closing');
    expect(nextGate(phases, 'monitoring')?.key).toBe('closing');
    expect(nextGate(phases, 'closing')).toBeNull();
    expect(gatesCrossed(phases, 'initiation', 'execution').map((p) => p.key)).toEqual([
      'planning',
      'execution',
    ]);
    expect(gatesCrossed(phases, 'execution', 'monitoring')).toEqual([]);
  });

  it('combines votes: unanimous go, any stop, else the most severe', () => {
    expect(combineVotes(['go', 'go'])).toBe('go');
    expect(combineVotes(['go', 'hold'])).toBe('hold');
    expect(combineVotes(['hold', 'recycle', 'go'])).toBe('recycle');
    expect(combineVotes(['recycle', 'stop'])).toBe('stop');
  });

  it('tallies only once every approver has voted', () => {
    const slots = slotsOf(
      gate('g', { approverRoles: ['pmo_director', 'executive'], approverIds: ['u1'] }),
      (r) => r,
      () => 'Named',
    );
    expect(slots.map((s) => s.key)).toEqual(['role:pmo_director', 'role:executive', 'user:u1']);
    const votes = [{ slots: ['role:pmo_director', 'role:executive'], vote: 'go' as const }];
    expect(tallyOf(slots, votes)).toBeNull();
    expect(tallyOf(slots, [...votes, { slots: ['user:u1'], vote: 'go' as const }])).toBe('go');
  });

  it('lists required items not met and required deliverables without a link', () => {
    const g = gate('g', {
      checklist: [
        { id: 'a', text: 'A', required: true },
        { id: 'b', text: 'B', required: false },
      ],
      deliverables: [{ id: 'd', name: 'D', required: true }],
    });
    expect(blockersOf(g, { checklist: {}, deliverables: {} })).toEqual([
      'Checklist item not met: A',
      'Deliverable missing: D',
    ]);
    expect(
      blockersOf(g, {
        checklist: { a: { met: true, note: '' } },
        deliverables: { d: { link: 'x', note: '' } },
      }),
    ).toEqual([]);
  });
});
