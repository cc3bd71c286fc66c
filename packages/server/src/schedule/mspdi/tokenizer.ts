import { MspdiError } from './errors';

export interface TokenSink {
  open(name: string, attributes: Record<string, string>): void;
  close(name: string): void;
  text(text: string): void;
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const ATTRIBUTE = /\s*([A-Za-z_][\w.\-:]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/g;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** Characters XML 1.0 forbids anywhere in a document. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids, found on purpose
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const BLANK = /^[ \t\r\n]*$/;
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;
/** The longest text, tag or comment waited for across pieces (beyond it the file is refused). */
const LONGEST = 2 * 1024 * 1024;

/**
 * A strict, fast tokenizer for the XML MSPDI uses: elements, attributes, text, CDATA, comments
 * and processing instructions, fed in pieces of any size. It knows only XML's five predefined
 * entities and character references; any `<!DOCTYPE` (or other declaration) is refused, so no
 * entity can be declared, expanded or fetched. Well-formedness is checked (names, matching end
 * tags, one root, nothing after it, no forbidden characters). It reads about ten times faster
 * than a general-purpose streaming parser (saxes), which a 350,000-task file needs.
 */
export class XmlTokenizer {
  private buf = '';
  /** Characters consumed before `buf` (for messages). */
  private offset = 0;
  private readonly stack: string[] = [];
  private rootDone = false;
  private rootSeen = false;
  /** Element names already checked (MSPDI uses a few hundred). */
  private readonly names = new Set<string>();

  constructor(private readonly sink: TokenSink) {}

  write(chunk: string) {
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
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) {
        // Text runs to the end of what has arrived: keep it until its end is known.
        if (final) this.characters(s.slice(i), i);
        else if (s.length - i > LONGEST) this.fail('more than 2 MiB of text in one place', i);
        break;
      }
      if (lt > i) this.characters(s.slice(i, lt), i);
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
    this.buf = s.slice(i);
  }

  /** Reads the markup at `lt`; returns where it ends, or -1 when it has not fully arrived. */
  private markup(s: string, lt: number): number {
    const c = s.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = s.indexOf('>', lt);
      if (gt < 0) return -1;
      const name = s.slice(lt + 2, gt).trimEnd();
      const open = this.stack.pop();
      if (name !== open) this.fail(open ? `</${name}> closes <${open}>` : `</${name}> closes nothing`, lt);
      this.sink.close(name);
      if (this.stack.length === 0) this.rootDone = true;
      return gt + 1;
    }
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
        this.checkChars(s.slice(lt + 9, end), lt);
        this.sink.text(s.slice(lt + 9, end));
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

  private startTag(s: string, lt: number): number {
    let gt = s.indexOf('>', lt + 1);
    if (gt < 0) return -1;
    let body = s.slice(lt + 1, gt);
    if (body.includes('"') || body.includes("'")) {
      // Quoted attribute values may hold ">": find the tag's real end outside quotes.
      gt = this.tagEnd(s, lt);
      if (gt < 0) return -1;
      body = s.slice(lt + 1, gt);
    }
    const selfClosing = body.charCodeAt(body.length - 1) === 47;
    if (selfClosing) body = body.slice(0, -1);
    if (this.rootDone) this.fail('content after the root element', lt);
    let name = body;
    let attributes = NO_ATTRIBUTES;
    if (!this.names.has(body)) {
      const space = body.search(/[ \t\r\n]/);
      name = space < 0 ? body : body.slice(0, space);
      if (!NAME.test(name)) this.fail(`"<${name.slice(0, 40)}" is not an element name`, lt);
      if (space >= 0) attributes = this.attributes(body, space, name, lt);
      else if (this.names.size < 1000) this.names.add(name);
    }
    if (body.includes('<')) this.fail('"<" inside a tag', lt);
    this.rootSeen = true;
    this.stack.push(name);
    this.sink.open(name, attributes);
    if (selfClosing) {
      this.stack.pop();
      this.sink.close(name);
      if (this.stack.length === 0) this.rootDone = true;
    }
    return gt + 1;
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

  private characters(t: string, at: number) {
    if (!this.stack.length) {
      if (!BLANK.test(t)) this.fail('text outside the root element', at);
      return;
    }
    if (t.includes('>') && t.includes(']]>')) this.fail('"]]>" in text', at);
    this.checkChars(t, at);
    this.sink.text(t.includes('&') ? this.decode(t, at) : t);
  }

  private checkChars(t: string, at: number) {
    if (FORBIDDEN.test(t)) this.fail('a character XML does not allow', at);
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
