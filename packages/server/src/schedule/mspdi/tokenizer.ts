import { MspdiError } from './errors';

export interface TokenSink {
  /**
   * An element opens. `id` numbers its name (the same name, the same number; -1 past the first
   * 8,192 names). Returns true when the element's text is wanted: it then comes with `close`.
   */
  open(name: string, attributes: Record<string, string>, id: number): boolean;
  /** An element closes: `text` is its text if it was wanted and the element had no child, else ''. */
  close(name: string, text: string): void;
  /** The text of element `name` has grown past the limit the tokenizer was given. */
  tooMuchText(name: string | undefined): never;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ATTRIBUTE = /\s*([A-Za-z_][\w.\-:]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Characters XML 1.0 forbids anywhere in a document. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids, found on purpose
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;
/** The longest text, tag or comment waited for across pieces (beyond it the file is refused). */
const LONGEST = 2 * 1024 * 1024;
/** Names numbered (MSPDI uses a few hundred); further names get -1 and are not remembered. */
const MAX_NAMES = 8192;

/** A name met before: its number, and the name that followed it last time (usually follows again). */
interface Name {
  readonly name: string;
  readonly id: number;
  next: Name | undefined;
}

/**
 * A strict, fast tokenizer for the XML MSPDI uses: elements, attributes, text, CDATA, comments
 * and processing instructions, fed in pieces of any size. It knows only XML's five predefined
 * entities and character references; any `<!DOCTYPE` (or other declaration) is refused, so no
 * entity can be declared, expanded or fetched. Well-formedness is checked (names, matching end
 * tags, one root, nothing after it, no forbidden characters, no undefined entity even in text
 * nobody reads). It reads about ten times faster than a general-purpose streaming parser
 * (saxes), which a 350,000-task file needs: names are recognized without being cut out of the
 * input (MSPDI repeats the same sequence of names record after record), and text is cut out
 * only where the sink wants it, so per element the work is a few `indexOf`s.
 */
export class XmlTokenizer {
  private buf = '';
  /** Characters consumed before `buf` (for messages). */
  private offset = 0;
  private readonly stack: string[] = [];
  private rootDone = false;
  private rootSeen = false;
  /** Element names met so far. */
  private readonly names = new Map<string, Name>();
  /** The last element opened (its `next` guesses the next one). */
  private last: Name | undefined;
  /** The innermost open element wants its text and has had no child yet. */
  private wanted = false;
  /** Its text so far. */
  private text = '';
  /** Characters of text since the last tag. */
  private textLength = 0;
  /** In `buf`: where the next "&" and "]]>" are at or after a position (recomputed when passed). */
  private amp = -1;
  private cdataEnd = -1;

  constructor(
    private readonly sink: TokenSink,
    private readonly maxText = Number.POSITIVE_INFINITY,
  ) {}

  write(chunk: string) {
    const bad = FORBIDDEN.exec(chunk);
    if (bad) {
      this.offset += this.buf.length;
      this.buf = '';
      this.fail('a character XML does not allow', bad.index);
    }
    this.buf = this.buf ? this.buf + chunk : chunk;
    this.run(false);
  }

  end() {
    this.run(true);
    if (this.buf.trim()) this.fail('the file ends inside markup');
    if (this.stack.length) this.fail(`the file ends before </${this.stack.at(-1)}>`);
    if (!this.rootSeen) this.fail('the file has no element');
  }

  private fail(what: string, at = 0): never {
    throw new MspdiError(`Not well-formed XML: ${what} (at character ${this.offset + at})`);
  }

  private run(final: boolean) {
    const s = this.buf;
    this.amp = -1;
    this.cdataEnd = -1;
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text runs to the end of what has arrived: keep it until its end is known.
        if (final) this.characters(s, i, s.length);
        else if (s.length - i > LONGEST) this.fail('more than 2 MiB of text in one place', i);
        break;
      }
      if (lt > i) this.characters(s, i, lt);
      const next = this.markup(s, lt);
      if (next < 0) {
        // Incomplete markup: wait for more (a tag, comment or CDATA section has its limit too).
        if (s.length - lt > LONGEST) this.fail('markup longer than 2 MiB', lt);
        i = lt;
        break;
      }
      i = next;
    }
    this.offset += i;
    this.buf = i === 0 ? s : s.slice(i);
  }

  /** Reads the markup at `lt`; returns where it ends, or -1 when it has not fully arrived. */
  private markup(s: string, lt: number): number {
    const c = s.charCodeAt(lt + 1);
    if (c === 47 /* / */) return this.endTag(s, lt);
    if (c === 63 /* ? */) {
      const end = s.indexOf('?>', lt);
      return end < 0 ? -1 : end + 2;
    }
    if (c === 33 /* ! */) {
      if (s.startsWith('<!--', lt)) {
        const end = s.indexOf('-->', lt + 4);
        return end < 0 ? -1 : end + 3;
      }
      if (s.startsWith('<![CDATA[', lt)) {
        const end = s.indexOf(']]>', lt + 9);
        if (end < 0) return -1;
        if (!this.stack.length) this.fail('CDATA outside the root element', lt);
        this.textLength += end - lt - 9;
        if (this.textLength > this.maxText) this.sink.tooMuchText(this.stack.at(-1));
        if (this.wanted) this.text += s.slice(lt + 9, end);
        return end + 3;
      }
      if (s.length - lt < 9) return -1;
      if (s.startsWith('<!DOCTYPE', lt))
        throw new MspdiError(
          'The file has a DOCTYPE declaration. MSPDI files have none, and Pharos refuses them because they can declare entities (entity expansion and external entities)',
          'DOCTYPE',
        );
      this.fail('a markup declaration', lt);
    }
    return this.startTag(s, lt);
  }

  private endTag(s: string, lt: number): number {
    const open = this.stack.at(-1);
    let gt: number;
    if (open !== undefined && s.charCodeAt(lt + 2 + open.length) === 62 && matches(s, lt + 2, open))
      gt = lt + 2 + open.length;
    else {
      gt = s.indexOf('>', lt);
      if (gt < 0) return -1;
      const name = s.slice(lt + 2, gt).trimEnd();
      if (name !== open) this.fail(open ? `</${name}> closes <${open}>` : `</${name}> closes nothing`, lt);
    }
    this.stack.pop();
    const text = this.wanted ? this.text : '';
    this.wanted = false;
    this.text = '';
    this.textLength = 0;
    this.sink.close(open!, text);
    if (this.stack.length === 0) this.rootDone = true;
    return gt + 1;
  }

  private startTag(s: string, lt: number): number {
    let gt = s.indexOf('>', lt + 1);
    if (gt < 0) return -1;
    const selfClosing = s.charCodeAt(gt - 1) === 47;
    const length = gt - lt - 1 - (selfClosing ? 1 : 0);
    let known = this.last?.next;
    if (known === undefined || known.name.length !== length || !matches(s, lt + 1, known.name))
      known = this.names.get(s.slice(lt + 1, lt + 1 + length));
    let name: string;
    let attributes = NO_ATTRIBUTES;
    let id = -1;
    let closes = selfClosing;
    if (known) {
      // A name met before, alone in its tag: nothing else to check.
      name = known.name;
      id = known.id;
      if (this.last) this.last.next = known;
      this.last = known;
    } else {
      let body = s.slice(lt + 1, gt);
      if (body.includes('"') || body.includes("'")) {
        // Quoted attribute values may hold ">": find the tag's real end outside quotes.
        gt = this.tagEnd(s, lt);
        if (gt < 0) return -1;
        body = s.slice(lt + 1, gt);
      }
      closes = body.charCodeAt(body.length - 1) === 47;
      if (closes) body = body.slice(0, -1);
      const space = body.search(/[ \t\r\n]/);
      name = space < 0 ? body : body.slice(0, space);
      if (!NAME.test(name)) this.fail(`"<${name.slice(0, 40)}" is not an element name`, lt);
      if (space >= 0) attributes = this.attributes(body, space, name, lt);
      if (body.includes('<')) this.fail('"<" inside a tag', lt);
      const seen = this.names.get(name) ?? this.remember(name);
      id = seen?.id ?? -1;
      if (seen && this.last) this.last.next = seen;
      this.last = seen;
    }
    if (this.rootDone) this.fail('content after the root element', lt);
    this.rootSeen = true;
    this.stack.push(name);
    this.text = '';
    this.textLength = 0;
    this.wanted = this.sink.open(name, attributes, id);
    if (closes) {
      this.stack.pop();
      this.wanted = false;
      this.textLength = 0;
      this.sink.close(name, '');
      if (this.stack.length === 0) this.rootDone = true;
    }
    return gt + 1;
  }

  private remember(name: string): Name | undefined {
    if (this.names.size >= MAX_NAMES) return undefined;
    // The name as a property key once, so V8 keeps it interned (later lookups by it are fast).
    const key = Object.keys({ [name]: 0 })[0]!;
    const entry: Name = { name: key, id: this.names.size, next: undefined };
    this.names.set(key, entry);
    return entry;
  }

  private tagEnd(s: string, lt: number): number {
    let quote = 0;
    for (let gt = lt + 1; gt < s.length; gt++) {
      const ch = s.charCodeAt(gt);
      if (quote) {
        if (ch === quote) quote = 0;
      } else if (ch === 34 || ch === 39) quote = ch;
      else if (ch === 62) return gt;
    }
    return -1;
  }

  private attributes(body: string, space: number, name: string, lt: number) {
    const attributes: Record<string, string> = {};
    let j = space;
    ATTRIBUTE.lastIndex = j;
    for (let m = ATTRIBUTE.exec(body); m; m = ATTRIBUTE.exec(body)) {
      if (m[1]! in attributes) this.fail(`attribute ${m[1]} twice`, lt);
      attributes[m[1]!] = this.decode(m[2] ?? m[3] ?? '', lt);
      j = ATTRIBUTE.lastIndex;
    }
    if (body.slice(j).trim()) this.fail(`a malformed attribute in <${name}>`, lt);
    return attributes;
  }

  /** The text from `a` to `b` of `s`: checked, and kept if the open element wants it. */
  private characters(s: string, a: number, b: number) {
    if (!this.stack.length) {
      for (let k = a; k < b; k++) {
        const ch = s.charCodeAt(k);
        if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) this.fail('text outside the root element', a);
      }
      return;
    }
    this.textLength += b - a;
    if (this.textLength > this.maxText) this.sink.tooMuchText(this.stack.at(-1));
    if (this.cdataEnd < a) this.cdataEnd = at(s, ']]>', a);
    if (this.cdataEnd < b) this.fail('"]]>" in text', a);
    if (this.amp < a) this.amp = at(s, '&', a);
    if (this.amp < b) {
      // Entities are checked even in text nobody reads.
      const t = this.decode(s.slice(a, b), a);
      if (this.wanted) this.text += t;
    } else if (this.wanted) this.text = this.text ? this.text + s.slice(a, b) : s.slice(a, b);
  }

  private decode(t: string, at: number): string {
    const out = t.replace(ENTITY, (_, name: string, dec: string, hex: string) => {
      if (name) return PREDEFINED[name]!;
      const code = dec ? Number(dec) : Number.parseInt(hex, 16);
      if (code > 0x10ffff || code === 0 || (code < 32 && code !== 9 && code !== 10 && code !== 13))
        this.fail(`the character reference &#${dec ?? `x${hex}`}; is not allowed`, at);
      return String.fromCodePoint(code);
    });
    // Any "&" left over is an entity nobody declared (or a bare "&").
    const rest = t.replace(ENTITY, '');
    const stray = rest.indexOf('&');
    if (stray >= 0) this.fail(`undefined entity or bare "&" near "${rest.slice(stray, stray + 12)}"`, at);
    return out;
  }
}

/** Where `what` is in `s` at or after `from`; the length of `s` if nowhere. */
function at(s: string, what: string, from: number) {
  const i = s.indexOf(what, from);
  return i < 0 ? s.length : i;
}

/** Whether `s` has `name` at `at` (a character loop: faster than `startsWith` on short names). */
function matches(s: string, at: number, name: string) {
  for (let k = 0; k < name.length; k++) if (s.charCodeAt(at + k) !== name.charCodeAt(k)) return false;
  return true;
}
