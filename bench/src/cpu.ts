import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU time (user + system, ms) a process has used so far, or 0 once it is gone. */
function cpuOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS; // fields 14 and 15: utime, stime
  } catch {
    return 0;
  }
}

/** The process and its direct children (e.g. a postmaster and its backends). */
export function withChildren(pid: number): number[] {
  const out = [pid];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Busy CPU time of the whole machine so far (ms, all cores). */
function machineBusy(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
  return (total - f[3]! - f[4]!) * TICK_MS; // minus idle and iowait
}

export type CpuGroups = Record<string, () => number[]>;

/**
 * Measures the CPU each group of processes uses while `fn` runs, per completed request:
 * where the machine's two cores go (server, database, load generator).
 */
export async function cpuPerRequest<T extends { n: number }>(
  groups: CpuGroups,
  fn: () => Promise<T>,
): Promise<T & { cpuMsPerRequest: Record<string, number>; otherCpuPercent: number }> {
  const pidsBefore = Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, g()]));
  const before = new Map(Object.values(pidsBefore).flatMap((pids) => pids.map((p) => [p, cpuOf(p)])));
  const [busy0, t0] = [machineBusy(), performance.now()];
  const result = await fn();
  const [busy1, t1] = [machineBusy(), performance.now()];
  let ours = 0;
  const cpuMsPerRequest: Record<string, number> = {};
  for (const [k, pids] of Object.entries(pidsBefore)) {
    // A process that ended meanwhile reads 0: count nothing for it rather than a negative.
    const used = pids.reduce((a, p) => a + Math.max(0, cpuOf(p) - before.get(p)!), 0);
    ours += used;
    cpuMsPerRequest[k] = result.n ? Math.round((used / result.n) * 1000) / 1000 : 0;
  }
  // What the rest of the machine (other users' work) took meanwhile, in % of all cores.
  const other = Math.max(0, busy1 - busy0 - ours) / (cpus().length * (t1 - t0));
  return { ...result, cpuMsPerRequest, otherCpuPercent: Math.round(other * 100) };
}
