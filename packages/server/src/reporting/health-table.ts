/*
 * The portfolio health table as an Excel workbook: one row per project, worst first, RAG cells
 * filled in their colour and holding their letter (so filters and colour-blind readers work),
 * the trend, the key metrics, the manager, the last report date and a late flag; frozen header
 * and filters. A second sheet says what the table is.
 */

import ExcelJS from 'exceljs';
import { healthOrder } from './deck-plan';
import { type PortfolioDeck, RAG_DIMENSIONS, type RagRating, type RenderOptions } from './model';
import {
  DIMENSION_LABEL,
  NAVY,
  periodTitle,
  RAG_FILL,
  RAG_INK,
  RAG_LETTER,
  RAG_TEXT,
  stamp,
  TREND_COLOUR,
  TREND_GLYPH,
} from './theme';

const argb = (hex: string) => `FF${hex}`;
/** Every font names its face: a cell font replaces the whole style, and the default is a serif in some viewers. */
const FONT = { name: 'Arial', size: 10 } as const;

const COLUMNS: { header: string; width: number }[] = [
  { header: 'Code', width: 11 },
  { header: 'Project', width: 36 },
  { header: 'Program', width: 22 },
  { header: 'Phase', width: 11 },
  { header: 'Overall', width: 9 },
  { header: 'Trend', width: 12 },
  ...RAG_DIMENSIONS.map((d) => ({ header: DIMENSION_LABEL[d], width: 10 })),
  { header: 'SPI', width: 7 },
  { header: 'CPI', width: 7 },
  { header: '% complete', width: 11 },
  { header: 'Budget', width: 15 },
  { header: 'EAC', width: 15 },
  { header: 'VAC %', width: 9 },
  { header: 'Project manager', width: 20 },
  { header: 'Last report', width: 12 },
  { header: 'Report', width: 10 },
  { header: 'Needs attention', width: 10 },
];
/** 1-based column numbers of the RAG cells: overall, then the six dimensions. */
const OVERALL_COL = 5;
const TREND_COL = 6;
const FIRST_DIM_COL = 7;

function paintRag(c: ExcelJS.Cell, rag: RagRating): void {
  c.value = RAG_LETTER[rag];
  c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(RAG_FILL[rag]) } };
  c.font = { ...FONT, bold: true, color: { argb: argb(RAG_TEXT[rag]) } };
  c.alignment = { horizontal: 'center' };
}

const isoDate = (iso: string | null) => (iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null);

/** The health table of a deck's projects as an .xlsx file. */
export async function healthTableXlsx(deck: PortfolioDeck, opts: RenderOptions = {}): Promise<Buffer> {
  const at = opts.generatedAt ?? new Date();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Pharos';
  wb.created = at;
  wb.title = `${deck.portfolio.name} health ${deck.period.label}`;
  const ws = wb.addWorksheet('Health', {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: { oddFooter: `&L${deck.portfolio.name} · ${deck.period.label}&RPage &P of &N` },
  });
  ws.pageSetup.printTitlesRow = '1:1';
  ws.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width, style: { font: FONT } }));
  const head = ws.getRow(1);
  head.font = { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } };
  head.alignment = { vertical: 'middle', wrapText: true };
  head.height = 30;
  head.eachCell((c) => {
    c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(NAVY) } };
  });
  const money = `#,##0 "${deck.currency}"`;
  for (const p of [...deck.projects].sort(healthOrder)) {
    const vac = p.budget !== null && p.eac !== null && p.budget !== 0 ? (p.budget - p.eac) / p.budget : null;
    const row = ws.addRow([
      p.code,
      p.name,
      p.program ?? '',
      p.phase,
      null,
      `${TREND_GLYPH[p.trend]} ${p.trend}`,
      ...RAG_DIMENSIONS.map(() => null),
      p.spi,
      p.cpi,
      p.percentComplete === null ? null : p.percentComplete / 100,
      p.budget === null ? null : p.budget / 100,
      p.eac === null ? null : p.eac / 100,
      vac,
      p.manager,
      isoDate(p.lastReportDate),
      p.reportState === 'on-time' ? 'on time' : p.reportState,
      p.needsAttention ? 'yes' : '',
    ]);
    paintRag(row.getCell(OVERALL_COL), p.overall);
    RAG_DIMENSIONS.forEach((d, i) => {
      paintRag(row.getCell(FIRST_DIM_COL + i), p.dimensions[d]);
    });
    row.getCell(TREND_COL).font = {
      ...FONT,
      color: { argb: argb(TREND_COLOUR[p.trend]) },
      bold: p.trend === 'worsening',
    };
    if (p.reportState !== 'on-time') {
      const rag = p.reportState === 'missing' ? 'red' : 'amber';
      row.getCell(COLUMNS.length - 1).font = { ...FONT, bold: true, color: { argb: argb(RAG_INK[rag]) } };
    }
    if (p.needsAttention) row.getCell(2).font = { ...FONT, bold: true };
  }
  const col = (name: string) => ws.getColumn(COLUMNS.findIndex((c) => c.header === name) + 1);
  col('SPI').numFmt = '0.00';
  col('CPI').numFmt = '0.00';
  col('% complete').numFmt = '0%';
  col('Budget').numFmt = money;
  col('EAC').numFmt = money;
  col('VAC %').numFmt = '+0.0%;[Red]-0.0%';
  col('Last report').numFmt = 'yyyy-mm-dd';
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };

  const about = wb.addWorksheet('About', { properties: { defaultRowHeight: 15 } });
  const c = deck.counts;
  for (const [k, v] of [
    [
      deck.portfolio.kind === 'program' ? 'Program' : 'Portfolio',
      `${deck.portfolio.code} — ${deck.portfolio.name}`,
    ],
    ['Office', deck.portfolio.office],
    ['Period', periodTitle(deck.period)],
    ['Report date', deck.reportDate],
    [
      'Projects',
      `${deck.projects.length}: ${c.red} red, ${c.amber} amber, ${c.green} green, ${c.unknown} not rated`,
    ],
    ['Roll-up', deck.rollup],
    ['Colours', 'R red, A amber, G green, ? not rated (the letter is in the cell; the colour is its fill)'],
    ['Trend', '↓ worse, → same, ↑ better than the previous period; • first report'],
    ['VAC %', '(budget − EAC) / budget: negative means a forecast overrun'],
    ['Generated', `${stamp(at)} by Pharos`],
  ] as const)
    about.addRow([k, v]).getCell(1).font = { ...FONT, bold: true };
  about.getColumn(1).width = 14;
  about.getColumn(2).width = 90;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
