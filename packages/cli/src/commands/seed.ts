import { AppError, DEMO_PASSWORD, isEmpty, seedDemo } from '@pharos/server';
import type { Command } from 'commander';
import { configFrom, withDatabase } from '../context';

export function registerSeed(program: Command) {
  program
    .command('seed')
    .description('Fill an empty database with sample data')
    .requiredOption('--demo', 'the demo organization: Northwind Group, its PMOs, portfolios and projects')
    .option('--json', 'print what was created as JSON')
    .addHelpText(
      'after',
      `
The demo goes only into an empty database (no users yet) and never into production
(NODE_ENV=production). Every demo account's password is "${DEMO_PASSWORD}".

Example:
  $ pharos --data-dir ./demo-data seed --demo`,
    )
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      if (configFrom(cmd).env === 'production')
        throw new AppError(
          'forbidden',
          'The demo organization is never seeded in production (NODE_ENV=production)',
        );
      const { org, location } = await withDatabase(cmd, async (_ctx, database) => {
        if (!(await isEmpty(database.db)))
          throw new AppError(
            'validation_failed',
            `The database (${database.location}) already has users; the demo goes only into an empty one`,
          );
        return { org: await seedDemo(database.db), location: database.location };
      });
      const counts = {
        orgUnits: org.orgUnits.length,
        offices: org.offices.length,
        portfolios: org.portfolios.length,
        programs: org.programs.length,
        projects: org.projects.length,
        operations: org.operations.length,
        users: org.users.length,
      };
      if (opts.json) {
        console.log(
          JSON.stringify({ location, counts, password: DEMO_PASSWORD, accounts: org.showcase }, null, 2),
        );
        return;
      }
      const summary = Object.entries(counts)
        .map(([k, n]) => `${n} ${k.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`)}`)
        .join(', ');
      console.log(`Seeded the demo organization into ${location}: ${summary}.`);
      console.log(`\nSign in with any of these accounts; every password is "${DEMO_PASSWORD}":`);
      for (const a of org.showcase)
        console.log(`  ${a.email.padEnd(28)} ${a.role.replaceAll('_', ' ')} — ${a.scope}`);
    });
}
