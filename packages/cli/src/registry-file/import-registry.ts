import { randomUUID } from 'node:crypto';
import {
  type Config,
  type Ctx,
  createService,
  type Database,
  type Db,
  grant,
  listServices,
  recordAudit,
  setServiceWithdrawn,
  systemCtx,
  updateService,
} from '@pharos/server';
import { activeGrants } from '../lookup';
import { FORMAT, FORMAT_VERSION, type RegistryFile, type Section, sections } from './format';
import { emptyTally, Importer, type Kind, located, type Tally } from './importer';
import { parentFirst } from './parent-first';

export type ImportTallies = Record<Section | 'officeServices' | 'grants', Tally>;

const kindOf: Record<Section, Kind> = {
  orgUnits: 'orgUnit',
  offices: 'office',
  objectives: 'objective',
  projectTypes: 'projectType',
  users: 'user',
  portfolios: 'portfolio',
  programs: 'program',
  projects: 'project',
  operations: 'operation',
};

class DryRun extends Error {}

/**
 * Reads a registry file into the database in one transaction: everything or nothing. Items are
 * matched by code (people by e-mail address); what is missing is created and what differs is
 * updated, through the same services as the API, so every change has its audit row, and one
 * more row (action `import`) records the import itself. Nothing is deleted: items, services and
 * grants the file does not mention stay as they are. With `dryRun` the transaction is rolled back.
 */
export async function importRegistry(
  database: Database,
  config: Config,
  file: RegistryFile,
  dryRun: boolean,
) {
  const tallies = Object.fromEntries(
    [...sections, 'officeServices', 'grants'].map((s) => [s, emptyTally()]),
  ) as ImportTallies;
  const system = systemCtx(config, database);
  const accessChanged = new Set<string>();
  try {
    await database.db.transaction(async (tx) => {
      // The services open their own transactions on ctx.db: inside this one they become savepoints.
      // Running servers hear of changed access only once everything is committed.
      const ctx: Ctx = {
        ...systemCtx(config, { ...database, db: tx as unknown as Db }),
        authChanged: async (userId) => void accessChanged.add(userId),
      };
      const section = Object.fromEntries(sections.map((s) => [kindOf[s], tallies[s]])) as Record<Kind, Tally>;
      const importer = new Importer(ctx, (kind) => section[kind]);
      await writeItems(importer, file, tallies.officeServices);
      await writeGrants(importer, file, tallies.grants);
      await importer.archiveAtEnd();
      await recordAudit(tx, ctx, {
        action: 'import',
        entityType: 'registry',
        entityId: randomUUID(),
        after: { format: FORMAT, version: FORMAT_VERSION, ...tallies },
      });
      if (dryRun) throw new DryRun();
      // Running servers forget what they remembered of the registry once this commits.
      await database.reads.announce(tx as unknown as Db);
    });
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
    return tallies;
  }
  for (const userId of accessChanged) await system.authChanged(userId);
  return tallies;
}

async function writeItems(im: Importer, file: RegistryFile, serviceTally: Tally) {
  const ref = (kind: Kind, key: string | null, path: string) => im.resolve(kind, key, path);
  const each = async <T extends { archived: boolean }>(
    section: Section,
    items: T[],
    key: (t: T) => string,
    body: (t: T, path: string) => Promise<Record<string, unknown>>,
    parent?: (t: T) => string | null,
    after?: (t: T, id: string, path: string) => Promise<void>,
  ) => {
    for (const i of parent ? parentFirst(section, items, key, parent) : items.keys()) {
      const item = items[i]!;
      const path = `${section}[${i}]`;
      try {
        const id = await im.upsert(kindOf[section], key(item), await body(item, path), item.archived);
        await after?.(item, id, path);
      } catch (err) {
        located(err, path, key(item));
      }
    }
  };
  const code = (t: { code: string }) => t.code;
  const parent = (t: { parent: string | null }) => t.parent;

  await each(
    'orgUnits',
    file.orgUnits,
    code,
    async (u, p) => ({
      ...pick(u, 'code', 'name', 'kind', 'description'),
      parentId: await ref('orgUnit', u.parent, `${p}.parent`),
    }),
    parent,
  );
  await each(
    'offices',
    file.offices,
    code,
    async (o, p) => ({
      ...pick(o, 'code', 'name', 'kind', 'charter', 'description'),
      parentId: await ref('office', o.parent, `${p}.parent`),
      orgUnitId: await ref('orgUnit', o.orgUnit, `${p}.orgUnit`),
    }),
    parent,
    async (o, id) => writeServices(im.ctx, id, o.services, serviceTally),
  );
  await each(
    'objectives',
    file.objectives,
    code,
    async (o, p) => ({
      ...pick(o, 'code', 'name', 'weight', 'description'),
      parentId: await ref('objective', o.parent, `${p}.parent`),
      officeId: await ref('office', o.office, `${p}.office`),
    }),
    parent,
  );
  await each('projectTypes', file.projectTypes, code, async (t) => pick(t, 'code', 'name', 'description'));
  await each(
    'users',
    file.users,
    (u) => u.email,
    async (u, p) => ({
      ...pick(u, 'name', 'title'),
      orgUnitId: await ref('orgUnit', u.orgUnit, `${p}.orgUnit`),
    }),
  );
  await each(
    'portfolios',
    file.portfolios,
    code,
    async (o, p) => ({
      ...pick(o, 'code', 'name', 'description'),
      parentId: await ref('portfolio', o.parent, `${p}.parent`),
      officeId: await ref('office', o.office, `${p}.office`),
      managerId: await ref('user', o.manager, `${p}.manager`),
    }),
    parent,
  );
  await each('programs', file.programs, code, async (o, p) => ({
    ...pick(o, 'code', 'name', 'plannedStart', 'plannedFinish', 'description'),
    portfolioId: await ref('portfolio', o.portfolio, `${p}.portfolio`),
    officeId: await ref('office', o.office, `${p}.office`),
    managerId: await ref('user', o.manager, `${p}.manager`),
    sponsorId: await ref('user', o.sponsor, `${p}.sponsor`),
  }));
  await each('projects', file.projects, code, async (o, p) => ({
    ...pick(o, 'code', 'name', 'phase', 'status', 'plannedStart', 'plannedFinish', 'description'),
    typeId: await ref('projectType', o.type, `${p}.type`),
    officeId: await ref('office', o.office, `${p}.office`),
    orgUnitId: await ref('orgUnit', o.orgUnit, `${p}.orgUnit`),
    portfolioId: await ref('portfolio', o.portfolio, `${p}.portfolio`),
    programId: await ref('program', o.program, `${p}.program`),
    sponsorId: await ref('user', o.sponsor, `${p}.sponsor`),
    managerId: await ref('user', o.manager, `${p}.manager`),
    objectiveIds: (
      await Promise.all(o.objectives.map((c, j) => ref('objective', c, `${p}.objectives[${j}]`)))
    ).sort(),
  }));
  await each('operations', file.operations, code, async (o, p) => ({
    ...pick(o, 'code', 'name', 'description'),
    portfolioId: await ref('portfolio', o.portfolio, `${p}.portfolio`),
    officeId: await ref('office', o.office, `${p}.office`),
    orgUnitId: await ref('orgUnit', o.orgUnit, `${p}.orgUnit`),
    ownerId: await ref('user', o.owner, `${p}.owner`),
  }));
}

/**
 * An office's service catalog, matched by name within the office, written through the catalog's
 * service (each change with its audit row). A withdrawn service must be offered again before it
 * can be changed, and is withdrawn again after.
 */
async function writeServices(
  ctx: Ctx,
  officeId: string,
  items: RegistryFile['offices'][number]['services'],
  tally: Tally,
) {
  const current = await listServices(ctx, officeId, 'all');
  for (const s of items) {
    const row = current.find((c: { name: string }) => c.name === s.name) as
      | { id: string; version: number; serviceClass: string; description: string; archivedAt: string | null }
      | undefined;
    const ids = (id: string) => ({ id: officeId, serviceId: id });
    if (!row) {
      const created = await createService(ctx, officeId, pick(s, 'name', 'serviceClass', 'description'));
      if (s.archived) await setServiceWithdrawn(ctx, ids(created.id), created.version, true);
      tally.created++;
      continue;
    }
    const changed = row.serviceClass !== s.serviceClass || row.description !== s.description;
    const flipped = (row.archivedAt !== null) !== s.archived;
    if (!changed && !flipped) {
      tally.unchanged++;
      continue;
    }
    let version = row.version;
    if (row.archivedAt !== null && (changed || !s.archived))
      version = (await setServiceWithdrawn(ctx, ids(row.id), version, false)).version;
    if (changed)
      version = (
        await updateService(ctx, officeId, row.id, {
          serviceClass: s.serviceClass,
          description: s.description,
          version,
        })
      ).version;
    if (s.archived) await setServiceWithdrawn(ctx, ids(row.id), version, true);
    tally[changed ? 'updated' : s.archived ? 'archived' : 'restored']++;
  }
}

/** Grants the file lists and the person does not hold yet; grants it does not list stay. */
async function writeGrants(im: Importer, file: RegistryFile, tally: Tally) {
  for (const [i, user] of file.users.entries()) {
    const userId = (await im.findId('user', user.email))!;
    const held = await activeGrants(im.ctx.db, [userId]);
    for (const [j, g] of user.grants.entries()) {
      const path = `users[${i}].grants[${j}]`;
      try {
        const scopeId =
          g.scopeType === 'organization' ? null : await im.resolve(g.scopeType, g.scope, `${path}.scope`);
        if (held.some((h) => h.role === g.role && h.scopeType === g.scopeType && h.scopeId === scopeId)) {
          tally.unchanged++;
          continue;
        }
        await im.ensureActive('user', userId);
        if (scopeId) await im.ensureActive(g.scopeType as Kind, scopeId);
        await grant(im.ctx, userId, { role: g.role, scopeType: g.scopeType, scopeId });
        tally.created++;
      } catch (err) {
        located(err, path, user.email);
      }
    }
  }
}

function pick<T extends object, K extends keyof T>(o: T, ...keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;
}
