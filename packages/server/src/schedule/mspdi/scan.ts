import { Buffer, isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { MAX_MSPDI_BYTES, MAX_MSPDI_DEPTH, MAX_MSPDI_TEXT, MspdiError } from './errors';
import { XmlTokenizer } from './tokenizer';

export const MSPDI_NAMESPACE = 'http://schemas.microsoft.com/project';

/** An element read into plain data: text children as strings, repeated children as arrays. */
export interface XmlNode {
  [name: string]: string | XmlNode | XmlNode[];
}

/** The records of an MSPDI file, delivered one at a time so a huge file is never held as a tree. */
export type RecordKind = 'Calendar' | 'Task' | 'Resource' | 'Assignment';
const RECORDS = new Map<string, RecordKind>([
  ['Calendars', 'Calendar'],
  ['Tasks', 'Task'],
  ['Resources', 'Resource'],
  ['Assignments', 'Assignment'],
]);

/** Elements that may repeat inside a record (always read as arrays). */
const REPEATED = new Set(['WeekDay', 'WorkingTime', 'Exception', 'WorkWeek', 'PredecessorLink', 'Baseline']);
/** Parts of a record Pharos does not keep: skipped unread, so they cost neither time nor memory. */
const SKIPPED = new Set([
  'TimephasedData',
  'ExtendedAttribute',
  'OutlineCode',
  'Rates',
  'AvailabilityPeriods',
]);

export interface ScanSink {
  /**
   * A record, complete; `path` names it for messages, e.g. `Tasks/Task[12]`. Its node holds only
   * the children `fields` lists (if it lists the record's or a repeated child's name).
   */
  record(kind: RecordKind, node: XmlNode, path: string): void;
  /**
   * The children read, by the name of the element they are in (`Task`, `PredecessorLink` …);
   * the others are checked (well-formed, not twice) but not kept. An element not listed keeps all.
   */
  readonly fields?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** An open element of the current record. */
interface Open {
  name: string;
  /** Its node, once it has a child element (a leaf has none). */
  node: XmlNode | undefined;
  /** What it keeps of its children (undefined: all; for a leaf, looked up at its first child). */
  keeps: ReadonlySet<string> | undefined;
}

/**
 * Reads MSPDI XML as a stream (`XmlTokenizer`) and hands each record over as it closes. Refuses, with an `MspdiError`, anything that is not plain MSPDI: a DOCTYPE
 * (so no entity is ever declared, let alone expanded: billion laughs and external entities are
 * stopped before they start), malformed XML, another root element or namespace, nesting deeper
 * than MSPDI goes, an element text over 1 MiB, and more than `MAX_MSPDI_BYTES` of input.
 */
export class MspdiScanner {
  /** Text fields directly under `<Project>` (StartDate, CalendarUID …). */
  readonly project: Record<string, string> = {};
  readonly warnings: string[] = [];
  private readonly parser: XmlTokenizer;
  private depth = 0;
  private rootSeen = false;
  /** Depth at which a skipped subtree began (0: not skipping). */
  private skipFrom = 0;
  private kind: RecordKind | undefined;
  /** The project field being read (a child of <Project> that is not a collection). */
  private field: string | undefined;
  private counts: Record<string, number> = {};
  private recordPath = '';
  /**
   * The open elements of the current record, outermost first: the first `held` of `stack`, whose
   * entries are reused (no object made per element).
   */
  private readonly stack: Open[] = [];
  private held = 0;
  private chars = 0;
  /**
   * "Twice in one element", without keeping what is not read: per depth, for each name number,
   * the element (numbered in `serial`) it was last met in.
   */
  private readonly seenIn: Int32Array[] = [];
  private readonly serialAt = new Int32Array(MAX_MSPDI_DEPTH + 2);
  private serial = 0;
  private readonly fields: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(
    private readonly sink: ScanSink,
    private readonly maxBytes = MAX_MSPDI_BYTES,
  ) {
    this.fields = sink.fields ?? new Map();
    this.parser = new XmlTokenizer(
      {
        open: (name, attributes, id) => this.open(name, attributes, id),
        close: (name, text) => this.close(name, text),
        tooMuchText: (name) => {
          // The element is the innermost of the record's open ones, or one not kept.
          const kept = !this.skipFrom && this.depth >= 3 && this.depth === 2 + this.held;
          throw new MspdiError(
            'An element holds more than 1 MiB of text',
            this.where(kept ? undefined : name),
          );
        },
      },
      MAX_MSPDI_TEXT,
    );
  }

  /** Feeds more of the document (any split, even mid-tag). */
  write(chunk: string) {
    this.chars += chunk.length;
    if (this.chars > this.maxBytes) throw tooLarge(this.maxBytes);
    this.parser.write(chunk);
  }

  end() {
    this.parser.end();
    if (!this.rootSeen) throw new MspdiError('The file is empty: no <Project> element');
  }

  /** An element opens; returns whether its text is wanted. */
  private open(name: string, attributes: Record<string, string>, id: number): boolean {
    const depth = ++this.depth;
    if (depth > MAX_MSPDI_DEPTH)
      throw new MspdiError(
        `Elements nest more than ${MAX_MSPDI_DEPTH} deep; MSPDI does not`,
        this.where(name),
      );
    if (this.skipFrom) return false;
    if (depth >= 4) return this.inRecord(name, depth, id);
    if (depth === 3) {
      if (this.field) {
        this.field = undefined;
        return this.skip(depth);
      }
      if (!this.kind || name !== this.kind) return this.skip(depth);
      const n = (this.counts[name] ?? 0) + 1;
      this.counts[name] = n;
      this.recordPath = `${name}s/${name}[${n}]`;
      this.held = 0;
      this.push(name, {}, this.fields.get(name));
      this.serialAt[depth] = ++this.serial;
      return false;
    }
    if (depth === 2) {
      // A collection of records, or a project field (or a part Pharos does not read: Views …).
      this.kind = RECORDS.get(name);
      this.field = this.kind ? undefined : name;
      return this.field !== undefined;
    }
    this.root(name, attributes);
    return false;
  }

  /** An element inside a record. */
  private inRecord(name: string, depth: number, id: number): boolean {
    if (SKIPPED.has(name) || (name === 'Baseline' && this.kind !== 'Task')) return this.skip(depth);
    const parent = this.stack[this.held - 1]!;
    if (parent.node === undefined) parent.keeps = this.fields.get(parent.name);
    if (REPEATED.has(name)) {
      const into = this.nodeOf(this.held - 1);
      const node: XmlNode = {};
      const list = into[name] ?? [];
      if (!Array.isArray(list)) throw this.twice(name);
      into[name] = list;
      list.push(node);
      this.push(name, node, this.fields.get(name));
      this.serialAt[depth] = ++this.serial;
      return false;
    }
    if (id >= 0) {
      let seen = this.seenIn[depth];
      if (!seen) {
        seen = new Int32Array(8192);
        this.seenIn[depth] = seen;
      }
      if (seen[id] === this.serialAt[depth - 1]) throw this.twice(name);
      seen[id] = this.serialAt[depth - 1]!;
    } else if (name in this.nodeOf(this.held - 1)) throw this.twice(name);
    if (parent.keeps !== undefined && !parent.keeps.has(name)) {
      // Not read: skipped, with what it holds. A name past the numbered ones is still kept
      // (empty) so that it is found if it comes twice.
      if (id < 0) this.nodeOf(this.held - 1)[name] = '';
      return this.skip(depth);
    }
    // A leaf gets its text on closing; a node is made only if a child element opens.
    if (id < 0) this.nodeOf(this.held - 1)[name] = '';
    this.push(name, undefined, undefined);
    this.serialAt[depth] = ++this.serial;
    return true;
  }

  private push(name: string, node: XmlNode | undefined, keeps: ReadonlySet<string> | undefined) {
    const el = this.stack[this.held];
    if (el) {
      el.name = name;
      el.node = node;
      el.keeps = keeps;
    } else this.stack.push({ name, node, keeps });
    this.held++;
  }

  /** The node of an open element, made (and put in its parent) when its first child opens. */
  private nodeOf(i: number): XmlNode {
    const el = this.stack[i]!;
    if (el.node) return el.node;
    el.node = {};
    this.nodeOf(i - 1)[el.name] = el.node;
    return el.node;
  }

  private close(name: string, text: string) {
    const depth = this.depth--;
    if (this.skipFrom) {
      if (depth === this.skipFrom) this.skipFrom = 0;
      return;
    }
    if (depth >= 4) {
      const el = this.stack[--this.held]!;
      // A leaf element becomes its text; an element with children stays a node.
      if (!el.node) this.nodeOf(this.held - 1)[name] = text;
      return;
    }
    if (depth === 3) {
      const el = this.stack[--this.held]!;
      this.sink.record(this.kind!, el.node!, this.recordPath);
      this.recordPath = '';
      return;
    }
    if (depth === 2) {
      if (this.field) this.project[name] = text;
      this.field = undefined;
      this.kind = undefined;
    }
  }

  private root(name: string, attributes: Record<string, string>) {
    if (name !== 'Project')
      throw new MspdiError(`Not an MSPDI file: its root element is <${name}>, not <Project>`, name);
    const ns = attributes.xmlns;
    if (ns !== undefined && ns !== MSPDI_NAMESPACE)
      throw new MspdiError(`Not an MSPDI file: its namespace is ${ns}, not ${MSPDI_NAMESPACE}`, 'Project');
    if (ns === undefined)
      this.warnings.push(`The <Project> element has no namespace; read as MSPDI (${MSPDI_NAMESPACE})`);
    this.rootSeen = true;
  }

  private skip(depth: number): false {
    this.skipFrom = depth;
    return false;
  }

  private where(name?: string) {
    const inner = this.stack.slice(1, this.held).map((s) => s.name);
    return [this.recordPath || undefined, ...inner, name].filter(Boolean).join('/');
  }

  private twice(name: string) {
    return new MspdiError(`<${name}> appears twice in one element`, this.where(name));
  }
}

export const tooLarge = (max: number) =>
  new MspdiError(
    `The file is larger than ${max >= 1024 ** 3 ? `${max / 1024 ** 3} GiB` : `${max} bytes`}, the most Pharos reads`,
  );

/**
 * The text of a file given as bytes: UTF-8 unless a byte-order mark or the XML declaration says
 * otherwise, decoded strictly (bytes that are not text are an error, not replacement characters).
 */
export function* decodeChunks(
  bytes: Uint8Array,
  maxBytes = MAX_MSPDI_BYTES,
  chunk = 1 << 22,
): Generator<string> {
  if (bytes.length > maxBytes) throw tooLarge(maxBytes);
  const decoder = new ChunkDecoder(bytes);
  for (let i = 0; i < bytes.length; i += chunk)
    yield decoder.decode(bytes.subarray(i, i + chunk), i + chunk < bytes.length);
}

/**
 * Decodes a file piece by piece, strictly. UTF-8 pieces that are plain ASCII (nearly all of an
 * MSPDI file) are copied as they are, several times faster than a `TextDecoder`, which takes
 * over from the first piece that is not. UTF-8 pieces are cut after their last ">" (the rest
 * goes with the next piece; in UTF-8 that byte is never part of another character), so that a
 * piece ends where a tag does and the tokenizer need not join the pieces' ends.
 */
export class ChunkDecoder {
  private decoder: TextDecoder | undefined;
  /** UTF-8 read so far as ASCII (no `TextDecoder` state pending). */
  private ascii: boolean;
  private readonly utf8: boolean;
  private bomSkipped = false;
  /** The bytes after the last ">" of the piece before. */
  private carry: Uint8Array | undefined;

  constructor(head: Uint8Array) {
    const label = encodingOf(head);
    this.utf8 = this.ascii = label === 'utf-8' || label === 'utf8';
    if (!this.ascii) this.decoder = strictDecoder(label, false);
  }

  /** The text of the next piece; `more` is false for the last one. */
  decode(bytes: Uint8Array, more: boolean): string {
    if (this.utf8) {
      if (this.carry) {
        const joined = new Uint8Array(this.carry.length + bytes.length);
        joined.set(this.carry);
        joined.set(bytes, this.carry.length);
        bytes = joined;
        this.carry = undefined;
      }
      const gt = more ? bytes.lastIndexOf(62) : -1;
      if (gt >= 0 && gt < bytes.length - 1) {
        this.carry = bytes.slice(gt + 1);
        bytes = bytes.subarray(0, gt + 1);
      }
    }
    if (this.ascii) {
      let from = 0;
      if (!this.bomSkipped) {
        this.bomSkipped = true;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) from = 3;
      }
      const piece = from ? bytes.subarray(from) : bytes;
      if (isAscii(piece)) return Buffer.from(piece.buffer, piece.byteOffset, piece.length).toString('latin1');
      this.ascii = false;
      // Nothing is pending from the pieces before; a byte-order mark, if any, is gone already.
      this.decoder = strictDecoder('utf-8', true);
      bytes = piece;
    }
    try {
      return this.decoder!.decode(bytes, { stream: more });
    } catch (e) {
      if (e instanceof TypeError) throw new MspdiError(`The file is not ${this.decoder!.encoding} text`);
      throw e;
    }
  }
}

function encodingOf(head: Uint8Array): string {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const decl = /^(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
    new TextDecoder('latin1').decode(head.subarray(0, 200)),
  );
  return decl ? decl[1]!.toLowerCase() : 'utf-8';
}

function strictDecoder(label: string, ignoreBOM: boolean): TextDecoder {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM });
  } catch {
    throw new MspdiError(`The file's encoding ${label} is not one Pharos reads`);
  }
}
