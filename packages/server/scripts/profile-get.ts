// Starts Pharos on a fresh PostgreSQL database with the demo organization, for profiling one GET.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createToken } from '../src/auth/service';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/db/connect';
import { migrateDatabase } from '../src/db/migrate';
import { seedDemo } from '../src/demo/seed';
import { buildApp } from '../src/http/app';
import { systemCtx } from '../src/system';

const admin = process.env.PHAROS_TEST_DATABASE_URL!;
const name = `prof_${randomBytes(4).toString('hex')}`;
const c = new pg.Client(admin);
await c.connect();
await c.query(`create database ${name}`);
await c.end();
const url = new URL(admin);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString() });
await migrateDatabase(database);
const org = await seedDemo(database.db);
const config = loadConfig({ PHAROS_LOG_LEVEL: process.env.LOG ?? 'silent', NODE_ENV: 'test' });
const adminUser = org.users.find((u) => u.email === 'admin@pharos.demo')!;
const { token } = await createToken(systemCtx(config, database), adminUser.id, 'prof', null);
const app = await buildApp({ config, database });
await app.listen({ port: 3995, host: '127.0.0.1' });
console.log(`READY ${token} ${org.projects[0]!.id}`);
process.on('SIGINT', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
