import { AppError } from '@pharos/server';
import { Command, CommanderError } from 'commander';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerMigrate } from './commands/migrate';
import { registerMspdi } from './commands/mspdi';
import { registerReport } from './commands/report';
import { registerScenario } from './commands/scenario';
import { registerSeed } from './commands/seed';
import { registerServe } from './commands/serve';
import { registerTokens } from './commands/tokens';
import { registerUsers } from './commands/users';

/** Builds the `pharos` program; commands register themselves. */
export function program(): Command {
  const p = new Command('pharos')
    .description('Pharos — the open-source platform for PMO networks')
    .option('--database-url <url>', 'PostgreSQL connection string (default: the embedded database)')
    .option('--data-dir <dir>', 'embedded database directory (default ./data, or PHAROS_DATA_DIR)')
    .showHelpAfterError()
    .exitOverride();
  registerServe(p);
  registerMigrate(p);
  registerSeed(p);
  registerUsers(p);
  registerTokens(p);
  registerExport(p);
  registerImport(p);
  registerMspdi(p);
  registerScenario(p);
  registerReport(p);
  return p;
}

/** One line for the person at the terminal: the message, and the field it is about. */
export function describeError(err: unknown): string {
  if (err instanceof AppError) return err.field ? `${err.message} (field: ${err.field})` : err.message;
  if (!(err instanceof Error)) return String(err);
  // A failed query's own message repeats the SQL; the database's reason is in its cause.
  const reason = err.message.startsWith('Failed query') && err.cause instanceof Error ? err.cause : err;
  return reason.message.split('\n')[0]!;
}

/** Runs the command line; returns the exit code. Errors print one clear line, never a stack. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    console.error(`pharos: ${describeError(err)}`);
    return 1;
  }
}
