import { Charter } from '@pharos/api';
import { AppError, type Db, schema } from '@pharos/server';
import { isNull } from 'drizzle-orm';
import { FORMAT, FORMAT_VERSION, type RegistryFile } from './format';

const {
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
  roleGrants,
  users,
} = schema;

/** Code-point order: the same on every database, whatever its collation. */
const byKey =
  <T>(key: (t: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** id → code (or e-mail) of one table, and the lookup that refuses an id it does not know. */
function names(rows: { id: string; code: string }[], what: string) {
  const map = new Map(rows.map((r) => [r.id, r.code]));
  return (id: string | null | undefined) => {
    if (id === null || id === undefined) return null;
    const code = map.get(id);
    if (code === undefined)
      throw new AppError('invalid_reference', `Something refers to a missing ${what} ${id}`);
    return code;
  };
}

/** Rows grouped by a key, looked up in constant time. */
function grouped<T>(rows: T[], key: (t: T) => string) {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(key(r));
    if (list) list.push(r);
    else map.set(key(r), [r]);
  }
  return (k: string) => map.get(k) ?? [];
}

/** The charter in the schema's key order (jsonb keeps its own), so the file is stable. */
function charterOf(raw: unknown) {
  const parsed = Charter.safeParse(raw);
  return parsed.success ? parsed.data : (raw as RegistryFile['offices'][number]['charter']);
}

/**
 * Reads the whole registry in one read-only snapshot and writes it as a registry file: codes and
 * e-mail addresses instead of ids, no password hashes, no timestamps, everything sorted, so the
 * same registry always gives the same file.
 */
export async function exportRegistry(db: Db): Promise<RegistryFile> {
  return db.transaction(
    async (tx) => {
      const ous = await tx.select().from(orgUnits);
      const offs = await tx.select().from(offices);
      const svcs = await tx.select().from(officeServices);
      const objs = await tx.select().from(objectives);
      const types = await tx.select().from(projectTypes);
      const people = await tx.select().from(users);
      const grants = await tx.select().from(roleGrants).where(isNull(roleGrants.revokedAt));
      const pfs = await tx.select().from(portfolios);
      const prgs = await tx.select().from(programs);
      const prjs = await tx.select().from(projects);
      const links = await tx.select().from(projectObjectives);
      const ops = await tx.select().from(operations);

      const orgUnit = names(ous, 'organization unit');
      const office = names(offs, 'office');
      const objective = names(objs, 'objective');
      const type = names(types, 'project type');
      const person = names(
        people.map((u) => ({ id: u.id, code: u.email })),
        'user',
      );
      const portfolio = names(pfs, 'portfolio');
      const program = names(prgs, 'program');
      const project = names(prjs, 'project');
      const scope = { office, portfolio, program, project } as Record<string, typeof office>;
      const archived = (r: { archivedAt: Date | null }) => r.archivedAt !== null;
      const code = byKey((r: { code: string }) => r.code);
      const servicesOf = grouped(svcs, (s) => s.officeId);
      const grantsOf = grouped(grants, (g) => g.userId);
      const objectivesOf = grouped(links, (l) => l.projectId);

      return {
        format: FORMAT,
        version: FORMAT_VERSION,
        orgUnits: ous.sort(code).map((r) => ({
          code: r.code,
          name: r.name,
          kind: r.kind as RegistryFile['orgUnits'][number]['kind'],
          parent: orgUnit(r.parentId),
          description: r.description,
          archived: archived(r),
        })),
        offices: offs.sort(code).map((r) => ({
          code: r.code,
          name: r.name,
          kind: r.kind as RegistryFile['offices'][number]['kind'],
          parent: office(r.parentId),
          orgUnit: orgUnit(r.orgUnitId),
          charter: charterOf(r.charter),
          description: r.description,
          archived: archived(r),
          services: servicesOf(r.id)
            .sort(byKey((s) => s.name))
            .map((s) => ({
              name: s.name,
              serviceClass:
                s.serviceClass as RegistryFile['offices'][number]['services'][number]['serviceClass'],
              description: s.description,
              archived: archived(s),
            })),
        })),
        objectives: objs.sort(code).map((r) => ({
          code: r.code,
          name: r.name,
          parent: objective(r.parentId),
          office: office(r.officeId),
          weight: r.weight,
          description: r.description,
          archived: archived(r),
        })),
        projectTypes: types.sort(code).map((r) => ({
          code: r.code,
          name: r.name,
          description: r.description,
          archived: archived(r),
        })),
        users: people.sort(byKey((u) => u.email)).map((u) => ({
          email: u.email,
          name: u.name,
          title: u.title,
          orgUnit: orgUnit(u.orgUnitId),
          archived: archived(u),
          grants: grantsOf(u.id)
            .map((g) => ({
              role: g.role as RegistryFile['users'][number]['grants'][number]['role'],
              scopeType: g.scopeType as RegistryFile['users'][number]['grants'][number]['scopeType'],
              scope: g.scopeType === 'organization' ? null : scope[g.scopeType]!(g.scopeId),
            }))
            .sort(byKey((g) => `${g.role} ${g.scopeType} ${g.scope ?? ''}`)),
        })),
        portfolios: pfs.sort(code).map((r) => ({
          code: r.code,
          name: r.name,
          parent: portfolio(r.parentId),
          office: office(r.officeId)!,
          manager: person(r.managerId),
          description: r.description,
          archived: archived(r),
        })),
        programs: prgs.sort(code).map((r) => ({
          code: r.code,
          name: r.name,
          portfolio: portfolio(r.portfolioId)!,
          office: office(r.officeId)!,
          manager: person(r.managerId),
          sponsor: person(r.sponsorId),
          plannedStart: r.plannedStart,
          plannedFinish: r.plannedFinish,
          description: r.description,
          archived: archived(r),
        })),
        projects: prjs.sort(code).map((r) => ({
          code: r.code,
          name: r.name,
          type: type(r.typeId)!,
          phase: r.phase as RegistryFile['projects'][number]['phase'],
          status: r.status as RegistryFile['projects'][number]['status'],
          office: office(r.officeId)!,
          orgUnit: orgUnit(r.orgUnitId),
          portfolio: portfolio(r.portfolioId),
          program: program(r.programId),
          sponsor: person(r.sponsorId),
          manager: person(r.managerId),
          plannedStart: r.plannedStart,
          plannedFinish: r.plannedFinish,
          objectives: objectivesOf(r.id)
            .map((l) => objective(l.objectiveId)!)
            .sort(byKey((c) => c)),
          description: r.description,
          archived: archived(r),
        })),
        operations: ops.sort(code).map((r) => ({
          code: r.code,
          name: r.name,
          portfolio: portfolio(r.portfolioId)!,
          office: office(r.officeId),
          orgUnit: orgUnit(r.orgUnitId),
          owner: person(r.ownerId),
          description: r.description,
          archived: archived(r),
        })),
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
