/*
 * The scope of a roll-up — the organization, an office (with its sub-offices), a portfolio (with
 * its sub-portfolios and programs) or a program — which projects it holds, whose rule it follows,
 * and how it divides into children. Only projects the caller may read status reports of count.
 */
import type { HealthScopeKind } from '@pharos/api';
import { notFound } from '../errors';
import type { Ctx } from '../http/context';
import { covers, type Reach } from '../policy/reach';
import type { BoardProject } from './rollup-store';
import { officeSubtree, portfolioSubtree, type Structure } from './rollup-structure';

export interface ChildGroup {
  kind: 'office' | 'portfolio' | 'program' | 'project';
  id: string;
  code: string;
  name: string;
  /** By id. */
  projectIds: string[];
}

export interface Scope {
  kind: HealthScopeKind;
  id: string | null;
  code: string | null;
  name: string;
  /** The office whose rule the scope follows (null: the organization's default). */
  officeId: string | null;
  contains(p: BoardProject): boolean;
  /** The offices and portfolios the scope holds, for registers other than projects' (null: all). */
  offices: Set<string> | null;
  portfolios: Set<string> | null;
  /** The child a project of the scope falls in: a sub-group, or itself. */
  childOf(p: BoardProject): { kind: ChildGroup['kind']; id: string; code: string; name: string };
}

const self = (p: BoardProject) => ({ kind: 'project' as const, id: p.id, code: p.code, name: p.name });

/** Maps every node below `root` to the child of `root` it lies under. */
function topChild(
  root: string | null,
  children: (id: string | null) => { id: string }[],
): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (at: string, top: string) => {
    out.set(at, top);
    for (const c of children(at)) if (!out.has(c.id)) walk(c.id, top);
  };
  for (const c of children(root)) walk(c.id, c.id);
  return out;
}

export function resolveScope(s: Structure, kind: HealthScopeKind, id: string | undefined): Scope {
  if (kind === 'organization') {
    const roots = s.subOffices.get(null) ?? [];
    const under = topChild(null, (at) => s.subPortfolios.get(at) ?? []);
    return {
      kind,
      id: null,
      code: null,
      name: 'Whole organization',
      officeId: roots.length === 1 ? roots[0]!.id : null,
      contains: () => true,
      offices: null,
      portfolios: null,
      childOf: (p) => {
        const top = p.portfolioId ? under.get(p.portfolioId) : undefined;
        const pf = top ? s.portfolios.get(top) : undefined;
        return pf ? { kind: 'portfolio', id: pf.id, code: pf.code, name: pf.name } : self(p);
      },
    };
  }
  if (!id) throw notFound(`The ${kind} (give its id)`);
  if (kind === 'office') {
    const office = s.offices.get(id);
    if (!office) throw notFound('Office');
    const subtree = officeSubtree(s, id);
    const under = topChild(id, (at) => s.subOffices.get(at) ?? []);
    return {
      kind,
      id,
      code: office.code,
      name: office.name,
      officeId: id,
      contains: (p) => subtree.has(p.officeId),
      offices: subtree,
      portfolios: new Set([...s.portfolios.values()].filter((x) => subtree.has(x.officeId)).map((x) => x.id)),
      childOf: (p) => {
        const o = s.offices.get(under.get(p.officeId) ?? '');
        return o ? { kind: 'office', id: o.id, code: o.code, name: o.name } : self(p);
      },
    };
  }
  if (kind === 'portfolio') {
    const pf = s.portfolios.get(id);
    if (!pf) throw notFound('Portfolio');
    const subtree = portfolioSubtree(s, id);
    const under = topChild(id, (at) => s.subPortfolios.get(at) ?? []);
    return {
      kind,
      id,
      code: pf.code,
      name: pf.name,
      officeId: pf.officeId,
      contains: (p) => p.portfolioId !== null && subtree.has(p.portfolioId),
      offices: new Set(),
      portfolios: subtree,
      childOf: (p) => {
        const sub = s.portfolios.get(under.get(p.portfolioId ?? '') ?? '');
        if (sub) return { kind: 'portfolio', id: sub.id, code: sub.code, name: sub.name };
        const program = p.programId ? s.programs.get(p.programId) : undefined;
        if (program) return { kind: 'program', id: program.id, code: program.code, name: program.name };
        return self(p);
      },
    };
  }
  const program = s.programs.get(id);
  if (!program) throw notFound('Program');
  return {
    kind,
    id,
    code: program.code,
    name: program.name,
    officeId: program.officeId,
    contains: (p) => p.programId === id,
    offices: new Set(),
    portfolios: new Set(),
    childOf: self,
  };
}

export const anchorsOf = (p: BoardProject) => ({
  office: p.officeId,
  portfolio: p.portfolioId,
  program: p.programId,
  project: p.id,
});

/** The scope's projects the caller may read reports of, by id. */
export function visibleProjects(board: readonly BoardProject[], scope: Scope, reach: Reach) {
  return board.filter((p) => scope.contains(p) && (reach.organization || covers(reach, anchorsOf(p))));
}

/**
 * A caller who may read nothing of a scope may not learn that it exists either: unless the scope
 * itself is theirs to read (offices are readable by everyone), it is not found.
 */
export async function checkScopeReadable(ctx: Ctx, s: Structure, scope: Scope, seen: number) {
  if (seen > 0 || scope.kind === 'organization' || scope.kind === 'office') return;
  const anchors =
    scope.kind === 'portfolio'
      ? { portfolio: scope.id, office: scope.officeId }
      : {
          program: scope.id,
          portfolio: s.programs.get(scope.id!)?.parentId ?? null,
          office: scope.officeId,
        };
  if (!(await ctx.access.can(scope.kind, 'read', anchors)))
    throw notFound(scope.kind === 'portfolio' ? 'Portfolio' : 'Program');
}

/** The children of a scope, each with its projects (only those given), worst ordering left to the caller. */
export function childGroups(scope: Scope, projects: readonly BoardProject[]): ChildGroup[] {
  const groups = new Map<string, ChildGroup>();
  for (const p of projects) {
    const c = scope.childOf(p);
    const g = groups.get(c.id);
    if (g) g.projectIds.push(p.id);
    else groups.set(c.id, { ...c, projectIds: [p.id] });
  }
  return [...groups.values()];
}

/** A short, stable key of what a reach covers, for remembering computed answers per caller. */
export function reachKey(r: Reach): string {
  if (r.organization) return 'org';
  const part = (k: string, ids: Set<string>) => `${k}:${[...ids].sort().join(',')}`;
  return [part('o', r.offices), part('f', r.portfolios), part('g', r.programs), part('p', r.projects)].join(
    '|',
  );
}
