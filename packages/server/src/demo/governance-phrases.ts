/*
 * The words of the demo's governance: the strategic office's two lifecycles (delivery projects,
 * and capital and research projects) with their gates, and what change requests, gate conditions
 * and stop recommendations say.
 */
import type { Role } from '@pharos/api';
import type { GateData, PhaseData } from '../db/schema/governance';
import type { Phase } from './types';

type GateSpec = [name: string, roles: Role[], checklist: string[], deliverables: string[]];

const key = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);

const PHASE_NAMES: Record<Phase, string> = {
  initiation: 'Initiation',
  planning: 'Planning',
  execution: 'Execution',
  monitoring: 'Monitoring and control',
  closing: 'Closing',
  closed: 'Closed',
};

function phases(gates: Record<Exclude<Phase, 'initiation'>, GateSpec>): PhaseData[] {
  const gate = (phase: Phase, [name, roles, checklist, deliverables]: GateSpec): GateData => ({
    key: phase,
    name,
    checklist: checklist.map((text, i) => ({ id: key(text), text, required: i < checklist.length - 1 })),
    deliverables: deliverables.map((name) => ({ id: key(name), name, required: true })),
    approverRoles: roles,
    approverIds: [],
  });
  return (Object.keys(PHASE_NAMES) as Phase[]).map((phase) => ({
    key: phase,
    name: PHASE_NAMES[phase],
    gate: phase === 'initiation' ? null : gate(phase, gates[phase]),
  }));
}

export const LIFECYCLES = [
  {
    code: 'LC-DELIVERY',
    name: 'Group delivery lifecycle',
    types: ['IT', 'PRODUCT', 'CHANGE', 'REG'],
    description:
      'Five gates from idea to closure for IT, product, change and regulatory projects. Gates 2 and 3 are decided by the sponsor and the PMO; the others by the PMO.',
    phases: phases({
      planning: [
        'Gate 1: charter approval',
        ['pmo_director'],
        [
          'Sponsor named and committed',
          'Problem and outcome stated',
          'Fits a strategic objective',
          'Rough order of magnitude estimate',
        ],
        ['Project charter'],
      ],
      execution: [
        'Gate 2: baseline approval',
        ['executive', 'pmo_director'],
        [
          'Business case approved by Finance',
          'Plan baselined with milestones',
          'Budget approved and phased',
          'Risk register reviewed',
          'Resources confirmed by line managers',
        ],
        ['Business case', 'Baselined plan', 'Risk register'],
      ],
      monitoring: [
        'Gate 3: go-live readiness',
        ['executive', 'pmo_director'],
        [
          'Acceptance tests passed',
          'No open critical defects',
          'Operations ready to support',
          'Rollback plan tested',
          'Training delivered',
        ],
        ['Test report', 'Operational acceptance', 'Cutover plan'],
      ],
      closing: [
        'Gate 4: handover',
        ['pmo_director'],
        ['Hypercare exit criteria met', 'Known errors handed to support', 'Benefits owner named'],
        ['Handover certificate'],
      ],
      closed: [
        'Gate 5: closure',
        ['executive'],
        ['Final costs reconciled', 'Lessons learned recorded', 'Contracts closed'],
        ['Closure report', 'Lessons learned'],
      ],
    }),
  },
  {
    code: 'LC-CAPITAL',
    name: 'Capital projects lifecycle',
    types: ['INFRA', 'RND'],
    description:
      'Stage gates for capital construction and research work: investment decision at gate 2, commissioning at gate 3, each with the sponsor and the PMO.',
    phases: phases({
      planning: [
        'Gate 1: concept approval',
        ['pmo_director'],
        [
          'Need confirmed by the asset owner',
          'Options studied',
          'Permits identified',
          'Indicative cost range',
        ],
        ['Concept note'],
      ],
      execution: [
        'Gate 2: final investment decision',
        ['executive', 'pmo_director'],
        [
          'Design frozen',
          'Permits granted',
          'Contracts ready to award',
          'Cost estimate class 3 or better',
          'Health and safety plan approved',
        ],
        ['Investment paper', 'Design basis', 'Health and safety plan'],
      ],
      monitoring: [
        'Gate 3: ready for commissioning',
        ['executive', 'pmo_director'],
        [
          'Mechanical completion certified',
          'Punch list A items closed',
          'Operator trained',
          'Grid operator consent',
        ],
        ['Mechanical completion certificate', 'Commissioning plan'],
      ],
      closing: [
        'Gate 4: handover to operations',
        ['pmo_director'],
        ['Performance test passed', 'As-built documents delivered', 'Spares handed over'],
        ['Handover certificate'],
      ],
      closed: [
        'Gate 5: project close-out',
        ['executive'],
        ['Final account agreed with contractors', 'Lessons learned recorded', 'Asset register updated'],
        ['Close-out report'],
      ],
    }),
  },
];

export const PROJECT_SCOPE = (name: string) =>
  `${name}: the deliverables, milestones and acceptance criteria of the approved business case.`;

/** Change request titles by what they change: [title, scope words]. */
export const CHANGE_TITLES = {
  schedule: [
    ['Extend the schedule after the vendor re-plan', ''],
    ['Move the go-live after the business freeze period', ''],
    ['Re-plan after the late start of the supplier', ''],
    ['Extend for a second round of acceptance testing', ''],
  ],
  budget: [
    ['Additional budget for the integration work', ''],
    ['Cover the supplier price increase', ''],
    ['Fund the extra data migration cycle', ''],
    ['Release unused contingency', ''],
  ],
  scope: [
    ['Add the regulatory reporting extract', 'Add the monthly regulatory extract and its reconciliation.'],
    ['Descope the legacy report migration', 'Retire the legacy reports instead of migrating them.'],
    ['Add single sign-on for partner users', 'Partner users sign in with their own identity provider.'],
    ['Include the second site in the roll-out', 'Extend the roll-out to the second site.'],
  ],
} as const;

export const CHANGE_REASONS = [
  'The current plan no longer holds; this change brings the baseline back to what the team can deliver.',
  'Requested by the sponsor after the last steering committee.',
  'Agreed with the program office to keep the program plan consistent.',
];

export const STEP_COMMENTS = {
  approve: [
    'Approved.',
    'Approved; keep the program office informed.',
    'Agreed, within the program envelope.',
  ],
  reject: ['Rejected: absorb within the current budget.', 'Not now: bring it back with the options costed.'],
};

export const GATE_CONDITIONS = {
  hold: [
    'Come back when the business case is signed by Finance.',
    'Hold until the resource plan is confirmed by the line managers.',
    'Hold: the test exit criteria are not met yet.',
  ],
  recycle: [
    'Rework the plan: the critical path has no contingency.',
    'Rework the cost estimate with the new supplier quotes.',
  ],
  go: ['Go, on condition that the open items are closed within four weeks.'],
};

export const VOTE_COMMENTS: Record<string, string[]> = {
  go: ['Good evidence; go.', 'Agree to proceed.', 'Go.'],
  hold: ['Not ready yet.', 'Hold until the open items are closed.'],
  recycle: ['Needs rework before we decide.'],
  stop: ['The case no longer stands; stop.'],
};

export const STOP_REASONS = [
  'The business case no longer holds: costs are forecast 30 % over the approved budget and the main benefit has moved to another programme.',
  'Three consecutive red reports without a credible recovery plan; the sponsor has left the company and no successor is named.',
  'The regulatory driver was withdrawn; the remaining scope does not justify the spend.',
];

export const STOP_OUTCOMES = {
  accepted:
    'Stopped by the portfolio board. Remaining budget released to the portfolio reserve; lessons learned to be recorded.',
  rejected:
    'The board decided to continue with the recovery plan presented by the sponsor; review again in two months.',
};
