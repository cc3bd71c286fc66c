import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { lifecycleBody, newProjectType, ok, send, uniq } from './governance.fixture';

let w: TestWorld;
let admin: TestUser;
let officeId: string;

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  officeId = w.org.offices[0]!.id;
});
afterAll(() => w.close());

const error = async (method: 'POST' | 'PATCH', url: string, payload: object) => {
  const res = await send(admin, method, url, payload);
  return {
    status: res.statusCode,
    ...(res.json().error as { code: string; field?: string; message: string }),
  };
};

describe('lifecycles', () => {
  it('keeps phases in the order of the project phases, without repeats, and no gate before the first', async () => {
    const type = await newProjectType(admin);
    const base = lifecycleBody(officeId, [type]);
    const backwards = await error('POST', '/api/v1/lifecycles', {
      ...base,
      phases: [
        { key: 'planning' },
        { key: 'initiation', gate: { name: 'G', approverRoles: ['pmo_director'] } },
      ],
    });
    expect(backwards).toMatchObject({ status: 400, code: 'validation_failed', field: 'phases.1.key' });
    const twice = await error('POST', '/api/v1/lifecycles', {
      ...base,
      phases: [{ key: 'initiation' }, { key: 'initiation' }],
    });
    expect(twice).toMatchObject({ field: 'phases.1.key' });
    expect(twice.message).toContain('twice');
    const firstGate = await error('POST', '/api/v1/lifecycles', {
      ...base,
      phases: [{ key: 'initiation', gate: { name: 'G' } }, { key: 'planning' }],
    });
    expect(firstGate).toMatchObject({ field: 'phases.0.gate' });
    const badPhase = await error('POST', '/api/v1/lifecycles', { ...base, phases: [{ key: 'design' }] });
    expect(badPhase).toMatchObject({ status: 400, field: 'phases.0.key' });
    const nobody = await error('POST', '/api/v1/lifecycles', {
      ...base,
      phases: [
        { key: 'initiation' },
        { key: 'planning', gate: { name: 'G', approverIds: ['00000000-0000-4000-8000-000000000000'] } },
      ],
    });
    expect(nobody).toMatchObject({
      status: 422,
      code: 'invalid_reference',
      field: 'phases.1.gate.approverIds.0',
    });
    const lc = await ok(admin, 'POST', '/api/v1/lifecycles', base);
    expect(lc).toMatchObject({ status: 'draft', revision: 1, familyId: lc.id });
    expect(lc.phases.map((p: { name: string }) => p.name)).toEqual(['Initiation', 'Planning', 'Execution']);
    expect(lc.phases[1].gate.key).toBe('planning');
  });

  it('publishes only a lifecycle with a gate and an approver at every later phase, and some project types', async () => {
    const type = await newProjectType(admin);
    const noApprover = await ok(
      admin,
      'POST',
      '/api/v1/lifecycles',
      lifecycleBody(officeId, [type], { approverRoles: [] }),
    );
    const r1 = await error('POST', `/api/v1/lifecycles/${noApprover.id}/publish`, {
      version: noApprover.version,
    });
    expect(r1).toMatchObject({ status: 400, field: 'phases.1.gate.approverRoles' });
    const body = lifecycleBody(officeId, []);
    body.phases[2] = { key: 'execution' } as never;
    const noGate = await ok(admin, 'POST', '/api/v1/lifecycles', body);
    const r2 = await error('POST', `/api/v1/lifecycles/${noGate.id}/publish`, { version: noGate.version });
    expect(r2).toMatchObject({ field: 'phases.2.gate' });
    const noTypes = await ok(admin, 'POST', '/api/v1/lifecycles', lifecycleBody(officeId, []));
    const r3 = await error('POST', `/api/v1/lifecycles/${noTypes.id}/publish`, { version: noTypes.version });
    expect(r3).toMatchObject({ field: 'projectTypeIds' });
  });

  it('publishes, freezes, revises and retires; one published lifecycle per project type', async () => {
    const type = await newProjectType(admin);
    const draft = await ok(admin, 'POST', '/api/v1/lifecycles', lifecycleBody(officeId, [type]));
    const stale = await error('POST', `/api/v1/lifecycles/${draft.id}/publish`, {
      version: draft.version + 1,
    });
    expect(stale).toMatchObject({ status: 409, code: 'version_conflict' });
    const v1 = await ok(admin, 'POST', `/api/v1/lifecycles/${draft.id}/publish`, { version: draft.version });
    expect(v1).toMatchObject({ status: 'published', abilities: { update: false } });
    expect(v1.publishedAt).toBeTruthy();
    const frozen = await error('PATCH', `/api/v1/lifecycles/${v1.id}`, {
      version: v1.version,
      name: 'Changed',
    });
    expect(frozen).toMatchObject({ status: 409, code: 'invalid_state', field: 'status' });

    const other = await ok(admin, 'POST', '/api/v1/lifecycles', lifecycleBody(officeId, [type]));
    const clash = await error('POST', `/api/v1/lifecycles/${other.id}/publish`, { version: other.version });
    expect(clash).toMatchObject({ status: 409, field: 'projectTypeIds' });
    expect(clash.message).toContain(v1.code);

    const v2 = await ok(admin, 'POST', `/api/v1/lifecycles/${v1.id}/revise`);
    expect(v2).toMatchObject({ status: 'draft', revision: 2, familyId: v1.id, code: v1.code });
    const twice = await error('POST', `/api/v1/lifecycles/${v1.id}/revise`, {});
    expect(twice).toMatchObject({ status: 409, field: 'status' });
    const renamed = await ok(admin, 'PATCH', `/api/v1/lifecycles/${v2.id}`, {
      version: v2.version,
      name: 'Standard lifecycle, second edition',
    });
    const stalePatch = await error('PATCH', `/api/v1/lifecycles/${v2.id}`, {
      version: v2.version,
      name: 'x',
    });
    expect(stalePatch).toMatchObject({ status: 409, code: 'version_conflict' });
    const published = await ok(admin, 'POST', `/api/v1/lifecycles/${v2.id}/publish`, {
      version: renamed.version,
    });
    expect(published.status).toBe('published');
    expect((await ok(admin, 'GET', `/api/v1/lifecycles/${v1.id}`)).status).toBe('retired');

    const governing = await ok(admin, 'GET', `/api/v1/lifecycles?projectTypeId=${type}&status=published`);
    expect(governing.items.map((l: { id: string }) => l.id)).toEqual([v2.id]);
    const family = await ok(admin, 'GET', `/api/v1/lifecycles?familyId=${v1.id}&sort=revision`);
    expect(family.items.map((l: { revision: number }) => l.revision)).toEqual([1, 2]);
  });

  it('keeps one code per family and lets only lifecycle keepers write', async () => {
    const type = await newProjectType(admin);
    const a = await ok(admin, 'POST', '/api/v1/lifecycles', lifecycleBody(officeId, [type]));
    const dup = await error('POST', '/api/v1/lifecycles', {
      ...lifecycleBody(officeId, [type]),
      code: a.code,
    });
    expect(dup).toMatchObject({ status: 409, code: 'duplicate', field: 'code' });
    const pm = await w.userWith([{ role: 'project_manager', scopeType: 'office', scopeId: officeId }], 'pm');
    const refused = await send(pm, 'POST', '/api/v1/lifecycles', {
      ...lifecycleBody(officeId, [type]),
      code: uniq('LC'),
    });
    expect(refused.statusCode).toBe(403);
    const seen = await send(pm, 'GET', `/api/v1/lifecycles/${a.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities.update).toBe(false);
  });
});
