import type { AbilityKey, Action, Resource, Role } from '@pharos/api';
import type { Db, Tx } from '../db/connect';
import type { Ctx } from '../http/context';
import { grantHolders, type ItemPlace } from '../notify/recipients';
import { Access } from '../policy/access';
import type { Anchors } from '../policy/reach';
import { labelsOf } from '../registry/labels';
import { registry } from '../registry/routes';

/*
 * What governance needs of a project, always through the registry's own use cases: reading it
 * (so the caller must be allowed to see it), and changing its phase or status as the consequence
 * of a decision taken here.
 */

export interface ProjectRef {
  id: string;
  code: string;
  name: string;
  typeId: string;
  phase: string;
  status: string;
  officeId: string;
  portfolioId: string | null;
  programId: string | null;
  managerId: string | null;
  sponsorId: string | null;
  version: number;
}

export const projectAnchors = (p: ProjectRef): Anchors => ({
  project: p.id,
  program: p.programId,
  portfolio: p.portfolioId,
  office: p.officeId,
});

export const projectPlaceOf = (p: ProjectRef): ItemPlace => ({
  projectId: p.id,
  programId: p.programId,
  portfolioId: p.portfolioId,
  officeId: p.officeId,
});

/**
 * PGlite has one connection: the reach of the caller's grants must be worked out before a
 * transaction takes it, for every permission the use case checks inside.
 */
export async function warm(ctx: Ctx, ...keys: AbilityKey[]) {
  for (const k of keys) {
    const [resource, action] = k.split('.') as [Resource, Action];
    await ctx.access.reach(resource, action);
  }
  await ctx.access.reach('project', 'read');
}

/** The project, if the caller may see it (else not_found), inside a transaction. */
export async function loadProject(ctx: Ctx, tx: Tx, id: string): Promise<ProjectRef> {
  return (await registry.project.load(ctx, tx, id)) as unknown as ProjectRef;
}

/** The project, if the caller may see it (else not_found), outside a transaction. */
export async function getProject(ctx: Ctx, id: string): Promise<ProjectRef> {
  return (await registry.project.get(ctx, id)) as unknown as ProjectRef;
}

/**
 * Changes a project's phase or status through the registry, inside the deciding transaction. The
 * authority is the decision's (a gate's approvers, a stop recommendation's deciders), not the
 * decider's own right to edit the project: the change runs with the system's access, recorded in
 * the audit trail under the decider's name. The registry's phase guard still applies.
 */
export async function changeProject(
  ctx: Ctx,
  tx: Tx,
  id: string,
  changes: { phase?: string; status?: string },
) {
  const sys: Ctx = { ...ctx, db: tx as Db, access: Access.system(tx) };
  const row = await registry.project.load(sys, tx, id, true);
  return registry.project.update(sys, id, { version: row.version, ...changes });
}

/**
 * Which of `roles` the user holds over the place (a grant organization-wide, at an office or
 * portfolio above it, its program or the project itself).
 */
export async function rolesHeld(
  tx: Tx,
  userId: string | undefined,
  roles: readonly Role[],
  place: ItemPlace,
) {
  const held = new Set<Role>();
  if (!userId) return held;
  for (const r of new Set(roles)) if ((await grantHolders(tx, [r], place)).includes(userId)) held.add(r);
  return held;
}

/** The names of people by id (archived people keep their names). */
export async function peopleNames(db: Tx, ids: readonly (string | null | undefined)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => typeof x === 'string'))];
  const labels = await labelsOf(
    db,
    null,
    { id: 'user' },
    wanted.map((id) => ({ id })),
  );
  return new Map(wanted.map((id, i) => [id, labels[i]!.id ?? 'Unknown person']));
}

export const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : ((v as string | null) ?? null));
