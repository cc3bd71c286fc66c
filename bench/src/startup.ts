import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench } from './bench';
import { freePort } from './postgres';
import { median, round, sleep } from './stats';

const ROOT = new URL('../../', import.meta.url).pathname;
const CLI = join(ROOT, 'packages/cli/bin/pharos.mjs');
const FIRST_TARGET_S = 30;
const LATER_TARGET_S = 5;
const GIVE_UP_MS = 180_000;

interface Start {
  seconds: number;
  /** What the server itself printed: "ready in N s". */
  reported: number | null;
}

/** Spawns `pharos serve` on `dir`, polls /api/health until 200, then stops it with SIGTERM. */
async function timeStart(dir: string): Promise<Start> {
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(
    process.execPath,
    [CLI, '--data-dir', dir, 'serve', '--port', String(port), '--host', '127.0.0.1'],
    {
      cwd: ROOT,
      env: { ...cleanEnv(), NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  proc.stdout!.on('data', (d) => (output += d));
  proc.stderr!.on('data', (d) => (output += d));
  try {
    for (let i = 0; ; i++) {
      if (proc.exitCode !== null)
        throw new Error(`pharos serve exited (${proc.exitCode}):\n${output.slice(-2000)}`);
      if (performance.now() - t0 > GIVE_UP_MS || i > GIVE_UP_MS / 25)
        throw new Error(`not ready after ${GIVE_UP_MS / 1000} s:\n${output.slice(-2000)}`);
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`, {
        signal: AbortSignal.timeout(2000),
      }).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      await sleep(25);
    }
    const seconds = round((performance.now() - t0) / 1000, 2);
    await sleep(200); // let the "ready in" line arrive
    const m = /ready in ([\d.]+) s/.exec(output);
    return { seconds, reported: m ? Number(m[1]) : null };
  } finally {
    await stop(proc);
  }
}

/** The environment of a plain `npm start`: no database URL or Pharos settings inherited. */
function cleanEnv() {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !k.startsWith('PHAROS_') && k !== 'DATABASE_URL' && k !== 'PORT',
    ),
  );
}

async function stop(proc: ChildProcess) {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise((ok) => proc.once('exit', ok));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}

/** Runs ./startup-phases.ts on `dir` and returns its timings. */
function phasesOf(dir: string): Promise<{ empty: boolean; total: number; phases: Record<string, number> }> {
  return new Promise((ok, fail) => {
    const proc = spawn(
      process.execPath,
      ['--import', 'tsx', new URL('./startup-phases.ts', import.meta.url).pathname],
      {
        cwd: ROOT,
        env: { ...cleanEnv(), BENCH_DATA_DIR: dir },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    proc.stdout!.on('data', (d) => (out += d));
    const timer = setTimeout(() => proc.kill('SIGKILL'), GIVE_UP_MS);
    proc.once('exit', (code) => {
      clearTimeout(timer);
      const line = out.trim().split('\n').at(-1) ?? '';
      if (code === 0 && line.startsWith('{')) ok(JSON.parse(line));
      else fail(new Error(`startup-phases exited ${code}: ${out.slice(-500)}`));
    });
  });
}

/** Diagnostic: the steps of a first and of a later start, timed apart. */
async function startupPhases(bench: Bench) {
  const dir = mkdtempSync(join(tmpdir(), 'pharos-bench-phases-'));
  try {
    const first = await phasesOf(dir);
    const later = await phasesOf(dir);
    bench.raw['startup phases'] = { first, later };
    const names = [...new Set([...Object.keys(first.phases), ...Object.keys(later.phases)])];
    const cell = (r: typeof first, n: string) =>
      r.phases[n] === undefined ? '—' : `${(r.phases[n]! / 1000).toFixed(2)} s`;
    bench.diagnostics.push(
      [
        '### Where a start goes (the steps of startServer, timed in a fresh process)',
        '',
        '| Step | First start | Later start |',
        '| --- | --- | --- |',
        ...names.map((n) => `| ${n} | ${cell(first, n)} | ${cell(later, n)} |`),
        `| total | ${(first.total / 1000).toFixed(2)} s | ${(later.total / 1000).toFixed(2)} s |`,
        '',
      ].join('\n'),
    );
    console.log(
      `  phases, first start: ${names.map((n) => `${n} ${cell(first, n)}`).join(', ')}\n` +
        `  phases, later start: ${names.map((n) => `${n} ${cell(later, n)}`).join(', ')}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function startupBench(bench: Bench) {
  const runs = bench.opts.startupRuns;
  console.log(`\n[startup] node packages/cli/bin/pharos.mjs --data-dir <tmp> serve, ${runs} runs each`);
  const first: Start[] = [];
  const later: Start[] = [];
  const dirs: string[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'pharos-bench-start-'));
      dirs.push(dir);
      first.push(await timeStart(dir));
      console.log(`  first start on an empty directory: ${first.at(-1)!.seconds} s`);
    }
    for (let i = 0; i < runs; i++) {
      later.push(await timeStart(dirs[0]!));
      console.log(`  later start: ${later.at(-1)!.seconds} s`);
    }
  } finally {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
  bench.raw.startup = { first, later };
  const text = (xs: Start[]) => {
    const own = xs.map((x) => x.reported).filter((x): x is number => x !== null);
    return `${median(xs.map((x) => x.seconds)).toFixed(2)} s median of ${xs.map((x) => x.seconds.toFixed(2)).join(', ')}${own.length ? ` (server's own "ready in": ${median(own).toFixed(1)} s)` : ''}`;
  };
  const f = median(first.map((x) => x.seconds));
  const l = median(later.map((x) => x.seconds));
  bench.row('startup', {
    figure: 'First start on an empty directory (demo seeded), process spawn → /api/health 200',
    db: 'PGlite',
    measured: text(first),
    target: `≤ ${FIRST_TARGET_S} s`,
    pass: f <= FIRST_TARGET_S,
  });
  bench.row('startup', {
    figure: 'Later start on the same directory',
    db: 'PGlite',
    measured: text(later),
    target: `≤ ${LATER_TARGET_S} s`,
    pass: l <= LATER_TARGET_S,
  });
  if (bench.opts.profile) await startupPhases(bench);
}
