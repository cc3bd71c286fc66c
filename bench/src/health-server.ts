// The server the health benchmark drives, in its own process: a generated organization (10,000
// projects by default) with 52 weekly status reports per project (./health-seed.ts), on a PGlite
// directory or a PostgreSQL database; API tokens of the executive, the administrator and a
// portfolio manager. Prints one JSON line { url, tokens, … } once it listens; stops on SIGTERM.
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
import { seedStatusHistory } from './health-seed';

export interface HealthTargetSpec {
  databaseUrl?: string;
  dataDir?: string;
  size: OrgSize;
}

export interface HealthTargetInfo {
  url: string;
  seedSeconds: number | null;
  reports: number;
  tokens: { executive: string; admin: string; portfolioManager: string };
  portfolio: { id: string; code: string };
  /** A project whose description the benchmark changes to make the server forget what it read. */
  projectId: string;
  /** A person whose title it changes (a write the roll-ups do not read). */
  userId: string;
}

const say = (line: string) => console.error(`  ${line}`);
const spec = JSON.parse(process.env.HEALTH_TARGET ?? '{}') as HealthTargetSpec;
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

const org = generateOrganization(spec.size);
let seedSeconds: number | null = null;
if (await isEmpty(database.db)) {
  const t0 = performance.now();
  say(`seeding ${spec.size.projects} projects…`);
  await seedOrganization(database.db, org);
  say(`organization seeded (${((performance.now() - t0) / 1000).toFixed(0)} s); status history…`);
  await seedStatusHistory(database, org, say);
  await database.pool.query('analyze');
  seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
  say(`seeded in ${seedSeconds} s`);
}
const reports = Number(
  (await database.pool.query<{ n: number }>('select count(*)::int as n from status_reports')).rows[0]!.n,
);

const ctx = systemCtx(config, database);
const token = async (email: string) => {
  const u = org.users.find((x) => x.email === email);
  if (!u) throw new Error(`no user ${email}`);
  return (await createToken(ctx, u.id, 'health bench', null)).token;
};
const tokens = {
  executive: await token('executive@pharos.demo'),
  admin: await token('admin@pharos.demo'),
  portfolioManager: await token('portfolio@pharos.demo'),
};
const portfolio = org.portfolios.find((p) => p.code === 'PF-DIG')!;

const app = await buildApp({ config, database });
await app.listen({ port: 0, host: '127.0.0.1' });
const addr = app.server.address();
const port = typeof addr === 'object' && addr ? addr.port : 0;
console.log(
  JSON.stringify({
    url: `http://127.0.0.1:${port}`,
    seedSeconds,
    reports,
    tokens,
    portfolio: { id: portfolio.id, code: portfolio.code },
    projectId: org.projects[0]!.id,
    userId: org.users.find((u) => u.email === 'member@pharos.demo')?.id ?? org.users[3]!.id,
  } satisfies HealthTargetInfo),
);
const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
