import { type Bench, latencyText } from './bench';
import { forkChild } from './rpc';
import { cleanupLater, type Target } from './target';

export const SINGLE_CLIENTS = 50;
const TARGET_RPS = 5000;
const TARGET_P99 = 25;

/** Project ids the admin sees, spread over the registry, for single-row reads. */
export async function sampleIds(t: Target, n = 200): Promise<string[]> {
  const res = await fetch(`${t.url}/api/v1/projects?sort=name&pageSize=${n}`, { headers: t.auth('admin') });
  const body = (await res.json()) as { items: { id: string }[] };
  if (!res.ok || body.items.length === 0) throw new Error(`could not list project ids (${res.status})`);
  return body.items.map((p) => p.id);
}

export async function singleLoad(
  bench: Bench,
  t: Target,
  variant: 'token' | '50 tokens' | 'cookie' = 'token',
) {
  const ids = await bench.once(`${t.kind} sample ids`, () => sampleIds(t), false);
  let headers = [t.auth('admin')];
  if (variant === '50 tokens') headers = t.tokens.adminExtra.map((k) => ({ authorization: `Bearer ${k}` }));
  if (variant === 'cookie')
    headers = [{ cookie: await bench.once(`${t.kind} admin cookie`, () => signIn(t), false) }];
  const suffix = variant === 'token' ? '' : ` (${variant})`;
  return bench.load(`${t.kind} single ×${SINGLE_CLIENTS}${suffix}`, t.cpu, {
    baseUrl: t.url,
    paths: ids.map((id) => `/api/v1/projects/${id}`),
    headers,
    connections: SINGLE_CLIENTS,
  });
}

/** Signs in as the admin through the API and returns the session cookie. */
async function signIn(t: Target): Promise<string> {
  const res = await fetch(`${t.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@pharos.demo', password: 'pharos-demo' }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie) throw new Error(`sign-in failed (${res.status})`);
  return cookie;
}

async function bareLoad(bench: Bench) {
  const cluster = await bench.targets.postgres();
  const pharos = await bench.target('postgres');
  const ids = await bench.once('postgres sample ids', () => sampleIds(pharos), false);
  const child = forkChild(
    new URL('./bare-server.ts', import.meta.url),
    { BENCH_DATABASE_URL: cluster.url },
    () => {},
  );
  cleanupLater(() => child.stop());
  const { url } = (await child.ready) as { url: string };
  const r = await bench.load(
    `bare Fastify+pg single ×${SINGLE_CLIENTS}`,
    {
      server: () => [child.proc.pid!],
      postgres: () => cluster.pids(),
      loadgen: () => [process.pid],
    },
    { baseUrl: url, paths: ids.map((id) => `/projects/${id}`), connections: SINGLE_CLIENTS },
  );
  await child.stop();
  return r;
}

export async function singleBench(bench: Bench) {
  console.log(`\n[postgres] single row: GET /api/v1/projects/:id, ${SINGLE_CLIENTS} clients`);
  const t = await bench.target('postgres');
  const api = await singleLoad(bench, t);
  const bare = await bareLoad(bench);
  const figure = `Get one project (GET /api/v1/projects/:id), admin token, ${SINGLE_CLIENTS} clients`;
  bench.row('single', {
    figure,
    db: 'PostgreSQL',
    measured: latencyText(api, 'rps'),
    target: `≥ ${TARGET_RPS} req/s, p99 ≤ ${TARGET_P99} ms`,
    pass: api.rps >= TARGET_RPS && api.p99 <= TARGET_P99 && api.non2xx + api.errors === 0,
  });
  bench.row('single', {
    figure: `Bare Fastify + pg, same row by id, ${SINGLE_CLIENTS} clients`,
    db: 'PostgreSQL',
    measured: latencyText(bare, 'rps'),
    target: 'reference (~7,400 req/s)',
    pass: null,
  });
  bench.row('single', {
    figure: 'Ratio Pharos ÷ bare throughput',
    db: 'PostgreSQL',
    measured: `${((100 * api.rps) / bare.rps).toFixed(0)} % of bare (p99 ×${(api.p99 / bare.p99).toFixed(1)})`,
    target: 'report',
    pass: null,
  });
  if (bench.opts.profile) {
    // Diagnostics: how the way the caller authenticates changes the figure.
    for (const variant of ['50 tokens', 'cookie'] as const) {
      const r = await singleLoad(bench, t, variant);
      bench.row('single', {
        figure: `Get one project, ${variant === 'cookie' ? 'admin session cookie instead of a token' : 'one of 50 admin tokens per request'}, ${SINGLE_CLIENTS} clients`,
        db: 'PostgreSQL',
        measured: latencyText(r, 'rps'),
        target: 'diagnostic',
        pass: null,
      });
    }
  }
}
