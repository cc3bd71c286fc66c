import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestUser, type TestWorld, testWorld } from '../test/harness';
import { change, create, dayFromToday, issue, type RaidPlaces, raidPlaces, register, risk } from './test-kit';

let w: TestWorld;
let admin: TestUser;
let p: RaidPlaces;
const ids: Record<string, string> = {};

beforeAll(async () => {
  w = await testWorld();
  admin = await w.tokenFor('admin@pharos.demo');
  p = raidPlaces(w);
  // One item at each level, and one in an unrelated project.
  ids.project = (await create(admin, risk({ projectId: p.project.id }, { title: 'Project risk' }))).id;
  ids.sibling = (
    await create(
      admin,
      issue(
        { projectId: p.sibling.id },
        { title: 'Sibling issue', dueOn: dayFromToday(20), details: { severity: 'low' } },
      ),
    )
  ).id;
  ids.program = (await create(admin, risk({ programId: p.program.id }, { title: 'Program risk' }))).id;
  ids.portfolio = (
    await create(
      admin,
      risk({ portfolioId: p.portfolio.id }, { title: 'Portfolio risk', details: { probability: 1 } }),
    )
  ).id;
  ids.office = (
    await create(admin, { kind: 'assumption', title: 'Office assumption', officeId: p.projectOffice })
  ).id;
  ids.unrelated = (await create(admin, risk({ projectId: p.unrelated.id }, { title: 'Elsewhere' }))).id;
});
afterAll(() => w.close());

const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => i.id).sort();
const sorted = (...keys: string[]) => keys.map((k) => ids[k]!).sort();

describe('registers', () => {
  it("shows a register's own items, and with includeBelow those of what lies below", async () => {
    expect(idsOf(await register(admin, `projectId=${p.project.id}`))).toEqual(sorted('project'));
    expect(idsOf(await register(admin, `programId=${p.program.id}`))).toEqual(sorted('program'));
    expect(idsOf(await register(admin, `programId=${p.program.id}&includeBelow=true`))).toEqual(
      sorted('program', 'project', 'sibling'),
    );
    expect(idsOf(await register(admin, `portfolioId=${p.portfolio.id}`))).toEqual(sorted('portfolio'));
    expect(idsOf(await register(admin, `portfolioId=${p.portfolio.id}&includeBelow=true`))).toEqual(
      sorted('portfolio', 'program', 'project', 'sibling'),
    );
    expect(idsOf(await register(admin, `officeId=${p.projectOffice}`))).toEqual(sorted('office'));
    // The program office's register below it: its sub-office's assumption and its projects' items.
    const below = idsOf(await register(admin, `officeId=${p.programOffice}&includeBelow=true&pageSize=500`));
    expect(below).toEqual(expect.arrayContaining(sorted('office', 'project', 'program')));
    expect(below).not.toContain(ids.unrelated);
  });

  it('filters, sorts and counts per kind', async () => {
    const scope = `portfolioId=${p.portfolio.id}&includeBelow=true`;
    const risks = await register(admin, `${scope}&kind=risk&sort=-score`);
    expect(risks.counts).toMatchObject({ risk: 3, issue: 1, assumption: 0 });
    expect(risks.total).toBe(3);
    const scores = (risks.items as unknown as { score: number }[]).map((i) => i.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(idsOf(await register(admin, `${scope}&minScore=10`))).toEqual(sorted('project', 'program'));
    expect(idsOf(await register(admin, `${scope}&severity=low`))).toEqual(sorted('sibling'));
    expect(idsOf(await register(admin, `${scope}&q=sibling`))).toEqual(sorted('sibling'));
    expect(idsOf(await register(admin, `${scope}&status=open&kind=issue`))).toEqual(sorted('sibling'));
    expect((await register(admin, `${scope}&overdue=true`)).total).toBe(0);
    const bad = await admin.req({
      method: 'GET',
      url: `/api/v1/raid?projectId=${p.project.id}&programId=${p.program.id}`,
    });
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'programId' });
  });

  it('finds overdue and closed items', async () => {
    const late = await create(admin, {
      kind: 'assumption',
      title: 'Late validation',
      projectId: p.sibling.id,
      dueOn: dayFromToday(-3),
    });
    expect(late.overdue).toBe(true);
    const scope = `projectId=${p.sibling.id}`;
    expect(idsOf(await register(admin, `${scope}&overdue=true`))).toEqual([late.id]);
    await change(admin, late, { status: 'valid' });
    expect((await register(admin, `${scope}&overdue=true`)).total).toBe(0);
    expect(idsOf(await register(admin, `${scope}&state=closed`))).toEqual([late.id]);
  });

  it('shows a reader outside its scope nothing', async () => {
    const outsider = await w.userWith([
      { role: 'project_manager', scopeType: 'project', scopeId: p.unrelated.id },
    ]);
    expect((await register(outsider, `projectId=${p.project.id}`)).total).toBe(0);
    expect((await register(outsider, `portfolioId=${p.portfolio.id}&includeBelow=true`)).total).toBe(0);
    expect(idsOf(await register(outsider, ''))).toEqual(sorted('unrelated'));
    const get = await outsider.req({ method: 'GET', url: `/api/v1/raid/${ids.project}` });
    expect(get.statusCode).toBe(404);
    const map = await outsider.req({
      method: 'GET',
      url: `/api/v1/raid/heat-map?portfolioId=${p.portfolio.id}&includeBelow=true`,
    });
    expect(map.json().total).toBe(0);
    const requester = await w.userWith([
      { role: 'business_requester', scopeType: 'organization', scopeId: null },
    ]);
    expect((await requester.req({ method: 'GET', url: '/api/v1/raid' })).statusCode).toBe(403);
  });

  it('shows a dependency in both projects’ registers, readable from the other side but kept by its own', async () => {
    const dep = await create(admin, {
      kind: 'dependency',
      title: 'Needs the payment gateway',
      projectId: p.project.id,
      details: { dependsOnProjectId: p.unrelated.id, deliverable: 'Gateway in test' },
    });
    const own = await register(admin, `projectId=${p.project.id}&kind=dependency`);
    expect(own.items.map((i) => [i.id, i.relation])).toEqual([[dep.id, 'owner']]);
    const other = await register(admin, `projectId=${p.unrelated.id}&kind=dependency`);
    expect(other.items.map((i) => [i.id, i.relation])).toEqual([[dep.id, 'dependedOnBy']]);
    // The other project's manager sees it, but may not change it.
    const theirs = await w.userWith([
      { role: 'project_manager', scopeType: 'project', scopeId: p.unrelated.id },
    ]);
    expect(idsOf(await register(theirs, `projectId=${p.unrelated.id}&kind=dependency`))).toEqual([dep.id]);
    const read = await theirs.req({ method: 'GET', url: `/api/v1/raid/${dep.id}` });
    expect(read.json()).toMatchObject({ id: dep.id, abilities: { update: false, archive: false } });
    const write = await theirs.req({
      method: 'PATCH',
      url: `/api/v1/raid/${dep.id}`,
      payload: { kind: 'dependency', version: dep.version, status: 'met' },
    });
    expect(write.statusCode).toBe(403);
  });

  it('draws the heat map of the risks, inherent and residual', async () => {
    const r = await create(
      admin,
      risk(
        { projectId: p.sibling.id },
        {
          title: 'Mapped',
          details: {
            probability: 5,
            impact: { quality: 4 },
            residual: { probability: 2, impact: { quality: 3 } },
          },
        },
      ),
    );
    const get = async (q: string) => {
      const res = await admin.req({
        method: 'GET',
        url: `/api/v1/raid/heat-map?projectId=${p.sibling.id}${q}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const inherent = await get('');
    expect(inherent.cells).toHaveLength(25);
    expect(inherent.total).toBe(1);
    const hot = inherent.cells.find((c: { count: number }) => c.count > 0);
    expect(hot).toMatchObject({ probability: 5, impact: 4, score: 20, count: 1, ids: [r.id] });
    expect(inherent.risks).toEqual([expect.objectContaining({ id: r.id, code: r.code, score: 20 })]);
    const residual = await get('&residual=true');
    expect(residual.cells.find((c: { count: number }) => c.count > 0)).toMatchObject({
      probability: 2,
      impact: 3,
    });
    // A cell's risks, as the register lists them.
    const cell = `projectId=${p.sibling.id}&kind=risk`;
    expect(idsOf(await register(admin, `${cell}&probability=5&impact=4`))).toEqual([r.id]);
    expect((await register(admin, `${cell}&probability=2&impact=3`)).total).toBe(0);
    expect(idsOf(await register(admin, `${cell}&probability=2&impact=3&residual=true`))).toEqual([r.id]);
    await change(admin, r, { status: 'closed' });
    expect((await get('')).total).toBe(0);
    expect((await get('&state=closed')).total).toBe(1);
  });
});
