import type { Role, ScopeType } from '@pharos/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../db/connect';
import { type TestWorld, testWorld } from '../test/harness';
import { grantHolders, type ItemPlace, projectPlace } from './recipients';

/*
 * Who holds a role over an item, worked out from the demo organization's tree: a project in a
 * sub-portfolio, in a program, in an office below another office. The demo's own people hold grants
 * too, so each check looks only at the people made here.
 */
let w: TestWorld;
let tx: Tx;
let place: ItemPlace;
const made = new Map<string, string>(); // label → user id

async function person(label: string, role: Role, scopeType: ScopeType, scopeId: string | null) {
  const u = await w.userWith([{ role, scopeType, scopeId }], label);
  made.set(label, u.id);
  return u.id;
}

/** The labels of the people made here among `ids`, sorted. */
const mine = (ids: string[]) =>
  [...made.entries()]
    .filter(([, id]) => ids.includes(id))
    .map(([label]) => label)
    .sort();

beforeAll(async () => {
  w = await testWorld();
  tx = w.database.db as unknown as Tx;
  const o = w.org;
  const sub = o.portfolios.find(
    (p) => p.parentId !== null && o.projects.some((x) => x.portfolioId === p.id),
  )!;
  const project = o.projects.find(
    (p) =>
      p.portfolioId === sub.id &&
      p.programId !== null &&
      o.offices.find((x) => x.id === p.officeId)!.parentId !== null,
  )!;
  place = await projectPlace(tx, project.id);
  const office = o.offices.find((x) => x.id === project.officeId)!;
  const sibling = o.offices.find((x) => x.parentId === office.parentId && x.id !== office.id);
  const otherProgram = o.programs.find((g) => g.id !== project.programId)!;
  const otherProject = o.projects.find((p) => p.id !== project.id)!;
  const child = o.offices.find((x) => x.parentId === office.id);

  await person('organization', 'pmo_director', 'organization', null);
  await person('office', 'pmo_director', 'office', office.id);
  await person('parent office', 'pmo_director', 'office', office.parentId);
  if (sibling) await person('sibling office', 'pmo_director', 'office', sibling.id);
  if (child) await person('child office', 'pmo_director', 'office', child.id);
  await person('sub-portfolio', 'pmo_director', 'portfolio', sub.id);
  await person('parent portfolio', 'pmo_director', 'portfolio', sub.parentId);
  await person('program', 'pmo_director', 'program', project.programId);
  await person('other program', 'pmo_director', 'program', otherProgram.id);
  await person('project', 'pmo_director', 'project', project.id);
  await person('other project', 'pmo_director', 'project', otherProject.id);
  await person('other role', 'auditor', 'organization', null);
  await person('executive at office', 'executive', 'office', office.id);
  const revoked = await person('revoked', 'pmo_director', 'organization', null);
  await w.database.pool.query('update role_grants set revoked_at = now() where user_id = $1', [revoked]);
  const archived = await person('archived', 'pmo_director', 'office', office.id);
  await w.database.pool.query('update users set archived_at = now() where id = $1', [archived]);
  made.set('sibling office', made.get('sibling office') ?? 'none');
  made.set('child office', made.get('child office') ?? 'none');
}, 60_000);
afterAll(() => w.close());

describe('grantHolders', () => {
  it('finds the people whose grant covers the item: organization, the office chain above, the portfolio chain, program, project', async () => {
    const ids = await grantHolders(tx, ['pmo_director'], place);
    expect(mine(ids)).toEqual(
      [
        'organization',
        'office',
        'parent office',
        'sub-portfolio',
        'parent portfolio',
        'program',
        'project',
      ].sort(),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('several roles at once, each person once', async () => {
    const ids = await grantHolders(tx, ['pmo_director', 'executive', 'auditor'], place);
    expect(mine(ids)).toContain('executive at office');
    expect(mine(ids)).toContain('other role');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('with exactOffice: only grants at that office itself', async () => {
    const ids = await grantHolders(
      tx,
      ['pmo_director', 'executive'],
      { officeId: place.officeId! },
      {
        exactOffice: true,
      },
    );
    expect(mine(ids)).toEqual(['executive at office', 'office']);
  });

  it('leaves out revoked grants and archived people, and answers nothing for no roles or no place', async () => {
    const ids = await grantHolders(tx, ['pmo_director'], place);
    expect(ids).not.toContain(made.get('revoked'));
    expect(ids).not.toContain(made.get('archived'));
    expect(await grantHolders(tx, [], place)).toEqual([]);
    expect(mine(await grantHolders(tx, ['pmo_director'], {}))).toEqual(['organization']);
    expect(await grantHolders(tx, ['pmo_director'], {}, { exactOffice: true })).toEqual([]);
  });

  it('an office alone covers the chain above it, and a portfolio alone its chain', async () => {
    expect(mine(await grantHolders(tx, ['pmo_director'], { officeId: place.officeId! }))).toEqual(
      ['organization', 'office', 'parent office'].sort(),
    );
    expect(mine(await grantHolders(tx, ['pmo_director'], { portfolioId: place.portfolioId! }))).toEqual(
      ['organization', 'parent portfolio', 'sub-portfolio'].sort(),
    );
  });

  it('projectPlace tells where a project sits, and nothing for an unknown one', async () => {
    expect(place).toMatchObject({
      officeId: expect.any(String),
      portfolioId: expect.any(String),
      programId: expect.any(String),
    });
    const unknown = await projectPlace(tx, '00000000-0000-4000-8000-000000000000');
    expect(unknown).toEqual({
      projectId: '00000000-0000-4000-8000-000000000000',
      managerId: null,
      sponsorId: null,
    });
  });
});
