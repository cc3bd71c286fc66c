import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataDir } from './lock';
import * as schema from './schema/index';

export type Db = NodePgDatabase<typeof schema>;
/** A transaction or the database itself: what repositories take. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory, memory, or the server (password hidden). */
  location: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — use a PostgreSQL server. */
  databaseUrl?: string | undefined;
  /** Embedded database directory, or 'memory://' for a throw-away one. */
  dataDir?: string | undefined;
  poolSize?: number;
}

// Dates as calendar strings, never shifted by a time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts (count(*)) as numbers: they never exceed 2^53 here.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

function wrap(pool: pg.Pool, kind: Database['kind'], location: string, close: () => Promise<void>): Database {
  return { db: drizzle({ client: pool, schema, casing: 'snake_case' }), pool, kind, location, close };
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    await pool.query('select 1'); // fail now, with the server's message, if it is unreachable
    const url = new URL(opts.databaseUrl);
    url.password = url.password ? '****' : '';
    return wrap(pool, 'postgres', url.toString(), () => pool.end());
  }
  return openEmbedded(opts.dataDir ?? './data');
}

async function openEmbedded(dataDir: string): Promise<Database> {
  const memory = dataDir.startsWith('memory://');
  const dir = memory ? dataDir : resolve(dataDir);
  const unlock = memory ? () => {} : lockDataDir(dir);
  const socketDir = mkdtempSync(join(tmpdir(), 'pharos-pg-'));
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: memory ? 'memory://' : dir, socketPath: join(socketDir, '.s.PGSQL.5432') },
  });
  try {
    await new Promise<void>((ok, fail) => {
      worker.once('message', (m: { type: string; message?: string }) =>
        m.type === 'ready'
          ? ok()
          : fail(new Error(`Could not open the embedded database in ${dir}: ${m.message}`)),
      );
      worker.once('error', fail);
    });
  } catch (err) {
    await worker.terminate();
    unlock();
    throw err;
  }
  // PGlite is one connection: a pool of one serializes every query and transaction, so two
  // requests can never interleave inside one transaction.
  const pool = new pg.Pool({
    host: socketDir,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    connectionTimeoutMillis: 60_000,
  });
  let closed = false;
  return wrap(pool, 'pglite', memory ? 'memory' : dir, async () => {
    if (closed) return;
    closed = true;
    await pool.end();
    await new Promise<void>((ok) => {
      worker.once('message', () => ok());
      worker.postMessage({ type: 'close' });
    });
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
    unlock();
  });
}
