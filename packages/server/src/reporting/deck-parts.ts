/*
 * The pieces the deck's slides are built from: the slide master (title, footer, slide number),
 * RAG tiles and table cells (colour and letter), and a table helper with Pharos' header style.
 * Sizes are inches on a 13.33 × 7.5 in (16:9) slide.
 */

import type PptxGenJS from 'pptxgenjs';
import type { RagRating } from './model';
import {
  INK,
  MUTED,
  NAVY,
  NAVY_LIGHT,
  RAG_FILL,
  RAG_INK,
  RAG_LETTER,
  RAG_TEXT,
  RAG_TINT,
  RAG_WORD,
  RULE,
  ZEBRA,
} from './theme';

export type Pptx = InstanceType<typeof PptxGenJS>;
export type Slide = PptxGenJS.Slide;
export type Row = PptxGenJS.TableRow;
export type CellOpts = PptxGenJS.TableCellProps;

export const FONT = 'Arial';
export const SLIDE_W = 13.333;
export const MARGIN = 0.5;
export const CONTENT_W = SLIDE_W - 2 * MARGIN;
export const CONTENT_TOP = 1.3;
export const CONTENT_BOTTOM = 6.85;
export const MASTER = 'PHAROS';

export function defineMaster(pptx: Pptx, footer: string): void {
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 0, w: SLIDE_W, h: 0.12, fill: { color: NAVY } } },
      { line: { x: MARGIN, y: 7.0, w: CONTENT_W, h: 0, line: { color: RULE, width: 0.75 } } },
      {
        text: {
          text: footer,
          options: {
            x: MARGIN,
            y: 7.04,
            w: CONTENT_W - 1,
            h: 0.3,
            fontFace: FONT,
            fontSize: 9,
            color: MUTED,
          },
        },
      },
    ],
    slideNumber: {
      x: SLIDE_W - MARGIN - 0.6,
      y: 7.04,
      w: 0.6,
      h: 0.3,
      fontFace: FONT,
      fontSize: 9,
      color: MUTED,
      align: 'right',
    },
  });
}

export function title(slide: Slide, text: string, subtitle?: string): void {
  slide.addText(text, {
    x: MARGIN,
    y: 0.3,
    w: CONTENT_W,
    h: 0.55,
    fontFace: FONT,
    fontSize: 24,
    bold: true,
    color: NAVY,
    margin: 0,
    fit: 'shrink',
  });
  if (subtitle)
    slide.addText(subtitle, {
      x: MARGIN,
      y: 0.82,
      w: CONTENT_W,
      h: 0.32,
      fontFace: FONT,
      fontSize: 12,
      color: MUTED,
      margin: 0,
    });
}

/** A section heading: navy capitals over a thin rule. */
export function heading(slide: Slide, text: string, x: number, y: number, w: number): void {
  slide.addText(text.toUpperCase(), {
    x,
    y,
    w,
    h: 0.28,
    fontFace: FONT,
    fontSize: 11,
    bold: true,
    color: NAVY,
    charSpacing: 1,
    margin: 0,
  });
  slide.addShape('line', { x, y: y + 0.3, w, h: 0, line: { color: NAVY, width: 1 } });
}

/** A RAG tile: label, letter and word, and "suggested X" when the manager overrode the rules. */
export function ragTile(
  slide: Slide,
  box: { x: number; y: number; w: number; h: number },
  label: string,
  rag: RagRating,
  suggested?: RagRating,
): void {
  const ink = RAG_TEXT[rag];
  slide.addShape('roundRect', {
    ...box,
    fill: { color: RAG_FILL[rag] },
    line: { color: RAG_FILL[rag] },
    rectRadius: 0.06,
  });
  slide.addText(
    [
      { text: label.toUpperCase(), options: { fontSize: 9, bold: true, charSpacing: 0.5, breakLine: true } },
      { text: RAG_LETTER[rag], options: { fontSize: 26, bold: true } },
      { text: `  ${RAG_WORD[rag]}`, options: { fontSize: 10 } },
    ],
    { ...box, h: box.h - 0.05, fontFace: FONT, color: ink, valign: 'top', margin: [4, 6, 2, 6] },
  );
  if (suggested && suggested !== rag)
    slide.addText(`Suggested ${RAG_WORD[suggested]}`, {
      x: box.x + 0.08,
      y: box.y + box.h - 0.3,
      w: box.w - 0.16,
      h: 0.22,
      fontFace: FONT,
      fontSize: 8,
      bold: true,
      color: NAVY,
      align: 'center',
      fill: { color: 'FFFFFF' },
      margin: 0,
    });
}

/** A table cell in a RAG colour with its letter. */
export function ragCell(rag: RagRating, extra: CellOpts = {}): PptxGenJS.TableCell {
  return {
    text: RAG_LETTER[rag],
    options: { fill: { color: RAG_FILL[rag] }, color: RAG_TEXT[rag], bold: true, align: 'center', ...extra },
  };
}

export function cell(text: string, extra: CellOpts = {}): PptxGenJS.TableCell {
  return { text, options: extra };
}

export function headerRow(titles: string[], align: ('left' | 'center' | 'right')[] = []): Row {
  return titles.map((t, i) => ({
    text: t,
    options: { fill: { color: NAVY }, color: 'FFFFFF', bold: true, align: align[i] ?? 'left' },
  }));
}

/** Light zebra stripes on plain cells (coloured RAG cells keep their fill). */
export function zebra(rows: Row[]): Row[] {
  return rows.map((row, r) =>
    r % 2 === 1 ? row.map((c) => ({ ...c, options: { fill: { color: ZEBRA }, ...c.options } })) : row,
  );
}

export function addTable(
  slide: Slide,
  rows: Row[],
  at: { x: number; y: number; w: number; colW: number[]; rowH?: number; fontSize?: number },
): void {
  const sum = at.colW.reduce((a, b) => a + b, 0);
  slide.addTable(rows, {
    x: at.x,
    y: at.y,
    w: at.w,
    colW: at.colW.map((c) => (c / sum) * at.w),
    rowH: at.rowH ?? 0.26,
    fontFace: FONT,
    fontSize: at.fontSize ?? 9,
    color: INK,
    valign: 'middle',
    margin: [0.02, 0.06, 0.02, 0.06],
    border: { type: 'solid', pt: 0.5, color: RULE },
  });
}

/** A small number tile: a big figure and a label, tinted by colour. */
export function figure(
  slide: Slide,
  box: { x: number; y: number; w: number; h: number },
  value: string,
  label: string,
  tint: RagRating | 'navy' = 'navy',
): void {
  const fill = tint === 'navy' ? NAVY_LIGHT : RAG_TINT[tint];
  const ink = tint === 'navy' ? NAVY : RAG_INK[tint];
  slide.addShape('rect', { ...box, fill: { color: fill }, line: { color: fill } });
  slide.addText(
    [
      { text: value, options: { fontSize: 24, bold: true, color: ink, breakLine: true } },
      { text: label, options: { fontSize: 9.5, color: INK } },
    ],
    { ...box, fontFace: FONT, valign: 'middle', margin: [2, 8, 2, 8] },
  );
}

/** A row of number tiles of equal width, 0.1 in apart. */
export function figures(
  slide: Slide,
  row: { x: number; y: number; w: number },
  items: [number, string, RagRating | 'navy'][],
): void {
  const w = (row.w - 0.1 * (items.length - 1)) / items.length;
  items.forEach(([value, label, tint], i) => {
    figure(slide, { x: row.x + i * (w + 0.1), y: row.y, w, h: 0.8 }, String(value), label, tint);
  });
}
