// Status exports (issue 4): a 200-project portfolio deck as PowerPoint, the project status report as
// PDF and the health table as Excel, rendered from realistic sample data (`demoDeck`, deterministic).
import { demoDeck, demoReport, healthTableXlsx, portfolioDeckPptx, statusReportPdf } from '@pharos/server';
import type { Bench } from './bench';
import { median } from './stats';

async function timed(runs: number, fn: () => Promise<Buffer>) {
  const ms: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    bytes = (await fn()).length;
    ms.push(performance.now() - t0);
  }
  return { ms, p50: median(ms), bytes };
}

export async function reportingBench(bench: Bench) {
  const runs = bench.opts.quick ? 3 : 7;
  console.log(`\n[reporting] status exports, ${runs} runs each`);
  const deck = demoDeck(200, 1);
  const pptx = await timed(runs, () => portfolioDeckPptx(deck));
  const pdf = await timed(runs, () => statusReportPdf(demoReport(1)));
  const xlsx = await timed(runs, () => healthTableXlsx(deck));
  const kib = (b: number) => `${Math.round(b / 1024)} KiB`;
  console.log(
    `  deck (200 projects): p50 ${pptx.p50.toFixed(0)} ms, ${kib(pptx.bytes)}; first ${pptx.ms[0]!.toFixed(0)} ms`,
  );
  console.log(`  status report PDF: p50 ${pdf.p50.toFixed(0)} ms, ${kib(pdf.bytes)}`);
  console.log(`  health table (200 rows): p50 ${xlsx.p50.toFixed(0)} ms, ${kib(xlsx.bytes)}`);
  bench.raw.reporting = { pptx: pptx.ms, pdf: pdf.ms, xlsx: xlsx.ms };
  bench.row('reporting', {
    figure: 'PowerPoint deck for a 200-project portfolio (summary, one slide per project needing attention)',
    db: 'engine',
    measured: `p50 ${pptx.p50.toFixed(0)} ms (${kib(pptx.bytes)}; the first, cold, ${pptx.ms[0]!.toFixed(0)} ms)`,
    target: '≤ 5 s',
    pass: Math.max(...pptx.ms) <= 5000,
  });
  bench.row('reporting', {
    figure: 'Project status report as PDF; portfolio health table (200 projects) as Excel',
    db: 'engine',
    measured: `p50 ${pdf.p50.toFixed(0)} ms; ${xlsx.p50.toFixed(0)} ms`,
    target: 'report',
    pass: null,
  });
}
