// Pharos benchmarks: npm run bench [-- --only list,single,pglite-heavy,startup,schedule,plan-edit,mspdi-import,gantt,portfolio,timeline,reporting,health] [--quick]
// Prints every figure with its target and PASS/FAIL; writes results/latest.json and latest.md.
import { loadavg } from 'node:os';
import { Bench } from './src/bench';
import { diagnose } from './src/diagnose';
import { ganttBench } from './src/gantt';
import { healthBench } from './src/health';
import { pgliteBench } from './src/heavy';
import { listBench } from './src/list';
import { mspdiImportBench } from './src/mspdi-import';
import { type Part, parseOptions } from './src/options';
import { planEditBench } from './src/plan-edit';
import { portfolioBench } from './src/portfolio';
import { profileBench } from './src/profile';
import { conditions, printTable, type Results, writeResults } from './src/report';
import { reportingBench } from './src/reporting';
import { scheduleBench } from './src/schedule';
import { singleBench } from './src/single';
import { startupBench } from './src/startup';
import { median } from './src/stats';
import { cleanupAll } from './src/target';
import { timelineBench } from './src/timeline';

const opts = parseOptions(process.argv.slice(2));
const startedAt = new Date();
const bench = new Bench(opts);
const meta = conditions(opts, startedAt);
console.log(`Pharos benchmarks: ${[...opts.parts].join(', ')}${opts.quick ? ' (quick)' : ''}`);
console.log(
  `  organization ${JSON.stringify(opts.size)}, ${opts.duration} s per measurement after ${opts.warmup} s warm-up; ${meta.cpus}; load average ${meta.loadAverageAtStart}`,
);

let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  console.log('\nInterrupted: stopping servers and the PostgreSQL cluster…');
  void cleanupAll().finally(() => process.exit(130));
});

/** Runs one part; a failure becomes a FAIL row and the other parts still run. */
async function part(name: Part, fn: () => Promise<void>) {
  if (!opts.parts.has(name) || interrupted) return;
  try {
    await fn();
  } catch (err) {
    console.error(`\n${name} failed:`, err);
    bench.row(name, {
      figure: `${name} (could not run)`,
      db: '—',
      measured: String(err instanceof Error ? err.message : err)
        .split('\n')[0]!
        .slice(0, 160),
      target: '—',
      pass: false,
    });
  }
}

try {
  // Startup first, while nothing else runs on the machine.
  await part('startup', () => startupBench(bench));
  await part('schedule', () => scheduleBench(bench));
  await part('plan-edit', () => planEditBench(bench));
  await part('mspdi-import', () => mspdiImportBench(bench));
  await part('gantt', () => ganttBench(bench));
  await part('portfolio', () => portfolioBench(bench));
  await part('timeline', () => timelineBench(bench));
  await part('reporting', () => reportingBench(bench));
  await part('health', () => healthBench(bench));
  await part('list', async () => {
    await listBench(bench, 'pglite');
    await listBench(bench, 'postgres');
  });
  await part('single', () => singleBench(bench));
  await part('pglite-heavy', () => pgliteBench(bench));
  if (opts.profile && !interrupted)
    for (const kind of ['postgres', 'pglite'] as const)
      if (bench.targets.has(kind)) {
        await profileBench(bench, kind).catch((err) => console.error(`profile ${kind} failed:`, err));
        await diagnose(bench, kind).catch((err) => console.error(`diagnostics ${kind} failed:`, err));
      }
} finally {
  await cleanupAll();
}

const finishedAt = new Date();
const others = Object.values(bench.raw).flatMap((v) =>
  typeof v === 'object' && v !== null && 'otherCpuPercent' in v ? [Number(v.otherCpuPercent)] : [],
);
const results: Results = {
  meta: {
    ...meta,
    finishedAt: finishedAt.toISOString(),
    minutes: Math.round((+finishedAt - +startedAt) / 6000) / 10,
    loadAverageAtEnd: loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    otherProcessesCpuPercent: others.length
      ? { min: Math.min(...others), median: median(others), max: Math.max(...others) }
      : null,
  },
  rows: bench.rows,
  raw: bench.raw,
  diagnostics: bench.diagnostics,
};
printTable(results.rows);
writeResults(results);
process.exitCode = results.rows.some((r) => r.pass === false) ? 1 : 0;
