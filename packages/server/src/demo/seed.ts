import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { hashPassword } from '../auth/passwords';
import type { Db, Tx } from '../db/connect';
import {
  auditEvents,
  objectives,
  officeServices,
  offices,
  operations,
  orgUnits,
  portfolios,
  programs,
  projectObjectives,
  projects,
  projectTypes,
  proposalScores,
  proposals,
  proposalTransitions,
  roleGrants,
  scoringFrameworks,
  users,
  workRoles,
} from '../db/schema/index';
import { replacePlan } from '../schedule/repo';
import { generateDemand } from './demand';
import { seedHistory } from './history-seed';
import { demoSize, type GeneratedOrg, generateOrganization, type OrgSize } from './organization';
import { demoPlan } from './plans';
import { prng } from './random';
import { seedScenarios } from './scenarios';

/** How many projects of a generated organization get a plan (the demo has fewer). */
const DEMO_PLANS = 200;

export const DEMO_PASSWORD = 'pharos-demo';

/** True when the database holds no users yet (a fresh installation). */
export async function isEmpty(db: Db): Promise<boolean> {
  const res = await db.execute<{ n: number }>(sql`select count(*)::int as n from users`);
  return res.rows[0]?.n === 0;
}

async function insertAll(tx: Tx, table: PgTable, rows: Record<string, unknown>[], chunk = 500) {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk));
}

/**
 * Writes a generated organization in one transaction, each item with its creation in the audit
 * trail. Every account's password is `pharos-demo` (one hash, computed once).
 */
export async function seedOrganization(db: Db, org: GeneratedOrg, onProgress?: (what: string) => void) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = 0`); // a big organization takes a while
    const step = async (what: string, table: PgTable, rows: Record<string, unknown>[]) => {
      onProgress?.(`${what}: ${rows.length}`);
      await insertAll(tx, table, rows);
    };
    await step('organization units', orgUnits, org.orgUnits);
    await step('offices', offices, org.offices);
    await step('services', officeServices, org.services);
    await step('objectives', objectives, org.objectives);
    await step('project types', projectTypes, org.projectTypes);
    await step(
      'users',
      users,
      org.users.map((u) => ({ ...u, passwordHash })),
    );
    await step('role grants', roleGrants, org.grants);
    await step('portfolios', portfolios, org.portfolios);
    await step('programs', programs, org.programs);
    // The first projects get plans; their planned dates in the registry follow them.
    const r = prng(7);
    const plans = org.projects.slice(0, DEMO_PLANS).flatMap((p) => {
      if (!p.plannedStart || !p.plannedFinish) return [];
      const doc = demoPlan({ name: p.name, plannedStart: p.plannedStart, plannedFinish: p.plannedFinish }, r);
      p.plannedStart = doc.tasks[0]!.start!.slice(0, 10);
      p.plannedFinish = doc.finish!.slice(0, 10);
      return [{ id: p.id, doc }];
    });
    await step('projects', projects, org.projects);
    await tx.insert(projectObjectives).values(org.projectObjectives);
    await step('operations', operations, org.operations);
    const demand = generateDemand(org);
    await step('work roles', workRoles, demand.workRoles);
    await step('scoring frameworks', scoringFrameworks, demand.frameworks);
    await step('proposals', proposals, demand.proposals);
    await step('proposal moves', proposalTransitions, demand.transitions);
    await step('scores', proposalScores, demand.scores);
    const demoScenarios = await seedScenarios(tx);
    onProgress?.(`scenarios: ${demoScenarios.length}`);
    onProgress?.(`plans: ${plans.length}`);
    for (const { id, doc } of plans) await replacePlan(tx, id, doc, 'pharos');
    const created = (type: string, rows: { id: string }[]) =>
      rows.map((r) => ({ action: 'create', entityType: type, entityId: r.id, after: r, requestId: 'seed' }));
    await insertAll(tx, auditEvents, [
      ...created('orgUnit', org.orgUnits),
      ...created('office', org.offices),
      ...created('officeService', org.services),
      ...created('objective', org.objectives),
      ...created('projectType', org.projectTypes),
      ...created('user', org.users),
      ...created('portfolio', org.portfolios),
      ...created('program', org.programs),
      ...created('project', org.projects),
      ...created('operation', org.operations),
      ...created('workRole', demand.workRoles as { id: string }[]),
      ...created('scoringFramework', demand.frameworks),
      ...created('proposal', demand.proposals),
      ...created('scenario', demoScenarios),
    ]);
  });
  await db.execute(sql`analyze`); // plans for the data just written, not for empty tables
}

/** The demo organization with a year of history up to `today` (status reports, RAID, governance). */
export async function seedDemo(db: Db, size: OrgSize = demoSize, today = new Date()) {
  const org = generateOrganization(size);
  await seedOrganization(db, org);
  await seedHistory(db, org, today);
  return org;
}
