import type { Role, ScopeType } from '@pharos/api';
import { expect } from 'vitest';
import type { TestUser, TestWorld } from '../test/harness';

/*
 * What the governance route tests share: a project type of their own (so no demo project is
 * governed by accident), a project of it in a program, people holding exact roles over it, and
 * small request helpers.
 */

let n = 0;
export const uniq = (p: string) => `${p}-${++n}-${Math.random().toString(36).slice(2, 6)}`;

export interface GovProject {
  id: string;
  code: string;
  officeId: string;
  programId: string;
  portfolioId: string;
  typeId: string;
  managerId: string;
  sponsorId: string;
}

export async function send(
  u: TestUser,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: object,
) {
  return u.req({ method, url, ...(payload ? { payload: payload as Record<string, unknown> } : {}) });
}

/** The body of a successful call, failing the test with the error otherwise. */
export async function ok(
  u: TestUser,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  payload?: object,
) {
  const res = await send(u, method, url, payload);
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

export async function newProjectType(admin: TestUser) {
  return (await ok(admin, 'POST', '/api/v1/project-types', { code: uniq('GT'), name: 'Governed type' }))
    .id as string;
}

/** A project of the given type in a demo program, with a manager and a sponsor of its own. */
export async function newProject(w: TestWorld, admin: TestUser, typeId: string): Promise<GovProject> {
  const program = w.org.programs[0]!;
  const office = w.org.projects.find((p) => p.programId === program.id)!.officeId;
  const manager = await w.userWith([], 'Manager');
  const sponsor = await w.userWith([], 'Sponsor');
  const p = await ok(admin, 'POST', '/api/v1/projects', {
    code: uniq('GP'),
    name: 'Governed project',
    typeId,
    officeId: office,
    programId: program.id,
    status: 'active',
    managerId: manager.id,
    sponsorId: sponsor.id,
  });
  return {
    id: p.id,
    code: p.code,
    officeId: p.officeId,
    programId: p.programId,
    portfolioId: p.portfolioId,
    typeId,
    managerId: manager.id,
    sponsorId: sponsor.id,
  };
}

/** A person holding exactly one role at one scope of the project (project, program, portfolio or office). */
export function personAt(w: TestWorld, p: GovProject) {
  const ids: Record<ScopeType, string | null> = {
    organization: null,
    office: p.officeId,
    portfolio: p.portfolioId,
    program: p.programId,
    project: p.id,
  };
  return (role: Role, scope: ScopeType = 'project') =>
    w.userWith([{ role, scopeType: scope, scopeId: ids[scope] }], `${role} at ${scope}`);
}

/** Notifications of a kind sent to a person. */
export async function notificationsOf(w: TestWorld, userId: string, kind: string) {
  const res = await w.database.pool.query(
    'select title, link from notifications where user_id = $1 and kind = $2',
    [userId, kind],
  );
  return res.rows as { title: string; link: string }[];
}

const gate = (name: string, extra: Record<string, unknown>) => ({ name, ...extra });

/** A lifecycle draft: initiation, planning (gate with a checklist and a deliverable), execution. */
export function lifecycleBody(
  officeId: string,
  typeIds: string[],
  planningGate: Record<string, unknown> = {},
) {
  return {
    code: uniq('LC'),
    name: 'Standard lifecycle',
    officeId,
    projectTypeIds: typeIds,
    phases: [
      { key: 'initiation' },
      {
        key: 'planning',
        gate: gate('Planning gate', {
          checklist: [{ id: 'charter', text: 'Charter signed', required: true }],
          deliverables: [{ id: 'business-case', name: 'Business case', required: true }],
          approverRoles: ['program_manager'],
          ...planningGate,
        }),
      },
      { key: 'execution', gate: gate('Execution gate', { approverRoles: ['pmo_director'] }) },
    ],
  };
}

/** Creates and publishes a lifecycle, returning it. */
export async function publishedLifecycle(admin: TestUser, body: Record<string, unknown>) {
  const lc = await ok(admin, 'POST', '/api/v1/lifecycles', body);
  return ok(admin, 'POST', `/api/v1/lifecycles/${lc.id}/publish`, { version: lc.version });
}
