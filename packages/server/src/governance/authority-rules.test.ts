import { describe, expect, it } from 'vitest';
import {
  defaultAuthorityRules,
  measureChange,
  type Rule,
  routeChange,
  rulesProblem,
} from './authority-rules';

const route = (
  impact: { budgetDelta?: number; finishDeltaDays?: number; scopeChange?: string },
  budget = 1000,
) =>
  routeChange(
    defaultAuthorityRules,
    measureChange({ budgetDelta: null, finishDeltaDays: null, scopeChange: '', ...impact }, budget),
  );
const labels = (r: ReturnType<typeof route>) => ('steps' in r ? r.steps.map((s) => s.label) : r.uncovered);

describe('routing a change by the default authority rules', () => {
  it('sends a budget change up to 10 % to the program manager, above it to the PMO board', () => {
    expect(labels(route({ budgetDelta: 100 }))).toEqual(['Program manager']);
    expect(labels(route({ budgetDelta: -100 }))).toEqual(['Program manager']);
    expect(labels(route({ budgetDelta: 101 }))).toEqual(['PMO director', 'Portfolio board']);
    // From a zero budget any change is unbounded.
    expect(labels(route({ budgetDelta: 1 }, 0))).toEqual(['PMO director', 'Portfolio board']);
  });

  it('sends a finish moved up to 30 days to the program manager, more to the board; scope to both in turn', () => {
    expect(labels(route({ finishDeltaDays: -30 }))).toEqual(['Program manager']);
    expect(labels(route({ finishDeltaDays: 31 }))).toEqual(['PMO director', 'Portfolio board']);
    expect(labels(route({ scopeChange: 'More' }))).toEqual(['Program manager', 'PMO director']);
  });

  it('joins the steps of every kind touched, each once, in the order of the rules, with the reasons', () => {
    const r = route({ budgetDelta: 500, finishDeltaDays: 5, scopeChange: 'More' });
    expect(labels(r)).toEqual(['PMO director', 'Portfolio board', 'Program manager']);
    if (!('steps' in r)) throw new Error('routed');
    expect(r.steps[0]!.reason).toContain('50.0 %');
    expect(r.steps[0]!.reason).toContain('scope');
    expect(r.steps[2]!.reason).toContain('5 days');
  });

  it('names a change no rule covers', () => {
    const rules: Rule[] = [
      { kind: 'budget', upToPercent: 5, upToDays: null, steps: [{ label: 'A', roles: ['admin'] }] },
    ];
    const out = routeChange(
      rules,
      measureChange({ budgetDelta: 60, finishDeltaDays: null, scopeChange: '' }, 1000),
    );
    expect(out).toEqual({
      uncovered: 'No authority rule covers a budget change of 6.0 % of the approved budget',
    });
  });
});

describe('checking authority rules', () => {
  const step = [{ label: 'A', roles: ['admin' as const] }];
  it('accepts the default rules', () => {
    expect(rulesProblem(defaultAuthorityRules)).toBeNull();
  });
  it('names a limit of the wrong kind, a rule never reached, and a role listed twice', () => {
    expect(rulesProblem([{ kind: 'scope', upToPercent: 3, upToDays: null, steps: step }])?.field).toBe(
      'rules.0.upToPercent',
    );
    expect(
      rulesProblem([
        { kind: 'budget', upToPercent: 20, upToDays: null, steps: step },
        { kind: 'budget', upToPercent: 10, upToDays: null, steps: step },
      ])?.field,
    ).toBe('rules.1');
    expect(
      rulesProblem([
        {
          kind: 'scope',
          upToPercent: null,
          upToDays: null,
          steps: [{ label: 'A', roles: ['admin', 'admin'] }],
        },
      ])?.field,
    ).toBe('rules.0.steps.0.roles');
  });
});
