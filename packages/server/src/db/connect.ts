import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { lockDataDir } from './lock';
import { announceOnServer, CHANGES_CHANNEL, ReadCache } from './read-cache';
import * as schema from './schema/index';

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction or the database itself: what repositories take. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  pool: pg.Pool;
  kind: 'pglite' | 'postgres';
  /** Where the data lives, for messages: a directory, memory, or the server (password hidden). */
  location: string;
  /** Tells every Pharos process on this database (this one included) about a change. */
  notify(channel: string, payload: string): Promise<void>;
  /** Hears `notify` from every Pharos process on this database. */
  listen(channel: string, fn: (payload: string) => void): Promise<void>;
  /** Reads remembered until the next write (in any Pharos process on this database). */
  reads: ReadCache;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — use a PostgreSQL server. */
  databaseUrl?: string | undefined;
  /** Embedded database directory, or 'memory://' for a throw-away one. */
  dataDir?: string | undefined;
  poolSize?: number;
  /**
   * Longest a statement may run on a PostgreSQL server (ms; 0 = no limit). PGlite, in
   * WebAssembly, has no timer signal to stop a running statement, so it is not applied there.
   */
  statementTimeoutMs?: number;
}

/** Bounds every statement of the pool's connections, set before a connection is handed out. */
const statementLimit = (ms: number | undefined) =>
  ms ? (client: pg.ClientBase) => client.query(`set statement_timeout = ${Math.round(ms)}`) : undefined;

// Dates as calendar strings, never shifted by a time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
// bigint counts (count(*)) as numbers: they never exceed 2^53 here.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** The embedded database serves one process: notifications stay in it. */
function localChannels() {
  const handlers = new Map<string, ((payload: string) => void)[]>();
  return {
    notify: async (channel: string, payload: string) => {
      for (const fn of handlers.get(channel) ?? []) fn(payload);
    },
    listen: async (channel: string, fn: (payload: string) => void) => {
      handlers.set(channel, [...(handlers.get(channel) ?? []), fn]);
    },
  };
}

/**
 * PostgreSQL's LISTEN/NOTIFY, on one dedicated connection for all channels. If the server drops
 * that connection (a restart, a failover), it reconnects and listens again.
 */
function serverChannels(connectionString: string) {
  let client: Promise<pg.Client> | null = null;
  let closed = false;
  const handlers = new Map<string, ((payload: string) => void)[]>();
  const connect = async (): Promise<pg.Client> => {
    const c = new pg.Client({ connectionString });
    c.on('notification', (n) => {
      for (const h of handlers.get(n.channel) ?? []) h(n.payload ?? '');
    });
    c.on('error', () => {
      client = null;
      if (!closed) setTimeout(() => void reconnect(), 1000);
    });
    await c.connect();
    for (const channel of handlers.keys()) await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    listening = new Set(handlers.keys());
    return c;
  };
  // LISTEN statements go one at a time: a pg client runs one query at a time.
  let listening = new Set<string>();
  let queue: Promise<unknown> = Promise.resolve();
  const reconnect = async () => {
    if (closed || client) return;
    client = connect();
    await client.catch(() => {
      client = null;
      if (!closed) setTimeout(() => void reconnect(), 1000);
    });
  };
  return {
    channels: {
      notify: async (channel: string, payload: string, pool?: pg.Pool) => {
        await pool?.query('select pg_notify($1, $2)', [channel, payload]);
      },
      listen: async (channel: string, fn: (payload: string) => void) => {
        const isNew = !handlers.has(channel);
        handlers.set(channel, [...(handlers.get(channel) ?? []), fn]);
        client ??= connect();
        const c = await client;
        if (!isNew) return;
        queue = queue.then(async () => {
          if (listening.has(channel)) return;
          await c.query(`listen ${pg.escapeIdentifier(channel)}`);
          listening.add(channel);
        });
        await queue;
      },
    },
    close: async () => {
      closed = true;
      const c = await client?.catch(() => null);
      client = null;
      await c?.end().catch(() => {});
    },
  };
}

/**
 * An idle pooled connection the server closes (a restart, an administrator) emits an error; the
 * pool replaces the connection, and without a listener the error would end the process.
 */
function survivePoolErrors(pool: pg.Pool) {
  pool.on('error', (err) => {
    console.warn(
      `database connection lost (${(err as { code?: string }).code ?? err.message}); it will be replaced`,
    );
  });
}

async function wrap(
  pool: pg.Pool,
  kind: Database['kind'],
  location: string,
  close: () => Promise<void>,
  channels: Pick<Database, 'notify' | 'listen'> = localChannels(),
): Promise<Database> {
  // The embedded database serves this process alone: nobody else needs telling.
  const reads = new ReadCache(kind === 'postgres' ? announceOnServer : null);
  if (kind === 'postgres') await channels.listen(CHANGES_CHANNEL, (origin) => reads.heard(origin));
  return {
    db: drizzle({ client: pool, schema, casing: 'snake_case' }),
    pool,
    kind,
    location,
    close,
    reads,
    ...channels,
  };
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      onConnect: statementLimit(opts.statementTimeoutMs),
    });
    survivePoolErrors(pool);
    await pool.query('select 1'); // fail now, with the server's message, if it is unreachable
    const url = new URL(opts.databaseUrl);
    url.password = url.password ? '****' : '';
    const server = serverChannels(opts.databaseUrl);
    const channels = {
      notify: (channel: string, payload: string) => server.channels.notify(channel, payload, pool),
      listen: server.channels.listen,
    };
    return wrap(
      pool,
      'postgres',
      url.toString(),
      async () => {
        await server.close();
        await pool.end();
      },
      channels,
    );
  }
  return openEmbedded(opts.dataDir ?? './data');
}

/**
 * Files for `COPY … FROM 'path'` on an embedded database: bytes handed to its worker, written into
 * PGlite's own file system (in memory) and read there by the server, rather than sent through the
 * Postgres protocol: PGlite's socket server ends the connection at the first CopyData of a
 * `COPY … FROM STDIN` (see docs/performance.md).
 */
export interface StagedFiles {
  /** Writes `bytes` to a new file; returns its path. Their buffer is given up (moved to the worker). */
  stage(bytes: Uint8Array): Promise<string>;
  /** Removes a file `stage` wrote. */
  unstage(path: string): void;
}

/** The embedded databases of this process by the id each tells in `pharos.embedded`. */
const embedded = new Map<string, StagedFiles>();

/**
 * The staged files of the embedded database a connection or transaction reaches, or undefined
 * (a PostgreSQL server). `id` is `current_setting('pharos.embedded', true)` read through it.
 */
export const stagedFilesOf = (id: unknown): StagedFiles | undefined =>
  typeof id === 'string' ? embedded.get(id) : undefined;

async function openEmbedded(dataDir: string): Promise<Database> {
  const memory = dataDir.startsWith('memory://');
  const dir = memory ? dataDir : resolve(dataDir);
  const unlock = memory ? () => {} : lockDataDir(dir);
  const socketDir = mkdtempSync(join(tmpdir(), 'pharos-pg-'));
  const id = randomUUID();
  const worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), {
    workerData: { dataDir: memory ? 'memory://' : dir, socketPath: join(socketDir, '.s.PGSQL.5432'), id },
  });
  // Replies to `stage` by sequence number; `closed` ends `close`.
  const waiting = new Map<number, { ok: () => void; fail: (err: Error) => void }>();
  let closedReply: (() => void) | undefined;
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
  worker.on('message', (m: { type: string; seq?: number; error?: string }) => {
    if (m.type === 'closed') closedReply?.();
    if (m.type !== 'staged') return;
    const w = waiting.get(m.seq!);
    waiting.delete(m.seq!);
    if (m.error) w?.fail(new Error(`Could not stage a file for the embedded database: ${m.error}`));
    else w?.ok();
  });
  worker.on('exit', () => {
    for (const w of waiting.values()) w.fail(new Error('The embedded database stopped'));
    waiting.clear();
  });
  let seq = 0;
  embedded.set(id, {
    stage: (bytes) => {
      const n = ++seq;
      const path = `/tmp/pharos-copy-${n}`;
      return new Promise<string>((ok, fail) => {
        waiting.set(n, { ok: () => ok(path), fail });
        // Moved, not copied, but for a buffer small enough to be a slice of Node's shared pool.
        const own = bytes.buffer instanceof ArrayBuffer && bytes.buffer.byteLength > Buffer.poolSize;
        worker.postMessage({ type: 'stage', seq: n, path, bytes }, own ? [bytes.buffer] : []);
      });
    },
    unstage: (path) => worker.postMessage({ type: 'unstage', path }),
  });
  // PGlite is one connection: a pool of one serializes every query and transaction, so two
  // requests can never interleave inside one transaction.
  const pool = new pg.Pool({
    host: socketDir,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    connectionTimeoutMillis: 60_000,
    idleTimeoutMillis: 0, // keep the one connection
    // Every connection reaches the same PGlite backend, which outlives it: a new connection starts
    // by dropping the prepared statements an earlier one left, or preparing them again would fail.
    onConnect: (client) => client.query('deallocate all'),
  });
  survivePoolErrors(pool);
  let closed = false;
  return wrap(pool, 'pglite', memory ? 'memory' : dir, async () => {
    if (closed) return;
    closed = true;
    embedded.delete(id);
    await pool.end();
    await new Promise<void>((ok) => {
      closedReply = ok;
      worker.postMessage({ type: 'close' });
    });
    await worker.terminate();
    rmSync(socketDir, { recursive: true, force: true });
    unlock();
  });
}
