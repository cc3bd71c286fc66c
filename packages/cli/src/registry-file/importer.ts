import { randomBytes } from 'node:crypto';
import {
  AppError,
  type Ctx,
  createUser,
  type EntityService,
  registry,
  schema,
  userService,
} from '@pharos/server';
import { eq } from 'drizzle-orm';

/** What an import did to one kind of thing. */
export interface Tally {
  created: number;
  updated: number;
  restored: number;
  archived: number;
  unchanged: number;
}
export const emptyTally = (): Tally => ({ created: 0, updated: 0, restored: 0, archived: 0, unchanged: 0 });

export type Kind = keyof typeof registry | 'user';
const services: Record<Kind, EntityService> = { ...registry, user: userService };
const keyColumns = {
  orgUnit: schema.orgUnits.code,
  office: schema.offices.code,
  objective: schema.objectives.code,
  projectType: schema.projectTypes.code,
  portfolio: schema.portfolios.code,
  program: schema.programs.code,
  project: schema.projects.code,
  operation: schema.operations.code,
  user: schema.users.email,
} as const;
const labels: Record<Kind, string> = {
  orgUnit: 'organization unit',
  office: 'office',
  objective: 'objective',
  projectType: 'project type',
  portfolio: 'portfolio',
  program: 'program',
  project: 'project',
  operation: 'operation',
  user: 'user',
};
/** The fields by which an item sits inside another: restoring it needs them active. */
const containers = new Set(['parentId', 'portfolioId', 'programId', 'officeId']);

/**
 * A registry file carries no passwords. A new person gets a random one that is never shown, so
 * nobody can sign in as them until an administrator runs `pharos users set-password`.
 */
const unknowablePassword = () => randomBytes(32).toString('base64url');

/** Stable JSON, to compare values whatever their key order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1)))
      : x,
  );

/** A service's error, told where in the file it happened (`parentId` → `orgUnits[2].parent`). */
export function located(err: unknown, path: string, key: string): never {
  if (!(err instanceof AppError)) throw err;
  const field = err.field?.startsWith(`${path}.`)
    ? err.field
    : err.field
      ? `${path}.${err.field.replace(/Ids$/, 's').replace(/Id$/, '')}`
      : path;
  throw new AppError(err.code, `${key}: ${err.message}`, field);
}

/**
 * Writes registry items through their services, inside the caller's transaction: creates what is
 * missing, updates what differs, and leaves the rest alone. Items are made active while the
 * import needs them (a child cannot be created under an archived parent) and archived at the end,
 * children first, when the file says so.
 */
export class Importer {
  readonly ids = Object.fromEntries(
    Object.keys(services).map((k) => [k, new Map<string, string>()]),
  ) as Record<Kind, Map<string, string>>;
  /** Items to archive at the end, in the order they became active (parents before children). */
  private readonly archiveLater = new Map<string, { kind: Kind; key: string; temporary: boolean }>();

  constructor(
    readonly ctx: Ctx,
    readonly tally: (kind: Kind) => Tally,
  ) {}

  async findId(kind: Kind, key: string): Promise<string | undefined> {
    const known = this.ids[kind].get(key);
    if (known) return known;
    const column = keyColumns[kind];
    const [row] = await this.ctx.db
      .select({ id: services[kind].spec.col('id') })
      .from(services[kind].spec.table)
      .where(eq(column, key));
    const id = row?.id as string | undefined;
    if (id) this.ids[kind].set(key, id);
    return id;
  }

  /** The id of the item a reference names, from the file or the database. */
  async resolve(kind: Kind, key: string | null, field: string): Promise<string | null> {
    if (key === null) return null;
    const id = await this.findId(kind, key);
    const by = kind === 'user' ? 'e-mail address' : 'code';
    if (!id)
      throw new AppError(
        'invalid_reference',
        `No ${labels[kind]} with ${by} ${key} in the file or the database`,
        field,
      );
    return id;
  }

  /** Restores an archived item for the rest of the import (and its containers first). */
  async ensureActive(kind: Kind, id: string, temporary = true): Promise<void> {
    const svc = services[kind];
    const row = await svc.load(this.ctx, this.ctx.db, id);
    if (!row.archivedAt) return;
    for (const [field, refKind] of Object.entries(svc.spec.refs))
      if (containers.has(field) && typeof row[field] === 'string')
        await this.ensureActive(refKind as Kind, row[field] as string);
    await svc.restore(this.ctx, id, row.version);
    if (kind === 'user') await this.ctx.authChanged(id);
    const key = String(row[kind === 'user' ? 'email' : 'code']);
    if (temporary) this.archiveLater.set(id, { kind, key, temporary: true });
    else this.tally(kind).restored++;
  }

  /** Makes every item these values refer to active, so the service accepts the write. */
  async activateRefs(kind: Kind, values: Record<string, unknown>) {
    for (const [field, refKind] of Object.entries(services[kind].spec.refs))
      if (typeof values[field] === 'string')
        await this.ensureActive(refKind as Kind, values[field] as string);
    if (kind === 'project')
      for (const id of (values.objectiveIds as string[] | undefined) ?? [])
        await this.ensureActive('objective', id);
  }

  /** Creates or updates one item; `body` is in the service's terms (ids, not codes). */
  async upsert(kind: Kind, key: string, body: Record<string, unknown>, archived: boolean): Promise<string> {
    const svc = services[kind];
    const tally = this.tally(kind);
    const existing = await this.findId(kind, key);
    if (!existing) {
      await this.activateRefs(kind, body);
      const created =
        kind === 'user'
          ? await createUser(this.ctx, {
              ...(body as Pick<Parameters<typeof createUser>[1], 'name' | 'title' | 'orgUnitId'>),
              email: key,
              password: unknowablePassword(),
              grants: [],
            })
          : await svc.create(this.ctx, body);
      this.ids[kind].set(key, created.id);
      tally.created++;
      if (archived) this.archiveLater.set(created.id, { kind, key, temporary: false });
      return created.id;
    }
    const current = (await svc.get(this.ctx, existing)) as Record<string, unknown>;
    const changes = Object.fromEntries(
      Object.entries(body).filter(([f, v]) => canonical(v) !== canonical(current[f] ?? null)),
    );
    const changed = Object.keys(changes).length > 0;
    const wasArchived = current.archivedAt !== null;
    if (wasArchived && (changed || !archived)) await this.ensureActive(kind, existing, archived);
    if (changed) {
      // The project service re-checks every linked objective on any update, not only changed links.
      await this.activateRefs(
        kind,
        kind === 'project' ? { ...changes, objectiveIds: body.objectiveIds } : changes,
      );
      const { version } = await svc.load(this.ctx, this.ctx.db, existing);
      await svc.update(this.ctx, existing, { ...changes, version });
      if (kind === 'user') await this.ctx.authChanged(existing);
      tally.updated++;
    }
    if (archived && !wasArchived) this.archiveLater.set(existing, { kind, key, temporary: false });
    if (!changed && wasArchived === archived) tally.unchanged++;
    return existing;
  }

  /** Archives, children first, what the file says is archived and what was restored only for the import. */
  async archiveAtEnd() {
    for (const [id, { kind, key, temporary }] of [...this.archiveLater].reverse()) {
      const svc = services[kind];
      const row = await svc.load(this.ctx, this.ctx.db, id);
      if (row.archivedAt) continue;
      try {
        await svc.archive(this.ctx, id, row.version);
        if (kind === 'user') await this.ctx.authChanged(id);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        throw new AppError(
          err.code,
          `Archiving ${labels[kind]} ${key} at the end of the import: ${err.message}`,
          err.field,
        );
      }
      if (!temporary) this.tally(kind).archived++;
    }
  }
}
