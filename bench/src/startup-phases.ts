// Where a start's time goes: the steps of startServer (packages/server/src/server.ts), timed one
// by one in a fresh process on the data directory given in BENCH_DATA_DIR. Prints one JSON line.
export {};

const boot = performance.now(); // process start → this module running (Node + tsx loader)
const phases: Record<string, number> = { 'node + tsx boot': boot };
let last = boot;
const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
  const v = await fn();
  const now = performance.now();
  phases[name] = now - last;
  last = now;
  return v;
};
const server = await step('import @pharos/server', () => import('@pharos/server'));
const config = server.loadConfig({ NODE_ENV: 'development', PHAROS_LOG_LEVEL: 'warn' });
const database = await step('open the database', () =>
  server.openDatabase({ dataDir: process.env.BENCH_DATA_DIR ?? 'memory://' }),
);
await step('migrate', () => server.migrateDatabase(database));
const empty = await step('check for data', () => server.isEmpty(database.db));
if (empty) await step('seed the demo', () => server.seedDemo(database.db));
const app = await step('build the app', () => server.buildApp({ config, database }));
await step('listen + first /api/health', async () => {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  const res = await fetch(`http://127.0.0.1:${port}/api/health`);
  if (!res.ok) throw new Error(`health ${res.status}`);
});
const total = performance.now();
await app.close();
await database.close();
console.log(JSON.stringify({ empty, total, phases }));
