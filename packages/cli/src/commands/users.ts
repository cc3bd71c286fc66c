import { Password, RoleSchema, UserCreate } from '@pharos/api';
import { type Ctx, createUser, setPassword, userService } from '@pharos/server';
import { type Command, Option } from 'commander';
import { output, withDatabase } from '../context';
import { parseInput, passwordFrom } from '../input';
import { type ActiveGrant, activeGrants, byCodeOrFail, grantLabel, userByEmail } from '../lookup';
import { registerUserGrants } from './users-grants';

interface UserRow {
  id: string;
  email: string;
  name: string;
  title: string;
  orgUnitId: string | null;
  archivedAt: string | null;
  lastSignInAt: string | null;
}

/** What the command line shows of a person: never a password hash. */
function userView(u: UserRow, grants: ActiveGrant[]) {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    title: u.title,
    orgUnitId: u.orgUnitId,
    status: u.archivedAt ? 'deactivated' : 'active',
    lastSignInAt: u.lastSignInAt,
    grants: grants
      .filter((g) => g.userId === u.id)
      .map((g) => ({ role: g.role, scopeType: g.scopeType, scope: g.scopeCode })),
  };
}

const passwordOptions = (cmd: Command) =>
  cmd
    .addOption(
      new Option(
        '--password <password>',
        'the password, at least 10 characters (it shows in shell history: prefer --password-stdin)',
      ).conflicts('passwordStdin'),
    )
    .option('--password-stdin', 'read the password from standard input');

export function registerUsers(program: Command) {
  const users = program
    .command('users')
    .description('Create people, list them, and grant or revoke their roles');

  passwordOptions(
    users
      .command('create')
      .description('Create a user (with --admin: an administrator of the whole organization)')
      .requiredOption('--email <email>', 'e-mail address, which is also their sign-in name')
      .requiredOption('--name <name>', 'full name')
      .option('--title <title>', 'job title')
      .option('--org-unit <code>', 'the organization unit they belong to'),
  )
    .option('--admin', 'grant the admin role over the whole organization')
    .option('--json', 'print the new user as JSON')
    .addHelpText(
      'after',
      `
Without --password or --password-stdin a strong password is generated and printed once.
This is how the first administrator of a production installation is made.

Examples:
  $ pharos users create --email ada@example.com --name "Ada Lovelace" --admin
  $ printf '%s' "$PASSWORD" | pharos users create --email bo@example.com --name "Bo Chen" --password-stdin`,
    )
    .action(async (opts: CreateOptions, cmd: Command) => {
      const { password, generated } = await passwordFrom(opts);
      const body = parseInput(UserCreate, {
        email: opts.email,
        name: opts.name,
        title: opts.title ?? '',
        password,
        grants: opts.admin ? [{ role: 'admin', scopeType: 'organization' }] : [],
      });
      const view = await withDatabase(cmd, async (ctx) => {
        const orgUnitId = opts.orgUnit
          ? (await byCodeOrFail(ctx.db, 'orgUnit', opts.orgUnit, 'orgUnit')).id
          : null;
        const user = (await createUser(ctx, { ...body, orgUnitId })) as UserRow;
        return userView(user, await activeGrants(ctx.db, [user.id]));
      });
      if (opts.json) {
        console.log(JSON.stringify({ ...view, ...(generated ? { password } : {}) }, null, 2));
        return;
      }
      const what = opts.admin ? ', administrator of the whole organization' : '';
      console.log(`Created ${view.email} (${view.name})${what}.`);
      if (generated) console.log(`Password (shown once; store it now): ${password}`);
    });

  users
    .command('list')
    .description('List people with their roles')
    .option('--role <role>', 'only people holding this role, at any scope')
    .option('--search <text>', 'only people whose name or e-mail address contains this')
    .option('--all', 'include deactivated people')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { role?: string; search?: string; all?: boolean; json?: boolean }, cmd: Command) => {
      const role = opts.role === undefined ? undefined : parseInput(RoleSchema, opts.role, 'role');
      const views = await withDatabase(cmd, async (ctx) => {
        const rows = await allUsers(ctx, { role, q: opts.search, archived: opts.all ? 'all' : 'active' });
        const grants = await activeGrants(
          ctx.db,
          rows.map((r) => r.id),
        );
        return rows.map((r) => userView(r, grants));
      });
      if (opts.json) return output(true, views, []);
      const rows = views.map((v) => ({
        ...v,
        roles: v.grants.map((g) => grantLabel({ ...g, scopeCode: g.scope })),
      }));
      output(false, rows, ['email', 'name', 'title', 'roles', 'status']);
    });

  registerUserGrants(users);

  passwordOptions(
    users
      .command('set-password')
      .description("Set a user's password and sign them out everywhere")
      .argument('<email>', 'e-mail address of the user'),
  )
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
Without --password or --password-stdin a strong password is generated and printed once.
Use it for people brought in by \`pharos import\` (they have no usable password) and for
anyone locked out.`,
    )
    .action(async (email: string, opts: PasswordOptions & { json?: boolean }, cmd: Command) => {
      const { password, generated } = await passwordFrom(opts);
      const checked = parseInput(Password, password, 'password');
      const user = await withDatabase(cmd, async (ctx) => {
        const u = await userByEmail(ctx.db, email);
        await setPassword(ctx, u.id, checked); // also signs them out of every running server
        return u;
      });
      if (opts.json) {
        console.log(JSON.stringify({ email: user.email, ...(generated ? { password } : {}) }, null, 2));
        return;
      }
      console.log(`Password set for ${user.email}; their sessions have ended.`);
      if (generated) console.log(`Password (shown once; store it now): ${password}`);
    });
}

interface PasswordOptions {
  password?: string;
  passwordStdin?: boolean;
}
interface CreateOptions extends PasswordOptions {
  email: string;
  name: string;
  title?: string;
  orgUnit?: string;
  admin?: boolean;
  json?: boolean;
}

/** Every user the filters match, page by page through the people service. */
async function allUsers(
  ctx: Ctx,
  f: { role: string | undefined; q: string | undefined; archived: 'active' | 'all' },
): Promise<UserRow[]> {
  const out: UserRow[] = [];
  for (let page = 1; ; page++) {
    const res = await userService.list(ctx, { ...f, page, pageSize: 500, sort: 'email' });
    out.push(...(res.items as UserRow[]));
    if (res.items.length < 500 || out.length >= res.total) return out;
  }
}
