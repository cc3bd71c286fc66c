import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { seedHistory } from './history-seed';

let world: TestWorld;
let director: TestUser;
const today = new Date();
const counts = async () =>
  (
    await world.database.db.execute<Record<string, number>>(sql`select
      (select count(*)::int from status_reports) as reports,
      (select count(*)::int from project_health) as health,
      (select count(*)::int from raid_items) as raid,
      (select count(*)::int from raid_escalations) as escalations,
      (select count(*)::int from gate_reviews) as gates,
      (select count(*)::int from change_requests) as changes,
      (select count(*)::int from notifications) as notifications,
      (select count(*)::int from audit_events where request_id = 'seed') as audit`)
  ).rows[0]!;

beforeAll(async () => {
  world = await testWorld();
  const started = performance.now();
  expect(await seedHistory(world.database.db, world.org, today)).toBe(true);
  console.log(`demo history seeded in ${Math.round(performance.now() - started)} ms`);
  director = await world.tokenFor('director@pharos.demo');
}, 180_000);
afterAll(async () => world?.close());

describe('seeding the demo history', () => {
  it('writes every part once, and leaves a database that has a history alone', async () => {
    const before = await counts();
    expect(before.reports).toBeGreaterThan(1000);
    expect(before.health).toBeGreaterThan(40);
    expect(before.escalations).toBeGreaterThan(5);
    expect(before.notifications).toBeGreaterThanOrEqual(5);
    expect(await seedHistory(world.database.db, world.org, today)).toBe(false);
    expect(await counts()).toEqual(before);
  });

  it("reads back through the services, in the API's shapes", async () => {
    const epmo = world.org.offices.find((o) => o.code === 'EPMO')!;
    const project = world.org.projects.find((p) => p.status === 'active' && p.phase === 'execution')!;
    const get = async (url: string) => {
      const res = await director.req({ method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
      return res.json();
    };
    const reports = await get(`/api/v1/projects/${project.id}/status-reports?pageSize=60`);
    expect(reports.items.length).toBeGreaterThan(10);
    expect(reports.items[0].narrative.done).not.toBe('');
    await get(`/api/v1/status-reports/${reports.items[0].id}`);
    // What needs attention today: red projects, worst movers, escalations, decisions, late reports.
    const { headline, worstMovers } = await get('/api/v1/health/dashboard');
    expect(headline.redProjects).toBeGreaterThan(0);
    expect(worstMovers.items.filter((m: { to: string }) => m.to === 'red').length).toBeGreaterThan(0);
    expect([headline.escalations, headline.decisions, headline.lateReports].every((n) => n > 0)).toBe(true);
    await get('/api/v1/health/rollup');
    const compliance = await get(`/api/v1/offices/${epmo.id}/reporting-compliance`);
    expect(compliance.late).toBeGreaterThan(0);
    const register = await get(`/api/v1/raid?projectId=${project.id}&pageSize=100`);
    expect(register.counts.risk).toBeGreaterThanOrEqual(3);
    const queue = await get(`/api/v1/offices/${epmo.id}/escalation-queue`);
    expect(JSON.stringify(queue)).toContain('"level":2');
    for (const part of [
      'gate-reviews',
      'change-requests',
      'approved-values',
      'stop-recommendations',
      'phase-track',
    ])
      await get(`/api/v1/projects/${project.id}/${part}`);
    const pm = await world.tokenFor('pm@pharos.demo');
    const inbox = await pm.req({ method: 'GET', url: '/api/v1/notifications' });
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().items.length).toBeGreaterThan(0);
  });
});
