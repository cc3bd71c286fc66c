import { Session } from 'node:inspector/promises';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuSummary {
  ms: number;
  /** Self time (percent of busy time) by where the code lives: a package, Pharos sources, V8/Node. */
  byOrigin: { origin: string; percent: number }[];
  /** The functions with the most self time. */
  top: { fn: string; origin: string; percent: number }[];
}

/** "…/node_modules/@fastify/helmet/…" → "@fastify/helmet"; Pharos sources by package. */
function origin(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 13).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const pkg = /\/packages\/(\w+)\//.exec(url);
  if (pkg) return `@pharos/${pkg[1]}`;
  if (url.startsWith('node:')) return 'node core';
  return url.includes('/bench/') ? 'bench tracer' : url;
}

/** Samples this process's CPU with the V8 profiler between start() and stop(). */
export function cpuProfiler() {
  let session: Session | null = null;
  let t0 = 0;
  return {
    async start() {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 200 });
      await session.post('Profiler.start');
      t0 = performance.now();
    },
    async stop(): Promise<CpuSummary> {
      if (!session) throw new Error('profiler not started');
      const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
      session.disconnect();
      session = null;
      const self = new Map<number, number>();
      for (let i = 0; i < profile.samples.length; i++)
        self.set(profile.samples[i]!, (self.get(profile.samples[i]!) ?? 0) + (profile.timeDeltas[i] ?? 0));
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      // Percentages of the busy time: idle samples are left out.
      const idle = new Set(
        profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id),
      );
      for (const id of idle) self.delete(id);
      const total = [...self.values()].reduce((a, b) => a + b, 0) || 1;
      const origins = new Map<string, number>();
      const fns = new Map<string, { origin: string; us: number }>();
      for (const [id, us] of self) {
        const cf = byId.get(id)!.callFrame;
        const o = origin(cf.url, cf.functionName);
        origins.set(o, (origins.get(o) ?? 0) + us);
        const where = cf.url ? `${cf.url.split('/').slice(-2).join('/')}:${cf.lineNumber + 1}` : '';
        const key = `${cf.functionName || '(anonymous)'} ${where}`.trim();
        fns.set(key, { origin: o, us: (fns.get(key)?.us ?? 0) + us });
      }
      const pct = (us: number) => Math.round((1000 * us) / total) / 10;
      return {
        ms: Math.round(performance.now() - t0),
        byOrigin: [...origins]
          .sort((a, b) => b[1] - a[1])
          .map(([o, us]) => ({ origin: o, percent: pct(us) }))
          .filter((x) => x.percent >= 0.5),
        top: [...fns]
          .sort((a, b) => b[1].us - a[1].us)
          .slice(0, 15)
          .map(([fn, v]) => ({ fn, origin: v.origin, percent: pct(v.us) })),
      };
    },
  };
}
