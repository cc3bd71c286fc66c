import { MspdiError } from './errors';
import type { XmlNode } from './scan';

/** MS Project's dates run from 1984 to 2149; anything far outside is not a plan date. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2200;
/** The longest duration read (minutes): 200 years of calendar time. */
const MAX_DURATION = 200 * 366 * 1440;

const INSTANT = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?)?$/;
const INT = /^[-+]?\d{1,15}$/;
const NUM = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const DURATION =
  /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const CLOCK = /^(\d\d):(\d\d)(?::(\d\d)(?:\.\d+)?)?$/;

const dim = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Typed reading of one element's fields. Each reader returns `undefined` for a field that is
 * absent or empty, and throws an `MspdiError` naming the element path for one that holds the
 * wrong kind of value (MS Project refuses such a file too).
 */
export class Fields {
  constructor(
    readonly node: XmlNode,
    readonly path: string,
  ) {}

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

  text(name: string): string | undefined {
    const v = this.node[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'string')
      throw new MspdiError(`${this.at(name)} should hold text, not elements`, this.at(name));
    return v;
  }

  /** Text with surrounding whitespace dropped; empty means absent. */
  value(name: string): string | undefined {
    const v = this.text(name)?.trim();
    return v ? v : undefined;
  }

  child(name: string): Fields | undefined {
    const v = this.node[name];
    // An element with nothing in it (`<WeekDays></WeekDays>`) reads as its blank text.
    if (v === undefined || (typeof v === 'string' && !v.trim())) return undefined;
    if (typeof v !== 'object' || Array.isArray(v))
      throw new MspdiError(`${this.at(name)} should hold elements`, this.at(name));
    return new Fields(v, this.at(name));
  }

  list(name: string): Fields[] {
    const v = this.node[name];
    if (v === undefined) return [];
    if (!Array.isArray(v)) throw new MspdiError(`${this.at(name)} is malformed`, this.at(name));
    return v.map((n, i) => new Fields(n, `${this.at(name)}[${i + 1}]`));
  }

  int(name: string, min = -(2 ** 31), max = 2 ** 31 - 1): number | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    const n = INT.test(v) ? Number(v) : NUM.test(v) && Number.isInteger(Number(v)) ? Number(v) : Number.NaN;
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
    const v = this.value(name);
    if (v === undefined) return undefined;
    const n = NUM.test(v) ? Number(v) : Number.NaN;
    if (!Number.isFinite(n)) this.fail(name, 'a number');
    if (n < min || n > max) this.fail(name, `a number from ${min} to ${max}`);
    return n;
  }

  bool(name: string): boolean | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
    if (v === '1' || v === 'true') return true;
    if (v === '0' || v === 'false') return false;
    return this.fail(name, 'a boolean (0 or 1)');
  }

  /** A wall-clock instant as Pharos keeps it: `YYYY-MM-DDTHH:mm`. */
  instant(name: string): string | undefined {
    const v = this.value(name);
    if (v === undefined) return undefined;
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
    return `${y}-${mo}-${d}T${h}:${mi}`;
  }

  /** A calendar date, `YYYY-MM-DD`. */
  date(name: string): string | undefined {
    return this.instant(name)?.slice(0, 10);
  }

  /** A clock time as `HH:mm`; midnight at the end of a span is `24:00`. */
  clock(name: string, end = false): string | undefined {
    const v = this.value(name);
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
    const v = this.value(name);
    if (v === undefined) return undefined;
    const m = DURATION.exec(v);
    if (!m || v === 'P' || v.endsWith('T')) return this.fail(name, 'a duration (such as PT8H0M0S)');
    const [, sign, d, h, mi, s] = m;
    const minutes =
      (sign ? -1 : 1) *
      Math.round(Number(d ?? 0) * 1440 + Number(h ?? 0) * 60 + Number(mi ?? 0) + Number(s ?? 0) / 60);
    if (minutes < min || Math.abs(minutes) > MAX_DURATION)
      return this.fail(name, min === 0 ? 'a duration of 0 to 200 years' : 'a duration within 200 years');
    return minutes + 0; // no -0
  }
}

const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
