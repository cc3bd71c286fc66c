import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';

let w: TestWorld;
let admin: TestUser;
beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
});
afterAll(() => w.close());

const auditCount = async () =>
  Number((await w.database.pool.query('select count(*) from audit_events')).rows[0].count);

function newProject(extra: Record<string, unknown> = {}) {
  const o = w.org;
  return {
    code: `T-${Math.random().toString(36).slice(2, 8)}`,
    name: 'Introduce e-invoicing for suppliers',
    typeId: o.projectTypes[0]!.id,
    officeId: o.offices[3]!.id,
    programId: o.programs[0]!.id,
    plannedStart: '2026-01-05',
    plannedFinish: '2026-09-30',
    ...extra,
  };
}

describe('projects', () => {
  it('creates a project with defaults, derives its portfolio from its program, and records it', async () => {
    const before = await auditCount();
    const res = await admin.req({
      method: 'POST',
      url: '/api/v1/projects',
      payload: newProject({ objectiveIds: [w.org.objectives[0]!.id] }),
    });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ version: 1, phase: 'initiation', status: 'proposed', archivedAt: null });
    expect(p.portfolioId).toBe(w.org.programs[0]!.portfolioId);
    expect(p.objectiveIds).toEqual([w.org.objectives[0]!.id]);
    expect(p.labels.officeId).toBe(w.org.offices[3]!.name);
    expect(p.abilities).toEqual({ update: true, archive: true });
    expect(await auditCount()).toBe(before + 1);
    const history = (await admin.req({ method: 'GET', url: `/api/v1/audit/project/${p.id}` })).json();
    expect(history.items[0]).toMatchObject({ action: 'create', actorName: 'Pharos Administrator' });
    expect(history.items[0].after.code).toBe(p.code);
  });

  it('names the offending field in validation errors', async () => {
    const missing = await admin.req({
      method: 'POST',
      url: '/api/v1/projects',
      payload: newProject({ name: undefined }),
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'validation_failed', field: 'name' });
    const dates = await admin.req({
      method: 'POST',
      url: '/api/v1/projects',
      payload: newProject({ plannedFinish: '2025-01-01' }),
    });
    expect(dates.json().error).toMatchObject({ code: 'validation_failed', field: 'plannedFinish' });
    const badEnum = await admin.req({
      method: 'POST',
      url: '/api/v1/projects',
      payload: newProject({ status: 'sleeping' }),
    });
    expect(badEnum.json().error.field).toBe('status');
    const badDate = await admin.req({
      method: 'POST',
      url: '/api/v1/projects',
      payload: newProject({ plannedStart: '2026-13-40' }),
    });
    expect(badDate.json().error.field).toBe('plannedStart');
    const badQuery = await admin.req({ method: 'GET', url: '/api/v1/projects?pageSize=5000' });
    expect(badQuery.json().error).toMatchObject({ code: 'validation_failed', field: 'pageSize' });
  });

  it('refuses references to missing or archived items and writes nothing', async () => {
    const before = await auditCount();
    const count = async () =>
      Number((await w.database.pool.query('select count(*) from projects')).rows[0].count);
    const n = await count();
    const ghost = '00000000-0000-4000-8000-000000000000';
    const r1 = await admin.req({
      method: 'POST',
      url: '/api/v1/projects',
      payload: newProject({ typeId: ghost }),
    });
    expect(r1.statusCode).toBe(422);
    expect(r1.json().error).toMatchObject({ code: 'invalid_reference', field: 'typeId' });
    // The objective link is checked after the project row is inserted: the transaction must undo it.
    const r2 = await admin.req({
      method: 'POST',
      url: '/api/v1/projects',
      payload: newProject({ objectiveIds: [ghost] }),
    });
    expect(r2.json().error).toMatchObject({ code: 'invalid_reference', field: 'objectiveIds' });
    expect(await count()).toBe(n);
    expect(await auditCount()).toBe(before);
  });

  it('refuses a duplicate code', async () => {
    const p = newProject();
    await admin.req({ method: 'POST', url: '/api/v1/projects', payload: p });
    const again = await admin.req({ method: 'POST', url: '/api/v1/projects', payload: p });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'duplicate', field: 'code' });
  });

  it('never silently overwrites: a stale version gets 409', async () => {
    const p = (await admin.req({ method: 'POST', url: '/api/v1/projects', payload: newProject() })).json();
    const first = await admin.req({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}`,
      payload: { version: 1, phase: 'planning' },
    });
    expect(first.json()).toMatchObject({ version: 2, phase: 'planning' });
    const second = await admin.req({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}`,
      payload: { version: 1, name: 'Mine' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('version_conflict');
    expect(second.json().error.message).toMatch(/changed by someone else/);
    const now = (await admin.req({ method: 'GET', url: `/api/v1/projects/${p.id}` })).json();
    expect(now).toMatchObject({ version: 2, name: p.name, phase: 'planning' });
    const h = (await admin.req({ method: 'GET', url: `/api/v1/audit/project/${p.id}` })).json();
    expect(h.items[0]).toMatchObject({
      action: 'update',
      before: { phase: 'initiation', version: 1 },
      after: { phase: 'planning', version: 2 },
    });
  });

  it('concurrent updates with the same version: exactly one wins', async () => {
    const p = (await admin.req({ method: 'POST', url: '/api/v1/projects', payload: newProject() })).json();
    const results = await Promise.all(
      ['A', 'B', 'C', 'D'].map((n) =>
        admin.req({
          method: 'PATCH',
          url: `/api/v1/projects/${p.id}`,
          payload: { version: 1, name: `Edit ${n}` },
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
  });

  it('moves a project to another program, archives and restores it', async () => {
    const p = (await admin.req({ method: 'POST', url: '/api/v1/projects', payload: newProject() })).json();
    const target = w.org.programs.find((g) => g.portfolioId !== p.portfolioId)!;
    const moved = (
      await admin.req({
        method: 'PATCH',
        url: `/api/v1/projects/${p.id}`,
        payload: { version: 1, programId: target.id },
      })
    ).json();
    expect(moved).toMatchObject({ programId: target.id, portfolioId: target.portfolioId, version: 2 });
    const archived = await admin.req({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/archive`,
      payload: { version: 2 },
    });
    expect(archived.json().archivedAt).not.toBeNull();
    const list = (await admin.req({ method: 'GET', url: `/api/v1/projects?q=${p.code}` })).json();
    expect(list.total).toBe(0);
    const all = (await admin.req({ method: 'GET', url: `/api/v1/projects?q=${p.code}&archived=all` })).json();
    expect(all.total).toBe(1);
    const edit = await admin.req({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}`,
      payload: { version: 3, name: 'x' },
    });
    expect(edit.json().error.code).toBe('archived');
    const restored = await admin.req({
      method: 'POST',
      url: `/api/v1/projects/${p.id}/restore`,
      payload: { version: 3 },
    });
    expect(restored.json()).toMatchObject({ archivedAt: null, version: 4 });
  });

  it('lists stay true after every write: totals, linked objectives and names of referenced items', async () => {
    const program = w.org.programs[1]!;
    const url = `/api/v1/projects?programId=${program.id}&sort=code&pageSize=500`;
    const list = async () => (await admin.req({ method: 'GET', url })).json();
    const before = await list();
    await list(); // remembered now
    const created = (
      await admin.req({
        method: 'POST',
        url: '/api/v1/projects',
        payload: newProject({ programId: program.id }),
      })
    ).json();
    const afterCreate = await list();
    expect(afterCreate.total).toBe(before.total + 1);
    const objective = w.org.objectives[0]!;
    await admin.req({
      method: 'PATCH',
      url: `/api/v1/projects/${created.id}`,
      payload: { version: created.version, objectiveIds: [objective.id] },
    });
    const linked = (await list()).items.find((p: { id: string }) => p.id === created.id);
    expect(linked.objectiveIds).toEqual([objective.id]);
    const prog = (await admin.req({ method: 'GET', url: `/api/v1/programs/${program.id}` })).json();
    await admin.req({
      method: 'PATCH',
      url: `/api/v1/programs/${program.id}`,
      payload: { version: prog.version, name: `${prog.name} (renamed)` },
    });
    const renamed = await list();
    expect(
      renamed.items.every(
        (p: { labels: { programId: string } }) => p.labels.programId === `${prog.name} (renamed)`,
      ),
    ).toBe(true);
    await admin.req({
      method: 'POST',
      url: `/api/v1/projects/${created.id}/archive`,
      payload: { version: linked.version },
    });
    expect((await list()).total).toBe(before.total);
  });

  it('pages past the first read linked objectives of their own rows', async () => {
    const all = (await admin.req({ method: 'GET', url: '/api/v1/projects?sort=code&pageSize=500' })).json();
    const page3 = (
      await admin.req({ method: 'GET', url: '/api/v1/projects?sort=code&pageSize=7&page=3' })
    ).json();
    expect(page3.items.map((p: { id: string; objectiveIds: string[] }) => [p.id, p.objectiveIds])).toEqual(
      all.items.slice(14, 21).map((p: { id: string; objectiveIds: string[] }) => [p.id, p.objectiveIds]),
    );
    expect(page3.items.some((p: { objectiveIds: string[] }) => p.objectiveIds.length > 0)).toBe(true);
  });

  it('lists page, sort, filter and search', async () => {
    const page1 = (await admin.req({ method: 'GET', url: '/api/v1/projects?pageSize=10&sort=code' })).json();
    const page2 = (
      await admin.req({ method: 'GET', url: '/api/v1/projects?pageSize=10&sort=code&page=2' })
    ).json();
    expect(page1.items).toHaveLength(10);
    expect(page1.total).toBeGreaterThanOrEqual(60);
    const codes = [...page1.items, ...page2.items].map((p: { code: string }) => p.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(20);
    const desc = (
      await admin.req({ method: 'GET', url: '/api/v1/projects?pageSize=5&sort=-plannedFinish' })
    ).json();
    const f = desc.items.map((p: { plannedFinish: string }) => p.plannedFinish);
    expect(f).toEqual([...f].sort().reverse());
    const closed = (
      await admin.req({ method: 'GET', url: '/api/v1/projects?phase=closed&pageSize=500' })
    ).json();
    expect(closed.items.every((p: { phase: string }) => p.phase === 'closed')).toBe(true);
    expect(closed.total).toBe(w.org.projects.filter((p) => p.phase === 'closed').length);
    const byProgram = (
      await admin.req({
        method: 'GET',
        url: `/api/v1/projects?programId=${w.org.programs[1]!.id}&pageSize=500`,
      })
    ).json();
    expect(byProgram.total).toBeGreaterThanOrEqual(
      w.org.projects.filter((p) => p.programId === w.org.programs[1]!.id).length,
    );
    const word = w.org.projects[5]!.name.split(' ')[1]!;
    const search = (
      await admin.req({ method: 'GET', url: `/api/v1/projects?q=${encodeURIComponent(word.toUpperCase())}` })
    ).json();
    expect(
      search.items.every((p: { name: string; code: string }) =>
        `${p.name} ${p.code}`.toLowerCase().includes(word.toLowerCase()),
      ),
    ).toBe(true);
    expect(search.total).toBeGreaterThan(0);
    const topLevel = (await admin.req({ method: 'GET', url: '/api/v1/offices?parentId=none' })).json();
    expect(topLevel.items.map((o: { code: string }) => o.code)).toEqual(['EPMO']);
    const loose = (
      await admin.req({ method: 'GET', url: '/api/v1/projects?programId=none&pageSize=500' })
    ).json();
    expect(loose.total).toBe(w.org.projects.filter((p) => p.programId === null).length + 0);
    expect(loose.items.every((p: { programId: string | null }) => p.programId === null)).toBe(true);
    const objective = w.org.projectObjectives[0]!;
    const linked = (
      await admin.req({
        method: 'GET',
        url: `/api/v1/projects?objectiveId=${objective.objectiveId}&pageSize=500`,
      })
    ).json();
    expect(linked.items.some((p: { id: string }) => p.id === objective.projectId)).toBe(true);
  });
});

describe('trees and moves', () => {
  it('refuses to move an office under its own descendant', async () => {
    const [epmo, pgo] = w.org.offices;
    const res = await admin.req({
      method: 'PATCH',
      url: `/api/v1/offices/${epmo!.id}`,
      payload: { version: 1, parentId: pgo!.id },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'cycle', field: 'parentId' });
  });

  it('moving a program to another portfolio carries its projects', async () => {
    const prog = w.org.programs[2]!;
    const other = w.org.portfolios.find((p) => p.id !== prog.portfolioId)!;
    const cur = (await admin.req({ method: 'GET', url: `/api/v1/programs/${prog.id}` })).json();
    const moved = await admin.req({
      method: 'PATCH',
      url: `/api/v1/programs/${prog.id}`,
      payload: { version: cur.version, portfolioId: other.id },
    });
    expect(moved.statusCode).toBe(200);
    const projects = (
      await admin.req({ method: 'GET', url: `/api/v1/projects?programId=${prog.id}&pageSize=500` })
    ).json();
    expect(projects.total).toBeGreaterThan(0);
    expect(projects.items.every((p: { portfolioId: string }) => p.portfolioId === other.id)).toBe(true);
  });

  it('will not archive a portfolio that still holds active work', async () => {
    const pf = w.org.portfolios[0]!;
    const res = await admin.req({
      method: 'POST',
      url: `/api/v1/portfolios/${pf.id}/archive`,
      payload: { version: 1 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('has_active_children');
  });

  it('keeps an office charter and its service catalog', async () => {
    const office = w.org.offices[0]!;
    const o = (await admin.req({ method: 'GET', url: `/api/v1/offices/${office.id}` })).json();
    expect(o.charter.authorityLevel).toBe('directive');
    expect(o.charter.kpis.length).toBeGreaterThan(0);
    const svc = await admin.req({
      method: 'POST',
      url: `/api/v1/offices/${office.id}/services`,
      payload: { name: 'Lessons learned facilitation', serviceClass: 'supportive' },
    });
    expect(svc.statusCode).toBe(201);
    const list = (await admin.req({ method: 'GET', url: `/api/v1/offices/${office.id}/services` })).json();
    expect(list.items.map((s: { name: string }) => s.name)).toContain('Lessons learned facilitation');
    const s = svc.json();
    const stale = await admin.req({
      method: 'PATCH',
      url: `/api/v1/offices/${office.id}/services/${s.id}`,
      payload: { version: 9, name: 'x' },
    });
    expect(stale.json().error.code).toBe('version_conflict');
    const gone = await admin.req({
      method: 'POST',
      url: `/api/v1/offices/${office.id}/services/${s.id}/archive`,
      payload: { version: 1 },
    });
    expect(gone.json().archivedAt).not.toBeNull();
    const active = (await admin.req({ method: 'GET', url: `/api/v1/offices/${office.id}/services` })).json();
    expect(active.items.map((x: { id: string }) => x.id)).not.toContain(s.id);
    const back = await admin.req({
      method: 'POST',
      url: `/api/v1/offices/${office.id}/services/${s.id}/restore`,
      payload: { version: 2 },
    });
    expect(back.json()).toMatchObject({ archivedAt: null, version: 3 });
    // The office's history tells the story of its catalog too.
    const history = (
      await admin.req({ method: 'GET', url: `/api/v1/audit/office/${office.id}?pageSize=200` })
    ).json();
    const serviceEvents = history.items
      .filter((e: { entityId: string }) => e.entityId === s.id)
      .map((e: { action: string }) => e.action);
    expect(serviceEvents).toEqual(['restore', 'archive', 'create']);
  });
});

describe('visibility', () => {
  it('a project manager sees only their own projects, and only their own are editable', async () => {
    const pm = await w.tokenFor('pm@pharos.demo');
    const list = (await pm.req({ method: 'GET', url: '/api/v1/projects?pageSize=500' })).json();
    const mine = w.org.projects
      .filter((p) => p.managerId === pm.id)
      .map((p) => p.id)
      .sort();
    expect(list.items.map((p: { id: string }) => p.id).sort()).toEqual(mine);
    expect(
      list.items.every(
        (p: { abilities: { update: boolean; archive: boolean } }) =>
          p.abilities.update && !p.abilities.archive,
      ),
    ).toBe(true);
    const other = w.org.projects.find((p) => p.managerId !== pm.id)!;
    expect((await pm.req({ method: 'GET', url: `/api/v1/projects/${other.id}` })).statusCode).toBe(404);
    expect(
      (
        await pm.req({
          method: 'PATCH',
          url: `/api/v1/projects/${other.id}`,
          payload: { version: 1, name: 'x' },
        })
      ).statusCode,
    ).toBe(404);
    expect((await pm.req({ method: 'GET', url: `/api/v1/audit/project/${other.id}` })).statusCode).toBe(404);
  });

  it('a portfolio manager sees the portfolio, its sub-portfolios and everything in them', async () => {
    const pmgr = await w.tokenFor('portfolio@pharos.demo');
    const root = w.org.portfolios[0]!;
    const inside = new Set(
      w.org.portfolios.filter((p) => p.id === root.id || p.parentId === root.id).map((p) => p.id),
    );
    const pfs = (await pmgr.req({ method: 'GET', url: '/api/v1/portfolios' })).json();
    expect(new Set(pfs.items.map((p: { id: string }) => p.id))).toEqual(inside);
    const projects = (await pmgr.req({ method: 'GET', url: '/api/v1/projects?pageSize=500' })).json();
    expect(projects.items.length).toBeGreaterThan(0);
    expect(projects.items.every((p: { portfolioId: string }) => inside.has(p.portfolioId))).toBe(true);
  });

  it('a business requester sees the organization but no work, and may not create projects', async () => {
    const rq = await w.tokenFor('requester@pharos.demo');
    expect((await rq.req({ method: 'GET', url: '/api/v1/offices' })).json().total).toBe(w.org.offices.length);
    expect((await rq.req({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(403);
    expect(
      (await rq.req({ method: 'POST', url: '/api/v1/projects', payload: newProject() })).json().error.code,
    ).toBe('forbidden');
  });

  it('an auditor reads everything and changes nothing', async () => {
    const au = await w.tokenFor('auditor@pharos.demo');
    const list = (await au.req({ method: 'GET', url: '/api/v1/projects?pageSize=1' })).json();
    expect(list.total).toBeGreaterThanOrEqual(60);
    expect(list.items[0].abilities).toEqual({ update: false, archive: false });
    expect((await au.req({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(200);
    const p = w.org.projects[0]!;
    expect(
      (await au.req({ method: 'PATCH', url: `/api/v1/projects/${p.id}`, payload: { version: 1, name: 'x' } }))
        .statusCode,
    ).toBe(403);
  });
});

describe('rules that protect the organization', () => {
  it('keeps a project editable when an objective it links to is archived later', async () => {
    const o = (
      await admin.req({
        method: 'POST',
        url: '/api/v1/objectives',
        payload: { code: 'OBJ-TMP', name: 'Temporary', weight: 5 },
      })
    ).json();
    const p = (
      await admin.req({
        method: 'POST',
        url: '/api/v1/projects',
        payload: newProject({ objectiveIds: [o.id] }),
      })
    ).json();
    expect(
      (
        await admin.req({
          method: 'POST',
          url: `/api/v1/objectives/${o.id}/archive`,
          payload: { version: 1 },
        })
      ).statusCode,
    ).toBe(200);
    const edit = await admin.req({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}`,
      payload: { version: 1, name: 'Still editable' },
    });
    expect(edit.json()).toMatchObject({ name: 'Still editable', objectiveIds: [o.id] });
    const relink = await admin.req({
      method: 'PATCH',
      url: `/api/v1/projects/${p.id}`,
      payload: { version: 2, objectiveIds: [o.id, w.org.objectives[1]!.id] },
    });
    expect(relink.statusCode).toBe(200);
    const other = (
      await admin.req({ method: 'POST', url: '/api/v1/projects', payload: newProject() })
    ).json();
    const linkArchived = await admin.req({
      method: 'PATCH',
      url: `/api/v1/projects/${other.id}`,
      payload: { version: 1, objectiveIds: [o.id] },
    });
    expect(linkArchived.json().error).toMatchObject({ code: 'invalid_reference', field: 'objectiveIds' });
  });

  it('will not deactivate or demote the last administrator', async () => {
    const lonely = await w.userWith([], 'second admin');
    const adminUser = w.org.users.find((u) => u.email === 'admin@pharos.demo')!;
    // The demo has one administrator; a second one deactivating the first leaves one, then none.
    await admin.req({
      method: 'POST',
      url: `/api/v1/users/${lonely.id}/grants`,
      payload: { role: 'admin', scopeType: 'organization' },
    });
    const second = await w.tokenFor('admin@pharos.demo');
    const cur = (await second.req({ method: 'GET', url: `/api/v1/users/${lonely.id}` })).json();
    const off = await second.req({
      method: 'POST',
      url: `/api/v1/users/${lonely.id}/archive`,
      payload: { version: cur.version },
    });
    expect(off.statusCode).toBe(200);
    const grants = (await admin.req({ method: 'GET', url: `/api/v1/users/${adminUser.id}` })).json().grants;
    const adminGrant = grants.find((g: { role: string }) => g.role === 'admin');
    const demote = await admin.req({
      method: 'DELETE',
      url: `/api/v1/users/${adminUser.id}/grants/${adminGrant.id}`,
    });
    expect(demote.json().error).toMatchObject({ code: 'validation_failed', field: 'role' });
  });
});
