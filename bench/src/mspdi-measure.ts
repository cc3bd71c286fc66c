// MSPDI import: parse + build the plan document (and schedule it) for generated files of 10,000
// and 350,000 tasks, streamed from disk the way an upload arrives. Prints medians and peak memory.
// Run: npx tsx bench/src/mspdi-measure.ts [tasks…]
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scheduleDocument } from '../../packages/server/src/schedule/document';
import { mspdiStreamToDocument } from '../../packages/server/src/schedule/mspdi/to-document';
import { generateMspdiPieces } from './mspdi-generate';
import { median } from './stats';

async function writeFile(path: string, pieces: Iterable<string>) {
  const out = createWriteStream(path);
  for (const p of pieces) if (!out.write(p)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
}

const sizes = process.argv.slice(2).map(Number);
for (const n of sizes.length ? sizes : [10_000, 350_000]) {
  const path = join(tmpdir(), `pharos-mspdi-${n}.xml`);
  await writeFile(path, generateMspdiPieces(n, 1));
  const runs = n > 100_000 ? 3 : 7;
  const parse: number[] = [];
  const schedule: number[] = [];
  let peak = 0;
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    bytes = statSync(path).size;
    let t = performance.now();
    // Streamed from disk in 4 MiB reads, as an upload arrives; the file is never one string.
    const { doc } = await mspdiStreamToDocument(createReadStream(path, { highWaterMark: 1 << 22 }));
    parse.push(performance.now() - t);
    t = performance.now();
    scheduleDocument(doc);
    schedule.push(performance.now() - t);
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  rmSync(path);
  console.log(
    `${n} tasks, ${(bytes / 1e6).toFixed(0)} MB: parse + document p50 ${median(parse).toFixed(0)} ms, ` +
      `schedule p50 ${median(schedule).toFixed(0)} ms, total p50 ${(median(parse) + median(schedule)).toFixed(0)} ms, ` +
      `peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB (runs: ${runs})`,
  );
}
