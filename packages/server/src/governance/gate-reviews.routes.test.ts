import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import {
  type GovProject,
  lifecycleBody,
  newProject,
  newProjectType,
  notificationsOf,
  ok,
  personAt,
  publishedLifecycle,
  send,
} from './governance.fixture';

let w: TestWorld;
let admin: TestUser;
let p: GovProject;
let named: TestUser;
let programManager: TestUser;
let director: TestUser;
let lc: { id: string; code: string };

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  const type = await newProjectType(admin);
  p = await newProject(w, admin, type);
  const at = personAt(w, p);
  named = await at('team_member');
  programManager = await at('program_manager', 'program');
  director = await at('pmo_director', 'office');
  // The planning gate asks the program manager and one named person (who must also hold a deciding role).
  await w.database.pool.query(
    `insert into role_grants (user_id, role, scope_type, scope_id) values ($1, 'executive', 'project', $2)`,
    [named.id, p.id],
  );
  lc = await publishedLifecycle(admin, lifecycleBody(p.officeId, [type], { approverIds: [named.id] }));
});
afterAll(() => w.close());

const projectUrl = () => `/api/v1/projects/${p.id}`;
const phaseOf = async () => (await ok(admin, 'GET', projectUrl())).phase as string;
const movePhase = async (phase: string) => {
  const pr = await ok(admin, 'GET', projectUrl());
  return send(admin, 'PATCH', projectUrl(), { version: pr.version, phase });
};
const openReview = async () => ok(admin, 'POST', `${projectUrl()}/gate-reviews`, {});

describe('gate reviews and the phase guard', () => {
  it('keeps a governed project out of a later phase without a go, but not an ungoverned one', async () => {
    const refused = await movePhase('planning');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'invalid_state', field: 'phase' });
    expect(refused.json().error.message).toContain('Planning gate');
    expect(await phaseOf()).toBe('initiation');

    const freeType = await newProjectType(admin);
    const free = await newProject(w, admin, freeType);
    const pr = await ok(admin, 'GET', `/api/v1/projects/${free.id}`);
    const moved = await send(admin, 'PATCH', `/api/v1/projects/${free.id}`, {
      version: pr.version,
      phase: 'execution',
    });
    expect(moved.statusCode).toBe(200);
  });

  it('opens the next gate, tells its approvers, and refuses votes from anyone else', async () => {
    const track = await ok(admin, 'GET', `${projectUrl()}/phase-track`);
    expect(track).toMatchObject({
      lifecycle: { id: lc.id, code: lc.code },
      nextGate: { key: 'planning', toPhase: 'planning' },
      openReviewId: null,
      mayOpen: true,
    });
    expect(track.phases.map((x: { position: string }) => x.position)).toEqual([
      'current',
      'upcoming',
      'upcoming',
    ]);

    const r = await openReview();
    expect(r).toMatchObject({ state: 'open', fromPhase: 'initiation', toPhase: 'planning', tally: null });
    expect(r.slots.map((s: { key: string }) => s.key)).toEqual(['role:program_manager', `user:${named.id}`]);
    expect(r.blockers).toHaveLength(2);
    expect(await notificationsOf(w, programManager.id, 'gate.review')).toHaveLength(1);
    expect(await notificationsOf(w, named.id, 'gate.review')).toHaveLength(1);
    const again = await send(admin, 'POST', `${projectUrl()}/gate-reviews`, {});
    expect(again.statusCode).toBe(409);

    // A portfolio manager may decide gates in general but is not an approver of this one.
    const outsider = await personAt(w, p)('portfolio_manager', 'portfolio');
    const vote = await send(outsider, 'POST', `/api/v1/gate-reviews/${r.id}/votes`, { vote: 'go' });
    expect(vote.statusCode).toBe(403);
    expect(vote.json().error.message).toContain('approvers');
    const direct = await send(outsider, 'POST', `/api/v1/gate-reviews/${r.id}/decision`, {
      version: r.version,
      decision: 'go',
      conditions: 'x',
    });
    expect(direct.statusCode).toBe(403);
    // A project manager may not decide at all.
    const pm = await personAt(w, p)('project_manager');
    expect((await send(pm, 'POST', `/api/v1/gate-reviews/${r.id}/votes`, { vote: 'go' })).statusCode).toBe(
      403,
    );
  });

  it('asks for conditions before a go with required items missing', async () => {
    const r = (await ok(admin, 'GET', `${projectUrl()}/gate-reviews`)).items[0];
    const res = await send(director, 'POST', `/api/v1/gate-reviews/${r.id}/decision`, {
      version: r.version,
      decision: 'go',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'conditions' });
    expect(res.json().error.message).toContain('Charter signed');
    // Two go votes with the evidence still missing: the tally is go, but the review waits for conditions.
    await ok(programManager, 'POST', `/api/v1/gate-reviews/${r.id}/votes`, { vote: 'go', comment: 'Fine' });
    const both = await ok(named, 'POST', `/api/v1/gate-reviews/${r.id}/votes`, { vote: 'go' });
    expect(both).toMatchObject({ state: 'open', tally: 'go', decision: null });
    expect(await phaseOf()).toBe('initiation');
  });

  it('takes the evidence, records a unanimous go and moves the project into the phase', async () => {
    const r = (await ok(admin, 'GET', `${projectUrl()}/gate-reviews`)).items[0];
    const unknown = await send(admin, 'PATCH', `/api/v1/gate-reviews/${r.id}`, {
      version: r.version,
      evidence: { checklist: { nope: { met: true } } },
    });
    expect(unknown.json().error).toMatchObject({
      code: 'validation_failed',
      field: 'evidence.checklist.nope',
    });
    const evidence = await ok(admin, 'PATCH', `/api/v1/gate-reviews/${r.id}`, {
      version: r.version,
      evidence: {
        checklist: { charter: { met: true, note: 'Signed on 3 March' } },
        deliverables: { 'business-case': { link: 'https://docs.example/bc' } },
      },
    });
    expect(evidence.blockers).toEqual([]);
    const stale = await send(admin, 'PATCH', `/api/v1/gate-reviews/${r.id}`, {
      version: r.version,
      scheduledOn: null,
    });
    expect(stale.json().error.code).toBe('version_conflict');
    // The last approver votes again: every approver has voted go and nothing is missing.
    const decided = await ok(named, 'POST', `/api/v1/gate-reviews/${r.id}/votes`, {
      vote: 'go',
      comment: 'Go',
    });
    expect(decided).toMatchObject({ state: 'decided', decision: 'go', decidedBy: named.id });
    expect(await phaseOf()).toBe('planning');
    expect(await notificationsOf(w, p.managerId, 'gate.decided')).toHaveLength(1);
    const late = await send(programManager, 'POST', `/api/v1/gate-reviews/${r.id}/votes`, { vote: 'stop' });
    expect(late.statusCode).toBe(409);
    const track = await ok(admin, 'GET', `${projectUrl()}/phase-track`);
    expect(track.phases[1]).toMatchObject({ position: 'current', lastReview: { decision: 'go' } });
    expect(track.nextGate).toMatchObject({ key: 'execution' });
  });

  it('recycle and hold leave the phase; moving back is free; stop puts the project on hold with a recommendation', async () => {
    const r = await openReview();
    expect(r.toPhase).toBe('execution');
    const recycled = await ok(director, 'POST', `/api/v1/gate-reviews/${r.id}/decision`, {
      version: r.version,
      decision: 'recycle',
      comment: 'Plan not detailed enough',
    });
    expect(recycled).toMatchObject({ decision: 'recycle', comment: 'Plan not detailed enough' });
    expect(await phaseOf()).toBe('planning');
    const refused = await movePhase('execution');
    expect(refused.json().error).toMatchObject({ code: 'invalid_state', field: 'phase' });
    expect(refused.json().error.message).toContain('recycle');
    expect((await movePhase('initiation')).statusCode).toBe(200);
    // Back in initiation, the planning gate's go still holds.
    expect((await movePhase('planning')).statusCode).toBe(200);

    const again = await openReview();
    const stopped = await ok(director, 'POST', `/api/v1/gate-reviews/${again.id}/decision`, {
      version: again.version,
      decision: 'stop',
      comment: 'The business case is gone',
    });
    expect(stopped.decision).toBe('stop');
    const project = await ok(admin, 'GET', projectUrl());
    expect(project).toMatchObject({ status: 'on_hold', phase: 'planning' });
    const recs = await ok(admin, 'GET', `${projectUrl()}/stop-recommendations`);
    expect(recs.items).toHaveLength(1);
    expect(recs.items[0]).toMatchObject({ state: 'open', recommendedBy: director.id });
    expect(recs.items[0].reason).toContain('Execution gate');
    expect(await notificationsOf(w, p.sponsorId, 'stop.recommended')).toHaveLength(1);
  });

  it('refuses a review where no lifecycle governs, and keeps every change in the audit trail', async () => {
    const freeType = await newProjectType(admin);
    const free = await newProject(w, admin, freeType);
    const res = await send(admin, 'POST', `/api/v1/projects/${free.id}/gate-reviews`, {});
    expect(res.json().error).toMatchObject({ code: 'invalid_state', field: 'typeId' });
    const track = await ok(admin, 'GET', `/api/v1/projects/${free.id}/phase-track`);
    expect(track).toMatchObject({ lifecycle: null, phases: [], mayOpen: false });
    // An archived lifecycle governs no more: its projects move freely again.
    const archivedType = await newProjectType(admin);
    const archived = await publishedLifecycle(admin, lifecycleBody(p.officeId, [archivedType]));
    const loose = await newProject(w, admin, archivedType);
    const before = await ok(admin, 'GET', `/api/v1/projects/${loose.id}`);
    const held = await send(admin, 'PATCH', `/api/v1/projects/${loose.id}`, {
      version: before.version,
      phase: 'planning',
    });
    expect(held.statusCode).toBe(409);
    await ok(admin, 'POST', `/api/v1/lifecycles/${archived.id}/archive`, { version: archived.version });
    const moved = await send(admin, 'PATCH', `/api/v1/projects/${loose.id}`, {
      version: before.version,
      phase: 'planning',
    });
    expect(moved.statusCode).toBe(200);
    const audit = await w.database.pool.query(
      `select count(*)::int as n from audit_events where entity_type = 'gateReview' and entity_id in (select id from gate_reviews where project_id = $1)`,
      [p.id],
    );
    expect(audit.rows[0].n).toBeGreaterThanOrEqual(8);
  });
});
