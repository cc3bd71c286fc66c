import { randomUUID } from 'node:crypto';
import type { TestWorld } from '../test/harness';
import { type DemandFixture, demandFixture } from './matrix.demand-cases';
import { type PortfolioFixture, portfolioFixture } from './matrix.portfolio-cases';

export type Item = { id: string };
export interface Fixture extends DemandFixture, PortfolioFixture {
  project: Item & { code: string };
  /** Two tasks of the project's plan, the first linked to the second. */
  planTasks: [number, number];
  unrelated: Item;
  program: Item;
  portfolio: Item;
  subPortfolio: Item & { code: string };
  projectOffice: Item & { code: string };
  programOffice: Item;
  objective: Item & { code: string };
  operation: Item & { code: string };
  orgUnit: Item & { code: string };
  projectType: Item & { code: string };
  person: Item & { email: string };
  service: Item;
}

/** Picks targets from the demo organization whose containers are all different, and adds what it lacks. */
export async function fixture(w: TestWorld): Promise<Fixture> {
  const o = w.org;
  const portfolio = o.portfolios.find((p) => p.code === 'PF-DIG')!;
  const subPortfolio = o.portfolios.find((p) => p.parentId === portfolio.id)!;
  const program = o.programs.find((g) => g.portfolioId === portfolio.id)!;
  const programOffice = o.offices.find((x) => x.id === program.officeId)!;
  const project = o.projects.find(
    (p) =>
      p.programId === program.id && o.offices.find((x) => x.id === p.officeId)!.parentId === programOffice.id,
  )!;
  const projectOffice = o.offices.find((x) => x.id === project.officeId)!;
  const unrelated = o.projects.find(
    (p) => p.portfolioId !== portfolio.id && p.portfolioId !== subPortfolio.id,
  )!;
  const operation = o.operations.find((x) => x.portfolioId === subPortfolio.id)!;
  const db = w.database.pool;
  const objective = { id: randomUUID(), code: 'OBJ-MATRIX' };
  await db.query('insert into objectives (id, code, name, office_id, weight) values ($1, $2, $3, $4, 50)', [
    objective.id,
    objective.code,
    'Objective owned by the program office',
    programOffice.id,
  ]);
  const service = o.services.find((s) => s.officeId === projectOffice.id)!;
  // The project's plan: two tasks, linked.
  const admin = await w.tokenFor('admin@pharos.demo');
  const plan = `/api/v1/projects/${project.id}/plan`;
  const planTasks: number[] = [];
  for (const name of ['Design', 'Build']) {
    const res = await admin.req({ method: 'POST', url: `${plan}/tasks`, payload: { name, duration: 2400 } });
    planTasks.push(Math.max(...(res.json().tasks as { uid: number }[]).map((t) => t.uid)));
  }
  const [a, b] = planTasks;
  await admin.req({ method: 'POST', url: `${plan}/links`, payload: { predecessorUid: a, successorUid: b } });
  return {
    project,
    unrelated,
    program,
    portfolio,
    subPortfolio,
    projectOffice,
    programOffice,
    objective,
    operation,
    orgUnit: o.orgUnits.at(-1)!,
    projectType: o.projectTypes[2]!,
    person: o.users.find((u) => u.email === 'member@pharos.demo')!,
    service,
    planTasks: planTasks as [number, number],
    ...(await demandFixture(admin, o, programOffice.id, portfolio.id)),
    ...(await portfolioFixture(admin, portfolio.id)),
  };
}
