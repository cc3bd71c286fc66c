// The server the Gantt benchmark drives, in its own process: the demo organization on an
// in-memory PGlite, with the demo project manager's project holding a generated plan of
// GANTT_TASKS tasks (a chain every task follows, so an edit to the first cascades through all).
// Serves the built web app; prints one JSON line { url, projectId, tasks } once it listens.
import {
  buildApp,
  generatePlan,
  loadConfig,
  migrateDatabase,
  openDatabase,
  replaceWithDocument,
  seedDemo,
  systemCtx,
} from '@pharos/server';

const tasks = Number(process.env.GANTT_TASKS ?? 10_000);
const config = loadConfig({
  NODE_ENV: 'development',
  PHAROS_LOG_LEVEL: 'warn',
  PHAROS_DATA_DIR: 'memory://',
  PHAROS_LOGIN_ATTEMPTS_PER_MINUTE: '1000',
  HOST: '127.0.0.1',
  PORT: process.env.GANTT_PORT ?? '0',
  ...(process.env.PHAROS_WEB_DIST ? { PHAROS_WEB_DIST: process.env.PHAROS_WEB_DIST } : {}),
});
const database = await openDatabase({ dataDir: config.dataDir, poolSize: config.poolSize });
await migrateDatabase(database);
const org = await seedDemo(database.db);
// The demo project manager (pm@pharos.demo) manages the first project.
const project = org.projects[0]!;
await replaceWithDocument(systemCtx(config, database), project.id, generatePlan(tasks), 'generated');
const app = await buildApp({ config, database });
await app.listen({ port: config.port, host: config.host });
const addr = app.server.address();
const port = typeof addr === 'object' && addr ? addr.port : config.port;
console.log(JSON.stringify({ url: `http://127.0.0.1:${port}`, projectId: project.id, tasks }));

const stop = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
