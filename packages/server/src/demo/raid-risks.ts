/*
 * The risks of the demo's registers, per portfolio theme: each with the trigger that tells it is
 * happening and the mitigation actions planned. Twelve or so per theme, so a project's register
 * never holds the same risk twice.
 */
import type { Theme } from './history-parts';

/** [title, trigger, mitigation actions]. */
export type RiskText = [string, string, string[]];

export const RISKS: Record<Theme, RiskText[]> = {
  digital: [
    [
      'Key vendor developers not available for the build phase',
      'Vendor confirms fewer than 6 developers for the next sprint',
      ['Agree named resources in the statement of work', 'Line up a second supplier for overflow work'],
    ],
    [
      'Data migration quality worse than expected',
      'Reconciliation below 98 % in a dry run',
      ['Run a data-quality sprint with the data owners', 'Add a third migration dry run to the plan'],
    ],
    [
      'Business users cannot be released for acceptance testing',
      'Fewer than 8 testers confirmed two weeks before UAT',
      ['Agree test days with line managers now', "Backfill the testers' day jobs with temporary staff"],
    ],
    [
      'Integration with the legacy mainframe harder than estimated',
      'Interface defects stay open for more than 10 days',
      [
        'Bring the mainframe team into the sprint reviews',
        'Build a stub to test the other interfaces independently',
      ],
    ],
    [
      'Licence costs rise at the renewal',
      'Vendor price list above the budgeted rate',
      ['Negotiate a three-year price lock through procurement'],
    ],
    [
      'Security testing finds high-severity vulnerabilities late',
      'Penetration test reports a high or critical finding',
      [
        'Run automated security scans in the pipeline every build',
        'Book the penetration test four weeks before go-live',
      ],
    ],
    [
      'Cutover window too short for the data volume',
      'Rehearsal takes longer than 36 hours',
      ['Move static data ahead of the cutover weekend', 'Rehearse the cutover twice'],
    ],
    [
      'Cloud consumption above the forecast',
      'Monthly bill more than 15 % above forecast',
      ['Set budgets and alerts per subscription', 'Right-size the test environments'],
    ],
    [
      'Single sign-on vendor changes its licensing model',
      'Vendor announces a per-user price for external identities',
      ['Model both licensing options with procurement', 'Keep the identity layer behind our own API'],
    ],
    [
      'Legacy system freeze not respected by the business',
      'Change requests still raised on the old system after the freeze',
      ['Sponsor to confirm the freeze in writing', 'Route every legacy change through the program office'],
    ],
    [
      'Test environments not ready in time for system testing',
      'Environment readiness checklist open two weeks before testing',
      [
        'Book the environments with infrastructure now',
        'Use containerised test environments for the first cycle',
      ],
    ],
    [
      'Key architect leaves the project',
      'Resignation or long absence of the lead architect',
      [
        'Pair a second architect on every design decision',
        'Keep the architecture decisions recorded in the wiki',
      ],
    ],
  ],
  customer: [
    [
      'Customer adoption slower than planned',
      'Fewer than 2,000 sign-ups in the first month',
      ['Run a referral campaign with the retail branches', 'Simplify the sign-up journey to three steps'],
    ],
    [
      'Competitor launches a similar offer first',
      'Competitor announcement in the trade press',
      ['Bring the minimum viable launch forward', 'Prepare a pricing response with marketing'],
    ],
    [
      'Regulatory approval of the new product delayed',
      'No answer from the regulator six weeks after filing',
      ['Pre-file the documentation informally', 'Plan the launch in two waves'],
    ],
    [
      'Marketing budget cut mid-year',
      'Budget review moves funds to other campaigns',
      ['Agree a ring-fenced launch budget with the CMO'],
    ],
    [
      'Contact centre not ready for the call volume at launch',
      'Forecast call volume above staffed capacity',
      ['Train a second wave of agents', 'Add call-back scheduling to the IVR'],
    ],
    [
      'Customer data consent records incomplete',
      'More than 5 % of records without consent',
      ['Run a re-permissioning campaign before launch'],
    ],
    [
      'Pricing of the new bundle not approved by Finance in time',
      'No pricing sign-off four weeks before launch',
      ['Agree the pricing rules with Finance in the next steering committee'],
    ],
    [
      'Brand guidelines change during the build',
      'Marketing announces a rebrand',
      ['Build the screens on the design system so a rebrand is a theme change'],
    ],
    [
      'Partner integration delivered late by the partner',
      'Partner misses the integration test date',
      [
        "Weekly calls with the partner's delivery lead",
        'Launch without the partner and add it in a second wave',
      ],
    ],
    [
      'Complaints rise during the migration of customer accounts',
      'Complaint volume 20 % above the monthly average',
      ['Proactive letters to the migrated customers', 'Extra agents on the complaint queue during migration'],
    ],
    [
      'Customer data quality too poor for personalisation',
      'More than 10 % of profiles without consent or segment',
      ['Data-quality campaign with the branches'],
    ],
    [
      'Analytics tags missing on the new journeys',
      'Launch dashboards empty on the first day',
      ['Tagging plan reviewed in the definition of done'],
    ],
  ],
  energy: [
    [
      'Grid connection permit delayed',
      'Grid operator misses its response date',
      [
        "Weekly calls with the grid operator's connection team",
        'Sequence the works so energisation is the last dependency',
      ],
    ],
    [
      'Equipment prices rise with commodity markets',
      'Steel index up more than 10 % since contract award',
      ['Fix the price of the main equipment at order', 'Hedge the copper exposure through Group Treasury'],
    ],
    [
      'Planning objections from local residents',
      'Formal objection lodged with the council',
      ['Community information evenings before each phase', 'Adjust the traffic plan for school hours'],
    ],
    [
      'Weather limits the construction window',
      'Wind above 12 m/s forecast on lift days',
      ['Plan lifts with weather float', 'Pre-assemble components on the ground'],
    ],
    [
      'Turbine supplier delivery slips',
      'Supplier misses a factory milestone',
      ['Monthly factory visits', 'Liquidated damages clause enforced in the contract'],
    ],
    [
      'Contractor safety performance below standard',
      'A lost-time incident or two near misses in a month',
      ['Safety stand-down and re-briefing', "Joint safety walks with the contractor's management"],
    ],
    [
      'Protection settings not agreed in time for energisation',
      'Grid operator comments still open two weeks before',
      ['Submit settings early and agree a review slot'],
    ],
    [
      'Cable delivery delayed by the factory',
      'Factory acceptance test slips by more than two weeks',
      [
        "Expedite with the supplier's management",
        'Re-sequence the cable pulls to start with the delivered drums',
      ],
    ],
    [
      'Ground conditions worse than the survey',
      'Piling refusal on more than three foundations',
      ['Additional boreholes before the next foundations', 'Design alternative for deeper piles ready'],
    ],
    [
      'Grid outage windows cancelled by the grid operator',
      'Outage request refused or moved',
      ['Agree a backup outage window now', 'Plan the works so they can wait a month'],
    ],
    [
      'Environmental permit conditions tighten',
      'Authority publishes new noise or wildlife conditions',
      ['Monthly contact with the environmental authority', 'Ecologist on site during sensitive periods'],
    ],
    [
      'Commissioning team not available for two sites at once',
      'Both sites ready for commissioning in the same month',
      ['Stagger the commissioning dates', 'Contract a second commissioning team'],
    ],
  ],
  compliance: [
    [
      'Regulator changes the technical standards late',
      'Consultation paper published after our design freeze',
      ["Track the regulator's consultations monthly", 'Keep the rules engine configurable'],
    ],
    [
      'Scarce specialists needed by several programmes at once',
      'The same person is planned above 100 % for two months',
      ['Agree priorities in the portfolio resource meeting', 'Bring in an external specialist for the peak'],
    ],
    [
      'Source data incomplete for the required reports',
      'More than 2 % of mandatory fields empty in the extract',
      ['Data owners fix the gaps at source', 'Add validation to the data pipeline'],
    ],
    [
      'Deadline leaves no room for a second test cycle',
      'First test cycle ends with more than 10 open defects',
      ['Start testing with the first complete report', 'Plan a weekend test window as contingency'],
    ],
    [
      'Control owners not in place at go-live',
      'Owners not named four weeks before go-live',
      ['Executive sponsor to name the owners at the steering committee'],
    ],
    [
      'Business owners do not sign off the control descriptions',
      'Sign-off outstanding one week before testing',
      ['Escalate to the executive sponsor at the steering committee'],
    ],
    [
      'Vendor fix for the reporting tool arrives late',
      'Vendor patch not delivered by its promised date',
      ['Workaround in the data warehouse prepared', "Escalate through the vendor's account manager"],
    ],
    [
      'Regulator asks for an on-site inspection during go-live',
      'Inspection letter received',
      ['Prepare the evidence pack early', 'Keep one senior person free during the go-live month'],
    ],
    [
      'Data protection impact assessment raises new requirements',
      'DPIA finds a high residual risk',
      ['Involve the data protection officer in every design review'],
    ],
    [
      'Audit trail of the new process incomplete',
      'Internal audit cannot reproduce a sample of decisions',
      ['Log every manual override with a reason', 'Test the audit trail in the user acceptance tests'],
    ],
    [
      'Parallel run shows differences with the current reports',
      'More than 1 % of figures differ',
      ['Reconcile daily during the parallel run', 'Keep the old process one more month'],
    ],
    [
      'Policy owners change after the reorganisation',
      'New owners not named in the policy register',
      ['Update the register at the first steering committee after the reorganisation'],
    ],
  ],
};
