import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { type Database, openDatabase } from './db/connect';
import { migrateDatabase } from './db/migrate';
import { isEmpty, seedDemo } from './demo/seed';
import { buildApp } from './http/app';
import { type Jobs, startJobs } from './jobs/kinds';

export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  seeded: boolean;
  /** This process's background-job runner; null with PHAROS_JOBS=off. */
  jobs: Jobs | null;
  stop(): Promise<void>;
}

/**
 * Opens the database, applies migrations, seeds the demo organization where asked (on the first
 * start of an empty embedded database, or with --demo), listens, and starts the job runner (unless
 * PHAROS_JOBS=off). SIGTERM and SIGINT finish in-flight requests and running jobs, then close the
 * database cleanly.
 */
export async function startServer(
  config: Config,
  log: (line: string) => void = console.log,
): Promise<Running> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: config.poolSize,
  });
  let app: FastifyInstance | null = null;
  try {
    await migrateDatabase(database);
    const wantDemo = config.env !== 'production' && (config.demo ?? database.kind === 'pglite');
    let seeded = false;
    if (wantDemo && (await isEmpty(database.db))) {
      log('Creating the demo organization (first start)…');
      await seedDemo(database.db);
      seeded = true;
    }
    app = await buildApp({ config, database });
    await app.listen({ port: config.port, host: config.host }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE')
        throw new Error(
          `Port ${config.port} is already in use on ${config.host}: stop what uses it, or start Pharos with PORT=<another port>`,
        );
      throw err;
    });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const shownHost = ['0.0.0.0', '::', 'localhost'].includes(config.host) ? 'localhost' : config.host;
    const url = `http://${shownHost}:${port}`;
    const jobs = config.jobs ? await startJobs(config, database, app.log) : null;
    const running: Running = {
      app,
      database,
      url,
      seeded,
      jobs,
      stop: once(async () => {
        // Stop accepting, let in-flight requests and running jobs finish; keep-alive connections
        // that fall idle afterwards are closed at once rather than at their timeout.
        const sweep = setInterval(() => app!.server.closeIdleConnections(), 50);
        try {
          await Promise.all([app!.close(), jobs?.stop()]);
        } finally {
          clearInterval(sweep);
        }
        await database.close();
      }),
    };
    return running;
  } catch (err) {
    await app?.close().catch(() => {});
    await database.close();
    throw err;
  }
}

/** Stops cleanly on SIGTERM / SIGINT. */
export function stopOnSignals(running: Running, log: (line: string) => void = console.log) {
  const handler = (signal: string) => {
    log(`${signal} received: finishing in-flight requests and closing the database…`);
    running.stop().then(
      () => {
        log('Stopped cleanly.');
        process.exit(0);
      },
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => handler('SIGTERM'));
  process.once('SIGINT', () => handler('SIGINT'));
}

function once(fn: () => Promise<void>) {
  let p: Promise<void> | null = null;
  return () => {
    p ??= fn();
    return p;
  };
}
