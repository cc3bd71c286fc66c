import { randomUUID } from 'node:crypto';
import type { Action, Resource } from '@pharos/api';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestUser, TestWorld } from '../test/harness';
import { demandCases } from './matrix.demand-cases';
import type { Fixture, Item } from './matrix.fixture';
import { governanceCases } from './matrix.governance-cases';
import { healthCases } from './matrix.health-cases';
import { notifyCases } from './matrix.notify-cases';
import { planCases } from './matrix.plan-cases';
import { portfolioCases } from './matrix.portfolio-cases';
import { raidCases } from './matrix.raid-cases';
import { statusCases } from './matrix.status-cases';

/** The six standard routes of an entity, on `target` (list, get, create, update, archive, restore). */
export type Crud = (
  path: string,
  table: string,
  target: Item & { code?: string; email?: string },
  scopes: string[],
  createScopes: string[],
  create: () => Record<string, unknown>,
  change: Record<string, unknown>,
) => void;

export interface RouteCase {
  call: (u: TestUser | null) => Promise<LightMyRequestResponse>;
  /** Scopes (type:id) the target lies in; an organization-wide grant covers everything anyway. */
  scopes: string[];
  /** What the route is checked as, when it is not its declared permission. */
  check?: { resource: Resource; action: Action };
  /** A list: allowed with any grant of a role that may read; `visible` tells whether the target is shown. */
  list?: boolean;
  visible?: (res: LightMyRequestResponse) => boolean;
  allowed: (res: LightMyRequestResponse) => boolean;
  reset?: () => Promise<void>;
}

let n = 0;
const uniq = (p: string) => `${p}-${++n}-${Math.random().toString(36).slice(2, 6)}`;

export function routeCases(w: TestWorld, f: Fixture): Map<string, RouteCase> {
  const db = w.database.pool;
  const as = (u: TestUser | null, opts: InjectOptions) => (u ? u.req(opts) : w.app.inject(opts));
  const version = async (table: string, id: string) =>
    (await db.query(`select version from ${table} where id = $1`, [id])).rows[0].version as number;
  const ok =
    (...codes: number[]) =>
    (res: LightMyRequestResponse) =>
      codes.includes(res.statusCode);
  const passedAuth = (res: LightMyRequestResponse) =>
    ![401, 403, 404].includes(res.statusCode) && res.statusCode < 500;
  const inList = (id: string) => (res: LightMyRequestResponse) =>
    (res.json().items as Item[]).some((x) => x.id === id);
  const m = new Map<string, RouteCase>();
  const add = (method: string, path: string, c: RouteCase) => m.set(`${method} ${path}`, c);

  const P = `project:${f.project.id}`,
    G = `program:${f.program.id}`,
    F = `portfolio:${f.portfolio.id}`;
  const SUB = `portfolio:${f.subPortfolio.id}`,
    OP = `office:${f.projectOffice.id}`,
    OG = `office:${f.programOffice.id}`;

  /** The six standard routes of an entity, on `target`. */
  function crud(
    path: string,
    table: string,
    target: Item & { code?: string; email?: string },
    scopes: string[],
    createScopes: string[],
    create: () => Record<string, unknown>,
    change: Record<string, unknown>,
  ) {
    const base = `/api/v1/${path}`;
    const unarchive = async () => {
      await db.query(`update ${table} set archived_at = null where id = $1`, [target.id]);
    };
    add('GET', base, {
      call: (u) =>
        as(u, { method: 'GET', url: `${base}?q=${encodeURIComponent(target.code ?? target.email!)}` }),
      scopes,
      list: true,
      visible: inList(target.id),
      allowed: ok(200),
    });
    add('GET', `${base}/:id`, {
      call: (u) => as(u, { method: 'GET', url: `${base}/${target.id}` }),
      scopes,
      allowed: ok(200),
    });
    add('POST', base, {
      call: (u) => as(u, { method: 'POST', url: base, payload: create() }),
      scopes: createScopes,
      allowed: ok(201),
    });
    add('PATCH', `${base}/:id`, {
      call: async (u) =>
        as(u, {
          method: 'PATCH',
          url: `${base}/${target.id}`,
          payload: { version: await version(table, target.id), ...change },
        }),
      scopes,
      allowed: ok(200),
    });
    add('POST', `${base}/:id/archive`, {
      call: async (u) =>
        as(u, {
          method: 'POST',
          url: `${base}/${target.id}/archive`,
          payload: { version: await version(table, target.id) },
        }),
      scopes,
      allowed: (res) => res.statusCode === 200 || res.json().error?.code === 'has_active_children',
      reset: unarchive,
    });
    add('POST', `${base}/:id/restore`, {
      call: async (u) => {
        await db.query(`update ${table} set archived_at = now() where id = $1`, [target.id]);
        return as(u, {
          method: 'POST',
          url: `${base}/${target.id}/restore`,
          payload: { version: await version(table, target.id) },
        });
      },
      scopes,
      allowed: ok(200),
      reset: unarchive,
    });
  }

  const o = w.org;
  crud(
    'org-units',
    'org_units',
    f.orgUnit,
    [],
    [],
    () => ({ code: uniq('OU'), name: 'Unit', kind: 'department', parentId: o.orgUnits[0]!.id }),
    { description: uniq('d') },
  );
  crud(
    'offices',
    'offices',
    f.projectOffice,
    [OP, OG],
    [OP, OG],
    () => ({ code: uniq('OF'), name: 'Office', kind: 'project', parentId: f.projectOffice.id }),
    { description: uniq('d') },
  );
  crud(
    'objectives',
    'objectives',
    f.objective,
    [OG],
    [OG],
    () => ({ code: uniq('OB'), name: 'Objective', weight: 10, officeId: f.programOffice.id }),
    { description: uniq('d') },
  );
  crud('project-types', 'project_types', f.projectType, [], [], () => ({ code: uniq('PT'), name: 'Type' }), {
    description: uniq('d'),
  });
  crud(
    'portfolios',
    'portfolios',
    f.subPortfolio,
    [SUB, F, OG],
    [SUB, F, OG],
    () => ({
      code: uniq('PF'),
      name: 'Portfolio',
      parentId: f.subPortfolio.id,
      officeId: f.programOffice.id,
    }),
    { description: uniq('d') },
  );
  crud(
    'programs',
    'programs',
    { ...f.program, code: o.programs.find((g) => g.id === f.program.id)!.code },
    [G, F, OG],
    [F, OG],
    () => ({ code: uniq('PG'), name: 'Program', portfolioId: f.portfolio.id, officeId: f.programOffice.id }),
    { description: uniq('d') },
  );
  crud(
    'projects',
    'projects',
    f.project,
    [P, G, F, OP, OG],
    [G, F, OP, OG],
    () => ({
      code: uniq('PR'),
      name: 'Project',
      typeId: o.projectTypes[0]!.id,
      officeId: f.projectOffice.id,
      programId: f.program.id,
    }),
    { description: uniq('d') },
  );
  crud(
    'operations',
    'operations',
    f.operation,
    [SUB, F, OG],
    [SUB, F, OG],
    () => ({
      code: uniq('OP'),
      name: 'Operation',
      portfolioId: f.subPortfolio.id,
      officeId: f.programOffice.id,
    }),
    { description: uniq('d') },
  );
  crud(
    'users',
    'users',
    f.person,
    [],
    [],
    () => ({ email: `${uniq('u')}@test.pharos`, name: 'New person', password: 'a-long-password' }),
    { title: uniq('t') },
  );

  // Office service catalog: reading is reading the office; changing it is changing the office.
  const svc = `/api/v1/offices/${f.projectOffice.id}/services`;
  add('GET', '/api/v1/offices/:id/services', {
    call: (u) => as(u, { method: 'GET', url: svc }),
    scopes: [OP, OG],
    allowed: ok(200),
  });
  add('POST', '/api/v1/offices/:id/services', {
    call: (u) =>
      as(u, { method: 'POST', url: svc, payload: { name: uniq('Service'), serviceClass: 'general' } }),
    scopes: [OP, OG],
    allowed: ok(201),
  });
  add('PATCH', '/api/v1/offices/:id/services/:serviceId', {
    call: async (u) =>
      as(u, {
        method: 'PATCH',
        url: `${svc}/${f.service.id}`,
        payload: { version: await version('office_services', f.service.id), description: uniq('d') },
      }),
    scopes: [OP, OG],
    allowed: ok(200),
  });
  add('POST', '/api/v1/offices/:id/services/:serviceId/restore', {
    call: async (u) => {
      await db.query('update office_services set archived_at = now() where id = $1', [f.service.id]);
      return as(u, {
        method: 'POST',
        url: `${svc}/${f.service.id}/restore`,
        payload: { version: await version('office_services', f.service.id) },
      });
    },
    scopes: [OP, OG],
    allowed: ok(200),
    reset: async () => {
      await db.query('update office_services set archived_at = null where id = $1', [f.service.id]);
    },
  });
  add('POST', '/api/v1/offices/:id/services/:serviceId/archive', {
    call: async (u) =>
      as(u, {
        method: 'POST',
        url: `${svc}/${f.service.id}/archive`,
        payload: { version: await version('office_services', f.service.id) },
      }),
    scopes: [OP, OG],
    allowed: ok(200),
    reset: async () => {
      await db.query('update office_services set archived_at = null where id = $1', [f.service.id]);
    },
  });

  // Grants (whole organization only).
  const revokeTestGrants = async () => {
    await db.query(
      `update role_grants set revoked_at = now() where user_id = $1 and role = 'team_member' and scope_type = 'project' and scope_id = $2`,
      [f.person.id, f.unrelated.id],
    );
  };
  add('POST', '/api/v1/users/:id/grants', {
    call: (u) =>
      as(u, {
        method: 'POST',
        url: `/api/v1/users/${f.person.id}/grants`,
        payload: { role: 'team_member', scopeType: 'project', scopeId: f.unrelated.id },
      }),
    scopes: [],
    allowed: ok(201),
    reset: revokeTestGrants,
  });
  add('DELETE', '/api/v1/users/:id/grants/:grantId', {
    call: async (u) => {
      const g = await db.query(
        `insert into role_grants (user_id, role, scope_type, scope_id) values ($1, 'team_member', 'project', $2) returning id`,
        [f.person.id, f.unrelated.id],
      );
      return as(u, { method: 'DELETE', url: `/api/v1/users/${f.person.id}/grants/${g.rows[0].id}` });
    },
    scopes: [],
    allowed: ok(200),
    reset: revokeTestGrants,
  });

  planCases({ add, as, ok, passedAuth, db }, f, { P, G, F, OP, OG });
  demandCases({ add, as, ok, passedAuth, db, crud }, f, w.org, { F, OG });
  portfolioCases({ add, as, ok, passedAuth, db }, f, F);
  governanceCases({ add, as, ok, passedAuth, db }, w, f, { P, G, F, OP, OG });
  statusCases({ add, as, ok }, w, f, { P, G, F, OP, OG });
  healthCases({ add, as, ok }, w, f, { P, G, F, OP, OG });
  notifyCases({ add, as, ok, db });
  raidCases({ add, as, ok, db }, f, { P, G, F, OP, OG });

  // Audit: the whole trail is organization-level; one item's history follows reading the item.
  add('GET', '/api/v1/audit', {
    call: (u) => as(u, { method: 'GET', url: '/api/v1/audit?pageSize=5' }),
    scopes: [],
    allowed: ok(200),
  });
  add('GET', '/api/v1/audit/:entityType/:id', {
    call: (u) => as(u, { method: 'GET', url: `/api/v1/audit/project/${f.project.id}` }),
    scopes: [P, G, F, OP, OG],
    check: { resource: 'project', action: 'read' },
    allowed: ok(200),
  });

  // Public and signed-in routes.
  add('GET', '/api/health', {
    call: (u) => as(u, { method: 'GET', url: '/api/health' }),
    scopes: [],
    allowed: ok(200),
  });
  add('POST', '/api/v1/auth/login', {
    call: (u) =>
      as(u, {
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: 'nobody@test.pharos', password: 'wrong-password' },
      }),
    scopes: [],
    allowed: ok(401),
  });
  add('POST', '/api/v1/auth/logout', {
    call: (u) => as(u, { method: 'POST', url: '/api/v1/auth/logout' }),
    scopes: [],
    allowed: passedAuth,
  });
  add('GET', '/api/v1/me', {
    call: (u) => as(u, { method: 'GET', url: '/api/v1/me' }),
    scopes: [],
    allowed: ok(200),
  });
  add('POST', '/api/v1/me/password', {
    call: (u) =>
      as(u, {
        method: 'POST',
        url: '/api/v1/me/password',
        payload: { currentPassword: 'wrong', newPassword: 'another-long-password' },
      }),
    scopes: [],
    allowed: ok(400),
  });
  add('GET', '/api/v1/me/tokens', {
    call: (u) => as(u, { method: 'GET', url: '/api/v1/me/tokens' }),
    scopes: [],
    allowed: ok(200),
  });
  add('POST', '/api/v1/me/tokens', {
    call: (u) => as(u, { method: 'POST', url: '/api/v1/me/tokens', payload: { name: 'matrix' } }),
    scopes: [],
    allowed: ok(201),
  });
  add('DELETE', '/api/v1/me/tokens/:id', {
    call: (u) => as(u, { method: 'DELETE', url: `/api/v1/me/tokens/${randomUUID()}` }),
    scopes: [],
    allowed: passedAuth,
  });
  return m;
}
