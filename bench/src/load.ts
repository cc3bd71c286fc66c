import autocannon from 'autocannon';
import { type Latency, round, summarize } from './stats';

/** One measured load: latencies of every response (any status), throughput and failures. */
export interface LoadResult extends Latency {
  rps: number;
  connections: number;
  seconds: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

export interface LoadSpec {
  baseUrl: string;
  /** Paths to request, round-robin across all connections. */
  paths: string[];
  /** Header sets (e.g. different tokens), round-robin independently of the paths. */
  headers?: Record<string, string>[];
  connections: number;
  duration: number;
  warmup: number;
}

/** Runs autocannon for `warmup` seconds (discarded), then `duration` seconds (measured). */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  if (spec.warmup > 0) await fire(spec, spec.warmup, Math.max(1, Math.floor(spec.warmup * 20_000)));
  return fire(spec, spec.duration, Math.max(1, Math.floor(spec.duration * 20_000)));
}

function fire(spec: LoadSpec, seconds: number, maxRequests: number): Promise<LoadResult> {
  let i = 0;
  let h = 0;
  const sets = spec.headers?.length ? spec.headers : [{}];
  const samples: number[] = [];
  let non2xx = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.baseUrl,
        connections: spec.connections,
        duration: seconds,
        timeout: 30,
        requests: [
          {
            method: 'GET',
            setupRequest: (req) => ({
              ...req,
              method: 'GET',
              path: spec.paths[i++ % spec.paths.length]!,
              headers: { accept: 'application/json', ...sets[h++ % sets.length] },
            }),
          },
        ],
      },
      (err, result) => {
        if (err) return reject(err);
        const took = (result.finish.getTime() - result.start.getTime()) / 1000;
        resolve({
          ...summarize(samples),
          rps: round(samples.length / took, 0),
          connections: spec.connections,
          seconds: round(took, 1),
          non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client, status, _bytes, ms) => {
      samples.push(ms);
      if (status < 200 || status >= 300) non2xx++;
      if (samples.length === maxRequests) instance.stop(); // a hard bound besides the duration
    });
  });
}

/** Sends one request and returns its latency in ms, failing on a non-2xx status. */
export async function timedGet(url: string, headers: Record<string, string> = {}) {
  const t0 = performance.now();
  const res = await fetch(url, { headers });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${body.slice(0, 200)}`);
  return { ms, body };
}
