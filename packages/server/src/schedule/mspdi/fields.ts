import { MspdiError } from './errors';
import type { XmlNode } from './scan';

/** MS Project's dates run from 1984 to 2149; anything far outside is not a plan date. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;
/** The longest duration read (minutes): 200 years of calendar time. */
const MAX_DURATION = 200 * 366 * 1440;

const INSTANT = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?$/;
const NUM = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const CLOCK = /^(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?$/;

const dim = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * A copy of text cut from the input that shares nothing with it. V8 cuts a string of 13
 * characters or more as a view into the one it comes from, which would keep a whole piece of the
 * file (megabytes) alive for as long as a task's name is.
 */
export function fresh(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

/** Parsed instants and durations by their text: a plan repeats a few thousand of them. */
const instants = new Map<string, string>();
const durations = new Map<string, number>();
const CACHED = 20_000;

function cache<T>(map: Map<string, T>, key: string, value: T): T {
  if (map.size >= CACHED) map.clear();
  map.set(fresh(key), value);
  return value;
}

/** What `Fields` may read of an element whose children were only partly kept (a reading bug if not). */
export type Kept = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Typed reading of one element's fields. Each reader returns `undefined` for a field that is
 * absent or empty, and throws an `MspdiError` naming the element path for one that holds the
 * wrong kind of value (MS Project refuses such a file too).
 */
export class Fields {
  private named: string | undefined;
  private from: { parent: Fields; name: string; index?: number } | undefined;
  /** The children the scanner kept, when it did not keep all of them. */
  private readonly keeps: ReadonlySet<string> | undefined;

  /**
   * `path` names the element for messages: a string, or made when first needed from the parent,
   * the element's name and its position among its like (from 0).
   */
  constructor(
    readonly node: XmlNode,
    path: string | { parent: Fields; name: string; index?: number },
    readonly kept?: Kept,
    elementName?: string,
  ) {
    if (typeof path === 'string') this.named = path;
    else this.from = path;
    const name = elementName ?? (typeof path === 'string' ? undefined : path.name);
    this.keeps = name === undefined ? undefined : kept?.get(name);
  }

  get path(): string {
    if (this.named === undefined) {
      const { parent, name, index } = this.from!;
      this.named = index === undefined ? parent.at(name) : `${parent.at(name)}[${index + 1}]`;
    }
    return this.named;
  }

  at(name: string) {
    return `${this.path}/${name}`;
  }

  fail(name: string, what: string): never {
    const v = this.text(name);
    throw new MspdiError(
      `${this.at(name)} ${v === undefined ? 'is missing' : `is "${clip(v)}", not ${what}`}`,
      this.at(name),
    );
  }

  /** The field as the scanner left it. */
  private raw(name: string): string | XmlNode | XmlNode[] | undefined {
    if (this.keeps !== undefined && !this.keeps.has(name))
      throw new Error(`MSPDI reader: ${name} in ${this.path} is read but was not kept by the scanner`);
    return this.node[name];
  }

  private string(name: string): string | undefined {
    const v = this.raw(name);
    if (v === undefined || typeof v === 'string') return v;
    throw new MspdiError(`${this.at(name)} should hold text, not elements`, this.at(name));
  }

  /** The text, surrounding whitespace dropped; undefined if empty (not copied: read, not kept). */
  private trimmed(name: string): string | undefined {
    let v = this.string(name);
    if (!v) return undefined;
    const a = v.charCodeAt(0);
    const z = v.charCodeAt(v.length - 1);
    if (!(a > 32 && a < 127 && z > 32 && z < 127)) v = v.trim();
    return v ? v : undefined;
  }

  text(name: string): string | undefined {
    const v = this.string(name);
    return v === undefined ? v : fresh(v);
  }

  /** Text with surrounding whitespace dropped; empty means absent. */
  value(name: string): string | undefined {
    const v = this.trimmed(name);
    return v === undefined ? v : fresh(v);
  }

  child(name: string): Fields | undefined {
    const v = this.raw(name);
    // An element with nothing in it (`<WeekDays></WeekDays>`) reads as its blank text.
    if (v === undefined || (typeof v === 'string' && !v.trim())) return undefined;
    if (typeof v !== 'object' || Array.isArray(v))
      throw new MspdiError(`${this.at(name)} should hold elements`, this.at(name));
    return new Fields(v, { parent: this, name }, this.kept);
  }

  list(name: string): Fields[] {
    const v = this.raw(name);
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new MspdiError(`${this.at(name)} is malformed`, this.at(name));
    return v.map((n, index) => new Fields(n, { parent: this, name, index }, this.kept));
  }

  int(name: string, min = -(2 ** 31), max = 2 ** 31 - 1): number | undefined {
    const v = this.trimmed(name);
    if (v === undefined) return undefined;
    let n = wholeNumber(v);
    if (Number.isNaN(n)) n = NUM.test(v) && Number.isInteger(Number(v)) ? Number(v) : Number.NaN;
    if (!Number.isInteger(n)) this.fail(name, 'a whole number');
    if (n < min || n > max) this.fail(name, `a whole number from ${min} to ${max}`);
    return n;
  }

  required<T>(name: string, read: (name: string) => T | undefined): T {
    const v = read.call(this, name);
    if (v === undefined) throw new MspdiError(`${this.at(name)} is missing`, this.at(name));
    return v;
  }

  num(name: string, min = Number.NEGATIVE_INFINITY, max = Number.POSITIVE_INFINITY): number | undefined {
    const v = this.trimmed(name);
    if (v === undefined) return undefined;
    const n = plainNumber(v) || NUM.test(v) ? Number(v) : Number.NaN;
    if (!Number.isFinite(n)) this.fail(name, 'a number');
    if (n < min || n > max) this.fail(name, `a number from ${min} to ${max}`);
    return n;
  }

  bool(name: string): boolean | undefined {
    const v = this.trimmed(name);
    if (v === undefined) return undefined;
    if (v === '1' || v === 'true') return true;
    if (v === '0' || v === 'false') return false;
    return this.fail(name, 'a boolean (0 or 1)');
  }

  /** A wall-clock instant as Pharos keeps it: `YYYY-MM-DDTHH:mm`. */
  instant(name: string): string | undefined {
    const v = this.trimmed(name);
    if (v === undefined) return undefined;
    const known = instants.get(v);
    if (known !== undefined) return known;
    const m = INSTANT.exec(v);
    if (!m) return this.fail(name, 'a date and time (YYYY-MM-DDTHH:mm:ss)');
    const [, y, mo, d, h = '00', mi = '00'] = m;
    const year = Number(y);
    if (
      year < FIRST_YEAR ||
      year > LAST_YEAR ||
      Number(mo) < 1 ||
      Number(mo) > 12 ||
      Number(d) < 1 ||
      Number(d) > dim(year, Number(mo)) ||
      Number(h) > 23 ||
      Number(mi) > 59
    )
      return this.fail(name, `a date and time from ${FIRST_YEAR} to ${LAST_YEAR}`);
    return cache(instants, v, fresh(`${y}-${mo}-${d}T${h}:${mi}`));
  }

  /** A calendar date, `YYYY-MM-DD`. */
  date(name: string): string | undefined {
    return this.instant(name)?.slice(0, 10);
  }

  /** A clock time as `HH:mm`; midnight at the end of a span is `24:00`. */
  clock(name: string, end = false): string | undefined {
    const v = this.trimmed(name);
    if (v === undefined) return undefined;
    const m = CLOCK.exec(v);
    if (!m || Number(m[1]) > 24 || Number(m[2]) > 59) return this.fail(name, 'a time of day (HH:mm:ss)');
    const hhmm = `${m[1]}:${m[2]}`;
    return end && hhmm === '00:00'
      ? '24:00'
      : hhmm === '24:00' && !end
        ? this.fail(name, 'a start time')
        : hhmm;
  }

  /** An MSPDI duration (`PT8H0M0S`, working or elapsed time) in whole minutes. */
  duration(name: string, min = 0): number | undefined {
    const v = this.trimmed(name);
    if (v === undefined) return undefined;
    let minutes = durations.get(v);
    if (minutes === undefined) {
      const m = DURATION.exec(v);
      if (!m || v === 'P' || v.endsWith('T')) return this.fail(name, 'a duration (such as PT8H0M0S)');
      const [, sign, d, h, mi, s] = m;
      minutes = cache(
        durations,
        v,
        (sign ? -1 : 1) *
          Math.round(Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(mi ?? 0) + Number(s ?? 0) / 60),
      );
    }
    if (minutes < min || Math.abs(minutes) > MAX_DURATION)
      return this.fail(name, min === 0 ? 'a duration of 0 to 200 years' : 'a duration within 200 years');
    return minutes + 0; // no -0
  }
}

/** `[-+]?\d{1,15}` as a number, read without a regular expression; NaN if it is not that. */
function wholeNumber(v: string): number {
  let i = 0;
  let sign = 1;
  const first = v.charCodeAt(0);
  if (first === 45 || first === 43) {
    sign = first === 45 ? -1 : 1;
    i = 1;
  }
  const digits = v.length - i;
  if (digits < 1 || digits > 15) return Number.NaN;
  let n = 0;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return Number.NaN;
    n = n * 10 + c;
  }
  return sign * n;
}

/** `[-+]?\d+(\.\d*)?`: a number `Number` reads exactly as `NUM` would (checked without a regex). */
function plainNumber(v: string): boolean {
  let i = 0;
  const first = v.charCodeAt(0);
  if (first === 45 || first === 43) i = 1;
  let digits = 0;
  let dot = false;
  for (; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (!dot) digits++;
    } else if (c === 46 && !dot) dot = true;
    else return false;
  }
  return digits > 0;
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
