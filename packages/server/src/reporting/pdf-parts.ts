/*
 * The pieces a pdfkit page is built from: a cursor that starts a new page when the next block
 * does not fit, RAG chips, section titles and tables whose rows grow with their text and whose
 * header repeats after a page break. The page margins are zero so pdfkit never breaks a page on
 * its own; the cursor decides.
 */

import type PDFDocument from 'pdfkit';
import type { RagRating } from './model';
import { INK, MUTED, NAVY, RAG_FILL, RAG_LETTER, RAG_TEXT, RULE, ZEBRA } from './theme';

export type Doc = InstanceType<typeof PDFDocument>;

export const PAGE_W = 595.28;
export const PAGE_H = 841.89;
export const LEFT = 36;
export const WIDTH = PAGE_W - 2 * LEFT;
export const BOTTOM = PAGE_H - 48;

export const hex = (c: string) => `#${c}`;

// The standard PDF fonts speak WinAnsi: Latin-1 plus these few.
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019,
  0x201a, 0x201c, 0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);
const SPELLED: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '↑': '^',
  '↓': 'v',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
};

/** Text the standard fonts can draw: accents kept where Latin-1 has them, others spelled or dropped. */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x100 || WIN_ANSI_EXTRA.has(code)) out += ch;
    else if (SPELLED[ch]) out += SPELLED[ch];
    else if (/\s/.test(ch)) out += ' ';
    else {
      const bare = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += [...bare].every((c) => c.codePointAt(0)! < 0x100) ? bare : '?';
    }
  }
  return out;
}

/** The text cut to fit one line of `width` in the current font, with an ellipsis when cut. */
export function fit(doc: Doc, text: string, width: number): string {
  const t = winAnsi(text);
  if (doc.widthOfString(t) <= width) return t;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (doc.widthOfString(`${t.slice(0, mid)}…`) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${t.slice(0, lo).trimEnd()}…`;
}

/** Where the next block goes; `ensure` starts a new page (with its running header) when needed. */
export class Cursor {
  y: number;
  constructor(
    readonly doc: Doc,
    private readonly runningHeader: (doc: Doc) => number,
    start: number,
  ) {
    this.y = start;
  }
  ensure(height: number): void {
    if (this.y + height <= BOTTOM) return;
    this.doc.addPage();
    this.y = this.runningHeader(this.doc);
  }
}

export function font(doc: Doc, size: number, bold = false, colour = INK): Doc {
  return doc
    .font(bold ? 'Helvetica-Bold' : 'Helvetica')
    .fontSize(size)
    .fillColor(hex(colour));
}

/** A small rounded square in the RAG colour with its letter. */
export function chip(doc: Doc, x: number, y: number, rag: RagRating, size = 12): void {
  doc.roundedRect(x, y, size, size, 2).fill(hex(RAG_FILL[rag]));
  font(doc, size * 0.62, true, RAG_TEXT[rag]).text(RAG_LETTER[rag], x, y + size * 0.22, {
    width: size,
    align: 'center',
    lineBreak: false,
  });
}

export function sectionTitle(cur: Cursor, title: string, reserve = 60): void {
  cur.ensure(22 + reserve);
  const { doc } = cur;
  font(doc, 10.5, true, NAVY).text(winAnsi(title.toUpperCase()), LEFT, cur.y, {
    width: WIDTH,
    characterSpacing: 0.6,
    lineBreak: false,
  });
  doc
    .moveTo(LEFT, cur.y + 14)
    .lineTo(LEFT + WIDTH, cur.y + 14)
    .lineWidth(0.8)
    .strokeColor(hex(NAVY))
    .stroke();
  cur.y += 20;
}

export type Cell = string | { text: string; rag?: RagRating; colour?: string; bold?: boolean };
export interface Column {
  title: string;
  width: number;
  align?: 'left' | 'right' | 'center';
}

const PAD = 4;

function cellText(c: Cell) {
  return typeof c === 'string' ? { text: c } : c;
}

/** A table at the cursor, full width; the widths are shares scaled to fit. */
export function table(cur: Cursor, columns: Column[], rows: Cell[][], size = 8.5): void {
  const { doc } = cur;
  const total = columns.reduce((a, c) => a + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * WIDTH);
  const header = () => {
    doc.rect(LEFT, cur.y, WIDTH, 16).fill(hex(NAVY));
    let x = LEFT;
    columns.forEach((c, i) => {
      font(doc, size - 0.5, true, 'FFFFFF').text(winAnsi(c.title), x + PAD, cur.y + 4.5, {
        width: widths[i]! - 2 * PAD,
        align: c.align ?? 'left',
        lineBreak: false,
      });
      x += widths[i]!;
    });
    cur.y += 16;
  };
  cur.ensure(16 + 18);
  header();
  rows.forEach((row, r) => {
    const heights = row.map((c, i) => {
      const t = cellText(c);
      if (t.rag) return 12;
      font(doc, size, t.bold);
      return doc.heightOfString(winAnsi(t.text), { width: widths[i]! - 2 * PAD });
    });
    const h = Math.max(...heights) + 2 * PAD + 1;
    if (cur.y + h > BOTTOM) {
      cur.ensure(h + 16);
      header();
    }
    if (r % 2 === 1) doc.rect(LEFT, cur.y, WIDTH, h).fill(hex(ZEBRA));
    let x = LEFT;
    row.forEach((c, i) => {
      const t = cellText(c);
      const w = widths[i]!;
      const align = columns[i]!.align ?? 'left';
      if (t.rag) {
        const cx = align === 'center' ? x + (w - 12) / 2 : x + PAD;
        chip(doc, cx, cur.y + PAD, t.rag);
        if (t.text)
          font(doc, size, t.bold, t.colour ?? INK).text(winAnsi(t.text), cx + 16, cur.y + PAD + 2, {
            width: w - 2 * PAD - 16,
            lineBreak: false,
          });
      } else {
        font(doc, size, t.bold, t.colour ?? INK).text(winAnsi(t.text), x + PAD, cur.y + PAD + 1, {
          width: w - 2 * PAD,
          align,
        });
      }
      x += w;
    });
    cur.y += h;
    doc
      .moveTo(LEFT, cur.y)
      .lineTo(LEFT + WIDTH, cur.y)
      .lineWidth(0.4)
      .strokeColor(hex(RULE))
      .stroke();
  });
  cur.y += 12;
}

/** A muted line of text, for "none" in an empty section. */
export function note(cur: Cursor, text: string): void {
  cur.ensure(16);
  font(cur.doc, 8.5, false, MUTED).text(winAnsi(text), LEFT, cur.y, { width: WIDTH });
  cur.y += 18;
}
