import { writeFile } from 'node:fs/promises';
import { AppError, healthDeck, healthReportsPdf, healthTable, scopeByCode } from '@pharos/server';
import type { Command } from 'commander';
import { withDatabase } from '../context';

const FORMATS = ['pptx', 'pdf', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

interface StatusOptions {
  portfolio?: string;
  program?: string;
  format: string;
  out?: string;
  period?: string;
  json?: boolean;
}

export function registerReport(program: Command) {
  const report = program.command('report').description('Status exports of a portfolio or program');

  report
    .command('status')
    .description(
      "Write a portfolio's or program's status: the deck (pptx), its projects' reports (pdf) or the health table (xlsx)",
    )
    .option('--portfolio <code>', 'the portfolio (with its sub-portfolios and programs)')
    .option('--program <code>', 'or the program')
    .requiredOption('--format <format>', `one of ${FORMATS.join(', ')}`)
    .requiredOption('--out <file>', 'the file to write')
    .option(
      '--period <period>',
      'a day of the reporting period (YYYY-MM-DD) or its key (2026-W46); by default the latest one due today',
    )
    .option('--json', 'print what was written as JSON')
    .addHelpText(
      'after',
      `
Formats:
  pptx  the status deck: a title and a summary slide (colours, worst movers, red dimensions,
        what waits), the health table, one slide per project needing attention, and closing
        slides with the decisions waiting, escalations and late reports
  pdf   every status report the portfolio's (or program's) projects filed for the period, worst
        first, one after the other in one PDF
  xlsx  the health table: one row per project, worst first, colours filled, with filters

Examples:
  $ pharos report status --portfolio PF-DIG --format pptx --out digital.pptx
  $ pharos report status --program PG-CLOUD --format xlsx --out cloud.xlsx --period 2026-W46`,
    )
    .action(async (opts: StatusOptions, cmd: Command) => {
      if (!FORMATS.includes(opts.format as Format))
        throw new AppError('validation_failed', `--format must be one of ${FORMATS.join(', ')}`, 'format');
      if (!opts.portfolio === !opts.program)
        throw new AppError('validation_failed', 'Give either --portfolio or --program', 'portfolio');
      const kind = opts.portfolio ? 'portfolio' : 'program';
      const code = (opts.portfolio ?? opts.program)!;
      const file = await withDatabase(cmd, async (ctx) => {
        const id = await scopeByCode(ctx, kind, code);
        const q = { scope: kind, id, period: opts.period } as const;
        if (opts.format === 'pptx') return healthDeck(ctx, q);
        if (opts.format === 'pdf') return healthReportsPdf(ctx, q);
        return healthTable(ctx, q);
      });
      await writeFile(opts.out!, file.body).catch((err: NodeJS.ErrnoException) => {
        const why = err.code === 'ENOENT' ? 'its directory does not exist' : err.message;
        throw new AppError('validation_failed', `Cannot write ${opts.out}: ${why}`, 'out');
      });
      if (opts.json)
        console.log(
          JSON.stringify({
            file: opts.out,
            format: opts.format,
            [kind]: code,
            bytes: file.body.length,
            name: file.fileName,
          }),
        );
      else
        console.log(
          `Wrote ${opts.out} (${opts.format}, ${Math.ceil(file.body.length / 1024)} KiB): ${kind} ${code}.`,
        );
    });
}
