import type { Action, Resource, Role } from '@pharos/api';

/**
 * What each role may do, written down a second time, role by role, independently of
 * permissions.ts: the matrix test holds the server to this. Change both on purpose.
 *   letters: r read, c create, u update, a archive/restore; the demand pipeline's s submit,
 *   n screen, k score, d decide, v convert; m commit (a scenario)
 *   where: O = only with an organization-wide grant, S = in the scope of the grant, A = anywhere
 */
type Entry = `${string}:${'O' | 'S' | 'A'}`;

export const expectations: Record<Role, Partial<Record<Resource, Entry>>> = {
  admin: {
    orgUnit: 'rcua:O',
    office: 'cua:S',
    objective: 'cua:S',
    projectType: 'rcua:O',
    portfolio: 'rcua:S',
    program: 'rcua:S',
    project: 'rcua:S',
    operation: 'rcua:S',
    user: 'cua:O',
    grant: 'rca:O',
    audit: 'r:O',
    settings: 'u:O',
    workRole: 'cua:O',
    proposal: 'rcuasnkdv:S',
    scoringFramework: 'cua:S',
    scenario: 'rcuam:S',
  },
  pmo_director: {
    orgUnit: 'rcua:O',
    office: 'cua:S',
    objective: 'cua:S',
    projectType: 'rcua:O',
    portfolio: 'rcua:S',
    program: 'rcua:S',
    project: 'rcua:S',
    operation: 'rcua:S',
    grant: 'r:O',
    audit: 'r:O',
    settings: 'u:O',
    workRole: 'cua:O',
    proposal: 'rcuasnkdv:S',
    scoringFramework: 'cua:S',
    scenario: 'rcuam:S',
  },
  pmo_analyst: {
    office: 'u:S',
    objective: 'u:S',
    portfolio: 'ru:S',
    program: 'ru:S',
    project: 'rcu:S',
    operation: 'ru:S',
    proposal: 'rcusnk:S',
    scoringFramework: 'cua:S',
    scenario: 'rcu:S',
  },
  portfolio_manager: {
    portfolio: 'rcua:S',
    program: 'rcua:S',
    project: 'rcua:S',
    operation: 'rcua:S',
    proposal: 'rcuaskdv:S',
    scenario: 'rcuam:S',
  },
  program_manager: {
    portfolio: 'r:S',
    program: 'ru:S',
    project: 'rcua:S',
    operation: 'r:S',
    proposal: 'rcus:S',
  },
  project_manager: { portfolio: 'r:S', program: 'r:S', project: 'ru:S', operation: 'r:S' },
  project_coordinator: { portfolio: 'r:S', program: 'r:S', project: 'ru:S', operation: 'r:S' },
  team_member: { portfolio: 'r:S', program: 'r:S', project: 'r:S', operation: 'r:S' },
  resource_manager: {
    portfolio: 'r:S',
    program: 'r:S',
    project: 'r:S',
    operation: 'r:S',
    workRole: 'cua:O',
    proposal: 'r:S',
  },
  finance_controller: {
    portfolio: 'r:S',
    program: 'r:S',
    project: 'r:S',
    operation: 'r:S',
    proposal: 'r:S',
    scenario: 'r:S',
  },
  executive: {
    portfolio: 'r:S',
    program: 'r:S',
    project: 'r:S',
    operation: 'r:S',
    proposal: 'rkd:S',
    scenario: 'r:S',
  },
  business_requester: { proposal: 'rcus:S' },
  auditor: {
    portfolio: 'r:S',
    program: 'r:S',
    project: 'r:S',
    operation: 'r:S',
    grant: 'r:O',
    audit: 'r:O',
    proposal: 'r:S',
    scenario: 'r:S',
  },
  trainer: { portfolio: 'r:S', program: 'r:S', project: 'r:S', operation: 'r:S' },
};

/** Every role reads the organization's reference data wherever it holds a grant. */
const referenceData: Resource[] = [
  'orgUnit',
  'office',
  'objective',
  'projectType',
  'user',
  'settings',
  'workRole',
  'scoringFramework',
];

export function expected(role: Role, resource: Resource, action: Action): 'O' | 'S' | 'A' | null {
  if (action === 'read' && referenceData.includes(resource)) return 'A';
  const e = expectations[role][resource];
  if (!e) return null;
  const [letters, where] = e.split(':') as [string, 'O' | 'S' | 'A'];
  const letter = {
    read: 'r',
    create: 'c',
    update: 'u',
    archive: 'a',
    submit: 's',
    screen: 'n',
    score: 'k',
    decide: 'd',
    convert: 'v',
    commit: 'm',
  }[action];
  return letters.includes(letter) ? where : null;
}
