import { GrantCreate, RoleSchema, roles } from '@pharos/api';
import { AppError, grant, revoke } from '@pharos/server';
import type { Command } from 'commander';
import { withDatabase } from '../context';
import { parseInput } from '../input';
import {
  activeGrants,
  describeScope,
  type ScopeFlags,
  scopeFrom,
  userByEmail,
  withScopeOptions,
} from '../lookup';

const scopeHelp = `
Without a scope option the role applies to the whole organization. Scopes are named by code.
Roles: ${roles.join(', ')}.`;

/** `pharos users grant` and `pharos users revoke`. */
export function registerUserGrants(users: Command) {
  withScopeOptions(
    users
      .command('grant')
      .description('Give a user a role over the whole organization or over one place')
      .argument('<email>', 'e-mail address of the user')
      .argument('<role>', 'the role, e.g. portfolio_manager'),
  )
    .addHelpText(
      'after',
      `${scopeHelp}

Examples:
  $ pharos users grant ada@example.com pmo_director
  $ pharos users grant bo@example.com portfolio_manager --portfolio PF-DIG`,
    )
    .action(async (email: string, roleArg: string, flags: ScopeFlags, cmd: Command) => {
      const role = parseInput(RoleSchema, roleArg, 'role');
      const line = await withDatabase(cmd, async (ctx) => {
        const user = await userByEmail(ctx.db, email);
        const scope = await scopeFrom(ctx.db, flags);
        await grant(
          ctx,
          user.id,
          parseInput(GrantCreate, { role, scopeType: scope.scopeType, scopeId: scope.scopeId }),
        );
        return `Granted ${role} over ${describeScope(scope)} to ${user.email}.`;
      });
      console.log(line);
    });

  withScopeOptions(
    users
      .command('revoke')
      .description('Take a role away from a user')
      .argument('<email>', 'e-mail address of the user')
      .argument('<role>', 'the role to take away'),
  )
    .addHelpText(
      'after',
      `${scopeHelp}
The last administrator of the whole organization cannot be revoked: grant another first.

Example:
  $ pharos users revoke bo@example.com portfolio_manager --portfolio PF-DIG`,
    )
    .action(async (email: string, roleArg: string, flags: ScopeFlags, cmd: Command) => {
      const role = parseInput(RoleSchema, roleArg, 'role');
      const line = await withDatabase(cmd, async (ctx) => {
        const user = await userByEmail(ctx.db, email);
        const scope = await scopeFrom(ctx.db, flags);
        const held = (await activeGrants(ctx.db, [user.id])).find(
          (g) => g.role === role && g.scopeType === scope.scopeType && g.scopeId === scope.scopeId,
        );
        if (!held)
          throw new AppError(
            'not_found',
            `${user.email} does not hold ${role} over ${describeScope(scope)}`,
            'role',
          );
        await revoke(ctx, user.id, held.id).catch((err: unknown) => {
          // The service names the grant's id; here the person named a role.
          throw err instanceof AppError && err.field === 'grantId'
            ? new AppError(err.code, err.message, 'role')
            : err;
        });
        return `Revoked ${role} over ${describeScope(scope)} from ${user.email}.`;
      });
      console.log(line);
    });
}
