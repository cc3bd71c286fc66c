import { type AbilityKey, type Action, actions, type Resource, resources } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import type { ReadCache } from '../db/read-cache';
import { forbidden } from '../errors';
import { permissions } from './permissions';
import { type Anchors, covers, emptyReach, type GrantRef, type Reach, reachOf } from './reach';

export interface Actor {
  userId: string;
  email: string;
  name: string;
  title: string;
  grants: (GrantRef & { id: string; createdAt: Date })[];
  via: 'session' | 'token';
  sessionId: string | null;
  csrfToken: string | null;
}

/**
 * What one actor may do, for one request: reads the permission table, expands the office and
 * portfolio trees below the actor's grants once, and answers every check from memory.
 */
export class Access {
  private readonly reaches = new Map<string, Reach>();
  private trees: Promise<{ offices: Map<string, string[]>; portfolios: Map<string, string[]> }> | null = null;

  constructor(
    readonly actor: Actor | null,
    private readonly db: Tx,
    /** Where the trees below grants are remembered between requests (until the next write). */
    private readonly reads: ReadCache | null = null,
    private readonly system = false,
  ) {}

  /** The administrator's own command line: may do everything, recorded as the system. */
  static system(db: Tx) {
    return new Access(null, db, null, true);
  }

  /** Where the actor may do `action` on `resource`. */
  async reach(resource: Resource, action: Action): Promise<Reach> {
    const key = `${resource}.${action}`;
    const cached = this.reaches.get(key);
    if (cached) return cached;
    const r = emptyReach();
    if (this.system) {
      r.organization = r.anywhere = true;
      return r;
    }
    const grants = this.actor?.grants ?? [];
    for (const rule of permissions[resource][action] ?? []) {
      const mine = grants.filter((g) => rule.roles.includes(g.role));
      if (mine.length === 0) continue;
      r.anywhere = true;
      if (rule.where === 'anyScope') r.organization = true;
      else if (rule.where === 'organization')
        r.organization ||= mine.some((g) => g.scopeType === 'organization');
      else {
        const t = await this.loadTrees();
        const part = reachOf(
          mine,
          (id) => t.offices.get(id) ?? [id],
          (id) => t.portfolios.get(id) ?? [id],
        );
        r.organization ||= part.organization;
        for (const k of ['offices', 'portfolios', 'programs', 'projects'] as const)
          for (const id of part[k]) r[k].add(id);
      }
    }
    this.reaches.set(key, r);
    return r;
  }

  async can(resource: Resource, action: Action, anchors: Anchors | null = null): Promise<boolean> {
    const r = await this.reach(resource, action);
    if (anchors === null) return r.organization;
    return covers(r, anchors);
  }

  async authorize(resource: Resource, action: Action, anchors: Anchors | null = null): Promise<void> {
    if (!(await this.can(resource, action, anchors)))
      throw forbidden(`You may not ${action} this ${resource}`);
  }

  /** Organization-level abilities for the web app: true where some grant could allow it. */
  async abilities(): Promise<Record<AbilityKey, boolean>> {
    const out = {} as Record<AbilityKey, boolean>;
    for (const res of resources)
      for (const act of actions)
        if (permissions[res][act]) out[`${res}.${act}`] = (await this.reach(res, act)).anywhere;
    return out;
  }

  /** The granted offices and portfolios with everything below them, in one query each. */
  private loadTrees() {
    this.trees ??= (async () => {
      const grants = this.actor?.grants ?? [];
      const ids = (t: string) => grants.filter((g) => g.scopeType === t && g.scopeId).map((g) => g.scopeId!);
      const tree = (table: 'offices' | 'portfolios', roots: string[]) => {
        const load = () => descendants(this.db, table, roots);
        return this.reads && roots.length
          ? this.reads.memo(`tree:${table}:${[...roots].sort().join(',')}`, load)
          : load();
      };
      return {
        offices: await tree('offices', ids('office')),
        portfolios: await tree('portfolios', ids('portfolio')),
      };
    })();
    return this.trees;
  }
}

async function descendants(db: Tx, table: 'offices' | 'portfolios', roots: string[]) {
  const out = new Map<string, string[]>();
  if (roots.length === 0) return out;
  const rows = await db.execute<{ root: string; id: string }>(sql`
    with recursive t(root, id) as (
      select id, id from ${sql.identifier(table)} where id in ${roots}
      union
      select t.root, c.id from ${sql.identifier(table)} c join t on c.parent_id = t.id
    )
    select root, id from t`);
  for (const row of rows.rows) {
    const list = out.get(row.root);
    if (list) list.push(row.id);
    else out.set(row.root, [row.id]);
  }
  return out;
}
