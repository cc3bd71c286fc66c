// A Pharos server under test, in its own process: opens the database, seeds the generated
// organization when empty, creates API tokens, listens on a free loopback port and answers the
// orchestrator's calls (bare SQL timing, heavy queries, tracing). Started by ./target.ts.
import {
  buildApp,
  createToken,
  type Database,
  generateOrganization,
  isEmpty,
  loadConfig,
  migrateDatabase,
  type OrgSize,
  openDatabase,
  seedOrganization,
  systemCtx,
} from '@pharos/server';
import { cpuProfiler } from './cpuprofile';
import { progress as say, serveCalls } from './rpc';
import { type Latency, round, summarize } from './stats';
import { installTracer } from './tracer';

export interface TargetSpec {
  kind: 'pglite' | 'postgres';
  databaseUrl?: string;
  dataDir?: string;
  size: OrgSize;
  /** Extra admin tokens, for the one-token-per-client diagnostic. */
  extraTokens: number;
}

export interface TargetInfo {
  url: string;
  seedSeconds: number | null;
  tokens: { admin: string; portfolioManager: string; adminExtra: string[] };
  counts: Record<string, number>;
}

export interface SqlRun extends Latency {
  rps: number;
  clients: number;
}

const spec = JSON.parse(process.env.BENCH_TARGET ?? '{}') as TargetSpec;
const config = loadConfig({
  NODE_ENV: 'production',
  PHAROS_LOG_LEVEL: 'warn',
  ...(spec.databaseUrl
    ? { DATABASE_URL: spec.databaseUrl }
    : { PHAROS_DATA_DIR: spec.dataDir ?? 'memory://' }),
});

const database: Database = await openDatabase({
  databaseUrl: config.databaseUrl,
  dataDir: config.dataDir,
  poolSize: config.poolSize,
});
await migrateDatabase(database);

let seedSeconds: number | null = null;
const org = generateOrganization(spec.size);
if (await isEmpty(database.db)) {
  say(`seeding ${spec.size.projects} projects, ${spec.size.programs} programs, ${spec.size.users} users…`);
  const t0 = performance.now();
  await seedOrganization(database.db, org, (what) =>
    say(`  ${what.padEnd(28)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`),
  );
  seedSeconds = round((performance.now() - t0) / 1000, 1);
  say(`seeded in ${seedSeconds} s`);
}
// PostgreSQL's autovacuum would analyze the fresh tables within a minute; do it now. PGlite has
// no autovacuum, so it is left as the product leaves it.
if (database.kind === 'postgres') await database.pool.query('analyze');

const ctx = systemCtx(config, database);
const userId = (email: string) => {
  const u = org.users.find((x) => x.email === email);
  if (!u) throw new Error(`no user ${email} in the generated organization`);
  return u.id;
};
const token = async (email: string, name: string) =>
  (await createToken(ctx, userId(email), name, null)).token;
const tokens = {
  admin: await token('admin@pharos.demo', 'bench admin'),
  portfolioManager: await token('portfolio@pharos.demo', 'bench portfolio manager'),
  adminExtra: [] as string[],
};
for (let i = 0; i < spec.extraTokens; i++)
  tokens.adminExtra.push(await token('admin@pharos.demo', `bench ${i}`));

const tracer = installTracer(database.pool);
const profiler = cpuProfiler();
const app = await buildApp({ config, database });
tracer.hook(app);
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
const port = typeof addr === 'object' && addr ? addr.port : 0;

const counts: Record<string, number> = {};
for (const t of ['projects', 'programs', 'portfolios', 'users', 'role_grants', 'audit_events']) {
  const r = await database.pool.query<{ n: number }>(`select count(*)::int as n from ${t}`);
  counts[t] = r.rows[0]!.n;
}

export interface Statement {
  text: string;
  params: unknown[];
}

/**
 * Runs SQL from `clients` concurrent loops through the server's own pool; each iteration sends
 * the statements together, as the server does for a list (its page and its count).
 */
async function sqlRun(a: { statements: Statement[]; clients: number; seconds: number }) {
  const samples: number[] = [];
  const until = performance.now() + a.seconds * 1000;
  const maxCount = Math.max(1, Math.floor(a.seconds * 50_000));
  const loop = async () => {
    while (performance.now() < until && samples.length < maxCount) {
      const t0 = performance.now();
      await Promise.all(a.statements.map((q) => database.pool.query(q.text, q.params)));
      samples.push(performance.now() - t0);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: a.clients }, loop));
  const took = (performance.now() - t0) / 1000;
  return { ...summarize(samples), rps: round(samples.length / took, 0), clients: a.clients } satisfies SqlRun;
}

serveCalls(
  {
    sql: sqlRun,
    query: async (a: { text: string; params?: unknown[] }) =>
      (await database.pool.query(a.text, a.params)).rows,
    heavy: async (a: { text: string }) => {
      const t0 = performance.now();
      await database.pool.query(a.text);
      return round(performance.now() - t0, 0);
    },
    explain: async (a: { text: string; params: unknown[] }) => {
      const r = await database.pool.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers, costs off) ${a.text}`,
        a.params,
      );
      return r.rows.map((x) => x['QUERY PLAN']).join('\n');
    },
    trace: async (a: { on: boolean }) => tracer.toggle(a.on),
    cpuProfile: async (a: { on: boolean }) => (a.on ? profiler.start() : profiler.stop()),
  },
  async () => {
    await app.close();
    await database.close();
  },
);

say(`${database.kind} server ready at http://127.0.0.1:${port}`);
process.send!({
  kind: 'reply',
  id: -1,
  ok: true,
  value: { url: `http://127.0.0.1:${port}`, seedSeconds, tokens, counts } satisfies TargetInfo,
});
