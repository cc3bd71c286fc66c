import type { Action, Resource, Role } from '@pharos/api';
import { roles } from '@pharos/api';

/**
 * THE permission table: who may do what, where. Everything else — route guards, list
 * filtering, the abilities the web app receives, and the matrix test — reads this.
 *
 * Where a grant counts:
 *   'organization' — only a grant over the whole organization;
 *   'inScope'      — a grant whose scope contains the item (an office covers its sub-offices and
 *                    what they own, a portfolio its sub-portfolios, programs, projects and
 *                    operations, a program its projects, a project itself);
 *   'anyScope'     — a grant of that role anywhere (reference data everyone works with).
 */
export type Where = 'organization' | 'inScope' | 'anyScope';

export interface Rule {
  roles: readonly Role[];
  where: Where;
}

const all = roles;
const allButRequester = roles.filter((r) => r !== 'business_requester');
const leaders = ['admin', 'pmo_director'] as const;
const demandCreators = [
  ...leaders,
  'pmo_analyst',
  'portfolio_manager',
  'program_manager',
  'business_requester',
] as const;

/** Who keeps a project's status, RAID log and change requests. */
const reporters = [
  ...leaders,
  'pmo_analyst',
  'portfolio_manager',
  'program_manager',
  'project_manager',
  'project_coordinator',
] as const;
/** Who decides at gates and on changes (each further narrowed by the item's own approvers). */
const deciders = [...leaders, 'portfolio_manager', 'program_manager', 'executive'] as const;

export const permissions: Record<Resource, Partial<Record<Action, readonly Rule[]>>> = {
  orgUnit: {
    read: [{ roles: all, where: 'anyScope' }],
    create: [{ roles: leaders, where: 'organization' }],
    update: [{ roles: leaders, where: 'organization' }],
    archive: [{ roles: leaders, where: 'organization' }],
  },
  office: {
    read: [{ roles: all, where: 'anyScope' }],
    create: [{ roles: leaders, where: 'inScope' }],
    update: [{ roles: [...leaders, 'pmo_analyst'], where: 'inScope' }],
    archive: [{ roles: leaders, where: 'inScope' }],
  },
  objective: {
    read: [{ roles: all, where: 'anyScope' }],
    create: [{ roles: leaders, where: 'inScope' }],
    update: [{ roles: [...leaders, 'pmo_analyst'], where: 'inScope' }],
    archive: [{ roles: leaders, where: 'inScope' }],
  },
  projectType: {
    read: [{ roles: all, where: 'anyScope' }],
    create: [{ roles: leaders, where: 'organization' }],
    update: [{ roles: leaders, where: 'organization' }],
    archive: [{ roles: leaders, where: 'organization' }],
  },
  portfolio: {
    read: [{ roles: allButRequester, where: 'inScope' }],
    create: [{ roles: [...leaders, 'portfolio_manager'], where: 'inScope' }],
    update: [{ roles: [...leaders, 'pmo_analyst', 'portfolio_manager'], where: 'inScope' }],
    archive: [{ roles: [...leaders, 'portfolio_manager'], where: 'inScope' }],
  },
  program: {
    read: [{ roles: allButRequester, where: 'inScope' }],
    create: [{ roles: [...leaders, 'portfolio_manager'], where: 'inScope' }],
    update: [
      { roles: [...leaders, 'pmo_analyst', 'portfolio_manager', 'program_manager'], where: 'inScope' },
    ],
    archive: [{ roles: [...leaders, 'portfolio_manager'], where: 'inScope' }],
  },
  project: {
    read: [{ roles: allButRequester, where: 'inScope' }],
    create: [
      { roles: [...leaders, 'pmo_analyst', 'portfolio_manager', 'program_manager'], where: 'inScope' },
    ],
    update: [
      {
        roles: [
          ...leaders,
          'pmo_analyst',
          'portfolio_manager',
          'program_manager',
          'project_manager',
          'project_coordinator',
        ],
        where: 'inScope',
      },
    ],
    archive: [{ roles: [...leaders, 'portfolio_manager', 'program_manager'], where: 'inScope' }],
  },
  operation: {
    read: [{ roles: allButRequester, where: 'inScope' }],
    create: [{ roles: [...leaders, 'portfolio_manager'], where: 'inScope' }],
    update: [{ roles: [...leaders, 'pmo_analyst', 'portfolio_manager'], where: 'inScope' }],
    archive: [{ roles: [...leaders, 'portfolio_manager'], where: 'inScope' }],
  },
  user: {
    read: [{ roles: all, where: 'anyScope' }],
    create: [{ roles: ['admin'], where: 'organization' }],
    update: [{ roles: ['admin'], where: 'organization' }],
    archive: [{ roles: ['admin'], where: 'organization' }],
  },
  grant: {
    read: [{ roles: ['admin', 'auditor', 'pmo_director'], where: 'organization' }],
    create: [{ roles: ['admin'], where: 'organization' }],
    archive: [{ roles: ['admin'], where: 'organization' }],
  },
  audit: {
    read: [{ roles: ['admin', 'auditor', 'pmo_director'], where: 'organization' }],
  },
  settings: {
    read: [{ roles: all, where: 'anyScope' }],
    update: [{ roles: leaders, where: 'organization' }],
  },
  workRole: {
    read: [{ roles: all, where: 'anyScope' }],
    create: [{ roles: [...leaders, 'resource_manager'], where: 'organization' }],
    update: [{ roles: [...leaders, 'resource_manager'], where: 'organization' }],
    archive: [{ roles: [...leaders, 'resource_manager'], where: 'organization' }],
  },
  // A proposal sits in the office that handles it and, once targeted, in its portfolio.
  proposal: {
    read: [
      {
        roles: [
          ...leaders,
          'pmo_analyst',
          'portfolio_manager',
          'program_manager',
          'executive',
          'finance_controller',
          'resource_manager',
          'business_requester',
          'auditor',
        ],
        where: 'inScope',
      },
    ],
    create: [{ roles: [...demandCreators], where: 'inScope' }],
    // Requesters change their proposal while it is a draft, submitted or deferred; later, only screeners.
    update: [{ roles: [...demandCreators], where: 'inScope' }],
    archive: [{ roles: [...leaders, 'portfolio_manager'], where: 'inScope' }],
    submit: [{ roles: [...demandCreators], where: 'inScope' }],
    screen: [{ roles: [...leaders, 'pmo_analyst'], where: 'inScope' }],
    score: [{ roles: [...leaders, 'pmo_analyst', 'portfolio_manager', 'executive'], where: 'inScope' }],
    decide: [{ roles: [...leaders, 'portfolio_manager', 'executive'], where: 'inScope' }],
    convert: [{ roles: [...leaders, 'portfolio_manager'], where: 'inScope' }],
  },
  scoringFramework: {
    read: [{ roles: all, where: 'anyScope' }],
    create: [{ roles: [...leaders, 'pmo_analyst'], where: 'inScope' }],
    update: [{ roles: [...leaders, 'pmo_analyst'], where: 'inScope' }],
    archive: [{ roles: [...leaders, 'pmo_analyst'], where: 'inScope' }],
  },
  // A scenario sits in its portfolio (and so in the portfolio's office).
  scenario: {
    read: [
      {
        roles: [...leaders, 'pmo_analyst', 'portfolio_manager', 'executive', 'finance_controller', 'auditor'],
        where: 'inScope',
      },
    ],
    create: [{ roles: [...leaders, 'pmo_analyst', 'portfolio_manager'], where: 'inScope' }],
    update: [{ roles: [...leaders, 'pmo_analyst', 'portfolio_manager'], where: 'inScope' }],
    archive: [{ roles: [...leaders, 'portfolio_manager'], where: 'inScope' }],
    commit: [{ roles: [...leaders, 'portfolio_manager'], where: 'inScope' }],
  },
  // Status reports, RAID items, gate reviews, change requests and stop recommendations sit in
  // their project (RAID items also in a program, portfolio or office register).
  statusReport: {
    read: [{ roles: allButRequester, where: 'inScope' }],
    create: [{ roles: reporters, where: 'inScope' }],
    update: [{ roles: reporters, where: 'inScope' }],
    submit: [{ roles: reporters, where: 'inScope' }],
    archive: [{ roles: leaders, where: 'inScope' }],
  },
  raidItem: {
    read: [{ roles: allButRequester, where: 'inScope' }],
    create: [{ roles: [...reporters, 'team_member'], where: 'inScope' }],
    update: [{ roles: reporters, where: 'inScope' }],
    archive: [
      {
        roles: [...leaders, 'pmo_analyst', 'portfolio_manager', 'program_manager', 'project_manager'],
        where: 'inScope',
      },
    ],
  },
  lifecycle: {
    read: [{ roles: all, where: 'anyScope' }],
    create: [{ roles: [...leaders, 'pmo_analyst'], where: 'inScope' }],
    update: [{ roles: [...leaders, 'pmo_analyst'], where: 'inScope' }],
    archive: [{ roles: [...leaders, 'pmo_analyst'], where: 'inScope' }],
  },
  // Who votes at a gate is narrowed further by the gate's own approver list.
  gateReview: {
    read: [{ roles: allButRequester, where: 'inScope' }],
    create: [
      {
        roles: [...leaders, 'pmo_analyst', 'portfolio_manager', 'program_manager', 'project_manager'],
        where: 'inScope',
      },
    ],
    update: [{ roles: reporters, where: 'inScope' }],
    decide: [{ roles: deciders, where: 'inScope' }],
  },
  // Which step a decider may take is narrowed further by the office's authority thresholds.
  changeRequest: {
    read: [{ roles: allButRequester, where: 'inScope' }],
    create: [{ roles: reporters, where: 'inScope' }],
    update: [{ roles: reporters, where: 'inScope' }],
    submit: [{ roles: reporters, where: 'inScope' }],
    decide: [{ roles: [...deciders, 'finance_controller'], where: 'inScope' }],
    archive: [{ roles: [...leaders, 'portfolio_manager'], where: 'inScope' }],
  },
  stopRecommendation: {
    read: [{ roles: allButRequester, where: 'inScope' }],
    create: [{ roles: [...leaders, 'pmo_analyst'], where: 'inScope' }],
    decide: [{ roles: [...leaders, 'portfolio_manager', 'executive'], where: 'inScope' }],
  },
};
