// A Pharos process for processes.postgres.test.ts: the real start (settings from the environment, its
// DATABASE_URL a PostgreSQL database) plus two job kinds of the test's own. Tells its parent
// `{ ready }` once serving, and `{ holding: id }` when it holds a job it will never finish.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../config';
import { startServer, stopOnSignals } from '../server';
import type { JobContext } from './runner';

const name = process.env.PHAROS_TEST_PROCESS_NAME ?? String(process.pid);
const running = await startServer(loadConfig(process.env, { port: 0, host: '127.0.0.1' }), () => {});
stopOnSignals(running, () => {});

const record = (job: JobContext) =>
  job.commit((tx) =>
    tx.execute(
      sql`insert into job_runs (job_id, attempt, process) values (${job.id}, ${job.attempts}, ${name})`,
    ),
  );

running.jobs!.runner.handle('test.record', async (job) => {
  await new Promise((ok) => setTimeout(ok, 2)); // some work, so that both processes get a share
  await record(job);
});
// Its first attempt never ends: the test kills the process holding it.
running.jobs!.runner.handle('test.hang-first', async (job) => {
  if (job.attempts === 1) {
    process.send?.({ holding: job.id });
    await new Promise(() => {});
  }
  await record(job);
});
process.send?.({ ready: true });
