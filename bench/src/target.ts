import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CpuGroups } from './cpu';
import type { CpuSummary } from './cpuprofile';
import type { Options } from './options';
import type { SqlRun, Statement, TargetInfo, TargetSpec } from './pharos-server';
import { type Cluster, startCluster } from './postgres';
import { type Child, forkChild } from './rpc';
import type { Trace } from './tracer';

export type Kind = 'pglite' | 'postgres';

/** A running Pharos server on a seeded database, in its own process. */
export interface Target extends TargetInfo {
  kind: Kind;
  /** Processes whose CPU to account: the server (with PGlite's thread) and PostgreSQL. */
  cpu: CpuGroups;
  auth(who: 'admin' | 'portfolioManager'): Record<string, string>;
  sql(statements: Statement[], clients: number, seconds: number): Promise<SqlRun>;
  heavy(text: string): Promise<number>;
  query<R>(text: string, params?: unknown[]): Promise<R[]>;
  explain(text: string, params: unknown[]): Promise<string>;
  trace(on: true): Promise<null>;
  trace(on: false): Promise<Trace>;
  /** The V8 profiler in the server process (PGlite's worker thread is not sampled). */
  cpuProfile(on: true): Promise<void>;
  cpuProfile(on: false): Promise<CpuSummary>;
}

const cleanups: (() => Promise<void> | void)[] = [];

export const cleanupLater = (fn: () => Promise<void> | void) => cleanups.push(fn);

/** Stops every server and cluster started so far (last started, first stopped). */
export async function cleanupAll() {
  while (cleanups.length) await cleanups.pop()!();
}

export const log = (line: string) => console.log(`  ${line}`);

/** Starts servers on demand, once per kind, and shares them between the benchmarks. */
export class Targets {
  private readonly started = new Map<Kind, Promise<Target>>();
  private cluster: Promise<Cluster> | null = null;

  constructor(private readonly opts: Options) {}

  /** Whether a server of this kind was started (and is still up). */
  has(kind: Kind): boolean {
    return this.started.has(kind);
  }

  get(kind: Kind): Promise<Target> {
    let t = this.started.get(kind);
    if (!t) {
      t = this.start(kind);
      this.started.set(kind, t);
    }
    return t;
  }

  /** The throw-away PostgreSQL cluster (started on first use). */
  postgres(): Promise<Cluster> {
    this.cluster ??= startCluster(log).then((c) => {
      cleanups.push(() => c.stop());
      return c;
    });
    return this.cluster;
  }

  private async start(kind: Kind): Promise<Target> {
    const spec: TargetSpec = { kind, size: this.opts.size, extraTokens: 50 };
    if (kind === 'postgres') spec.databaseUrl = (await this.postgres()).url;
    else {
      const dir = mkdtempSync(join(tmpdir(), 'pharos-bench-pglite-'));
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
      spec.dataDir = dir;
    }
    console.log(`\n[${kind}] starting a Pharos server and seeding the organization`);
    const child: Child = forkChild(
      new URL('./pharos-server.ts', import.meta.url),
      { BENCH_TARGET: JSON.stringify(spec) },
      (line) => log(`[${kind}] ${line}`),
    );
    cleanups.push(() => child.stop());
    const info = (await child.ready) as TargetInfo;
    const cluster = kind === 'postgres' ? await this.postgres() : null;
    const cpu: CpuGroups = { server: () => [child.proc.pid!], loadgen: () => [process.pid] };
    if (cluster) cpu.postgres = () => cluster.pids();
    return {
      kind,
      cpu,
      ...info,
      auth: (who) => ({ authorization: `Bearer ${info.tokens[who]}` }),
      sql: (statements, clients, seconds) => child.call('sql', { statements, clients, seconds }),
      heavy: (text) => child.call('heavy', { text }),
      query: (text, params = []) => child.call('query', { text, params }),
      explain: (text, params) => child.call('explain', { text, params }),
      trace: ((on: boolean) => child.call('trace', { on })) as Target['trace'],
      cpuProfile: ((on: boolean) => child.call('cpuProfile', { on })) as Target['cpuProfile'],
    };
  }
}
