import type { ScenarioBodyT } from '@pharos/api';
import { candidateValue } from '@pharos/engine';
import { useMemo } from 'react';
import { engineScenario } from './plan-state';
import { useCurrency } from './scenario-api';
import { money, num } from './scenario-format';

export interface Money {
  currency: string | null;
  format: (minor: number) => string;
}

/** Money in the organization's currency. */
export function useMoney(): Money {
  const currency = useCurrency();
  return useMemo(() => ({ currency, format: (minor: number) => money(minor, currency) }), [currency]);
}

/** A candidate's value under the scenario's objective, as the timeline and tables show it. */
export function candidateValueText(body: ScenarioBodyT, i: number, m: Money): string {
  const c = body.candidates[i];
  if (!c) return '';
  const v = candidateValue(engineScenario(body), c);
  return body.objective === 'npv' ? m.format(v) : num(v);
}
