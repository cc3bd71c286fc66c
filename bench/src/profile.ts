import { type Bench, dbName } from './bench';
import { captureListQuery, LIST_PATH } from './list';
import { sampleIds } from './single';
import { median } from './stats';
import type { Kind, Target } from './target';
import type { QueryEvent, RequestEvent } from './tracer';

const N = 40;

interface Probe {
  name: string;
  paths: string[];
  headers: Record<string, string>;
}

const phases = [
  ['auth', 'start', 'authenticated'],
  ['validate', 'authenticated', 'validated'],
  ['handler', 'validated', 'handled'],
  ['serialize', 'handled', 'serialized'],
  ['send', 'serialized', 'end'],
] as const;

/** A statement shortened to its head and its outer FROM … (sub-selects come before it). */
function label(text: string) {
  const t = text
    .replace(/\s+/g, ' ')
    .replace(/\(\$\d+(, \$\d+)+\)/g, '($…)')
    .trim();
  if (t.length <= 120) return t;
  const from = t.lastIndexOf(' from ');
  return `${t.slice(0, 40)} … ${t.slice(from, from + 100)}`;
}

const f = (x: number) => x.toFixed(2);

/** Sends requests one at a time with the server's tracer on and splits each into phases. */
async function profileOne(t: Target, p: Probe) {
  const send = (i: number) => fetch(t.url + p.paths[i % p.paths.length], { headers: p.headers });
  for (let i = 0; i < 20; i++) await (await send(i)).arrayBuffer();
  await t.trace(true);
  const client: number[] = [];
  for (let i = 0; i < N; i++) {
    const t0 = performance.now();
    const res = await send(i);
    await res.arrayBuffer();
    client.push(performance.now() - t0);
  }
  const trace = await t.trace(false);
  const per = trace.requests.map((r) => {
    const qs = trace.queries.filter((q) => q.start >= r.start && q.start <= r.end);
    const inPhase = (from: number, to: number) =>
      qs.filter((q) => q.start >= from && q.start < to).reduce((a, q) => a + q.ms, 0);
    return {
      total: r.end - r.start,
      queries: qs,
      phases: Object.fromEntries(
        phases.map(([name, a, b]) => [name, { ms: r[b] - r[a], sql: inPhase(r[a], r[b]) }]),
      ),
    };
  });
  const byQuery = new Map<string, number[]>();
  for (const r of per)
    for (const q of r.queries) byQuery.set(label(q.text), [...(byQuery.get(label(q.text)) ?? []), q.ms]);
  return {
    name: p.name,
    client: median(client),
    server: median(per.map((r) => r.total)),
    queriesPerRequest: median(per.map((r) => r.queries.length)),
    sqlMs: median(per.map((r) => r.queries.reduce((a, q: QueryEvent) => a + q.ms, 0))),
    phases: Object.fromEntries(
      phases.map(([name]) => [
        name,
        { ms: median(per.map((r) => r.phases[name]!.ms)), sql: median(per.map((r) => r.phases[name]!.sql)) },
      ]),
    ),
    queries: [...byQuery].map(([text, times]) => ({
      text,
      perRequest: times.length / per.length,
      ms: median(times),
    })),
    statuses: [...new Set(trace.requests.map((r: RequestEvent) => r.status))],
  };
}

export async function profileBench(bench: Bench, kind: Kind) {
  const t = await bench.target(kind);
  const ids = await bench.once(`${kind} sample ids`, () => sampleIds(t), false);
  console.log(`\n[${kind}] profile: ${N} sequential traced requests of each kind`);
  const probes: Probe[] = [
    { name: 'list, admin', paths: [LIST_PATH], headers: t.auth('admin') },
    { name: 'list, portfolio manager', paths: [LIST_PATH], headers: t.auth('portfolioManager') },
    {
      name: 'get project, admin',
      paths: ids.map((id) => `/api/v1/projects/${id}`),
      headers: t.auth('admin'),
    },
    { name: 'health (no auth)', paths: ['/api/health'], headers: {} },
  ];
  const results = [];
  for (const p of probes) results.push(await profileOne(t, p));
  bench.raw[`${kind} profile`] = results;

  const md = [
    `### Profile: where one request's time goes (${dbName(kind)}; ${N} sequential requests each, medians, ms)`,
    '',
    'Phases are measured by server hooks: auth = the authenticate hook (token lookup); validate = query validation; handler = permission check + service; serialize = the zod response serializer; "(sql …)" is the time spent in queries started in that phase.',
    '',
    '| Request | Client | Server | Queries | SQL | auth | validate | handler | serialize | send |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    const ph = (n: string) =>
      `${f(r.phases[n]!.ms)}${r.phases[n]!.sql > 0.005 ? ` (sql ${f(r.phases[n]!.sql)})` : ''}`;
    md.push(
      `| ${r.name} | ${f(r.client)} | ${f(r.server)} | ${r.queriesPerRequest} | ${f(r.sqlMs)} | ${ph('auth')} | ${ph('validate')} | ${ph('handler')} | ${ph('serialize')} | ${ph('send')} |`,
    );
    console.log(
      `  ${r.name}: client ${f(r.client)} ms, server ${f(r.server)} ms, ${r.queriesPerRequest} queries (${f(r.sqlMs)} ms SQL); ` +
        phases.map(([n]) => `${n} ${f(r.phases[n]!.ms)}`).join(', '),
    );
  }
  md.push(
    '',
    '| Request | Query (as sent by the server) | per request | median ms |',
    '| --- | --- | --- | --- |',
  );
  for (const r of results)
    for (const q of r.queries)
      md.push(
        `| ${r.name} | \`${q.text.replaceAll('|', '\\|')}\` | ${q.perRequest.toFixed(1)} | ${f(q.ms)} |`,
      );

  for (const who of ['admin', 'portfolioManager'] as const) {
    const q = await captureListQuery(t, LIST_PATH, who);
    const plan = await t.explain(q.text, q.params);
    md.push(
      '',
      `Plan of the list query for the ${who === 'admin' ? 'admin' : 'portfolio manager'} (${dbName(kind)}):`,
      '',
      '```',
      plan,
      '```',
    );
  }
  bench.diagnostics.push(md.join('\n'), '');
}
