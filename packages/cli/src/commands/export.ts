import { writeFile } from 'node:fs/promises';
import { AppError } from '@pharos/server';
import type { Command } from 'commander';
import { withDatabase } from '../context';
import { exportRegistry } from '../registry-file/export-registry';
import { FORMAT, FORMAT_VERSION, sections } from '../registry-file/format';

export function registerExport(program: Command) {
  program
    .command('export')
    .description('Write the whole registry as one portable JSON file')
    .option('--out <file>', 'write to this file (default: standard output)')
    .addHelpText(
      'after',
      `
The file (format "${FORMAT}", version ${FORMAT_VERSION}) holds organization units, offices with their
charters and service catalogs, objectives, project types, people with their roles, portfolios,
programs, projects with their objectives, and operations. Things refer to each other by code,
people by e-mail address, so the file can be read into another installation with
\`pharos import\`. It holds no passwords, sessions or API tokens.

Examples:
  $ pharos export --out registry.json
  $ pharos --database-url "$DATABASE_URL" export | gzip > registry.json.gz`,
    )
    .action(async (opts: { out?: string }, cmd: Command) => {
      const file = await withDatabase(cmd, (_ctx, database) => exportRegistry(database.db));
      const text = `${JSON.stringify(file, null, 2)}\n`;
      if (!opts.out) {
        process.stdout.write(text);
        return;
      }
      await writeFile(opts.out, text).catch((err: NodeJS.ErrnoException) => {
        const why = err.code === 'ENOENT' ? 'its directory does not exist' : err.message;
        throw new AppError('validation_failed', `Cannot write ${opts.out}: ${why}`, 'out');
      });
      const counts = sections.map((s) => `${file[s].length} ${s}`).join(', ');
      console.log(`Exported to ${opts.out}: ${counts}.`);
    });
}
