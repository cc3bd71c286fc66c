import { type Role, type ScopeType, scopeTypes } from '@pharos/api';
import { AppError, grantsOf, schema, type Tx } from '@pharos/server';
import { Option } from 'commander';
import { eq } from 'drizzle-orm';

const { offices, orgUnits, portfolios, programs, projects, users } = schema;

/** The user with this e-mail address (any case), active or deactivated. */
export async function userByEmail(db: Tx, email: string) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, archivedAt: users.archivedAt })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()));
  if (!user) throw new AppError('not_found', `No user with e-mail address ${email}`, 'email');
  return user;
}

/** Places a role can be granted over, other than the whole organization: each is found by its code. */
export const scopeKinds = scopeTypes.filter((s) => s !== 'organization') as Exclude<
  ScopeType,
  'organization'
>[];
export type ScopeKind = (typeof scopeKinds)[number];
export type ScopeFlags = Partial<Record<ScopeKind, string>>;

/** Tables whose rows people name by code on the command line. */
const byCode = {
  orgUnit: orgUnits,
  office: offices,
  portfolio: portfolios,
  program: programs,
  project: projects,
};
const labels = {
  orgUnit: 'organization unit',
  office: 'office',
  portfolio: 'portfolio',
  program: 'program',
  project: 'project',
};

/** Adds the mutually exclusive --office / --portfolio / --program / --project options. */
export function withScopeOptions<C extends { addOption(o: Option): C }>(cmd: C): C {
  for (const kind of scopeKinds)
    cmd.addOption(
      new Option(`--${kind} <code>`, `over the ${kind} with this code`).conflicts(
        scopeKinds.filter((k) => k !== kind),
      ),
    );
  return cmd;
}

export interface Scope {
  scopeType: ScopeType;
  scopeId: string | null;
  /** The code given, or null for the whole organization. */
  code: string | null;
  name: string | null;
}

/** The organization unit, office, portfolio, program or project with this code; `field` names the option. */
export async function byCodeOrFail(db: Tx, kind: keyof typeof byCode, code: string, field: string = kind) {
  const t = byCode[kind];
  const [row] = await db.select({ id: t.id, name: t.name }).from(t).where(eq(t.code, code));
  if (!row) throw new AppError('not_found', `No ${labels[kind]} with code ${code}`, field);
  return row;
}

/** The scope the flags name; no flag means the whole organization. */
export async function scopeFrom(db: Tx, flags: ScopeFlags): Promise<Scope> {
  const kind = scopeKinds.find((k) => flags[k] !== undefined);
  if (!kind) return { scopeType: 'organization', scopeId: null, code: null, name: null };
  const code = flags[kind]!;
  const row = await byCodeOrFail(db, kind, code);
  return { scopeType: kind, scopeId: row.id, code, name: row.name };
}

export const describeScope = (s: Pick<Scope, 'scopeType' | 'code'>) =>
  s.scopeType === 'organization' ? 'the whole organization' : `${s.scopeType} ${s.code}`;

export interface ActiveGrant {
  id: string;
  userId: string;
  role: Role;
  scopeType: ScopeType;
  scopeId: string | null;
  /** The code of the office, portfolio, program or project; null for the organization. */
  scopeCode: string | null;
}

/** Active (unrevoked) grants, with scope codes, of these users (or of everyone), in a stable order. */
export async function activeGrants(db: Tx, userIds?: string[]): Promise<ActiveGrant[]> {
  const byUser = await grantsOf(db, userIds);
  const key = (g: ActiveGrant) => `${g.userId} ${g.role} ${g.scopeType} ${g.id}`;
  return [...byUser.values()]
    .flat()
    .map(({ id, userId, role, scopeType, scopeId, scopeCode }) => ({
      id,
      userId,
      role,
      scopeType,
      scopeId,
      scopeCode,
    }))
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** `admin`, or `project_manager@PRJ-1` for a role over one place. */
export const grantLabel = (g: Pick<ActiveGrant, 'role' | 'scopeType' | 'scopeCode'>) =>
  g.scopeType === 'organization' ? g.role : `${g.role}@${g.scopeCode ?? '?'}`;
