import { type Action, allRoutes, type Resource, type Role, roles, type ScopeType } from '@pharos/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { type RouteCase, routeCases } from './matrix.cases';
import { expected } from './matrix.expectations';
import { type Fixture, fixture } from './matrix.fixture';

/**
 * Every route × every role × seven scopes: organization, the target's project office, the
 * program office above it, the portfolio, the program, the project, and an unrelated project.
 * Allowed calls must pass authorization; refused ones must get 403 (or 404 where the caller may
 * not even see the item). A route missing from the cases fails the test.
 */
let w: TestWorld;
let f: Fixture;
let cases: Map<string, RouteCase>;
const users = new Map<string, TestUser>();

type Variant = { name: string; scopeType: ScopeType; scopeId: () => string | null };
const variants: Variant[] = [
  { name: 'organization', scopeType: 'organization', scopeId: () => null },
  { name: 'project office', scopeType: 'office', scopeId: () => f.projectOffice.id },
  { name: 'program office', scopeType: 'office', scopeId: () => f.programOffice.id },
  { name: 'portfolio', scopeType: 'portfolio', scopeId: () => f.portfolio.id },
  { name: 'program', scopeType: 'program', scopeId: () => f.program.id },
  { name: 'project', scopeType: 'project', scopeId: () => f.project.id },
  { name: 'unrelated project', scopeType: 'project', scopeId: () => f.unrelated.id },
];

beforeAll(async () => {
  w = await testWorld();
  f = await fixture(w);
  cases = routeCases(w, f);
  for (const role of roles)
    for (const v of variants)
      users.set(
        `${role}@${v.name}`,
        await w.userWith([{ role, scopeType: v.scopeType, scopeId: v.scopeId() }], `${role} ${v.name}`),
      );
}, 120_000);
afterAll(() => w.close());

const key = (r: { method: string; path: string }) => `${r.method} ${r.path}`;

/** Does a grant at this variant's scope contain the target? Worked out from the fixture, not the server. */
function contains(v: Variant, targetScopes: string[]) {
  return v.scopeType === 'organization' || targetScopes.includes(`${v.scopeType}:${v.scopeId()}`);
}

function shouldAllow(role: Role, v: Variant, c: { resource: Resource; action: Action; scopes: string[] }) {
  const where = expected(role, c.resource, c.action);
  if (where === null) return false;
  if (where === 'A') return true;
  if (where === 'O') return v.scopeType === 'organization';
  return contains(v, c.scopes);
}

/** A list answers anyone holding a role that may read such items somewhere; it then shows only what they may see. */
function listAllowed(role: Role, v: Variant, resource: Resource) {
  const where = expected(role, resource, 'read');
  return where !== null && (where !== 'O' || v.scopeType === 'organization');
}

describe('authorization matrix', () => {
  it('has a case for every route of the contract', () => {
    const missing = allRoutes()
      .map(key)
      .filter((k) => !cases.has(k));
    expect(missing).toEqual([]);
  });

  it('public and signed-in routes: open to every role, closed without credentials', async () => {
    for (const r of allRoutes()) {
      const c = cases.get(key(r))!;
      if (r.auth === 'public') {
        const anon = await c.call(null);
        expect(c.allowed(anon), `${key(r)} is public`).toBe(true);
        continue;
      }
      if (r.auth !== 'signedIn') continue;
      const anon = await c.call(null);
      expect(anon.statusCode, `${key(r)} without credentials`).toBe(401);
      if (c.check) continue; // checked by the matrix below
      for (const role of roles) {
        const res = await c.call(users.get(`${role}@organization`)!);
        expect([401, 403], `${key(r)} as ${role}`).not.toContain(res.statusCode);
      }
    }
  });

  // Signed-in routes whose use case checks a permission of its own (its case says which).
  const checkedInside = new Set(['/api/v1/audit/:entityType/:id', '/api/v1/proposals/:id/transition']);
  for (const r of allRoutes().filter((x) => typeof x.auth === 'object' || checkedInside.has(x.path))) {
    it(`${r.method} ${r.path}`, async () => {
      const c = cases.get(key(r))!;
      const failures: string[] = [];
      for (const role of roles) {
        for (const v of variants) {
          const check = c.check ?? {
            resource: (r.auth as { resource: Resource }).resource,
            action: (r.auth as { action: Action }).action,
          };
          const allow = c.list
            ? listAllowed(role, v, check.resource)
            : shouldAllow(role, v, { ...check, scopes: c.scopes });
          const res = await c.call(users.get(`${role}@${v.name}`)!);
          const ok = allow ? c.allowed(res) : [403, 404].includes(res.statusCode);
          if (!ok)
            failures.push(
              `${role} @ ${v.name}: expected ${allow ? 'allowed' : 'refused'}, got ${res.statusCode} ${res.body.slice(0, 160)}`,
            );
          if (allow && c.visible) {
            const seen = c.visible(res);
            const shouldSee = shouldAllow(role, v, {
              resource: check.resource,
              action: 'read',
              scopes: c.scopes,
            });
            if (seen !== shouldSee)
              failures.push(`${role} @ ${v.name}: list ${seen ? 'shows' : 'hides'} the target`);
          }
          await c.reset?.();
        }
      }
      expect(failures).toEqual([]);
    });
  }
});
