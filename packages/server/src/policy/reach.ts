import type { Role, ScopeType } from '@pharos/api';

/** A role grant as the policy sees it. */
export interface GrantRef {
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
}

/**
 * Where a set of grants reaches: organization-wide, or these offices and portfolios (with
 * everything below them already expanded), programs and projects.
 */
export interface Reach {
  organization: boolean;
  anywhere: boolean;
  offices: Set<string>;
  portfolios: Set<string>;
  programs: Set<string>;
  projects: Set<string>;
}

/** The places an item sits in: its own id on the level it is, and what contains it. */
export interface Anchors {
  office?: string | null;
  portfolio?: string | null;
  program?: string | null;
  project?: string | null;
}

export const emptyReach = (): Reach => ({
  organization: false,
  anywhere: false,
  offices: new Set(),
  portfolios: new Set(),
  programs: new Set(),
  projects: new Set(),
});

/** Unites the reach of grants, given the descendants of each granted office and portfolio. */
export function reachOf(
  grants: readonly GrantRef[],
  officeDescendants: (id: string) => Iterable<string>,
  portfolioDescendants: (id: string) => Iterable<string>,
): Reach {
  const r = emptyReach();
  for (const g of grants) {
    r.anywhere = true;
    if (g.scopeType === 'organization') r.organization = true;
    else if (g.scopeId === null) continue;
    else if (g.scopeType === 'office') for (const id of officeDescendants(g.scopeId)) r.offices.add(id);
    else if (g.scopeType === 'portfolio')
      for (const id of portfolioDescendants(g.scopeId)) r.portfolios.add(id);
    else if (g.scopeType === 'program') r.programs.add(g.scopeId);
    else if (g.scopeType === 'project') r.projects.add(g.scopeId);
  }
  return r;
}

export function covers(r: Reach, a: Anchors): boolean {
  if (r.organization) return true;
  return (
    (a.office != null && r.offices.has(a.office)) ||
    (a.portfolio != null && r.portfolios.has(a.portfolio)) ||
    (a.program != null && r.programs.has(a.program)) ||
    (a.project != null && r.projects.has(a.project))
  );
}
