/**
 * Rows in PostgreSQL's binary COPY format (`COPY … FROM … WITH (FORMAT binary)`): every value as
 * the server keeps it (integers, floats, timestamps as microseconds), so the server runs no input
 * function but for text and jsonb. PGlite, in WebAssembly, reads such a file several times faster
 * than the same rows as array literals or COPY text.
 *
 * A value is only written when it is stored exactly as the text forms would store it (an integer
 * in range, a wall-clock timestamp to the minute, …); for anything else `encode` answers null and
 * the caller writes those rows another way, where the server accepts or refuses them as always.
 */

export type CopyType = 'uuid' | 'int2' | 'int4' | 'float8' | 'bool' | 'text' | 'jsonb' | 'timestamp';

/** A column to write: its type and how to read its value from an item. */
export type CopyColumn<T> = readonly [type: CopyType, get: (item: T) => unknown];

const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00];
const TWO_32 = 2 ** 32;
/** Seconds from 1970 to 2000, PostgreSQL's epoch. */
const PG_EPOCH_S = 946_684_800;

const digit = (v: string, at: number) => {
  const c = v.charCodeAt(at) - 48;
  return c >= 0 && c <= 9 ? c : Number.NaN;
};

const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * `YYYY-MM-DDTHH:mm` (or with a space, or `:00` seconds): minutes since 1970 as a wall clock, or
 * NaN. Years from 1000 to 2999 (plan dates are 1900–2200), so the minutes fit an int4; a date that
 * does not exist (30 February) is NaN. Arithmetic only (days from the civil date), no Date: it
 * runs for every timestamp of a plan.
 */
export function wallMinutes(v: string): number {
  const len = v.length;
  if (len < 16 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45 || v.charCodeAt(13) !== 58)
    return Number.NaN;
  const t = v.charCodeAt(10);
  if (t !== 84 && t !== 32) return Number.NaN;
  if (
    len > 16 &&
    (len !== 19 || v.charCodeAt(16) !== 58 || v.charCodeAt(17) !== 48 || v.charCodeAt(18) !== 48)
  )
    return Number.NaN;
  const y = digit(v, 0) * 1000 + digit(v, 1) * 100 + digit(v, 2) * 10 + digit(v, 3);
  const mo = digit(v, 5) * 10 + digit(v, 6);
  const d = digit(v, 8) * 10 + digit(v, 9);
  const h = digit(v, 11) * 10 + digit(v, 12);
  const mi = digit(v, 14) * 10 + digit(v, 15);
  if (!(y >= 1000 && y <= 2999 && mo >= 1 && mo <= 12 && d >= 1 && h <= 23 && mi <= 59)) return Number.NaN;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (mo === 2 && leap ? 29 : MONTH_DAYS[mo]!)) return Number.NaN;
  // Days since 1970-01-01 of a proleptic Gregorian date, years counted from March.
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * ((mo + 9) % 12) + 2) / 5) + d - 1;
  const days = era * 146_097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719_468;
  return days * 1440 + h * 60 + mi;
}

/** A growing buffer of big-endian fields. */
class Out {
  bytes: Buffer;
  view: DataView;
  at = 0;
  constructor(size: number) {
    this.bytes = Buffer.allocUnsafeSlow(size);
    this.view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.length);
  }
  room(n: number) {
    if (this.at + n <= this.bytes.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.bytes.length * 2, this.at + n));
    this.bytes.copy(next, 0, 0, this.at);
    this.bytes = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.length);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Items `from` to `to` as one binary COPY file: per row, `prefix` (constant leading columns, such
 * as the project's id) then the columns. Null when a value cannot be written exactly.
 */
export function binaryCopy<T>(
  items: readonly T[],
  from: number,
  to: number,
  columns: readonly CopyColumn<T>[],
  prefix: readonly (readonly [type: CopyType, value: unknown])[] = [],
): Uint8Array | null {
  const out = new Out(Math.max(1024, (to - from) * 64 * (columns.length + prefix.length)));
  out.room(19);
  out.bytes.set(SIGNATURE, 0);
  out.view.setInt32(11, 0); // flags
  out.view.setInt32(15, 0); // header extension length
  out.at = 19;
  // The leading columns, the same in every row: written once, copied per row.
  const head = new Out(64);
  for (const [type, value] of prefix) if (!field(head, type, value)) return null;
  const headBytes = head.bytes.subarray(0, head.at);
  const count = prefix.length + columns.length;
  for (let i = from; i < to; i++) {
    const item = items[i]!;
    out.room(2 + headBytes.length);
    out.view.setInt16(out.at, count);
    out.at += 2;
    out.bytes.set(headBytes, out.at);
    out.at += headBytes.length;
    for (let c = 0; c < columns.length; c++) {
      const [type, get] = columns[c]!;
      if (!field(out, type, get(item))) return null;
    }
  }
  out.room(2);
  out.view.setInt16(out.at, -1);
  out.at += 2;
  return out.bytes.subarray(0, out.at);
}

/** Writes one field (length and value); false when it cannot be written exactly. */
function field(out: Out, type: CopyType, v: unknown): boolean {
  if (v === null || v === undefined) {
    out.room(4);
    out.view.setInt32(out.at, -1);
    out.at += 4;
    return true;
  }
  switch (type) {
    case 'int4':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31) return false;
      out.room(8);
      out.view.setInt32(out.at, 4);
      out.view.setInt32(out.at + 4, v);
      out.at += 8;
      return true;
    case 'int2':
      if (typeof v !== 'number' || !Number.isInteger(v) || v < -32768 || v > 32767) return false;
      out.room(6);
      out.view.setInt32(out.at, 2);
      out.view.setInt16(out.at + 4, v);
      out.at += 6;
      return true;
    case 'float8':
      if (typeof v !== 'number') return false;
      out.room(12);
      out.view.setInt32(out.at, 8);
      // -0 prints as 0, which is what the text forms store.
      out.view.setFloat64(out.at + 4, v === 0 ? 0 : v);
      out.at += 12;
      return true;
    case 'bool':
      if (typeof v !== 'boolean') return false;
      out.room(5);
      out.view.setInt32(out.at, 1);
      out.bytes[out.at + 4] = v ? 1 : 0;
      out.at += 5;
      return true;
    case 'timestamp': {
      const m = typeof v === 'string' ? wallMinutes(v) : Number.NaN;
      if (Number.isNaN(m)) return false;
      // Microseconds since 2000 as an int64; (s × 15625) × 64 is exact in a double.
      const us = (m * 60 - PG_EPOCH_S) * 15_625 * 64;
      const hi = Math.floor(us / TWO_32);
      out.room(12);
      out.view.setInt32(out.at, 8);
      out.view.setInt32(out.at + 4, hi);
      out.view.setUint32(out.at + 8, us - hi * TWO_32);
      out.at += 12;
      return true;
    }
    case 'uuid': {
      if (typeof v !== 'string' || !UUID.test(v)) return false;
      out.room(20);
      out.view.setInt32(out.at, 16);
      out.bytes.write(v.replace(/-/g, ''), out.at + 4, 16, 'hex');
      out.at += 20;
      return true;
    }
    case 'jsonb':
    case 'text': {
      const s = String(v);
      const json = type === 'jsonb' ? 1 : 0;
      // At most three bytes of UTF-8 per UTF-16 unit.
      out.room(5 + s.length * 3);
      const n = out.bytes.write(s, out.at + 4 + json, 'utf8');
      out.view.setInt32(out.at, n + json);
      if (json) out.bytes[out.at + 4] = 1; // jsonb's binary form: a version byte, then the text
      out.at += 4 + json + n;
      return true;
    }
  }
}
