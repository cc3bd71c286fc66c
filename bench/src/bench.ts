import { type CpuGroups, cpuPerRequest } from './cpu';
import { type LoadResult, type LoadSpec, runLoad } from './load';
import type { Options, Part } from './options';
import type { Row } from './report';
import { int, ms } from './report';
import { type Kind, type Target, Targets } from './target';

export type Measured = LoadResult & { cpuMsPerRequest: Record<string, number>; otherCpuPercent: number };

export const dbName = (k: Kind) => (k === 'pglite' ? 'PGlite' : 'PostgreSQL');

/** What every benchmark shares: options, servers, results so far, measurements already taken. */
export class Bench {
  readonly targets: Targets;
  readonly rows: Row[] = [];
  readonly raw: Record<string, unknown> = {};
  readonly diagnostics: string[] = [];
  private readonly memo = new Map<string, Promise<unknown>>();

  constructor(readonly opts: Options) {
    this.targets = new Targets(opts);
  }

  /** Runs `fn` once per key; later callers get the same value, kept in the results unless `secret`. */
  once<T>(key: string, fn: () => Promise<T>, keep = true): Promise<T> {
    let p = this.memo.get(key) as Promise<T> | undefined;
    if (!p) {
      p = fn().then((v) => {
        if (keep) this.raw[key] = v;
        return v;
      });
      this.memo.set(key, p);
    }
    return p;
  }

  /**
   * Warms up, then measures a load against a server, accounting the CPU each process used.
   * Memoized by `key`, so a figure needed by two parts is measured once.
   */
  load(key: string, cpu: CpuGroups, spec: Omit<LoadSpec, 'duration' | 'warmup'>): Promise<Measured> {
    return this.once(key, async () => {
      const { duration, warmup } = this.opts;
      if (warmup > 0) await runLoad({ ...spec, duration: warmup, warmup: 0 });
      const r = await cpuPerRequest(cpu, () => runLoad({ ...spec, duration, warmup: 0 }));
      const cpuText = Object.entries(r.cpuMsPerRequest)
        .map(([k, v]) => `${k} ${v.toFixed(2)}`)
        .join(', ');
      const bad = r.non2xx + r.errors + r.timeouts;
      console.log(
        `  ${key}: ${int(r.rps)} req/s, p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}, max ${ms(r.max)}` +
          ` (${r.n} requests${bad ? `, ${bad} FAILED` : ''}; CPU ms/request: ${cpuText}; other processes ${r.otherCpuPercent} %)`,
      );
      return r;
    });
  }

  target(kind: Kind): Promise<Target> {
    return this.targets.get(kind);
  }

  row(part: Part, r: Omit<Row, 'part'>) {
    this.rows.push({ part, ...r });
  }
}

/** "p95 12.3 ms (p50 …, p99 …; 1,234 req/s)" */
export function latencyText(
  r: LoadResult & { otherCpuPercent?: number },
  lead: 'p95' | 'p99' | 'rps' = 'p95',
) {
  const failed = r.non2xx + r.errors + r.timeouts;
  // How much of the machine other processes took meanwhile: the figure's context on a shared host.
  const tail = `${failed ? `; ${failed} failed` : ''}${r.otherCpuPercent !== undefined ? `; others ${r.otherCpuPercent} % CPU` : ''}`;
  if (lead === 'rps')
    return `${int(r.rps)} req/s (p50 ${ms(r.p50)}, p95 ${ms(r.p95)}, p99 ${ms(r.p99)}${tail})`;
  const others = (['p50', 'p95', 'p99'] as const).filter((k) => k !== lead).map((k) => `${k} ${ms(r[k])}`);
  return `${lead} ${ms(r[lead])} (${others.join(', ')}; ${int(r.rps)} req/s${tail})`;
}
