import { type Bench, dbName } from './bench';
import type { CpuSummary } from './cpuprofile';
import { captureListQuery, LIST_CLIENTS, LIST_PATH } from './list';
import { runLoad } from './load';
import { ms } from './report';
import { SINGLE_CLIENTS, sampleIds } from './single';
import type { Kind, Target } from './target';

/** Where the server process's CPU goes under load (V8 sampling profiler, self time). */
async function cpuUnderLoad(bench: Bench, t: Target, paths: string[], connections: number) {
  const run = () =>
    runLoad({
      baseUrl: t.url,
      paths,
      headers: [t.auth('admin')],
      connections,
      duration: Math.min(5, bench.opts.duration),
      warmup: 0,
    });
  await t.cpuProfile(true);
  let cpu: CpuSummary | null = null;
  try {
    const load = await run();
    cpu = await t.cpuProfile(false);
    return { load, cpu };
  } finally {
    if (!cpu) await t.cpuProfile(false).catch(() => {});
  }
}

/** The list query as sent, and variants the server could send instead, timed one at a time. */
async function whatIfList(bench: Bench, t: Target) {
  const q = await captureListQuery(t);
  const used = (text: string) => Math.max(0, ...[...text.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));
  // The page without its linked objectives (the sub-select of the outer query), and the inner
  // page alone (ids only): what reading the rows of the page costs beside finding them.
  const withoutExtra = q.text.replace(/, array\(select .*?\) as "objectiveIds"/, '');
  const inner = q.text.slice(q.text.indexOf('(select * from') + 1, q.text.lastIndexOf(') t order by'));
  const variants = [
    ['as sent: the page (with linked objectives of its rows)', q.text],
    ['as sent: the count of all matches (remembered between writes)', q.count.text],
    ['the page without linked objectives', withoutExtra],
    ['the inner page alone (select * … limit … offset …)', inner],
  ] as const;
  const secs = bench.opts.quick ? 1 : 2;
  const time = async (text: string) => {
    const params = (text === q.count.text ? q.count.params : q.params).slice(0, used(text));
    await t.sql([{ text, params }], 1, 0.5);
    return (await t.sql([{ text, params }], 1, secs)).p50;
  };
  const rows = [];
  for (const [variant, text] of variants)
    rows.push({ variant, now: await time(text), vacuumed: Number.NaN, withIndex: Number.NaN });
  const stats = await statsOf(t);
  await t.heavy('vacuum analyze projects');
  for (const [i, [, text]] of variants.entries()) rows[i]!.vacuumed = await time(text);
  const index = 'bench_whatif_status_name';
  await t.heavy(`create index ${index} on projects (status, name, id) where archived_at is null`);
  await t.heavy('analyze projects');
  try {
    for (const [i, [, text]] of variants.entries()) rows[i]!.withIndex = await time(text);
  } finally {
    await t.heavy(`drop index ${index}`);
  }
  return { rows, stats };
}

/** Whether the database ever analyzed the projects table by itself (autovacuum). */
async function statsOf(t: Target) {
  const q = `select current_setting('autovacuum') as autovacuum,
      (select coalesce(greatest(last_analyze, last_autoanalyze)::text, 'never')
         from pg_stat_user_tables where relname = 'projects') as analyzed`;
  const [row] = await t.query<{ autovacuum: string; analyzed: string }>(q);
  return row!;
}

export async function diagnose(bench: Bench, kind: Kind) {
  const t = await bench.target(kind);
  const ids = await bench.once(`${kind} sample ids`, () => sampleIds(t), false);
  console.log(`\n[${kind}] diagnostics: CPU profile of the server under load, list query variants`);
  const single = await cpuUnderLoad(
    bench,
    t,
    ids.map((id) => `/api/v1/projects/${id}`),
    SINGLE_CLIENTS,
  );
  const list = await cpuUnderLoad(bench, t, [LIST_PATH], LIST_CLIENTS); // page 1 only: a stable profile
  const whatIf = await whatIfList(bench, t);
  bench.raw[`${kind} diagnostics`] = { single, list, whatIf };

  const md = [
    `### Server CPU under load (${dbName(kind)}; V8 sampling profiler in the server process, self time)`,
  ];
  if (kind === 'pglite')
    md.push('', "PGlite's own thread is not sampled: the percentages are of the HTTP thread.");
  for (const [name, r] of [
    [`get one project, ${SINGLE_CLIENTS} clients`, single],
    [`list, ${LIST_CLIENTS} clients`, list],
  ] as const) {
    console.log(
      `  ${name}: ${r.load.rps} req/s; ${r.cpu.byOrigin
        .slice(0, 6)
        .map((o) => `${o.origin} ${o.percent}%`)
        .join(', ')}`,
    );
    md.push(
      '',
      `**${name}** (${r.load.rps} req/s during the profile). By origin: ${r.cpu.byOrigin
        .slice(0, 12)
        .map((o) => `${o.origin} ${o.percent} %`)
        .join(', ')}.`,
      '',
      '| Function (self time) | Origin | % |',
      '| --- | --- | --- |',
      ...r.cpu.top.slice(0, 10).map((f) => `| \`${f.fn}\` | ${f.origin} | ${f.percent} |`),
    );
  }
  const { rows, stats } = whatIf;
  md.push(
    '',
    `### List query variants (${dbName(kind)}; bare SQL, one client, p50)`,
    '',
    `autovacuum: ${stats.autovacuum}; the projects table was last analyzed before this step: ${stats.analyzed}` +
      (kind === 'postgres' ? ' (the benchmark runs ANALYZE after seeding, as autovacuum would).' : '.'),
    '',
    '| Variant | Now | After VACUUM ANALYZE | + index (status, name, id) where archived_at is null |',
    '| --- | --- | --- | --- |',
    ...rows.map((w) => `| ${w.variant} | ${ms(w.now)} | ${ms(w.vacuumed)} | ${ms(w.withIndex)} |`),
  );
  console.log(`  autovacuum ${stats.autovacuum}, projects last analyzed: ${stats.analyzed}`);
  for (const w of rows)
    console.log(
      `  ${w.variant}: ${ms(w.now)} now, ${ms(w.vacuumed)} vacuumed, ${ms(w.withIndex)} with the index`,
    );
  bench.diagnostics.push(md.join('\n'), '');
}
