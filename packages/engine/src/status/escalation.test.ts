import { describe, expect, it } from 'vitest';
import {
  type ChainOffice,
  DEFAULT_ESCALATION_TOLERANCES,
  type EscalationDecision,
  type EscalationItem,
  nextEscalation,
} from './escalation';

const chain: ChainOffice[] = [
  { officeId: 'po', name: 'Project office', tolerance: DEFAULT_ESCALATION_TOLERANCES.project },
  { officeId: 'pgo', name: 'Program office', tolerance: DEFAULT_ESCALATION_TOLERANCES.program },
  { officeId: 'so', name: 'Strategic office', tolerance: DEFAULT_ESCALATION_TOLERANCES.strategic },
];

function decide(item: EscalationItem, asOf: string): EscalationDecision {
  const r = nextEscalation(item, chain, asOf);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** Applies decisions the way the server does (record each step, ask again) until the item stays. */
function climb(item: EscalationItem, asOf: string) {
  let current = item;
  for (;;) {
    const d = decide(current, asOf);
    if (!d.escalate) return { item: current, last: d };
    current = { ...current, trail: [...(current.trail ?? []), d.step] };
  }
}

describe('nextEscalation', () => {
  it('keeps an item within tolerance where it is, telling its deadline', () => {
    expect(decide({ id: 'r', open: true, score: 12, due: '2025-04-01' }, '2025-03-10')).toEqual({
      escalate: false,
      why: 'within-tolerance',
      level: 0,
      officeId: 'po',
      breaches: [],
      deadline: '2025-04-01',
    });
  });

  it('raises a risk above the project office’s tolerance by one level', () => {
    expect(decide({ id: 'r', open: true, score: 16 }, '2025-03-10')).toEqual({
      escalate: true,
      fromLevel: 0,
      toLevel: 1,
      step: {
        fromOfficeId: 'po',
        toOfficeId: 'pgo',
        on: '2025-03-10',
        reasons: [{ kind: 'score', message: "Score 16 is above Project office's tolerance of 14" }],
      },
    });
  });

  it('climbs one level per step to the top, where it stays with its breaches', () => {
    const { item, last } = climb({ id: 'r', open: true, score: 25 }, '2025-03-10');
    expect(item.trail?.map((s) => [s.fromOfficeId, s.toOfficeId, s.reasons.map((r) => r.kind)])).toEqual([
      ['po', 'pgo', ['score']],
      ['pgo', 'so', ['score']],
    ]);
    expect(last).toMatchObject({ escalate: false, why: 'within-tolerance', level: 2, officeId: 'so' });
    // Score 16 stops at the program office (tolerance 19).
    expect(climb({ id: 'r', open: true, score: 16 }, '2025-03-10').item.trail).toHaveLength(1);
  });

  it('raises an issue by severity', () => {
    const { item } = climb({ id: 'i', open: true, severity: 'critical' }, '2025-03-10');
    expect(item.trail?.map((s) => s.reasons[0]?.message)).toEqual([
      "Severity critical is above Project office's tolerance of medium",
      "Severity critical is above Program office's tolerance of high",
    ]);
    expect(climb({ id: 'i', open: true, severity: 'high' }, '2025-03-10').item.trail).toHaveLength(1);
  });

  it('raises an item past its deadline once per deadline, each office getting its resolution days', () => {
    const issue: EscalationItem = { id: 'i', open: true, severity: 'low', due: '2025-03-01' };
    expect(decide(issue, '2025-03-01').escalate).toBe(false);
    const first = decide(issue, '2025-03-02');
    if (!first.escalate) throw new Error('expected a step');
    expect(first.step.reasons).toEqual([
      {
        kind: 'deadline',
        message: 'Resolution deadline 2025-03-01 at Project office has passed (as of 2025-03-02)',
      },
    ]);
    const atProgram = { ...issue, trail: [first.step] };
    // The breached due date does not count again: the program office has 10 days from arrival.
    expect(decide(atProgram, '2025-03-12')).toMatchObject({
      escalate: false,
      level: 1,
      deadline: '2025-03-12',
    });
    expect(decide(atProgram, '2025-03-13')).toMatchObject({ escalate: true, step: { toOfficeId: 'so' } });
    // A later due date set by the program office is honoured.
    const extended = { ...atProgram, due: '2025-03-31' };
    expect(decide(extended, '2025-03-20')).toMatchObject({ escalate: false, deadline: '2025-03-31' });
  });

  it('keeps the due date at the next office when the item rose before it passed', () => {
    const risk: EscalationItem = { id: 'r', open: true, score: 16, due: '2025-05-01' };
    const first = decide(risk, '2025-03-10');
    if (!first.escalate) throw new Error('expected a step');
    const atProgram = { ...risk, trail: [first.step] };
    expect(decide(atProgram, '2025-04-30')).toMatchObject({ escalate: false, deadline: '2025-05-01' });
    expect(decide(atProgram, '2025-05-02')).toMatchObject({
      escalate: true,
      step: { reasons: [{ kind: 'deadline' }] },
    });
  });

  it('lists breaches at the top of the chain, and leaves closed items alone', () => {
    const atTop: EscalationItem = {
      id: 'i',
      open: true,
      severity: 'critical',
      due: '2025-01-01',
      trail: [
        {
          fromOfficeId: 'pgo',
          toOfficeId: 'so',
          on: '2024-12-01',
          reasons: [{ kind: 'manual', message: 'Board' }],
        },
      ],
    };
    const top = nextEscalation(
      atTop,
      [...chain.slice(0, 2), { ...chain[2]!, tolerance: { maxSeverity: 'high' } }],
      '2025-02-01',
    );
    expect(top.ok && top.value).toMatchObject({ escalate: false, why: 'top-of-chain', level: 2 });
    expect(top.ok && !top.value.escalate && top.value.breaches.map((b) => b.kind)).toEqual([
      'severity',
      'deadline',
    ]);
    expect(decide({ id: 'r', open: false, score: 25 }, '2025-03-10')).toMatchObject({
      escalate: false,
      why: 'closed',
    });
  });

  it('uses the item’s own tolerance at its first office', () => {
    const tolerant: EscalationItem = { id: 'r', open: true, score: 16, tolerance: { maxScore: 20 } };
    expect(decide(tolerant, '2025-03-10').escalate).toBe(false);
  });

  it('names what is wrong', () => {
    const field = (item: EscalationItem, offices: ChainOffice[] = chain) => {
      const r = nextEscalation(item, offices, '2025-03-10');
      return r.ok ? null : [r.error.code, r.error.field];
    };
    const lost = { fromOfficeId: 'po', toOfficeId: 'gone', on: '2025-03-01', reasons: [] };
    expect(field({ id: 'r', open: true, trail: [lost] })).toEqual([
      'office_not_in_chain',
      'trail[0].toOfficeId',
    ]);
    expect(field({ id: 'r', open: true }, [])).toEqual(['empty_chain', 'chain']);
    expect(field({ id: 'r', open: true, score: 30 })).toEqual(['invalid_number', 'score']);
    expect(field({ id: 'r', open: true, due: '2025-02-30' })).toEqual(['invalid_date', 'due']);
  });
});
