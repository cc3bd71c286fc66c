#!/usr/bin/env node
// A throw-away PostgreSQL cluster for tests, from Debian's server binaries
// (/usr/lib/postgresql/<version>/bin). Used by scripts/test.mjs; also runnable on its own:
//   node scripts/pg-test-server.mjs [port]   → prints PHAROS_TEST_DATABASE_URL, stops on Ctrl+C
// The cluster lives in a temp dir (data, unix socket, log), listens on 127.0.0.1 only with trust
// auth and fsync off, and is deleted when stopped. As root, initdb and pg_ctl run as `postgres`.
import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The newest PostgreSQL server install found, or null: `{ version, bin }`. */
export function findPostgres(base = '/usr/lib/postgresql') {
  let versions = [];
  try {
    versions = readdirSync(base).filter((v) => /^\d+(\.\d+)?$/.test(v));
  } catch {
    return null;
  }
  versions.sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const bin = join(base, version, 'bin');
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return { version, bin };
  }
  return null;
}

function userIds(name) {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL binary, as the `postgres` user when we are root. Throws with its output on failure. */
function pgRun(bin, args, cwd) {
  const [cmd, argv] = isRoot
    ? existsSync('/usr/sbin/runuser') || existsSync('/sbin/runuser')
      ? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
      : [
          'su',
          [
            'postgres',
            '-s',
            '/bin/sh',
            '-c',
            [bin, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' '),
          ],
        ]
    : [bin, args];
  const res = spawnSync(cmd, argv, {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  if (res.error) throw new Error(`${cmd} ${argv.join(' ')}: ${res.error.message}`);
  if (res.status !== 0) {
    const out = `${res.stdout ?? ''}${res.stderr ?? ''}`.trim();
    throw new Error(`${[bin, ...args].join(' ')} exited with code ${res.status}${out ? `:\n${out}` : ''}`);
  }
  return res.stdout;
}

/**
 * initdb's a cluster in a new temp dir and starts it on 127.0.0.1:`port`.
 * Returns `{ url, dir, stopSync() }`; `url` is a superuser connection to database `postgres`.
 */
export async function startCluster(pg, { port, log = () => {} }) {
  const dir = mkdtempSync(join(tmpdir(), 'pharos-pg-'));
  const data = join(dir, 'data');
  const sock = join(dir, 'sock');
  const logFile = join(dir, 'postgres.log');
  mkdirSync(sock);
  if (isRoot) {
    const ids = userIds('postgres');
    if (!ids) {
      rmSync(dir, { recursive: true, force: true });
      throw new Error('running as root, but there is no `postgres` user to run PostgreSQL as');
    }
    chownSync(dir, ids.uid, ids.gid);
    chownSync(sock, ids.uid, ids.gid);
  }
  let running = false;
  const stopSync = () => {
    if (running) {
      running = false;
      try {
        pgRun(join(pg.bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop'], dir);
      } catch (err) {
        console.error(`Stopping PostgreSQL: ${err.message}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    log(`initdb ${data}`);
    pgRun(
      join(pg.bin, 'initdb'),
      ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
      dir,
    );
    const opts = [
      `-p ${port}`,
      `-k ${sock}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c max_connections=200',
    ].join(' ');
    log(`pg_ctl start (port ${port})`);
    running = true;
    try {
      pgRun(join(pg.bin, 'pg_ctl'), ['-D', data, '-l', logFile, '-w', '-t', '60', '-o', opts, 'start'], dir);
    } catch (err) {
      let tail = '';
      try {
        tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
      } catch {}
      throw new Error(`${err.message}${tail ? `\n--- server log ---\n${tail}` : ''}`);
    }
  } catch (err) {
    stopSync();
    throw err;
  }
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stopSync };
}

async function main() {
  const pg = findPostgres();
  if (!pg) {
    console.error('PostgreSQL server binaries not found. Install them with: apt-get install postgresql');
    process.exit(1);
  }
  const port = Number(process.argv[2] ?? 55432);
  const cluster = await startCluster(pg, { port, log: (l) => console.log(l) });
  process.on('exit', () => cluster.stopSync());
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => process.exit(0));
  console.log(`\nPostgreSQL ${pg.version} running (data in ${cluster.dir}).`);
  console.log(`PHAROS_TEST_DATABASE_URL=${cluster.url}`);
  console.log('Stop with Ctrl+C (the cluster is deleted).');
  setInterval(() => {}, 1 << 30);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
