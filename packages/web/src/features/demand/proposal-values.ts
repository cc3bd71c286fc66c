import type { Proposal } from '@pharos/api';
import { parseMoney, toMajorInput } from './money';

/*
 * The proposal form's values and how they become a request body. Money is kept as the text the
 * person typed (major units) and converted to integer minor units only when sending.
 */

export interface MoneyYear {
  capex: string;
  opex: string;
  benefits: string;
}
export interface DemandRow {
  roleId: string | null;
  fromMonth: number;
  months: number;
  hoursPerMonth: number;
}
export interface RiskRow {
  description: string;
  probability: number;
  impact: number;
}

export interface ProposalValues {
  code: string;
  title: string;
  problem: string;
  outcome: string;
  orgUnitId: string | null;
  officeId: string | null;
  portfolioId: string | null;
  sponsorId: string | null;
  typeId: string | null;
  objectiveIds: string[];
  mandatory: boolean;
  mandatoryReason: string;
  earliestStart: string;
  latestStart: string;
  durationMonths: number;
  businessCase: { firstYear: number; years: MoneyYear[] };
  demand: DemandRow[];
  risks: RiskRow[];
}

function monthAfter(today: Date, months: number): string {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + months, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const blankYear = (): MoneyYear => ({ capex: '', opex: '', benefits: '' });

export function newProposalValues(today = new Date()): ProposalValues {
  const start = monthAfter(today, 3);
  return {
    code: '',
    title: '',
    problem: '',
    outcome: '',
    orgUnitId: null,
    officeId: null,
    portfolioId: null,
    sponsorId: null,
    typeId: null,
    objectiveIds: [],
    mandatory: false,
    mandatoryReason: '',
    earliestStart: start,
    latestStart: monthAfter(today, 9),
    durationMonths: 12,
    businessCase: {
      firstYear: Number(start.slice(0, 4)),
      years: [blankYear(), blankYear(), blankYear(), blankYear()],
    },
    demand: [],
    risks: [],
  };
}

export function proposalValues(p: Proposal, digits: number): ProposalValues {
  return {
    code: p.code,
    title: p.title,
    problem: p.problem,
    outcome: p.outcome,
    orgUnitId: p.orgUnitId,
    officeId: p.officeId,
    portfolioId: p.portfolioId,
    sponsorId: p.sponsorId,
    typeId: p.typeId,
    objectiveIds: p.objectiveIds,
    mandatory: p.mandatory,
    mandatoryReason: p.mandatoryReason,
    earliestStart: p.earliestStart,
    latestStart: p.latestStart,
    durationMonths: p.durationMonths,
    businessCase: {
      firstYear: p.businessCase.firstYear,
      years: p.businessCase.years.map((y) => ({
        capex: toMajorInput(y.capex, digits),
        opex: toMajorInput(y.opex, digits),
        benefits: toMajorInput(y.benefits, digits),
      })),
    },
    demand: p.demand.map((d) => ({ ...d })),
    risks: p.risks.map((r) => ({ ...r })),
  };
}

const moneyFields = ['capex', 'opex', 'benefits'] as const;

/** The business case in minor units, with a message per amount that is not one. */
export function parseBusinessCase(bc: ProposalValues['businessCase'], digits: number) {
  const errors: Record<string, string> = {};
  const years = bc.years.map((y, i) => {
    const out = { capex: 0, opex: 0, benefits: 0 };
    for (const f of moneyFields) {
      const r = parseMoney(y[f], digits);
      if (r.ok) out[f] = r.minor;
      else errors[`businessCase.years.${i}.${f}`] = r.message;
    }
    return out;
  });
  return { businessCase: { firstYear: bc.firstYear, years }, errors };
}

/** The request body for these (possibly partial) values; money errors are returned, not thrown. */
export function proposalBody(values: Partial<ProposalValues>, digits: number) {
  const body: Record<string, unknown> = { ...values };
  let errors: Record<string, string> = {};
  if (values.businessCase) {
    const parsed = parseBusinessCase(values.businessCase, digits);
    body.businessCase = parsed.businessCase;
    errors = parsed.errors;
  }
  if ('code' in values && !values.code?.trim()) delete body.code;
  return { body, errors };
}
