// Health roll-ups and the executive dashboard at scale (issue 4): 10,000 projects with 52 weekly
// status reports each, on PGlite and on PostgreSQL, each in a Pharos server process of its own
// (./health-server.ts). Measured: the dashboard (the executive, the whole organization) and a
// portfolio's roll-up (its portfolio manager) at 20 clients; the same right after a write (when
// the server has forgotten what it read) one request at a time; and the dashboard at 20 clients
// while a project is changed every second.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Bench, dbName, latencyText } from './bench';
import { serveChild } from './browser';
import type { CpuGroups } from './cpu';
import type { HealthTargetInfo, HealthTargetSpec } from './health-server';
import { ms } from './report';
import { summarize } from './stats';
import { cleanupLater, type Kind, log } from './target';

const TARGET_P95 = 150;
const CLIENTS = 20;

interface HealthServer extends HealthTargetInfo {
  child: ChildProcess;
  cpu: CpuGroups;
}

async function start(bench: Bench, kind: Kind): Promise<HealthServer> {
  const spec: HealthTargetSpec = { size: bench.opts.size };
  let cpu: CpuGroups = { loadgen: () => [process.pid] };
  if (kind === 'postgres') {
    const cluster = await bench.targets.postgres();
    const name = `pharos_health_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    spec.databaseUrl = url.toString();
    cpu = { ...cpu, postgres: () => cluster.pids() };
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'pharos-bench-health-'));
    cleanupLater(() => rmSync(dir, { recursive: true, force: true }));
    spec.dataDir = dir;
  }
  log(
    `[${kind}] health: starting a server, seeding ${spec.size.projects} projects with a year of weekly reports`,
  );
  const s = await serveChild<HealthTargetInfo>('health-server.ts', { HEALTH_TARGET: JSON.stringify(spec) });
  cleanupLater(
    () =>
      new Promise<void>((done) => {
        if (s.child.exitCode !== null) return done();
        s.child.once('exit', () => done());
        s.child.kill('SIGTERM');
      }),
  );
  log(`[${kind}] health: ${s.reports.toLocaleString('en-US')} reports; seeded in ${s.seedSeconds ?? '—'} s`);
  return { ...s, cpu: { ...cpu, server: () => [s.child.pid!] } };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/**
 * Changes a project's description, or a person's title (a real write: every process forgets what
 * it had read; a project is among what the roll-ups read, a person is not); one at a time.
 */
function writer(s: HealthServer, what: 'project' | 'person' = 'project') {
  let version: number | null = null;
  let n = 0;
  let busy: Promise<void> = Promise.resolve();
  const headers = { ...bearer(s.tokens.admin), 'content-type': 'application/json' };
  const url =
    what === 'project' ? `${s.url}/api/v1/projects/${s.projectId}` : `${s.url}/api/v1/users/${s.userId}`;
  const change = () =>
    what === 'project'
      ? { description: `Changed by the health benchmark (${++n})` }
      : { title: `Benchmark title ${++n}` };
  const once = async (): Promise<void> => {
    version ??= ((await (await fetch(url, { headers })).json()) as { version: number }).version;
    const res = await fetch(url, {
      method: 'PATCH',
      headers,
      body: JSON.stringify({ version, ...change() }),
    });
    if (res.status === 409) {
      version = null; // someone else changed it: read it again
      return once();
    }
    if (!res.ok) throw new Error(`PATCH ${what}: ${res.status} ${await res.text()}`);
    version = ((await res.json()) as { version: number }).version;
  };
  return () => {
    busy = busy.then(once);
    return busy;
  };
}

/** One request at a time, each right after a write: what a request costs when nothing is remembered. */
async function afterWrites(
  s: HealthServer,
  write: () => Promise<void>,
  path: string,
  token: string,
  runs: number,
) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await write();
    const t0 = performance.now();
    const res = await fetch(s.url + path, { headers: bearer(token) });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`GET ${path}: ${res.status}`);
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

async function healthOn(bench: Bench, kind: Kind) {
  const s = await start(bench, kind);
  const db = dbName(kind);
  const dashboard = '/api/v1/health/dashboard';
  const rollup = `/api/v1/health/rollup?scope=portfolio&id=${s.portfolio.id}`;
  // One of each first: it must answer, and say how big it is.
  const first = async (path: string, token: string) => {
    const t0 = performance.now();
    const res = await fetch(s.url + path, { headers: bearer(token) });
    const body = (await res.json()) as { projects?: number; headline?: { projects: number } };
    if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    return { ms: performance.now() - t0, projects: body.projects ?? body.headline?.projects ?? 0 };
  };
  const d0 = await first(dashboard, s.tokens.executive);
  const r0 = await first(rollup, s.tokens.portfolioManager);
  log(
    `[${kind}] first dashboard ${ms(d0.ms)} (${d0.projects} projects); first roll-up ${ms(r0.ms)} (${r0.projects})`,
  );

  const load = (name: string, path: string, token: string) =>
    bench.load(`${kind} health ${name} ×${CLIENTS}`, s.cpu, {
      baseUrl: s.url,
      paths: [path],
      headers: [bearer(token)],
      connections: CLIENTS,
    });
  const dash = await load('dashboard', dashboard, s.tokens.executive);
  const roll = await load('portfolio roll-up', rollup, s.tokens.portfolioManager);
  const runs = bench.opts.quick ? 10 : 30;
  const write = writer(s);
  const coldDash = await afterWrites(s, write, dashboard, s.tokens.executive, runs);
  const coldRoll = await afterWrites(s, write, rollup, s.tokens.portfolioManager, runs);
  const elsewhere = await afterWrites(s, writer(s, 'person'), dashboard, s.tokens.executive, runs);
  log(
    `[${kind}] after a write: dashboard p50 ${ms(coldDash.p50)}, p95 ${ms(coldDash.p95)}; roll-up p50 ${ms(coldRoll.p50)}, p95 ${ms(coldRoll.p95)}`,
  );
  // The dashboard under load while a project changes every second.
  let writes = 0;
  let failed = 0;
  const timer = setInterval(
    () =>
      void write().then(
        () => writes++,
        () => failed++,
      ),
    1000,
  );
  let mixed: Awaited<ReturnType<typeof load>>;
  try {
    mixed = await load('dashboard with a write every second', dashboard, s.tokens.executive);
  } finally {
    clearInterval(timer);
  }
  bench.raw[`${kind} health`] = {
    first: { dashboard: d0, rollup: r0 },
    coldDash,
    coldRoll,
    writes,
    reports: s.reports,
  };

  const size = `${(bench.opts.size.projects).toLocaleString('en-US')} projects, ${s.reports.toLocaleString('en-US')} reports`;
  bench.row('health', {
    figure: `Executive dashboard, whole organization (${size}), executive, ${CLIENTS} clients`,
    db,
    measured: latencyText(dash),
    target: `p95 ≤ ${TARGET_P95} ms`,
    pass: dash.p95 <= TARGET_P95 && dash.non2xx + dash.errors === 0,
  });
  bench.row('health', {
    figure: `Portfolio roll-up with a 13-week trend (${s.portfolio.code}, ${r0.projects.toLocaleString('en-US')} projects), its portfolio manager, ${CLIENTS} clients`,
    db,
    measured: latencyText(roll),
    target: `p95 ≤ ${TARGET_P95} ms`,
    pass: roll.p95 <= TARGET_P95 && roll.non2xx + roll.errors === 0,
  });
  bench.row('health', {
    figure: 'The same, one request right after a write (nothing remembered): dashboard / roll-up',
    db,
    measured: `p50 ${ms(coldDash.p50)}, p95 ${ms(coldDash.p95)} / p50 ${ms(coldRoll.p50)}, p95 ${ms(coldRoll.p95)} (${runs} each)`,
    target: 'report',
    pass: null,
  });
  bench.row('health', {
    figure: "Dashboard, one request right after a write elsewhere (a person's title: the roll-ups are kept)",
    db,
    measured: `p50 ${ms(elsewhere.p50)}, p95 ${ms(elsewhere.p95)} (${runs})`,
    target: 'report',
    pass: null,
  });
  bench.row('health', {
    figure: `Dashboard, ${CLIENTS} clients, while a project is changed every second`,
    db,
    measured: `${latencyText(mixed)}; ${writes} writes${failed ? `, ${failed} FAILED` : ''}`,
    target: 'report',
    pass: null,
  });
}

export async function healthBench(bench: Bench) {
  console.log(
    `\n[health] roll-ups and the executive dashboard: ${bench.opts.size.projects} projects × 52 weekly reports`,
  );
  await healthOn(bench, 'pglite');
  await healthOn(bench, 'postgres');
}
