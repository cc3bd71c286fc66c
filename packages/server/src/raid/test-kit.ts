// Helpers for the RAID tests (not used by the server itself).
import { expect } from 'vitest';
import type { TestUser, TestWorld } from '../test/harness';

export interface RaidPlaces {
  /** A project in a program, run by a project office under a program office under the strategic office. */
  project: { id: string; code: string; officeId: string; programId: string; portfolioId: string };
  program: { id: string; portfolioId: string; officeId: string };
  portfolio: { id: string; officeId: string };
  projectOffice: string;
  programOffice: string;
  strategicOffice: string;
  /** Another project of the same program, and one in another portfolio altogether. */
  sibling: { id: string };
  unrelated: { id: string; officeId: string };
}

/** Picks places from the demo organization whose containers are all different. */
export function raidPlaces(w: TestWorld): RaidPlaces {
  const o = w.org;
  const portfolio = o.portfolios.find((p) => p.code === 'PF-DIG')!;
  const program = o.programs.find((g) => g.portfolioId === portfolio.id)!;
  const office = (id: string) => o.offices.find((x) => x.id === id)!;
  const project = o.projects.find(
    (p) => p.programId === program.id && office(p.officeId).kind === 'project' && office(p.officeId).parentId,
  )!;
  const projectOffice = office(project.officeId);
  const programOffice = office(projectOffice.parentId!);
  const strategicOffice = office(programOffice.parentId!);
  const sibling = o.projects.find((p) => p.programId === program.id && p.id !== project.id)!;
  const unrelated = o.projects.find(
    (p) =>
      p.portfolioId !== portfolio.id &&
      o.portfolios.find((x) => x.id === p.portfolioId)?.parentId !== portfolio.id,
  )!;
  return {
    project: {
      id: project.id,
      code: project.code,
      officeId: project.officeId,
      programId: program.id,
      portfolioId: portfolio.id,
    },
    program: { id: program.id, portfolioId: portfolio.id, officeId: program.officeId },
    portfolio: { id: portfolio.id, officeId: portfolio.officeId },
    projectOffice: projectOffice.id,
    programOffice: programOffice.id,
    strategicOffice: strategicOffice.id,
    sibling: { id: sibling.id },
    unrelated: { id: unrelated.id, officeId: unrelated.officeId },
  };
}

export const risk = (where: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  kind: 'risk',
  title: 'Vendor delivers the core API late',
  ...where,
  details: { probability: 3, impact: { cost: 2, schedule: 4 }, ...((extra.details as object) ?? {}) },
  ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'details')),
});

export const issue = (where: Record<string, string>, extra: Record<string, unknown> = {}) => ({
  kind: 'issue',
  title: 'Test environment is down',
  ...where,
  details: { severity: 'medium', ...((extra.details as object) ?? {}) },
  ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== 'details')),
});

/** Creates an item, expecting 201. */
export async function create(as: TestUser, body: Record<string, unknown>) {
  const res = await as.req({ method: 'POST', url: '/api/v1/raid', payload: body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** Changes an item at its current version, expecting 200. */
export async function change(
  as: TestUser,
  item: { id: string; version: number; kind: string },
  body: object,
) {
  const res = await as.req({
    method: 'PATCH',
    url: `/api/v1/raid/${item.id}`,
    payload: { kind: item.kind, version: item.version, ...body },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** A page of a register, expecting 200. */
export async function register(as: TestUser, query: string) {
  const res = await as.req({ method: 'GET', url: `/api/v1/raid?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    items: { id: string; relation: string }[];
    total: number;
    counts: Record<string, number>;
  };
}

/** The ISO date `days` from today (UTC). */
export const dayFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
