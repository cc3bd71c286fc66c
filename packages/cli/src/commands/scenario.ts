import { readFile, writeFile } from 'node:fs/promises';
import { ScenarioFile } from '@pharos/api';
import { AppError, describePlan, scenarioWorkbook, startSolve } from '@pharos/server';
import type { Command } from 'commander';
import { parseJsonFile } from '../input';

/** Reads a scenario file: JSON, then the format (docs/scenario-format.md); the first problem names its place. */
async function readScenario(path: string) {
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new AppError(
      'not_found',
      `Cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`,
    );
  });
  return parseJsonFile(ScenarioFile, text, path);
}

const number = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0)
    throw new AppError('validation_failed', `--${name} takes a positive number`, name);
  return n;
};

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)} %`);

export function registerScenario(program: Command) {
  const scenario = program
    .command('scenario')
    .description('Portfolio scenarios (docs/scenario-format.md): solve one with the optimizer');

  scenario
    .command('solve')
    .description(
      'Choose the candidates and start months of a scenario file that maximize its value (no database needed)',
    )
    .argument('<file>', 'a scenario file (JSON)')
    .option('--time-limit <seconds>', 'longest the solver may run', number('time-limit'), 10)
    .option(
      '--gap <percent>',
      'stop once the plan is proven within this % of the best possible',
      number('gap'),
      0.01,
    )
    .option('--json', 'print the answer as JSON')
    .option('--xlsx <file>', 'also write the plan as an Excel workbook')
    .option('--currency <code>', 'the currency of the amounts, for the workbook', 'EUR')
    .action(
      async (
        path: string,
        opts: { timeLimit: number; gap: number; json?: boolean; xlsx?: string; currency: string },
      ) => {
        const file = await readScenario(path);
        const job = startSolve(
          file.scenario,
          { timeLimit: opts.timeLimit, relativeGap: opts.gap / 100 },
          (p) => {
            if (!opts.json && process.stderr.isTTY)
              process.stderr.write(
                `\r  ${p.seconds.toFixed(1)} s: value ${p.value?.toFixed(1) ?? '—'}, bound ${p.bound?.toFixed(1) ?? '—'}, gap ${pct(p.gap)}   `,
              );
          },
        );
        // Ctrl+C stops the solve and prints the best plan found so far.
        const interrupt = () => job.cancel();
        process.once('SIGINT', interrupt);
        const r = await job.result.finally(() => process.off('SIGINT', interrupt));
        if (!opts.json && process.stderr.isTTY) process.stderr.write('\n');
        if (r.status === 'invalid' || r.status === 'error')
          throw new AppError(
            'validation_failed',
            `${path}: ${r.issues.map((i) => i.message).join('; ') || 'the solver refused the model'}`,
          );
        if (opts.xlsx && r.status !== 'infeasible') {
          const plan = describePlan(
            file.scenario,
            r.starts,
            {
              source: 'solver',
              status: r.status,
              bound: r.bound,
              gap: r.gap,
              seconds: r.seconds,
              binding: r.binding,
            },
            1,
          );
          const code = file.name.replace(/[^\w.-]+/g, '-').slice(0, 32);
          await writeFile(
            opts.xlsx,
            await scenarioWorkbook({ code, name: file.name, body: file.scenario, plan }, opts.currency),
          );
          if (!opts.json) console.error(`Wrote ${opts.xlsx}`);
        }
        const answer = {
          name: file.name,
          status: r.status,
          objective: file.scenario.objective,
          value: r.value,
          bound: r.bound,
          gap: r.gap,
          seconds: r.seconds,
          selected: r.selection,
          binding: r.binding,
          greedy: { value: r.greedy.value, seconds: r.greedy.seconds },
        };
        if (opts.json) {
          console.log(JSON.stringify(answer, null, 2));
          return;
        }
        if (r.status === 'infeasible') {
          console.log(
            `${file.name}: no plan meets every limit (must-do items, fixed choices and dependencies cannot all fit).`,
          );
          process.exitCode = 2;
          return;
        }
        const n = file.scenario.candidates.length;
        console.log(
          `${file.name}: ${r.status === 'optimal' ? 'solved' : r.status === 'interrupted' ? 'stopped' : 'time limit reached'} in ${r.seconds.toFixed(1)} s — ` +
            `${file.scenario.objective} ${r.value?.toFixed(1) ?? '—'} (proven within ${pct(r.gap)}; the greedy plan gave ${r.greedy.value.toFixed(1)}); ` +
            `${r.selection.length} of ${n} candidates selected`,
        );
        for (const s of r.selection) console.log(`  ${s.month}  ${s.id}  ${s.name}`);
        if (r.binding.length) {
          console.log('Limits the plan runs up against:');
          for (const b of r.binding)
            console.log(`  ${b.label}${b.limit !== undefined ? ` (${b.used} of ${b.limit})` : ''}`);
        }
      },
    );
}
