import { z } from 'zod';

/** The roles of PRODUCT.md. A person may hold several, each at a scope. */
export const roles = [
  'admin',
  'pmo_director',
  'pmo_analyst',
  'portfolio_manager',
  'program_manager',
  'project_manager',
  'project_coordinator',
  'team_member',
  'resource_manager',
  'finance_controller',
  'executive',
  'business_requester',
  'auditor',
  'trainer',
] as const;
export type Role = (typeof roles)[number];
export const RoleSchema = z.enum(roles);

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  pmo_director: 'PMO Director',
  pmo_analyst: 'PMO Analyst',
  portfolio_manager: 'Portfolio Manager',
  program_manager: 'Program Manager',
  project_manager: 'Project Manager',
  project_coordinator: 'Project Coordinator',
  team_member: 'Team Member',
  resource_manager: 'Resource Manager',
  finance_controller: 'Finance Controller',
  executive: 'Executive / Sponsor',
  business_requester: 'Business Requester',
  auditor: 'Auditor',
  trainer: 'Trainer / Coach',
};

/** Where a role applies. `organization` has no scope id. */
export const scopeTypes = ['organization', 'office', 'portfolio', 'program', 'project'] as const;
export type ScopeType = (typeof scopeTypes)[number];
export const ScopeTypeSchema = z.enum(scopeTypes);

/** Things permissions are about. */
export const resources = [
  'orgUnit',
  'office',
  'objective',
  'portfolio',
  'program',
  'project',
  'operation',
  'projectType',
  'user',
  'grant',
  'audit',
  'settings',
  'workRole',
  'proposal',
  'scoringFramework',
  'scenario',
  'statusReport',
  'raidItem',
  'lifecycle',
  'gateReview',
  'changeRequest',
  'stopRecommendation',
] as const;
export type Resource = (typeof resources)[number];

/**
 * What may be done. Beyond the four every item has, the demand pipeline's steps (submit a
 * proposal, screen it, score it, decide on it, convert it to a project) and a scenario's commit;
 * status reports and change requests are submitted too, and gates, change requests and stop
 * recommendations are decided.
 */
export const actions = [
  'read',
  'create',
  'update',
  'archive',
  'submit',
  'screen',
  'score',
  'decide',
  'convert',
  'commit',
] as const;
export type Action = (typeof actions)[number];

/** How a route is protected: public, any signed-in user, or a resource action. */
export type RouteAuth = 'public' | 'signedIn' | { resource: Resource; action: Action };

/** Ability keys sent to the web app, e.g. `project.create`. */
export type AbilityKey = `${Resource}.${Action}`;
