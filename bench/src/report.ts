import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import type { Options, Part } from './options';

/** One line of the results table. `pass` is null for figures given for comparison only. */
export interface Row {
  part: Part;
  figure: string;
  db: string;
  measured: string;
  target: string;
  pass: boolean | null;
}

export interface Results {
  meta: Record<string, unknown>;
  rows: Row[];
  /** Every measurement behind the rows, by name. */
  raw: Record<string, unknown>;
  /** Diagnostic sections (profile, plans), as markdown. */
  diagnostics: string[];
}

export const ms = (x: number) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms` : 'n/a');
export const int = (x: number) => Math.round(x).toLocaleString('en-US');
const verdict = (p: boolean | null) => (p === null ? 'info' : p ? 'PASS' : 'FAIL');

export function conditions(opts: Options, startedAt: Date): Record<string, unknown> {
  const sh = (cmd: string) => {
    try {
      return execSync(cmd, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  };
  return {
    startedAt: startedAt.toISOString(),
    // BENCH_COMMIT names the commit when running outside a git work tree (e.g. on a snapshot).
    commit:
      process.env.BENCH_COMMIT ??
      sh('git rev-parse --short HEAD') + (sh('git status --porcelain packages') ? ' (+ local changes)' : ''),
    node: process.version,
    cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg()
      .map((x) => x.toFixed(2))
      .join(' '),
    os: sh('. /etc/os-release && echo "$PRETTY_NAME"'),
    organization: opts.size,
    secondsPerMeasurement: opts.duration,
    warmupSeconds: opts.warmup,
    quick: opts.quick,
    parts: [...opts.parts],
  };
}

/** The table for the terminal. */
export function printTable(rows: Row[]) {
  const head = ['Figure', 'Database', 'Measured', 'Target', 'Result'];
  const cells = rows.map((r) => [r.figure, r.db, r.measured, r.target, verdict(r.pass)]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i]!)).join(' │ ');
  console.log(`\n${line(head)}\n${widths.map((w) => '─'.repeat(w)).join('─┼─')}`);
  for (const c of cells) console.log(line(c));
  const judged = rows.filter((r) => r.pass !== null);
  const failed = judged.filter((r) => r.pass === false).length;
  console.log(
    `\n${judged.length - failed} of ${judged.length} targets met${failed ? `, ${failed} missed` : ''}.`,
  );
}

export function markdown(results: Results): string {
  const m = results.meta;
  const other = m.otherProcessesCpuPercent as { min: number; median: number; max: number } | null;
  const esc = (s: string) => s.replaceAll('|', '\\|');
  const out = [
    `Measured ${String(m.startedAt).slice(0, 16).replace('T', ' ')} UTC on ${m.os}, ${m.cpus}, ${m.memoryGiB} GiB, Node ${m.node}, commit ${m.commit}.`,
    `Organization: ${JSON.stringify(m.organization)}; ${m.secondsPerMeasurement} s per measurement after ${m.warmupSeconds} s warm-up; server, database and load generator (autocannon) share the machine. Load average at start ${m.loadAverageAtStart}, at end ${m.loadAverageAtEnd}.${other ? ` Other processes (not the benchmark's) used ${other.min}–${other.max} % of the CPU during the measurements (median ${other.median} %).` : ''}`,
    '',
    '| Figure | Database | Measured | Target | Result |',
    '| --- | --- | --- | --- | --- |',
    ...results.rows.map(
      (r) => `| ${esc(r.figure)} | ${r.db} | ${esc(r.measured)} | ${esc(r.target)} | ${verdict(r.pass)} |`,
    ),
    '',
    ...results.diagnostics,
  ];
  return `${out.join('\n')}\n`;
}

export function writeResults(results: Results) {
  const dir = new URL('../results/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL('latest.json', dir), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(new URL('latest.md', dir), markdown(results));
  console.log(`Wrote ${new URL('latest.json', dir).pathname} and latest.md`);
}
