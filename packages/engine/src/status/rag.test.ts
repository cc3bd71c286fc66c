// RAG suggestion rules against hand-computed facts, with the default thresholds unless said.
import { describe, expect, it } from 'vitest';
import { type RagSuggestion, suggestRag } from './rag';
import type { StatusFacts } from './rag-facts';
import { DEFAULT_RAG_THRESHOLDS, type RagThresholds, resolveRagThresholds } from './rag-thresholds';

function suggest(facts: Omit<StatusFacts, 'asOf'>, thresholds?: RagThresholds): RagSuggestion {
  const result = suggestRag({ asOf: '2025-03-10', ...facts }, thresholds);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function thresholds(input: Parameters<typeof resolveRagThresholds>[0]): RagThresholds {
  const result = resolveRagThresholds(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('schedule', () => {
  it('rates SPI against 0.95 and 0.85, saying why', () => {
    const red = suggest({ schedule: { spi: 0.82 } }).dimensions.schedule;
    expect(red.rag).toBe('red');
    expect(red.reasons).toEqual([
      {
        dimension: 'schedule',
        fact: 'spi',
        value: 0.82,
        rag: 'red',
        threshold: 0.85,
        direction: 'lower-is-worse',
        message: 'SPI 0.82 is below 0.85 (red)',
      },
    ]);
    expect(suggest({ schedule: { spi: 0.9 } }).dimensions.schedule.reasons[0]?.message).toBe(
      'SPI 0.90 is below 0.95 (amber)',
    );
    // On the limit is not below it; a value that rounds to the limit shows more places.
    expect(suggest({ schedule: { spi: 0.95 } }).dimensions.schedule.reasons[0]?.message).toBe(
      'SPI 0.95 is at or above 0.95 (green)',
    );
    expect(suggest({ schedule: { spi: 0.949 } }).dimensions.schedule.reasons[0]?.message).toBe(
      'SPI 0.949 is below 0.95 (amber)',
    );
  });

  it('counts open milestones forecast or overdue beyond their baseline', () => {
    const milestones = [
      // Baseline passed, not done, stale forecast: it cannot finish before today (9 days late).
      { id: 'm1', baseline: '2025-03-01', forecast: '2025-03-05', done: false },
      { id: 'm2', baseline: '2025-04-01', forecast: '2025-04-05', done: false }, // 4 days late
      { id: 'm3', baseline: '2025-02-01', forecast: '2025-02-20', done: true }, // history
      { id: 'm4', baseline: '2025-05-01', forecast: '2025-04-20', done: false }, // early
      { id: 'm5', baseline: '2025-03-10', done: false }, // due today
    ];
    const red = suggest({ schedule: { milestones } }).dimensions.schedule;
    expect(red.rag).toBe('red');
    expect(red.reasons[0]).toMatchObject({
      fact: 'slippedMilestones',
      value: 2,
      threshold: 2,
      ids: ['m1', 'm2'],
      message: 'Slipped milestones 2 is at or above 2 (red)',
    });
    const tolerant = thresholds({ schedule: { milestoneToleranceDays: 5 } });
    const amber = suggest({ schedule: { milestones } }, tolerant).dimensions.schedule;
    expect(amber.reasons[0]).toMatchObject({ value: 1, rag: 'amber', ids: ['m1'] });
  });

  it('makes the schedule red when a critical milestone slips', () => {
    const milestones = [
      {
        id: 'golive',
        name: 'Go-live',
        baseline: '2025-04-01',
        forecast: '2025-04-13',
        done: false,
        critical: true,
      },
    ];
    const s = suggest({ schedule: { milestones, spi: 0.99 } }).dimensions.schedule;
    expect(s.rag).toBe('red');
    expect(s.reasons.map((r) => [r.fact, r.rag])).toEqual([
      ['criticalMilestones', 'red'],
      ['slippedMilestones', 'amber'],
      ['spi', 'green'],
    ]);
    expect(s.reasons[0]?.message).toBe('Critical milestone slipped: Go-live +12 days (red)');
    const off = thresholds({ schedule: { criticalMilestoneRed: false } });
    expect(suggest({ schedule: { milestones } }, off).dimensions.schedule.rag).toBe('amber');
  });

  it('rates the finish variance in days', () => {
    const at = (days: number) => suggest({ schedule: { finishVarianceDays: days } }).dimensions.schedule;
    expect(at(9).rag).toBe('green');
    expect(at(10).reasons[0]?.message).toBe('Finish variance 10 days is at or above 10 days (amber)');
    expect(at(30).rag).toBe('red');
    expect(at(-5).reasons[0]?.message).toBe('Finish variance -5 days is below 10 days (green)');
  });
});

describe('cost', () => {
  it('rates CPI, burn ahead of progress and EAC over budget', () => {
    const cost = suggest({
      cost: { cpi: 0.92, budget: 1_000_000, actualCost: 600_000, percentComplete: 45, eac: 1_080_000 },
    }).dimensions.cost;
    expect(cost.rag).toBe('amber');
    expect(cost.reasons.map((r) => r.message)).toEqual([
      'CPI 0.92 is below 0.95 (amber)',
      // 60 % of the budget spent for 45 % of the work.
      'Budget burn ahead of % complete by 15 points is at or above 10 points (amber)',
      // (1,080,000 − 1,000,000) / 1,000,000.
      'EAC over budget by 8% is at or above 5% (amber)',
    ]);
    const red = suggest({ cost: { budget: 500, actualCost: 400, percentComplete: 55 } }).dimensions.cost;
    expect(red.reasons[0]).toMatchObject({ fact: 'burnAheadPoints', value: 25, rag: 'red', threshold: 20 });
  });

  it('leaves out a rule whose facts are incomplete', () => {
    expect(suggest({ cost: { budget: 1000, actualCost: 500 } }).dimensions.cost).toEqual({
      rag: 'unknown',
      reasons: [],
    });
    expect(suggest({ cost: { budget: 0, eac: 10 } }).dimensions.cost.rag).toBe('unknown');
  });
});

describe('scope, risk, quality, resources', () => {
  it('counts and sizes the changes approved in the window', () => {
    const approvedChanges = [
      { id: 'c1', approvedOn: '2025-03-01', sizePercent: 4 },
      { id: 'c2', approvedOn: '2025-01-15', sizePercent: -3 }, // a cut counts by its size
      { id: 'c3', approvedOn: '2024-12-10', sizePercent: 20 }, // 90 days before: outside
      { id: 'c4', approvedOn: '2025-03-11', sizePercent: 20 }, // after the report date
    ];
    const scope = suggest({ scope: { approvedChanges } }).dimensions.scope;
    expect(scope.reasons.map((r) => [r.fact, r.value, r.rag])).toEqual([
      ['approvedChangePercent', 7, 'amber'],
      ['approvedChanges', 2, 'green'],
    ]);
    expect(scope.reasons[0]?.message).toBe(
      'Size of changes approved in the last 90 days 7% is at or above 5% (amber)',
    );
  });

  it('rates open high risks and open issues under risk', () => {
    const risk = suggest({
      risk: {
        risks: [
          { id: 'r1', score: 16 },
          { id: 'r2', score: 20 },
          { id: 'r3', score: 9 },
          { id: 'r4', score: 15 },
        ],
        issues: [
          { id: 'i1', severity: 'high', due: '2025-03-09' },
          { id: 'i2', severity: 'critical', due: '2025-03-10', escalated: true },
          { id: 'i3', severity: 'low', due: null },
        ],
      },
    }).dimensions.risk;
    expect(risk.rag).toBe('red');
    expect(risk.reasons.map((r) => [r.fact, r.value, r.rag, r.ids])).toEqual([
      ['highRisks', 3, 'red', ['r1', 'r2', 'r4']],
      ['overdueIssues', 1, 'amber', ['i1']],
      ['escalatedIssues', 1, 'amber', ['i2']],
      ['criticalIssues', 1, 'amber', ['i2']],
    ]);
    expect(risk.reasons[0]?.message).toBe('Open risks scoring 15 or more 3 is at or above 3 (red)');
    expect(suggest({ risk: { risks: [], issues: [] } }).dimensions.risk.rag).toBe('green');
  });

  it('rates quality and resources from plain counts and shares', () => {
    const s = suggest({
      quality: { criticalDefects: 0, failedGateItems: 2, overdueFindings: null },
      resources: { overAllocationPercent: 30, unfilledDemandPercent: 5 },
    });
    expect(s.dimensions.quality.rag).toBe('amber');
    expect(s.dimensions.quality.reasons).toHaveLength(2);
    expect(s.dimensions.resources.reasons[0]?.message).toBe(
      'Over-allocated people 30% is at or above 25% (red)',
    );
  });

  it('skips a rule switched off', () => {
    const off = thresholds({ resources: { overAllocationPercent: null } });
    expect(suggest({ resources: { overAllocationPercent: 80 } }, off).dimensions.resources.rag).toBe(
      'unknown',
    );
  });
});

describe('overall', () => {
  it('is the worst dimension by default, naming the drivers; unknown when nothing is known', () => {
    const s = suggest({ schedule: { spi: 0.8 }, cost: { cpi: 1.02 }, quality: { criticalDefects: 5 } });
    expect(s.overall).toEqual({ rag: 'red', score: 3, drivers: ['schedule', 'quality'] });
    expect(s.dimensions.scope.rag).toBe('unknown');
    expect(suggest({}).overall).toEqual({ rag: 'unknown', score: null, drivers: [] });
  });

  it('can be a weighted mean of the dimensions', () => {
    const weighted = thresholds({ overall: { method: 'weighted', weights: { schedule: 3 } } });
    // (3 × red + 1 × green + 1 × green) / 5 = 2.2: amber.
    const s = suggest({ schedule: { spi: 0.8 }, cost: { cpi: 1 }, risk: { risks: [] } }, weighted);
    expect(s.overall).toEqual({ rag: 'amber', score: 2.2, drivers: [] });
  });
});

describe('thresholds and facts are checked', () => {
  it('takes a project type’s part over the defaults', () => {
    const t = thresholds({ cost: { cpi: { amber: 0.9, red: 0.8 } } });
    expect(t.cost.cpi).toEqual({ amber: 0.9, red: 0.8 });
    expect(t.schedule).toEqual(DEFAULT_RAG_THRESHOLDS.schedule);
  });

  it('names the field at fault', () => {
    const bad = (input: Parameters<typeof resolveRagThresholds>[0]) => {
      const r = resolveRagThresholds(input);
      return r.ok ? null : [r.error.code, r.error.field];
    };
    expect(bad({ cost: { cpi: { amber: 0.85, red: 0.95 } } })).toEqual(['invalid_threshold', 'cost.cpi.red']);
    expect(bad({ risk: { overdueIssues: { amber: 3, red: 1 } } })).toEqual([
      'invalid_threshold',
      'risk.overdueIssues.red',
    ]);
    expect(bad({ risk: { highRiskScore: 30 } })).toEqual(['invalid_threshold', 'risk.highRiskScore']);
    expect(bad({ cost: { spi: null } as never })).toEqual(['invalid_threshold', 'cost.spi']);
    expect(bad({ overall: { method: 'weighted', redFrom: 2 } })).toEqual([
      'invalid_rule',
      'overall.amberFrom',
    ]);
    expect(bad({ overall: { method: 'weighted', weights: { budget: 1 } as never } })).toEqual([
      'invalid_rule',
      'overall.weights.budget',
    ]);
  });

  it('rejects facts that are not dates or numbers', () => {
    const error = (facts: StatusFacts) => {
      const r = suggestRag(facts);
      return r.ok ? null : r.error.field;
    };
    expect(error({ asOf: '2025-02-30' })).toBe('asOf');
    expect(
      error({ asOf: '2025-03-10', schedule: { milestones: [{ id: 'm', baseline: '1 May', done: false }] } }),
    ).toBe('schedule.milestones[0].baseline');
    expect(error({ asOf: '2025-03-10', cost: { percentComplete: 120 } })).toBe('cost.percentComplete');
    expect(error({ asOf: '2025-03-10', risk: { risks: [{ id: 'r', score: 26 }] } })).toBe(
      'risk.risks[0].score',
    );
    expect(error({ asOf: '2025-03-10', quality: { failedGateItems: Number.NaN } })).toBe(
      'quality.failedGateItems',
    );
  });
});
