import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError, exportMspdi, importMspdi, rescheduleMspdiPieces } from '@pharos/server';
import type { Command } from 'commander';
import { withDatabase } from '../context';
import { byCodeOrFail } from '../lookup';

const cannotRead = (path: string) => (err: NodeJS.ErrnoException) => {
  throw new AppError(
    'not_found',
    `Cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`,
  );
};
const readBytes = (path: string) => readFile(path).catch(cannotRead(path));
const readable = (path: string) => access(path, constants.R_OK).catch(cannotRead(path));

const seconds = (began: number) => `${((performance.now() - began) / 1000).toFixed(1)} s`;

export function registerMspdi(program: Command) {
  const mspdi = program
    .command('mspdi')
    .description(
      'Microsoft Project XML (MSPDI): import a plan, export one, or reschedule a file with the Pharos engine',
    );

  mspdi
    .command('import')
    .description("Replace a project's plan with an MS Project XML file, all or nothing")
    .argument('<file>', 'an MSPDI file (File › Save As › XML in MS Project)')
    .requiredOption('--project <code>', 'the project whose plan it becomes')
    .option('--json', 'print the summary as JSON')
    .action(async (path: string, opts: { project: string; json?: boolean }, cmd: Command) => {
      const began = performance.now();
      await readable(path);
      const result = await withDatabase(cmd, async (ctx, database) => {
        const p = await byCodeOrFail(database.db, 'project', opts.project, 'project');
        // Streamed: a large plan's file is bigger than one string may be.
        return importMspdi(ctx, p.id, createReadStream(path), basename(path));
      });
      if (opts.json) {
        console.log(JSON.stringify(result, null, 2));
        return;
      }
      console.log(
        `Imported ${path} into ${opts.project}: ${result.tasks} tasks, ${result.links} links, ${result.calendars} calendars, ` +
          `${result.resources} resources, ${result.assignments} assignments; finishes ${result.finish ?? '—'} (${seconds(began)}).`,
      );
      for (const w of result.warnings) console.log(`  note: ${w}`);
    });

  mspdi
    .command('export')
    .description("Write a project's plan as an MS Project XML file")
    .requiredOption('--project <code>', 'the project')
    .requiredOption('--out <file>', 'where to write it')
    .action(async (opts: { project: string; out: string }, cmd: Command) => {
      await withDatabase(cmd, async (ctx, database) => {
        const p = await byCodeOrFail(database.db, 'project', opts.project, 'project');
        const { pieces } = await exportMspdi(ctx, p.id);
        await pipeline(Readable.from(pieces), createWriteStream(opts.out));
      });
      console.log(`Wrote the plan of ${opts.project} to ${opts.out}.`);
    });

  mspdi
    .command('reschedule')
    .description('Recompute every date of an MS Project XML file with the Pharos engine (no database needed)')
    .argument('<in>', 'an MSPDI file')
    .requiredOption('--out <file>', 'where to write the rescheduled file')
    .addHelpText(
      'after',
      `
The output is the plan as Pharos reads it (tasks, WBS, links, constraints, calendars, baselines,
progress, resources, assignments) with Start, Finish, EarlyStart, EarlyFinish, LateStart,
LateFinish, TotalSlack, FreeSlack and Critical as Pharos computes them — open both in MS Project
(or diff them) to compare the engines. What Pharos does not read (custom fields, views,
timephased data) is not written; the notes printed say what was left out.`,
    )
    .action(async (input: string, opts: { out: string }) => {
      const began = performance.now();
      const { pieces, warnings } = rescheduleMspdiPieces(await readBytes(input));
      await pipeline(Readable.from(pieces), createWriteStream(opts.out));
      console.log(`Rescheduled ${input} into ${opts.out} (${seconds(began)}).`);
      for (const w of warnings) console.log(`  note: ${w}`);
    });
}
