import { MSPDI_ORDER, type OrderedElement } from './order';

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids, found on purpose
const SPECIAL = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids, found on purpose
const SPECIAL_ALL = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text as XML character data. Control characters XML 1.0 cannot carry at all are dropped. */
export function escapeXml(s: string): string {
  return SPECIAL.test(s) ? s.replace(SPECIAL_ALL, (c) => ENTITY[c] ?? '') : s;
}

export type Value = string | number | boolean | null | undefined;

const slotsOf = new Map<string, Map<string, number>>();
function slots(kind: OrderedElement) {
  let m = slotsOf.get(kind);
  if (!m) {
    m = new Map(MSPDI_ORDER[kind].map((n, i) => [n, i]));
    slotsOf.set(kind, m);
  }
  return m;
}

/**
 * One element whose children are set in any order and written in the order MS Project's schema
 * demands (`MSPDI_ORDER`). Setting a child the schema does not have is a programming error.
 */
export class Element {
  private readonly parts: string[] = [];
  private readonly index: Map<string, number>;
  constructor(
    readonly tag: string,
    kind: OrderedElement = tag as OrderedElement,
  ) {
    this.index = slots(kind);
  }

  private slot(name: string) {
    const i = this.index.get(name);
    if (i === undefined) throw new Error(`<${name}> is not a child of <${this.tag}> in MSPDI`);
    return i;
  }

  /** A text child; nothing is written for null or undefined. */
  set(name: string, v: Value): this {
    if (v === null || v === undefined) return this;
    const text = typeof v === 'boolean' ? (v ? '1' : '0') : typeof v === 'number' ? String(v) : escapeXml(v);
    this.parts[this.slot(name)] = `<${name}>${text}</${name}>`;
    return this;
  }

  /** Child elements already written as XML (repeated ones accumulate). */
  add(name: string, xml: string): this {
    const i = this.slot(name);
    this.parts[i] = (this.parts[i] ?? '') + xml;
    return this;
  }

  toString(): string {
    let s = `<${this.tag}>`;
    for (const p of this.parts) if (p !== undefined) s += p;
    return `${s}</${this.tag}>\n`;
  }
}

/** `<Name>…</Name>` for a plain text child of an element without an order list. */
export const leaf = (name: string, v: Value) =>
  v === null || v === undefined
    ? ''
    : `<${name}>${typeof v === 'string' ? escapeXml(v) : v === true ? 1 : v === false ? 0 : v}</${name}>`;

/** An instant as MSPDI writes it. */
export const xmlInstant = (s: string | null | undefined) => (s ? `${s}:00` : undefined);

/** Minutes as an MSPDI duration, `PT8H30M0S` (seconds kept for fractions of a minute). */
export function xmlDuration(minutes: number | null | undefined): string | undefined {
  if (minutes === null || minutes === undefined) return undefined;
  const sign = minutes < 0 ? '-' : '';
  const secs = Math.round(Math.abs(minutes) * 60);
  return `${sign}PT${Math.floor(secs / 3600)}H${Math.floor(secs / 60) % 60}M${secs % 60}S`;
}
