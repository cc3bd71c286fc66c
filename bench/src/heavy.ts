import { type Bench, dbName } from './bench';
import { LIST_CLIENTS, listLoad } from './list';
import { runLoad } from './load';
import { int, ms } from './report';
import { SINGLE_CLIENTS, sampleIds, singleLoad } from './single';
import { type Latency, sleep, summarize } from './stats';
import type { Kind, Target } from './target';

const MAX_RATIO = 3;
const MAX_WAIT_MS = 1000;
/** Concurrent light-request loops while the heavy work runs. */
const PROBES = 4;

/** A deliberately heavy statement: millions of string comparisons in a self cross join. */
const heavySql = (n: number) =>
  `select count(*) from (select name from projects order by id limit ${n}) a
   cross join (select name from projects order by id limit ${n}) b where a.name < b.name`;
/** An expensive list: search, 500 rows, sorted on an unindexed column, archived included. */
const EXPENSIVE_LIST = '/api/v1/projects?q=a&sort=-updatedAt&pageSize=500&archived=all';

interface Probed extends Latency {
  heavyMs: number;
  over1s: number;
  failed: number;
}

/**
 * Light requests (/api/health and a project GET, alternating) from PROBES loops, before, during
 * and after `heavy`; returns the latencies of those that overlapped the heavy work.
 */
async function probeAround(t: Target, ids: string[], heavy: () => Promise<unknown>): Promise<Probed> {
  const headers = t.auth('admin');
  const seen: { start: number; end: number; ms: number; ok: boolean }[] = [];
  let stop = false;
  const hardStop = performance.now() + 180_000;
  const loop = async (k: number) => {
    for (let i = 0; !stop && i < 50_000 && performance.now() < hardStop; i++) {
      const url = i % 2 ? `${t.url}/api/v1/projects/${ids[(k + i) % ids.length]}` : `${t.url}/api/health`;
      const start = performance.now();
      const ok = await fetch(url, { headers, signal: AbortSignal.timeout(120_000) }).then(
        async (r) => {
          await r.arrayBuffer();
          return r.ok;
        },
        () => false,
      );
      const end = performance.now();
      seen.push({ start, end, ms: end - start, ok });
    }
  };
  const loops = Array.from({ length: PROBES }, (_, k) => loop(k));
  await sleep(1000);
  const h0 = performance.now();
  await heavy();
  const h1 = performance.now();
  await sleep(1000);
  stop = true;
  await Promise.all(loops);
  const during = seen.filter((s) => s.end >= h0 && s.start <= h1);
  return {
    ...summarize(during.map((s) => s.ms)),
    heavyMs: Math.round(h1 - h0),
    over1s: during.filter((s) => s.ms > MAX_WAIT_MS).length,
    failed: during.filter((s) => !s.ok).length,
  };
}

async function heavyOn(bench: Bench, kind: Kind) {
  const t = await bench.target(kind);
  const ids = await bench.once(`${kind} sample ids`, () => sampleIds(t), false);
  const n = Math.min(4000, bench.opts.size.projects);
  const sql = await bench.once(`${kind} heavy SQL`, () => probeAround(t, ids, () => t.heavy(heavySql(n))));
  const list = await bench.once(`${kind} expensive lists`, () =>
    probeAround(t, ids, () =>
      runLoad({
        baseUrl: t.url,
        paths: [EXPENSIVE_LIST],
        headers: [t.auth('admin')],
        connections: PROBES,
        duration: Math.max(3, Math.min(5, bench.opts.duration)),
        warmup: 0,
      }),
    ),
  );
  for (const [what, r] of [
    [`cross join of ${int(n)}×${int(n)} projects on the server's pool`, sql],
    [`${PROBES} clients looping GET ${EXPENSIVE_LIST}`, list],
  ] as const) {
    console.log(
      `  ${kind} light requests during ${what} (${ms(r.heavyMs)}): max ${ms(r.max)}, p99 ${ms(r.p99)}, p50 ${ms(r.p50)}, ${r.over1s} of ${r.n} over 1 s`,
    );
    bench.row('pglite-heavy', {
      figure: `Light requests (/api/health, GET project) while a heavy job runs: ${what}, ${(r.heavyMs / 1000).toFixed(1)} s`,
      db: dbName(kind),
      measured: `max ${ms(r.max)} (p99 ${ms(r.p99)}, p50 ${ms(r.p50)}; ${r.over1s} of ${r.n} over 1 s${r.failed ? `; ${r.failed} failed` : ''})`,
      target: kind === 'pglite' ? `max ≤ ${MAX_WAIT_MS} ms` : 'reference',
      pass: kind === 'pglite' ? r.max <= MAX_WAIT_MS && r.failed === 0 : null,
    });
  }
}

export async function pgliteBench(bench: Bench) {
  const [lite, pg] = [await bench.target('pglite'), await bench.target('postgres')];
  console.log('\n[pglite vs postgres] same requests, same concurrency');
  // Thunks, run one after the other: two loads at once would share the two cores.
  const pairs = [
    [
      `List projects, admin, ${LIST_CLIENTS} clients`,
      () => listLoad(bench, lite, 'admin', LIST_CLIENTS),
      () => listLoad(bench, pg, 'admin', LIST_CLIENTS),
    ],
    [
      `Get one project, admin, ${SINGLE_CLIENTS} clients`,
      () => singleLoad(bench, lite),
      () => singleLoad(bench, pg),
    ],
  ] as const;
  for (const [figure, liteLoad, pgLoad] of pairs) {
    const a = await liteLoad();
    const b = await pgLoad();
    const r95 = a.p95 / b.p95;
    bench.row('pglite-heavy', {
      figure: `PGlite latency ÷ PostgreSQL's: ${figure}`,
      db: 'PGlite',
      measured: `×${r95.toFixed(1)} at p95 (${ms(a.p95)} vs ${ms(b.p95)}); ×${(a.p50 / b.p50).toFixed(1)} at p50`,
      target: `≤ ×${MAX_RATIO}`,
      pass: r95 <= MAX_RATIO,
    });
  }
  console.log('\n[pglite] light requests behind heavy work');
  await heavyOn(bench, 'pglite');
  await heavyOn(bench, 'postgres');
}
