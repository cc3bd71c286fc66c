import { readFile } from 'node:fs/promises';
import { AppError } from '@pharos/server';
import type { Command } from 'commander';
import { output, withDatabase } from '../context';
import { checkRegistryFile } from '../registry-file/check-file';
import { importRegistry } from '../registry-file/import-registry';

export function registerImport(program: Command) {
  program
    .command('import')
    .description('Read a registry file (from `pharos export`) into the database, all or nothing')
    .argument('<file>', 'the registry file')
    .option('--dry-run', 'check the file and report what would change, then write nothing')
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      `
Items are matched by code (people by e-mail address): missing ones are created, changed ones
updated, through the same checks as the API, each change with its audit row. Nothing is
deleted, and roles the file does not list are kept. The whole file is one transaction: on the
first problem nothing is written, and the problem is named by its place in the file.

The file carries no passwords: people it creates get a random password that nobody knows. Give
them one with \`pharos users set-password EMAIL\` (or sign them in through single sign-on).

Examples:
  $ pharos import registry.json --dry-run
  $ pharos import registry.json`,
    )
    .action(async (path: string, opts: { dryRun?: boolean; json?: boolean }, cmd: Command) => {
      const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
        throw new AppError(
          'not_found',
          `Cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`,
        );
      });
      const file = checkRegistryFile(text, path);
      const dryRun = opts.dryRun ?? false;
      const tallies = await withDatabase(cmd, (_ctx, database, config) =>
        importRegistry(database, config, file, dryRun),
      );
      if (opts.json) {
        console.log(JSON.stringify({ dryRun, ...tallies }, null, 2));
        return;
      }
      const rows = Object.entries(tallies).map(([what, t]) => ({ what, ...t }));
      output(false, rows, ['what', 'created', 'updated', 'restored', 'archived', 'unchanged']);
      console.log(dryRun ? '\nDry run: nothing was written.' : `\nImported ${path}.`);
    });
}
