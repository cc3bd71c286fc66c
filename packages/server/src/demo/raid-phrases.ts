/*
 * The words of the demo's RAID registers, per portfolio theme: issues, assumptions, dependencies
 * and decisions, as a PMO would find them (risks are in raid-risks.ts).
 */
import type { Theme } from './history-parts';

export const ISSUES: Record<Theme, string[]> = {
  digital: [
    'Test environment down for three days after the network change',
    'Vendor release 4.2 fails the regression tests',
    'Interface to the payroll system rejects 3 % of records',
    'Single sign-on not working for external users',
    'Production firewall change rejected by the change board',
    'Lead developer on sick leave for four weeks',
    'Penetration test found two high findings in the login flow',
    'Batch job overruns the overnight window in the performance test',
  ],
  customer: [
    'Usability test shows customers abandon the form at the income step',
    'Printed welcome packs delayed by the print supplier',
    'Pricing error in the bundle shown on the website',
    'Contact-centre telephony routing not ready for the pilot',
    'Campaign e-mails blocked by the spam filter of a large provider',
    'Net promoter survey of the pilot below target',
    'Contact-centre agents still on the old script in region two',
    'Mobile app rejected by the app store review',
  ],
  energy: [
    'Crane breakdown stopped the lifts for a week',
    'Archaeological find on the cable route; works paused on section C',
    'Transformer delivered with damaged bushings',
    'Access road flooded after heavy rain',
    'Subcontractor went into administration',
    'Grid operator requests additional protection studies',
    'Wind above the lifting limit for nine days running',
    'Earthing test failed on two transformer bays',
  ],
  compliance: [
    'Regulator asked for additional data fields in the monthly report',
    'Control testing found three design gaps',
    'Legal opinion on the data-retention rule still outstanding',
    'Source system upgrade changed the extract format',
    'Key control owner left the company',
    'Second-line review rejected the evidence for six controls',
    'Report template changed by the regulator after sign-off',
    'Test data masking not approved by the data protection officer',
  ],
};

export const ASSUMPTIONS: Record<Theme, string[]> = {
  digital: [
    'The current ERP version stays supported until the migration ends',
    'Business users are available 2 days a week during UAT',
    'The shared integration platform can take the additional load',
  ],
  customer: [
    'Customers accept e-signature for the contract',
    'Branch staff can be trained within existing training days',
    'The new product needs no new banking licence',
  ],
  energy: [
    'Grid connection capacity reserved in our name stays valid',
    'Ground conditions match the survey',
    "The turbine supplier's price is fixed until delivery",
  ],
  compliance: [
    'The final technical standards match the consultation draft',
    'Existing data warehouse holds all the history the regulator asks for',
    'Internal audit reviews the controls within the project timeline',
  ],
};

/** [what this project needs, from the other project]. */
export const DEPENDENCIES = [
  'Needs the new API platform in production before the integration sprint',
  'Needs the master data clean-up finished before migration',
  'Needs the identity platform to support external users',
  'Needs the grid connection works completed before energisation',
  "Needs the shared data platform's customer domain",
  'Needs the new reporting warehouse for the regulatory reports',
];

/** [decision, rationale]. */
export const DECISIONS: [string, string][] = [
  [
    "Go with the vendor's standard workflow instead of customising it",
    'Saves 6 weeks and keeps upgrades simple; the business accepts two extra manual steps.',
  ],
  [
    'Split the release into two waves',
    'Lets the first business unit go live in time for the regulatory deadline.',
  ],
  ['Extend hypercare by four weeks', 'Incident volume is still above the handover criteria.'],
  [
    'Use the Group cloud landing zone rather than a dedicated one',
    'Security controls come for free; cost shared with other projects.',
  ],
  ['Run the cutover over the Easter weekend', 'Four-day window gives a full day of contingency.'],
  [
    'Buy the main transformer ahead of the design freeze',
    'Lead time is 60 weeks; waiting would delay energisation by a quarter.',
  ],
  [
    'Retire the legacy reports instead of migrating them',
    'Fewer than 10 % are used; the rest are replaced by the new dashboards.',
  ],
  ['Defer the mobile channel to phase 2', 'Keeps the budget within the approved envelope.'],
];

export const CLOSE_NOTES = {
  risk: [
    'Mitigation complete; exposure now within appetite.',
    'Trigger date passed without the risk occurring.',
    'Risk occurred and is now managed as an issue.',
  ],
  issue: [
    'Fixed and verified in the test environment.',
    'Workaround agreed with the business; permanent fix in the next release.',
    'Resolved by the supplier under warranty.',
  ],
};
