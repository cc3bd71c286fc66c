/*
 * What project managers write in their weekly reports, per portfolio theme and stage of the
 * project: the work done, the work next, the help they ask for, and why they rate a dimension
 * differently from the rules. Placeholders: {n} a sprint or week number, {pct} percent complete,
 * {milestone} the next milestone, {date} its forecast date, {last} the milestone just achieved.
 */
import type { RagDimension } from '@pharos/engine';
import type { Theme } from './history-parts';

export type Stage = 'early' | 'build' | 'run' | 'close';

/** The stage a phase index (in PHASES) reads as. */
export const stageOf = (phase: number): Stage =>
  phase <= 1 ? 'early' : phase === 2 ? 'build' : phase === 3 ? 'run' : 'close';

const MILESTONES: Record<string, string[]> = {
  INFRA: [
    'Investment approved',
    'Design frozen',
    'Mechanical completion',
    'Commissioning complete',
    'Handover to operations',
  ],
  RND: [
    'Concept approved',
    'Prototype plan approved',
    'Prototype built',
    'Pilot results accepted',
    'Findings published',
  ],
  CHANGE: [
    'Case for change approved',
    'Target operating model signed off',
    'Training delivered',
    'New organisation live',
    'Benefits handed to the business',
  ],
  REG: [
    'Regulatory gap analysis approved',
    'Implementation plan approved',
    'Controls implemented',
    'Compliance go-live',
    'Regulator notified of closure',
  ],
  default: ['Charter approved', 'Plan approved', 'Build complete', 'Go-live', 'Project closed'],
};
export const milestoneNames = (type: string) => MILESTONES[type] ?? MILESTONES.default!;

/** Delivery work, per theme: what was done and what comes next while building. */
const BUILD: Record<Theme, { done: string[]; next: string[] }> = {
  digital: {
    done: [
      'Sprint {n} closed with 34 of 38 story points accepted; the two carried-over stories are waiting on test data.',
      'Integration with the general ledger passed end-to-end testing in the SIT environment.',
      'Second data migration dry run completed; 99.2 % of records reconciled, the rest are known legacy duplicates.',
      'Security review of the new APIs done; two medium findings fixed the same week.',
      'Performance test at 1.5× peak load passed; response times under 400 ms at the 95th percentile.',
      'Cloud landing zone for production provisioned through the pipeline; change board approved the firewall rules.',
    ],
    next: [
      'Sprint {n}: finish the reconciliation reports and start regression testing.',
      'Third migration dry run with the full production extract; business sign-off of the mapping rules.',
      'Prepare the cutover runbook and walk it through with operations ahead of {milestone} ({date}).',
      'Start user acceptance testing with the finance key users.',
      'Close the remaining high defects and re-run the regression pack.',
    ],
  },
  customer: {
    done: [
      'Customer journey for online onboarding tested with 12 customers in the usability lab; three changes agreed.',
      'CRM campaigns module configured; first campaign built by the marketing team without vendor help.',
      'Contact-centre scripts rewritten for the new product; 40 agents trained in the pilot team.',
      'App store release {n} published to the beta group; crash-free sessions at 99.6 %.',
      'Pricing rules for the new bundles loaded and checked against the tariff sheet.',
    ],
    next: [
      'Extend the pilot to the second region and collect NPS from the first 500 customers.',
      'Finish the complaint-handling flow and test it with the contact-centre team leads.',
      'Marketing launch plan review with the brand team; creative assets due before {milestone} ({date}).',
      'Train the remaining contact-centre waves and switch routing for the new queue.',
    ],
  },
  energy: {
    done: [
      'Foundations for turbines 7 to 12 poured; concrete test cubes all above specification.',
      'Transformer delivered to site and set on its plinth; factory acceptance records received.',
      'Cable pull for the 33 kV circuit completed on section B; insulation tests passed.',
      'Health and safety walk-down with the principal contractor: no major findings, two minor actions closed.',
      'Protection settings for the new bays agreed with the grid operator.',
      "Civil works {pct} % complete in the contractor's weekly return; the crane pad is ready.",
    ],
    next: [
      'Energise the auxiliary supplies and start cold commissioning of the switchgear.',
      'Crane mobilisation for the nacelle lifts, weather permitting; lift plan approved.',
      'Complete the earthing survey and submit the results to the grid operator before {milestone} ({date}).',
      'Witness the SCADA factory acceptance test at the supplier.',
      'Close out the snagging list on section A with the contractor.',
    ],
  },
  compliance: {
    done: [
      'Control design for the incident-reporting process signed off by the second line.',
      'Regulatory reporting templates mapped to source systems; 87 % of data points automated.',
      'Walkthrough of the new controls with internal audit; no design gaps raised.',
      'Policy update approved by the risk committee and published on the intranet.',
      'Evidence pack for the first 40 controls uploaded to the GRC tool.',
    ],
    next: [
      'Parallel run of the regulatory report with the current manual process.',
      'Operating-effectiveness testing of the key controls with the second line.',
      'Prepare the attestation for the board ahead of {milestone} ({date}).',
      'Train the business owners of the new controls and confirm their deputies.',
    ],
  },
};

/** The other stages read alike across themes. */
const GENERAL: Record<Exclude<Stage, 'build'>, { done: string[]; next: string[] }> = {
  early: {
    done: [
      'Project charter drafted and reviewed with the sponsor; scope boundaries agreed.',
      'Stakeholder map done; steering committee members confirmed for the monthly meeting.',
      'Requirements workshops held with the business: 64 requirements captured, 12 still to prioritise.',
      'Vendor shortlist down to two; reference calls done.',
      'High-level plan and budget estimate prepared for the gate review.',
    ],
    next: [
      'Finalise the business case and submit it for {milestone} ({date}).',
      'Complete the solution design and the integration inventory.',
      'Baseline the plan and the budget with the PMO.',
      'Set up the RAID log review in the weekly team meeting.',
    ],
  },
  run: {
    done: [
      'Go-live stable: no priority 1 incidents this week, four minor tickets handed to support.',
      "Hypercare daily calls reduced to twice a week with the business's agreement.",
      'First month of benefits measured; volumes in line with the business case.',
      'Known-error list handed over to the service desk with workarounds.',
    ],
    next: [
      'Close hypercare and hand over to operations at {milestone} ({date}).',
      'Fix the last two reporting defects in the next maintenance release.',
      'Agree the benefits tracking owner and the first quarterly review.',
    ],
  },
  close: {
    done: [
      'Lessons-learned workshop held with the team and the sponsor; actions logged.',
      'Final invoices received; purchase orders closed with procurement.',
      'Project documentation archived; operations acceptance signed.',
      'Team released back to their line managers; two contractors off-boarded.',
    ],
    next: [
      'Closure report to the steering committee for sign-off.',
      'Hand the benefits register to the business owner.',
      'Close the project in the finance system once the accruals are reversed.',
    ],
  },
};

export function donePhrases(theme: Theme, stage: Stage): string[] {
  return stage === 'build' ? BUILD[theme].done : GENERAL[stage].done;
}
export function nextPhrases(theme: Theme, stage: Stage): string[] {
  return stage === 'build' ? BUILD[theme].next : GENERAL[stage].next;
}

/** What a manager asks for when a dimension is amber or red. */
export const HELP: Record<RagDimension, string[]> = {
  schedule: [
    'Steering committee to confirm the revised date for {milestone}.',
    'Agreement from the business to release key users for testing two weeks earlier.',
    'A decision on descoping the reporting module to protect {milestone}.',
  ],
  cost: [
    'Decision on the budget change request now with the PMO board.',
    'Finance to confirm whether the contingency can be released this quarter.',
    'Sponsor to approve the vendor change order before it hits the invoice run.',
  ],
  scope: [
    'Sponsor to hold the line on new requests until after {milestone}.',
    'The change board to review the backlog of requested changes together, not one by one.',
  ],
  risk: [
    "Program office help to escalate the open issue with the supplier's management.",
    'Sponsor to chase the decision we are waiting on from the business unit.',
    'Support from Group Risk to agree the mitigation for the top risk.',
  ],
  quality: [
    'Business sign-off on the conditions from the last gate review.',
    'Two more testers from the shared test centre for three weeks.',
  ],
  resources: [
    'Resource manager to confirm the replacement for the architect leaving at month end.',
    'Two more developers from the shared pool until {milestone}.',
    'Release of the subject-matter expert from their day job two days a week.',
  ],
};

/** Why a manager rated a dimension otherwise: [better than suggested, worse than suggested]. */
export const JUSTIFICATIONS: Record<RagDimension, [string[], string[]]> = {
  schedule: [
    [
      'The slip is on a non-critical path activity; the go-live date is protected by float.',
      'SPI is depressed by the vendor invoicing late for completed work; progress on the ground is on plan.',
      'Milestone moved by agreement with the sponsor; the re-baseline change request is in approval.',
    ],
    [
      'Numbers look fine but the integration partner just told us their release slips two weeks.',
      'The test environment is still not stable; I expect the next milestone to move.',
    ],
  ],
  cost: [
    [
      'The overspend is timing only: hardware was bought early to secure the price.',
      'Additional cost is covered by the approved contingency; the change request only formalises it.',
    ],
    [
      'The supplier has signalled a claim for the extra site work; not in the actuals yet.',
      'Exchange-rate movement on the USD licences will push us over budget next quarter.',
    ],
  ],
  scope: [
    ['The changes approved were clarifications with no effect on the cost or the date.'],
    ['The business keeps adding requirements informally; I want the sponsor to see it.'],
  ],
  risk: [
    [
      'The escalated issue is resolved in practice; closure is waiting for formal confirmation.',
      'The top risk has a tested mitigation in place; the score will come down at the next review.',
    ],
    ["A new dependency on the program's data platform is not yet in the RAID log scores."],
  ],
  quality: [
    [
      'The failed gate items are documentation only and are being closed this week.',
      'Critical defects are in a module that is not part of this release.',
    ],
    ['Defect inflow is rising faster than we close them; I expect this to turn red.'],
  ],
  resources: [
    [
      'The over-allocation is one person for one week during cutover, agreed with their manager.',
      'The open role is filled from Monday; the contract is signed.',
    ],
    ['Two key people have resigned; the numbers do not show it until they leave.'],
  ],
};

/** Why the overall is better than its worst dimension. */
export const OVERALL_JUSTIFICATIONS = [
  'Red on one dimension only and it is in hand; delivery of the committed scope is not at risk.',
  'The red is a reporting artefact of the re-baseline still in approval; the plan itself is sound.',
  'Overall amber: the sponsor has accepted the revised date and the team is tracking to it.',
];

export const ON_HOLD = {
  done: 'Project on hold by decision of the steering committee; team demobilised, costs stopped.',
  next: "Awaiting the portfolio board's decision on the restart date.",
  help: 'A decision on the restart date, or on closing the project.',
};
