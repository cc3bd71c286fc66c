/*
 * The look shared by the PDF, the deck and the workbook: Pharos navy, RAG colours that keep
 * enough contrast for their letter (white on red and green, navy on amber), and the formats of
 * numbers, money and dates. Every colour is also written as a letter, for colour-blind readers
 * and black-and-white printers.
 */

import type { RagDimension, RagRating, Trend } from './model';

export const NAVY = '1F3A5F';
export const NAVY_LIGHT = 'E8EDF4';
export const INK = '1E2630';
export const MUTED = '5B6675';
export const RULE = 'C9D1DC';
export const ZEBRA = 'F5F7FA';

export const RAG_FILL: Readonly<Record<RagRating, string>> = {
  red: 'C62828',
  amber: 'F2A900',
  green: '2E7D32',
  unknown: 'A7B0BC',
};
/** The letter's colour on each fill (contrast ≥ 4.5 : 1). */
export const RAG_TEXT: Readonly<Record<RagRating, string>> = {
  red: 'FFFFFF',
  amber: '1F2A37',
  green: 'FFFFFF',
  unknown: '1F2A37',
};
/** The colour for text that says red, amber or green on white (amber darkened to be legible). */
export const RAG_INK: Readonly<Record<RagRating, string>> = {
  red: 'C62828',
  amber: '8A5A00',
  green: '2E7D32',
  unknown: '5B6675',
};
/** Light tints for backgrounds behind text. */
export const RAG_TINT: Readonly<Record<RagRating, string>> = {
  red: 'FBE3E3',
  amber: 'FFF3D1',
  green: 'E3F1E4',
  unknown: 'EEF0F3',
};
export const RAG_LETTER: Readonly<Record<RagRating, string>> = {
  red: 'R',
  amber: 'A',
  green: 'G',
  unknown: '?',
};
export const RAG_WORD: Readonly<Record<RagRating, string>> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  unknown: 'Not rated',
};
/** Worse sorts first. */
export const RAG_RANK: Readonly<Record<RagRating, number>> = { red: 0, amber: 1, green: 2, unknown: 3 };

export const DIMENSION_LABEL: Readonly<Record<RagDimension, string>> = {
  schedule: 'Schedule',
  cost: 'Cost',
  scope: 'Scope',
  risk: 'Risk',
  quality: 'Quality',
  resources: 'Resources',
};
export const DIMENSION_SHORT: Readonly<Record<RagDimension, string>> = {
  schedule: 'Sch',
  cost: 'Cost',
  scope: 'Scope',
  risk: 'Risk',
  quality: 'Qual',
  resources: 'Res',
};

export const TREND_GLYPH: Readonly<Record<Trend, string>> = {
  improving: '↑',
  steady: '→',
  worsening: '↓',
  new: '•',
};
export const TREND_COLOUR: Readonly<Record<Trend, string>> = {
  improving: '2E7D32',
  steady: '5B6675',
  worsening: 'C62828',
  new: '5B6675',
};

export const ratio = (x: number | null) => (x === null ? '–' : x.toFixed(2));
export const percent = (x: number | null) => (x === null ? '–' : `${Math.round(x)} %`);

/** Minor units as a compact major amount: 1 234 567 89 → "1.23 M EUR". */
export function money(minor: number | null, currency: string): string {
  if (minor === null) return '–';
  const major = minor / 100;
  const abs = Math.abs(major);
  if (abs >= 1e9) return `${(major / 1e9).toFixed(2)} bn ${currency}`;
  if (abs >= 1e6) return `${(major / 1e6).toFixed(2)} M ${currency}`;
  if (abs >= 1e4) return `${(major / 1e3).toFixed(0)} k ${currency}`;
  return `${major.toFixed(0)} ${currency}`;
}

/** The variance at completion as a share of budget: positive is under budget. */
export function vacPercent(budget: number | null, eac: number | null): number | null {
  if (budget === null || eac === null || budget === 0) return null;
  return ((budget - eac) / budget) * 100;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2026-11-20 → "20 Nov 2026" (no time zone: an ISO date is a calendar date). */
export function day(iso: string | null): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** A time in UTC, to the minute: "24 Nov 2026 09:12 UTC". */
export function stamp(at: Date): string {
  const iso = at.toISOString();
  return `${day(iso)} ${iso.slice(11, 16)} UTC`;
}

export function periodTitle(p: { label: string; cadence: string; start: string; end: string }): string {
  const kind = p.cadence === 'monthly' ? 'Month' : p.cadence === 'biweekly' ? 'Fortnight' : 'Week';
  return `${kind} ${p.label} (${day(p.start)} – ${day(p.end)})`;
}

/** Cuts text to at most `max` characters at a word boundary, with an ellipsis. */
export function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[,;:.\s]+$/, '')}…`;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
