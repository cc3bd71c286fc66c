/*
 * A project's status report as an A4 PDF, laid out like a PMO's weekly report: a header band,
 * the RAG tiles (colour and letter) with the rules' suggestion beside what the manager reported,
 * why each colour, the key metrics beside a twelve-period trend strip, the narrative, the top
 * risks, issues and decisions, and a footer with the generation time and page numbers.
 */

import PDFDocument from 'pdfkit';
import { type ProjectStatusReport, RAG_DIMENSIONS, type RagRating, type RenderOptions } from './model';
import { BOTTOM, Cursor, type Doc, fit, font, hex, LEFT, PAGE_H, PAGE_W, WIDTH, winAnsi } from './pdf-parts';
import { metricsAndTrend, narrative, registers, why } from './status-pdf-sections';
import {
  DIMENSION_LABEL,
  day,
  MUTED,
  NAVY,
  periodTitle,
  RAG_FILL,
  RAG_LETTER,
  RAG_TEXT,
  RAG_WORD,
  RULE,
  stamp,
} from './theme';

function headerBand(doc: Doc, r: ProjectStatusReport): number {
  doc.rect(0, 0, PAGE_W, 80).fill(hex(NAVY));
  font(doc, 7.5, true, 'B8C7DB').text('PROJECT STATUS REPORT', LEFT, 18, {
    characterSpacing: 1.2,
    lineBreak: false,
  });
  font(doc, 11, true, 'FFFFFF').text(winAnsi(r.project.code), LEFT, 32, { lineBreak: false });
  // A long name drops to a smaller size before it is cut.
  const room = WIDTH - 200;
  const size = font(doc, 18, true, 'FFFFFF').widthOfString(winAnsi(r.project.name)) > room ? 13 : 18;
  font(doc, size, true, 'FFFFFF').text(fit(doc, r.project.name, room), LEFT, 46 + (18 - size) / 2, {
    lineBreak: false,
  });
  const right = { width: 200, align: 'right' as const, lineBreak: false };
  const x = PAGE_W - LEFT - 200;
  font(doc, 13, true, 'FFFFFF').text(winAnsi(periodTitle(r.period).replace(/ \(.*/, '')), x, 24, right);
  font(doc, 8.5, false, 'DCE4EE').text(
    winAnsi(`${day(r.period.start)} – ${day(r.period.end)}`),
    x,
    42,
    right,
  );
  font(doc, 8.5, false, 'DCE4EE').text(winAnsi(`Report date ${day(r.reportDate)}`), x, 55, right);
  return 92;
}

function runningHeader(r: ProjectStatusReport) {
  return (doc: Doc) => {
    doc.rect(0, 0, PAGE_W, 30).fill(hex(NAVY));
    font(doc, 9, true, 'FFFFFF');
    const title = `${r.project.code}  ${r.project.name}  ·  ${periodTitle(r.period)}  (continued)`;
    doc.text(fit(doc, title, WIDTH), LEFT, 11, { lineBreak: false });
    return 46;
  };
}

function facts(cur: Cursor, r: ProjectStatusReport): void {
  const p = r.project;
  const items: [string, string][] = [
    ['Project manager', p.manager],
    ['Sponsor', p.sponsor],
    ['Office', p.office],
    ['Program / portfolio', [p.program, p.portfolio].filter(Boolean).join(' / ') || '–'],
    ['Phase', p.phase],
  ];
  const widths = [0.18, 0.18, 0.15, 0.35, 0.14].map((w) => w * WIDTH);
  let x = LEFT;
  items.forEach(([label, value], i) => {
    font(cur.doc, 6.5, true, MUTED).text(label.toUpperCase(), x, cur.y, {
      characterSpacing: 0.5,
      lineBreak: false,
    });
    font(cur.doc, 9);
    cur.doc.text(fit(cur.doc, value, widths[i]! - 8), x, cur.y + 10, { lineBreak: false });
    x += widths[i]!;
  });
  cur.y += 32;
}

function tile(
  doc: Doc,
  x: number,
  y: number,
  w: number,
  label: string,
  reported: RagRating,
  suggested: RagRating,
) {
  const h = 62;
  doc.roundedRect(x, y, w, h, 4).fill(hex(RAG_FILL[reported]));
  const ink = RAG_TEXT[reported];
  font(doc, 7.5, true, ink).text(label.toUpperCase(), x + 7, y + 7, {
    width: w - 14,
    characterSpacing: 0.4,
    lineBreak: false,
  });
  font(doc, 22, true, ink).text(RAG_LETTER[reported], x + 7, y + 19, { lineBreak: false });
  font(doc, 7.5, false, ink).text(RAG_WORD[reported], x + 27, y + 27, { width: w - 34, lineBreak: false });
  if (suggested !== reported) {
    doc.roundedRect(x + 4, y + h - 16, w - 8, 12, 2).fill('#FFFFFF');
    font(doc, 6.5, true, NAVY).text(`Suggested ${RAG_LETTER[suggested]}`, x + 4, y + h - 13.5, {
      width: w - 8,
      align: 'center',
      lineBreak: false,
    });
  }
}

function tiles(cur: Cursor, r: ProjectStatusReport): void {
  const gap = 6;
  const first = 92;
  const w = (WIDTH - first - gap * 6) / 6;
  tile(cur.doc, LEFT, cur.y, first, 'Overall', r.overall.reported, r.overall.suggested);
  RAG_DIMENSIONS.forEach((d, i) => {
    const dim = r.dimensions[d];
    tile(
      cur.doc,
      LEFT + first + gap + i * (w + gap),
      cur.y,
      w,
      DIMENSION_LABEL[d],
      dim.reported,
      dim.suggested,
    );
  });
  cur.y += 74;
}

/** Footers of the pages `first` … `first + count − 1`, which hold one report, numbered within it. */
function footers(doc: Doc, r: ProjectStatusReport, at: Date, first: number, count: number): void {
  const range = doc.bufferedPageRange();
  for (let i = 0; i < count; i++) {
    doc.switchToPage(range.start + first + i);
    const y = PAGE_H - 34;
    doc
      .moveTo(LEFT, y - 6)
      .lineTo(LEFT + WIDTH, y - 6)
      .lineWidth(0.5)
      .strokeColor(hex(RULE))
      .stroke();
    font(doc, 7, false, MUTED);
    const by = r.submittedBy ? ` · submitted by ${r.submittedBy}` : '';
    const left = `Pharos · ${r.project.code} ${r.project.name} · ${r.period.label}${by}`;
    doc.text(fit(doc, left, WIDTH * 0.55), LEFT, y, { lineBreak: false });
    font(doc, 7, false, MUTED).text(
      `Generated ${stamp(at)}  ·  Page ${i + 1} of ${count}`,
      LEFT + WIDTH * 0.5,
      y,
      {
        width: WIDTH * 0.5,
        align: 'right',
        lineBreak: false,
      },
    );
  }
}

/** The status report as a PDF (one or two A4 pages for a typical report; longer registers flow on). */
export function statusReportPdf(report: ProjectStatusReport, opts: RenderOptions = {}): Promise<Buffer> {
  return statusReportsPdf([report], opts);
}

/** Several status reports in one PDF, each starting on a new page, its pages numbered within it. */
export function statusReportsPdf(
  reports: readonly ProjectStatusReport[],
  opts: RenderOptions = {},
): Promise<Buffer> {
  const first = reports[0];
  if (!first) throw new Error('statusReportsPdf: no reports');
  const at = opts.generatedAt ?? new Date();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    bufferPages: true,
    info: {
      Title:
        reports.length === 1
          ? `${first.project.code} ${first.project.name} — status ${first.period.label}`
          : `Status reports — ${reports.length} projects`,
      Author: (reports.length === 1 ? first.submittedBy : null) ?? 'Pharos',
      Creator: 'Pharos',
      CreationDate: at,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const pages: { report: ProjectStatusReport; first: number; count: number }[] = [];
  reports.forEach((report, i) => {
    if (i > 0) doc.addPage();
    const start = doc.bufferedPageRange().count - 1;
    const cur = new Cursor(doc, runningHeader(report), headerBand(doc, report));
    facts(cur, report);
    tiles(cur, report);
    why(cur, report);
    metricsAndTrend(cur, report);
    narrative(cur, report);
    registers(cur, report);
    if (cur.y > BOTTOM) throw new Error('layout overflow');
    pages.push({ report, first: start, count: doc.bufferedPageRange().count - start });
  });
  for (const p of pages) footers(doc, p.report, at, p.first, p.count);
  doc.end();
  return done;
}
