import { type ApiToken, ApiTokenCreate, Id } from '@pharos/api';
import { AppError, createToken, listTokens, revokeToken, schema } from '@pharos/server';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { output, withDatabase } from '../context';
import { parseInput } from '../input';
import { userByEmail } from '../lookup';

/** active, expired or revoked, as of now. */
const state = (t: ApiToken, now = Date.now()) =>
  t.revokedAt ? 'revoked' : t.expiresAt && Date.parse(t.expiresAt) <= now ? 'expired' : 'active';

export function registerTokens(program: Command) {
  const tokens = program
    .command('tokens')
    .description('API tokens: let scripts and integrations call the API as a user');

  tokens
    .command('create')
    .description('Create an API token for a user; the token is printed once')
    .requiredOption('--user <email>', 'the user the token acts as (with exactly their permissions)')
    .requiredOption('--name <name>', 'what the token is for, e.g. "nightly BI export"')
    .option('--expires-days <n>', 'days until it expires (default: never)')
    .option('--json', 'print the token and its details as JSON')
    .addHelpText(
      'after',
      `
Pharos keeps only a digest of the token: store it now, it cannot be shown again.
Send it as the header  Authorization: Bearer <token>.

Example:
  $ pharos tokens create --user ada@example.com --name "BI export" --expires-days 90`,
    )
    .action(
      async (opts: { user: string; name: string; expiresDays?: string; json?: boolean }, cmd: Command) => {
        const body = parseInput(ApiTokenCreate, {
          name: opts.name,
          expiresInDays: opts.expiresDays === undefined ? null : Number(opts.expiresDays),
        });
        const { email, created } = await withDatabase(cmd, async (ctx) => {
          const user = await userByEmail(ctx.db, opts.user);
          if (user.archivedAt)
            throw new AppError('archived', `${user.email} is deactivated; reactivate them first`, 'user');
          return {
            email: user.email,
            created: await createToken(ctx, user.id, body.name, body.expiresInDays),
          };
        });
        if (opts.json) {
          console.log(JSON.stringify({ user: email, ...created }, null, 2));
          return;
        }
        const expiry = created.expiresAt ? `expires ${created.expiresAt}` : 'does not expire';
        console.log(`Created API token "${created.name}" for ${email} (id ${created.id}; ${expiry}).`);
        console.log(`Token (shown once; store it now): ${created.token}`);
      },
    );

  tokens
    .command('list')
    .description("List a user's API tokens (never the tokens themselves)")
    .requiredOption('--user <email>', 'whose tokens')
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { user: string; json?: boolean }, cmd: Command) => {
      const items = await withDatabase(cmd, async (ctx) => {
        const user = await userByEmail(ctx.db, opts.user);
        return (await listTokens(ctx, user.id)).items;
      });
      const rows = items.map((t) => ({ ...t, state: state(t) }));
      output(opts.json ?? false, rows, [
        'id',
        'name',
        'prefix',
        'state',
        'createdAt',
        'lastUsedAt',
        'expiresAt',
      ]);
    });

  tokens
    .command('revoke')
    .description('Revoke an API token at once')
    .argument('<token-id>', 'the id shown by `pharos tokens list`')
    .action(async (tokenId: string, _opts: unknown, cmd: Command) => {
      const id = parseInput(Id, tokenId, 'tokenId');
      const line = await withDatabase(cmd, async (ctx) => {
        const [owner] = await ctx.db
          .select({ userId: schema.apiTokens.userId, email: schema.users.email })
          .from(schema.apiTokens)
          .innerJoin(schema.users, eq(schema.users.id, schema.apiTokens.userId))
          .where(eq(schema.apiTokens.id, id));
        if (!owner) throw new AppError('not_found', `No API token with id ${id}`, 'tokenId');
        const t = await revokeToken(ctx, owner.userId, id);
        return `Revoked API token "${t.name}" of ${owner.email}.`;
      });
      console.log(line);
    });
}
