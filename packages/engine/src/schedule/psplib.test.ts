// The engine on PSPLIB's project scheduling instances (../shared/corpus/psplib), resources
// ignored: the critical path is then the classic lower bound of the makespan, so it must equal the
// MPM-Time each instance states (and an independent longest-path count) and never exceed the
// optimum, best known or proven lower bound published for it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { criticalPath, LinkType } from './cpm';

const root = fileURLToPath(new URL('../../../../../shared/corpus/psplib/', import.meta.url));

interface Instance {
  name: string;
  /** Each job's shortest duration (over its modes). */
  duration: number[];
  /** Finish-to-start links, jobs numbered from 0. */
  links: [number, number][];
  /** The critical-path time the instance file states. */
  mpm: number;
}

function parse(name: string, text: string): Instance {
  const lines = text.split(/\r?\n/);
  const jobs = Number(/jobs \(incl\. supersource\/sink \):\s*(\d+)/.exec(text)![1]);
  const info = lines.findIndex((l) => l.startsWith('PROJECT INFORMATION'));
  const mpm = Number(lines[info + 2]!.trim().split(/\s+/).at(-1));
  const links: [number, number][] = [];
  const prec = lines.findIndex((l) => l.startsWith('PRECEDENCE RELATIONS'));
  for (let j = 0; j < jobs; j++) {
    const [job, , count, ...succ] = lines[prec + 2 + j]!.trim().split(/\s+/).map(Number);
    for (const s of succ.slice(0, count)) links.push([job! - 1, s - 1]);
  }
  const duration = Array<number>(jobs).fill(Number.POSITIVE_INFINITY);
  const req = lines.findIndex((l) => l.startsWith('REQUESTS/DURATIONS'));
  // A job's first mode line starts with the job number; its further modes leave it out.
  let job = 0;
  let width = 0;
  for (const line of lines.slice(req + 3)) {
    if (line.startsWith('*') || !line.trim()) break;
    const f = line.trim().split(/\s+/).map(Number);
    width ||= f.length;
    if (f.length === width) job = f[0]! - 1;
    const d = f.length === width ? f[2]! : f[1]!;
    duration[job] = Math.min(duration[job]!, d);
  }
  return { name, duration, links, mpm };
}

/** Longest path by memoized recursion: an independent count of the critical-path bound. */
function longestPath({ duration, links }: Instance): number {
  const succ = duration.map(() => [] as number[]);
  for (const [a, b] of links) succ[a]!.push(b);
  const memo = new Map<number, number>();
  const tail = (j: number): number => {
    if (!memo.has(j)) memo.set(j, duration[j]! + Math.max(0, ...succ[j]!.map(tail)));
    return memo.get(j)!;
  };
  return Math.max(...duration.map((_, j) => tail(j)));
}

function makespan({ duration, links }: Instance): number {
  return criticalPath(
    {
      duration: Float64Array.from(duration),
      pred: Int32Array.from(links, (l) => l[0]),
      succ: Int32Array.from(links, (l) => l[1]),
      type: new Uint8Array(links.length).fill(LinkType.FS),
      lag: new Float64Array(links.length),
    },
    0,
  ).finish;
}

/** Published makespans by instance name (`j3010_1`): optimum or best known, and proven lower bounds. */
function references(): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (name: string, v: number) => out.set(name, [...(out.get(name) ?? []), v]);
  const bounds = join(root, 'bounds');
  for (const [file, set] of [
    ['j30opt.sm', 'j30'],
    ['j30hrs.sm', 'j30'],
    ['j60hrs.sm', 'j60'],
    ['j90hrs.sm', 'j90'],
    ['j120hrs.sm', 'j120'],
  ] as const)
    for (const m of readFileSync(join(bounds, file), 'utf8').matchAll(/^\s*(\d+)\s+(\d+)\s+(\d+)\s/gm))
      add(`${set}${m[1]}_${m[2]}`, Number(m[3]));
  for (const [file, set] of [
    ['j60lb.sm', 'j60'],
    ['j90lb.sm', 'j90'],
    ['j120lb.sm', 'j120'],
  ] as const)
    for (const m of readFileSync(join(bounds, file), 'utf8').matchAll(
      /^\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)/gm,
    )) {
      add(`${set}${m[1]}_${m[2]}`, Number(m[3]));
      add(`${set}${m[1]}_${m[2]}`, Number(m[4]));
    }
  for (const m of readFileSync(join(bounds, 'j10opt.mm.txt'), 'utf8').matchAll(
    /^\s*(\d+)\s+(\d+)\s+(\d+)\s/gm,
  ))
    if (m[3] !== '16384') add(`mm-j10${m[1]}_${m[2]}`, Number(m[3]));
  for (const m of readFileSync(join(bounds, 'J30MM_SH.csv'), 'utf8').matchAll(
    /^(j30\d+_\d+)\.mm;[^;]+;(\d+);/gm,
  ))
    add(`mm-${m[1]}`, Number(m[2]));
  return out;
}

describe.skipIf(!existsSync(root))('PSPLIB, resources ignored', () => {
  const instances = [
    ...['j30', 'j60', 'j90', 'j120'].flatMap((set) =>
      readdirSync(join(root, 'sm', set)).map((f) =>
        parse(f.replace('.sm', ''), readFileSync(join(root, 'sm', set, f), 'utf8')),
      ),
    ),
    ...['j10', 'j30'].flatMap((set) =>
      readdirSync(join(root, 'mm', set)).map((f) =>
        parse(`mm-${f.replace('.mm', '')}`, readFileSync(join(root, 'mm', set, f), 'utf8')),
      ),
    ),
  ];

  it('reads every instance', () => {
    expect(instances.length).toBe(144 + 144 + 96 + 120 + 106 + 64);
  });

  it('the critical path is the bound each instance states and an independent count finds', () => {
    for (const i of instances) {
      const cpm = makespan(i);
      expect(cpm, i.name).toBe(longestPath(i));
      expect(cpm, i.name).toBe(i.mpm);
    }
  });

  it('never exceeds a published optimum, best known makespan or lower bound', () => {
    const refs = references();
    let checked = 0;
    for (const i of instances) {
      const known = refs.get(i.name) ?? [];
      if (known.length) checked++;
      for (const v of known) expect(makespan(i), i.name).toBeLessThanOrEqual(v);
    }
    expect(checked).toBeGreaterThan(600);
  });
});
