import { Command, CommanderError } from 'commander';
import { registerMigrate } from './commands/migrate';
import { registerServe } from './commands/serve';

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
  return p;
}

/** Runs the command line; returns the exit code. Errors print one clear line, never a stack. */
export async function main(argv: string[]): Promise<number> {
  try {
    await program().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    console.error(`pharos: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}
