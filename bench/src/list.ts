import { type Bench, dbName, latencyText } from './bench';
import type { SqlRun, Statement } from './pharos-server';
import { ms } from './report';
import type { Kind, Target } from './target';

/** A filtered, sorted page of 50: the registry's main screen. */
export const LIST_PATH = '/api/v1/projects?status=active&sort=name&pageSize=50';
export const LIST_CLIENTS = 20;
/** The loads walk the first 20 pages in turn, so no single page is what gets measured. */
export const LIST_PAGES = 20;
const listPaths = Array.from({ length: LIST_PAGES }, (_, i) => `${LIST_PATH}&page=${i + 1}`);
const TARGET_P95 = 50;

/**
 * The SQL of the list, captured from one traced request: the page and the count of all matches.
 * (The server remembers the count until the next write, so it does not run it every time; the
 * bare reference runs both.)
 */
export function captureListQuery(t: Target, path = LIST_PATH, who: 'admin' | 'portfolioManager' = 'admin') {
  // Captured once per server: later requests find the count remembered and do not send it.
  const key = `${t.url} ${path} ${who}`;
  let q = captured.get(key);
  if (!q) {
    q = capture(t, path, who);
    captured.set(key, q);
  }
  return q;
}

const captured = new Map<string, ReturnType<typeof capture>>();

async function capture(t: Target, path: string, who: 'admin' | 'portfolioManager') {
  await t.trace(true);
  const res = await fetch(t.url + path, { headers: t.auth(who) });
  const body = (await res.json()) as { total: number };
  const trace = await t.trace(false);
  const onProjects = trace.queries.filter((x) => / from "projects"/.test(x.text));
  const page = onProjects.find((x) => / limit \$\d+/.test(x.text));
  const count = onProjects.find((x) => x.text.startsWith('select count(*)'));
  if (!res.ok || !page || !count) throw new Error(`could not capture the list query (${res.status})`);
  return {
    text: page.text,
    params: page.params,
    count: { text: count.text, params: count.params },
    statements: [
      { text: page.text, params: page.params },
      { text: count.text, params: count.params },
    ],
    total: body.total,
  };
}

export function listLoad(
  bench: Bench,
  t: Target,
  who: 'admin' | 'portfolioManager',
  clients: number,
  paths = listPaths,
) {
  const which = paths.length === 1 ? ' page 1 only' : '';
  return bench.load(`${t.kind} list ${who}${which} ×${clients}`, t.cpu, {
    baseUrl: t.url,
    paths,
    headers: [t.auth(who)],
    connections: clients,
  });
}

async function bareSql(bench: Bench, t: Target, statements: Statement[], clients: number) {
  return bench.once(`${t.kind} list bare SQL ×${clients}`, async () => {
    await t.sql(statements, clients, Math.min(2, bench.opts.warmup));
    const r: SqlRun = await t.sql(statements, clients, bench.opts.duration);
    console.log(
      `  ${t.kind} list bare SQL ×${clients}: ${r.rps} q/s, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}`,
    );
    return r;
  });
}

export async function listBench(bench: Bench, kind: Kind) {
  const t = await bench.target(kind);
  const db = dbName(kind);
  console.log(`\n[${kind}] list: GET ${LIST_PATH}&page=1…${LIST_PAGES}`);
  const q = await captureListQuery(t);
  const pmQ = await captureListQuery(t, LIST_PATH, 'portfolioManager');
  bench.raw[`${kind} list query`] = { ...q, portfolioManagerTotal: pmQ.total };
  const admin = await listLoad(bench, t, 'admin', LIST_CLIENTS);
  const pm = await listLoad(bench, t, 'portfolioManager', LIST_CLIENTS);
  const admin1 = await listLoad(bench, t, 'admin', 1);
  const firstPage = await listLoad(bench, t, 'admin', LIST_CLIENTS, [`${LIST_PATH}&page=1`]);
  const sql20 = await bareSql(bench, t, q.statements, LIST_CLIENTS);
  const sql1 = await bareSql(bench, t, q.statements, 1);

  const figure = (who: string) =>
    `List projects (filtered, sorted pages of 50 of ${q.total}, pages 1–${LIST_PAGES} in turn), ${who}, 20 clients`;
  bench.row('list', {
    figure: figure('admin'),
    db,
    measured: latencyText(admin),
    target: `p95 ≤ ${TARGET_P95} ms`,
    pass: admin.p95 <= TARGET_P95 && admin.non2xx + admin.errors === 0,
  });
  bench.row('list', {
    figure: `${figure('portfolio manager')} (sees ${pmQ.total})`,
    db,
    measured: latencyText(pm),
    target: `p95 ≤ ${TARGET_P95} ms`,
    pass: pm.p95 <= TARGET_P95 && pm.non2xx + pm.errors === 0,
  });
  bench.row('list', {
    figure: `The first page alone, again and again, admin, 20 clients`,
    db,
    measured: latencyText(firstPage),
    target: `p95 ≤ ${TARGET_P95} ms`,
    pass: firstPage.p95 <= TARGET_P95 && firstPage.non2xx + firstPage.errors === 0,
  });
  bench.row('list', {
    figure: 'Same list SQL run directly on the pool (bare), 20 clients / 1 client',
    db,
    measured: `p95 ${ms(sql20.p95)} (${sql20.rps} q/s) / p50 ${ms(sql1.p50)}`,
    target: 'reference',
    pass: null,
  });
  bench.row('list', {
    figure: 'Ratio API ÷ bare SQL (admin list)',
    db,
    measured:
      `×${(admin.p95 / sql20.p95).toFixed(1)} at p95, 20 clients; ` +
      `×${(admin1.p50 / sql1.p50).toFixed(1)} at p50, 1 client (${ms(admin1.p50)} vs ${ms(sql1.p50)})`,
    target: 'report',
    pass: null,
  });
}
