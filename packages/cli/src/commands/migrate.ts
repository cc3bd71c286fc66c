import type { Command } from 'commander';
import { withDatabase } from '../context';

export function registerMigrate(program: Command) {
  program
    .command('migrate')
    .description('Apply the database migrations (serve also does this on start)')
    .action(async (_opts, cmd: Command) => {
      await withDatabase(cmd, async (_ctx, database) => {
        console.log(`Migrations applied (${database.kind}: ${database.location}).`);
      });
    });
}
