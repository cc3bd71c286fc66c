import { businessCaseMeasures, type NoIrrReason } from '@pharos/engine';
import type { BusinessCaseData } from '../db/schema/index';
import { fromEngine } from './common';
import type { Settings } from './settings';

const irrNotes: Record<NoIrrReason, string> = {
  'no-sign-change': 'The net cash flow never changes sign: there is no rate of return',
  'several-possible':
    'The net cash flow changes sign more than once: there may be several rates; compare by NPV',
  none: 'The net present value does not cross zero at any rate',
};

/** A business case's NPV, IRR, payback and ROI at the organization's discount rate and timing. */
export function measuresOf(bc: BusinessCaseData, s: Pick<Settings, 'discountRate' | 'cashFlowTiming'>) {
  const m = fromEngine(
    () =>
      businessCaseMeasures(
        {
          capex: bc.years.map((y) => y.capex),
          opex: bc.years.map((y) => y.opex),
          benefits: bc.years.map((y) => y.benefits),
        },
        s.discountRate,
        s.cashFlowTiming,
      ),
    'businessCase',
  );
  return {
    totalCost: m.totalCost,
    totalBenefits: m.totalBenefit,
    npv: Math.round(m.npv),
    irr: m.irr.rate,
    irrNote: m.irr.rate === null ? irrNotes[m.irr.reason] : null,
    payback: m.payback,
    discountedPayback: m.discountedPayback,
    roi: m.roi,
    discountRate: s.discountRate,
  };
}
