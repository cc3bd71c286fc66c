#!/usr/bin/env node
// `npm test`: the whole suite, in passes.
//   1. pglite    — vitest on in-memory PGlite
//   2. postgres  — vitest again against a PostgreSQL server (PHAROS_TEST_DATABASE_URL, or a
//                  throw-away cluster started here from Debian's server binaries)
//   3. browser   — Playwright (e2e/) driving Debian's Chromium
// Prints a summary and ends with one line `N passed, N failed[, N skipped]`.
// Exits non-zero when anything failed, or — with CI set — when PostgreSQL or Chromium is missing.
// `npm test -- --only=postgres packages/server` runs one pass over some files (arguments other than
// --only= are vitest filters). Plain Node, no dependencies.
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgres, startCluster } from './pg-test-server.mjs';
import { ensureWebBuilt, root } from './start.mjs';

const inCI = /^(1|true|yes)$/i.test(process.env.CI ?? '');

// `npm test -- [--only=pglite,postgres,browser] [vitest filters…]`: by default every pass, every file.
const args = process.argv.slice(2);
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : null;
const vitestFilters = args.filter((a) => a !== onlyArg);
const wanted = (pass) => !only || only.has(pass);
const work = mkdtempSync(join(tmpdir(), 'pharos-test-'));
const results = [];
const children = new Set();
const cleanups = [];
let interrupted = false;

// ---------------------------------------------------------------------------------------------
// Child processes: each in its own process group, so stopping one stops everything it started.

function run(label, cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', detached: true, ...opts });
    children.add(child);
    child.on('error', (err) => {
      console.error(`[${label}] could not start ${cmd}: ${err.message}`);
      children.delete(child);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

function killChildren(signal) {
  for (const c of children) {
    try {
      process.kill(-c.pid, signal);
    } catch {}
  }
}

function cleanup() {
  killChildren('SIGKILL');
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      fn();
    } catch (err) {
      console.error(`cleanup: ${err.message}`);
    }
  }
  rmSync(work, { recursive: true, force: true });
}

process.on('exit', cleanup);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${sig} received: stopping the test run…`);
    killChildren('SIGTERM');
    setTimeout(() => process.exit(130), 3000).unref();
    // exit as soon as the children are gone
    const poll = setInterval(() => {
      if (children.size === 0) {
        clearInterval(poll);
        console.error('Test run interrupted.');
        process.exit(130);
      }
    }, 100);
  });
}

// ---------------------------------------------------------------------------------------------
// Passes

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function banner(text) {
  console.log(`\n${'═'.repeat(8)} ${text} ${'═'.repeat(Math.max(4, 90 - text.length))}\n`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** Runs the vitest suite once; `env` is added to the environment. */
async function vitestPass(name, env) {
  banner(`vitest — ${name}`);
  const out = join(work, `vitest-${name}.json`);
  const vitest = join(root, 'node_modules/vitest/vitest.mjs');
  const started = Date.now();
  const code = await run(
    name,
    process.execPath,
    [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...vitestFilters],
    { cwd: root, env: { ...process.env, ...env } },
  );
  const ms = Date.now() - started;
  const report = readJson(out);
  const r = { name, ms, passed: 0, failed: 0, skipped: 0, notes: [] };
  if (report) {
    r.passed = report.numPassedTests ?? 0;
    r.failed = report.numFailedTests ?? 0;
    r.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    // A test file that fails to load reports no failed test; count it as one failure.
    for (const f of report.testResults ?? []) {
      const failedInside = (f.assertionResults ?? []).some((a) => a.status === 'failed');
      if (f.status === 'failed' && !failedInside) {
        r.failed += 1;
        const why =
          (f.message ?? '').trim().split('\n')[0] || 'an error in a hook or while loading (see above)';
        r.notes.push(`${f.name.replace(root, '')} failed to run: ${why}`);
      }
    }
  }
  if (code !== 0 && r.failed === 0) {
    r.failed = 1;
    r.notes.push(`vitest exited with code ${code}${report ? '' : ' without writing its report'}`);
  }
  results.push(r);
}

/** Finds a free TCP port on the loopback interface. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function postgresPass() {
  const given = process.env.PHAROS_TEST_DATABASE_URL;
  if (given) {
    console.log(
      `\nPostgreSQL: using PHAROS_TEST_DATABASE_URL (${given.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@')})`,
    );
    return vitestPass('postgres', { PHAROS_TEST_DATABASE_URL: given });
  }
  const pg = findPostgres();
  if (!pg) {
    results.push({
      name: 'postgres',
      missing: 'PostgreSQL',
      message:
        'PostgreSQL server binaries not found (looked for /usr/lib/postgresql/*/bin/initdb and pg_ctl). ' +
        'Install them with `apt-get install postgresql`, or set PHAROS_TEST_DATABASE_URL=postgres://… ' +
        '(a user who may CREATE DATABASE).',
    });
    return;
  }
  banner(`PostgreSQL ${pg.version} — throw-away cluster`);
  const started = Date.now();
  let cluster;
  try {
    cluster = await startCluster(pg, { port: await freePort(), log: (l) => console.log(l) });
  } catch (err) {
    results.push({
      name: 'postgres',
      ms: Date.now() - started,
      passed: 0,
      failed: 1,
      skipped: 0,
      notes: [`could not start PostgreSQL: ${err.message}`],
    });
    return;
  }
  cleanups.push(() => cluster.stopSync());
  console.log(`PostgreSQL ready at ${cluster.url} in ${seconds(Date.now() - started)}`);
  await vitestPass('postgres', { PHAROS_TEST_DATABASE_URL: cluster.url });
  cluster.stopSync();
}

function findChromium() {
  const candidates = process.env.PHAROS_CHROMIUM ? [process.env.PHAROS_CHROMIUM] : ['/usr/bin/chromium'];
  for (const c of candidates) {
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {}
  }
  return null;
}

async function browserPass() {
  const chromium = findChromium();
  if (!chromium) {
    results.push({
      name: 'browser',
      missing: 'Chromium',
      message: process.env.PHAROS_CHROMIUM
        ? `Chromium not found at PHAROS_CHROMIUM=${process.env.PHAROS_CHROMIUM} (not an executable file). ` +
          'Install Chromium with `apt-get install chromium`, or unset PHAROS_CHROMIUM to use /usr/bin/chromium.'
        : 'Chromium not found at /usr/bin/chromium. Install it with `apt-get install chromium` ' +
          '(or point PHAROS_CHROMIUM at a Chromium binary).',
    });
    return;
  }
  banner(`Playwright — browser tests (${chromium})`);
  const started = Date.now();
  const r = { name: 'browser', ms: 0, passed: 0, failed: 0, skipped: 0, notes: [] };
  results.push(r);
  try {
    await ensureWebBuilt();
  } catch (err) {
    r.failed = 1;
    r.notes.push(err.message);
    r.ms = Date.now() - started;
    return;
  }
  const out = join(work, 'playwright.json');
  const cli = join(root, 'node_modules/@playwright/test/cli.js');
  const code = await run('browser', process.execPath, [cli, 'test', '--reporter=list,json'], {
    cwd: join(root, 'e2e'),
    env: {
      ...process.env,
      PHAROS_CHROMIUM: chromium,
      PLAYWRIGHT_JSON_OUTPUT_FILE: out,
      FORCE_COLOR: process.stdout.isTTY ? '1' : '0',
    },
  });
  r.ms = Date.now() - started;
  const report = readJson(out);
  if (report?.stats) {
    r.passed = (report.stats.expected ?? 0) + (report.stats.flaky ?? 0);
    r.failed = report.stats.unexpected ?? 0;
    r.skipped = report.stats.skipped ?? 0;
    if (report.stats.flaky) r.notes.push(`${report.stats.flaky} flaky (passed on retry)`);
    for (const e of report.errors ?? []) r.notes.push((e.message ?? String(e)).split('\n')[0]);
  }
  if (code !== 0 && r.failed === 0) {
    r.failed = 1;
    r.notes.push(`playwright exited with code ${code}${report ? '' : ' without writing its report'}`);
  }
  if (r.failed) r.notes.push('screenshots and traces of failures: e2e/test-results/');
}

// ---------------------------------------------------------------------------------------------

/** After an interruption the signal handler exits; the passes must not go on meanwhile. */
const halt = () => new Promise(() => {});

const t0 = Date.now();
if (wanted('pglite')) await vitestPass('pglite', { PHAROS_TEST_DATABASE_URL: '' });
if (interrupted) await halt();
if (wanted('postgres')) await postgresPass();
if (interrupted) await halt();
if (wanted('browser')) await browserPass();
if (interrupted) await halt();
if (only) console.log(`\nOnly these passes ran: ${[...only].join(', ')}.`);

banner('Summary');
let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];
for (const r of results) {
  if (r.missing) {
    console.log(`  ${r.name.padEnd(9)} ${inCI ? 'FAILED ' : 'skipped'} — ${r.message}`);
    problems.push(r);
    continue;
  }
  passed += r.passed;
  failed += r.failed;
  skipped += r.skipped;
  const counts = `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
  console.log(`  ${r.name.padEnd(9)} ${counts.padEnd(36)} ${seconds(r.ms)}`);
  for (const n of r.notes) console.log(`            · ${n}`);
}
console.log(`  total time ${seconds(Date.now() - t0)}`);
if (problems.length && inCI) {
  console.log(
    `\nCI is set, so nothing may skip: ${problems.map((p) => p.missing).join(' and ')} ` +
      `${problems.length > 1 ? 'are' : 'is'} missing.`,
  );
}
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || (inCI && problems.length > 0) ? 1 : 0;
