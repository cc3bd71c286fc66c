import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withChildren } from './cpu';

/** A free loopback TCP port (asks the kernel for one, then releases it). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => ok(port));
    });
  });
}

export interface Cluster {
  url: string;
  version: string;
  /** The postmaster and its backends, for CPU accounting. */
  pids(): number[];
  stop(): void;
}

function binDir(): string {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base)
    ? execFileSync('ls', [base])
        .toString()
        .split('\n')
        .filter(Boolean)
        .map(Number)
        .sort((a, b) => b - a)
    : [];
  const dir = versions.length ? join(base, String(versions[0]), 'bin') : '';
  if (!dir || !existsSync(join(dir, 'pg_ctl')))
    throw new Error('PostgreSQL server binaries not found: apt-get update && apt-get install -y postgresql');
  return dir;
}

const asPostgres = (bin: string, args: string[]) => {
  const r = spawnSync('runuser', ['-u', 'postgres', '--', bin, ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
};

/**
 * Starts a throw-away PostgreSQL cluster, owned by the postgres user, in a temporary directory on
 * a free loopback port. `stop()` stops it and deletes the directory.
 */
export async function startCluster(log: (line: string) => void): Promise<Cluster> {
  const bin = binDir();
  const dir = mkdtempSync(join(tmpdir(), 'pharos-bench-pg-'));
  chownSync(
    dir,
    Number(execFileSync('id', ['-u', 'postgres']).toString()),
    Number(execFileSync('id', ['-g', 'postgres']).toString()),
  );
  const data = join(dir, 'data');
  const port = await freePort();
  let started = false;
  const stop = () => {
    if (started) {
      spawnSync(
        'runuser',
        ['-u', 'postgres', '--', join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop'],
        {
          stdio: 'ignore',
        },
      );
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    const opts = [
      `-p ${port}`,
      '-c listen_addresses=127.0.0.1',
      `-c unix_socket_directories=${dir}`,
      '-c max_connections=200',
    ].join(' ');
    asPostgres(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-o',
      opts,
      '-l',
      join(dir, 'log'),
      '-w',
      '-t',
      '60',
      'start',
    ]);
    started = true;
  } catch (err) {
    const logFile = join(dir, 'log');
    if (existsSync(logFile)) log(readFileSync(logFile, 'utf8').slice(-2000));
    stop();
    throw err;
  }
  const version = asPostgres(join(bin, 'postgres'), ['--version']).trim();
  log(`${version} started on 127.0.0.1:${port} (data in ${data}; default settings, fsync on)`);
  const pids = () => {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return withChildren(pid);
  };
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, version, pids, stop };
}
