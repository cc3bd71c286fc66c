/* The words the sample data is made of: names, titles and sentences a PMO would recognise. */

import type { RagDimension } from './model';

export const AREAS = [
  'Customer',
  'Billing',
  'Data Platform',
  'Network',
  'Warehouse',
  'HR',
  'Payments',
  'Field Service',
  'Claims',
  'Procurement',
  'Identity',
  'Mobile App',
  'Analytics',
  'Supplier',
  'Fleet',
  'Contact Centre',
  'Treasury',
  'Logistics',
  'Web Shop',
  'Quality Lab',
  'Payroll',
  'Document',
  'Regulatory Reporting',
  'Plant Maintenance',
];

export const ACTIONS = [
  'Platform Migration',
  'Modernisation',
  'Portal Redesign',
  'Automation',
  'Consolidation',
  'Cloud Move',
  'Replacement',
  'Upgrade',
  'Rollout',
  'Integration',
  'Self-Service',
  'Data Clean-up',
];

export const FIRST = [
  'Anna',
  'Ben',
  'Carla',
  'David',
  'Elif',
  'Farid',
  'Grace',
  'Hugo',
  'Ines',
  'Jonas',
  'Keiko',
  'Lars',
  'Maya',
  'Nils',
  'Olga',
  'Pedro',
  'Rita',
  'Samir',
  'Tess',
  'Victor',
];

export const LAST = [
  'Almeida',
  'Berg',
  'Costa',
  'Dubois',
  'Eriksen',
  'Fischer',
  'Garcia',
  'Hansen',
  'Ivanova',
  'Jansen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Novak',
  'Okafor',
  'Peters',
  'Rossi',
  'Schmidt',
  'Tanaka',
  'Weber',
];

export const PROGRAMS = [
  'Customer Experience',
  'Finance Transformation',
  'Digital Operations',
  'Cloud First',
  'Workplace 2027',
  'Regulatory Change',
];

export const RISKS = [
  ['Key vendor misses the integration test window', 'Weekly vendor checkpoint; fallback test slot booked'],
  ['Data quality in legacy system worse than assumed', 'Profiling sprint; clean-up rules agreed with owners'],
  ['Lead architect leaves before design sign-off', 'Pair second architect; document decisions weekly'],
  ['Change freeze over year end delays go-live', 'Ask CAB for exemption; move cut-over to January'],
  ['Licence costs rise at renewal', 'Negotiate multi-year price; review seat counts'],
  ['Users not ready for new process', 'Champions network; extra training sessions'],
  ['Security review finds critical findings late', 'Early pen test on staging; fix budget reserved'],
  ['Interface partner changes API version', 'Contract clause; adapter layer'],
  ['Test environment not available in time', 'Order second environment; share with program'],
  ['Scope creep from business requests', 'Change control board; strict backlog triage'],
] as const;

export const ISSUES = [
  'Performance test shows 3× slower batch run',
  'Two testers off sick; UAT behind plan',
  'Supplier invoice disputed, delivery on hold',
  'Interface spec not signed off by partner',
  'Production access for the migration team still missing',
  'Defect backlog above agreed limit (42 open)',
  'Budget line not released by finance',
  'Hardware delivery delayed by customs',
] as const;

export const DECISIONS = [
  'Approve 120 k EUR contingency release for extra testing',
  'Choose between phased and big-bang cut-over',
  'Accept two-week slip of go-live to 15 Jan',
  'Move reporting module to phase 2',
  'Fund a second test environment',
  'Extend contractor team to end of Q1',
] as const;

export const JUSTIFICATIONS: Readonly<Record<RagDimension, readonly string[]>> = {
  schedule: [
    'recovery plan agreed with the vendor on Tuesday; the slip is recovered by the next milestone',
    'the steering committee accepted the new go-live date on 12 Nov',
  ],
  cost: [
    'the overspend is the approved change request CR-12, not yet in the baseline',
    'invoices for Q3 were booked twice; finance is correcting the actuals',
  ],
  scope: ['the pending change is cosmetic and fits the contingency'],
  risk: ['the open high risk has been mitigated; the register is updated this week'],
  quality: ['the defects are limited to one non-critical reporting module'],
  resources: [
    'two new developers start on Monday',
    'the vacancy is covered by the program pool until January',
  ],
};

export const REASONS: Readonly<Record<RagDimension, readonly [string, string, string]>> = {
  schedule: [
    'SPI {spi}, no milestone slipped',
    'SPI {spi} below 0.95',
    'SPI {spi} below 0.85; milestone slipped',
  ],
  cost: ['CPI {cpi} within tolerance', 'CPI {cpi} below 0.95', 'CPI {cpi} below 0.85; EAC above budget'],
  scope: ['No open scope change', 'Scope change pending approval', 'Scope changes exceed 10 % of baseline'],
  risk: ['No open high risk', 'Open high risk without mitigation', 'Critical risk open above tolerance'],
  quality: ['Defects within agreed limits', 'Defect backlog growing', 'Critical defects open past due date'],
  resources: ['Team fully staffed', 'Key role vacant for 2 weeks', 'Team below 70 % of planned capacity'],
};

export const DONE = [
  'Completed integration test cycle 2 with 96 % pass rate.',
  'Signed off the data migration design with the business owners.',
  'Delivered release 1.4 to the pilot sites.',
  'Ran the second training wave for 120 users.',
  'Closed 18 defects, including all high-severity ones.',
  'Agreed the cut-over plan with operations.',
];

export const NEXT = [
  'Start user acceptance testing with finance key users.',
  'Run the dress rehearsal of the cut-over.',
  'Finish the interface to the partner system.',
  'Prepare the go/no-go gate review.',
  'Complete performance tuning of the nightly batch.',
  'Onboard the two new developers.',
];

export const HELP = [
  'Steering committee to decide on the contingency release by Friday.',
  'Need a security architect for three days to review the design.',
  'Ask the program office to escalate the vendor delay.',
  'Finance to release the Q1 budget line.',
  'None this period.',
];
