import { describe, expect, it } from 'vitest';
import { applyOverride, type RagOverride } from './override';
import { type RagSuggestion, suggestRag } from './rag';
import { resolveRagThresholds } from './rag-thresholds';

// Schedule red (SPI 0.8), cost amber (CPI 0.9), risk green, the rest unknown: overall red.
function suggestion(overall: 'worst' | 'weighted' = 'worst'): RagSuggestion {
  const thresholds = resolveRagThresholds({ overall: { method: overall } });
  if (!thresholds.ok) throw new Error(thresholds.error.message);
  const facts = { asOf: '2025-03-10', schedule: { spi: 0.8 }, cost: { cpi: 0.9 }, risk: { risks: [] } };
  const result = suggestRag(facts, thresholds.value);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const apply = (override: RagOverride, s = suggestion()) => applyOverride(s, override);

describe('applyOverride', () => {
  it('takes the suggestion where the manager sets nothing', () => {
    const r = apply({});
    expect(r.ok && r.value.dimensions.schedule).toEqual({
      suggested: 'red',
      rag: 'red',
      overridden: false,
      justification: null,
    });
    expect(r.ok && r.value.overall).toEqual({
      suggested: 'red',
      rag: 'red',
      overridden: false,
      justification: null,
    });
    expect(r.ok && r.value.dimensions.scope.rag).toBe('unknown');
  });

  it('needs a justification for a rating that differs from the suggestion, naming the field', () => {
    const r = apply({ dimensions: { schedule: { rag: 'amber', justification: '   ' } } });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'justification_required',
        field: 'dimensions.schedule.justification',
        message: 'dimensions.schedule: the rules suggest red; say why it is amber',
      },
    });
  });

  it('keeps the justification, and suggests the overall again from the dimensions as reported', () => {
    const r = apply({
      dimensions: { schedule: { rag: 'amber', justification: ' Recovery plan approved on 3 March ' } },
    });
    if (!r.ok) throw new Error(r.error.message);
    expect(r.value.dimensions.schedule).toEqual({
      suggested: 'red',
      rag: 'amber',
      overridden: true,
      justification: 'Recovery plan approved on 3 March',
    });
    expect(r.value.overall).toEqual({
      suggested: 'amber',
      rag: 'amber',
      overridden: false,
      justification: null,
    });
  });

  it('needs a justification for an overall that departs from its dimensions', () => {
    const r = apply({ overall: { rag: 'green' } });
    expect(!r.ok && r.error.field).toBe('overall.justification');
    const weighted = suggestion('weighted');
    // (3 + 2 + 1) / 3 = 2: amber; saying amber needs no reason.
    expect(weighted.overall.rag).toBe('amber');
    expect(apply({ overall: { rag: 'amber' } }, weighted).ok).toBe(true);
  });

  it('lets the manager rate a dimension the rules had no facts for, without a reason', () => {
    const r = apply({ dimensions: { scope: { rag: 'green' } } });
    expect(r.ok && r.value.dimensions.scope).toEqual({
      suggested: 'unknown',
      rag: 'green',
      overridden: false,
      justification: null,
    });
  });

  it('rejects a rating that is not a colour and a dimension that does not exist', () => {
    const unknown = apply({ dimensions: { cost: { rag: 'unknown' as never } } });
    expect(!unknown.ok && [unknown.error.code, unknown.error.field]).toEqual([
      'invalid_rag',
      'dimensions.cost.rag',
    ]);
    const budget = apply({ dimensions: { budget: { rag: 'red' } } as never });
    expect(!budget.ok && budget.error.field).toBe('dimensions.budget');
  });
});
