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
const RECORDS: Record<string, RecordKind> = {
  Calendars: 'Calendar',
  Tasks: 'Task',
  Resources: 'Resource',
  Assignments: 'Assignment',
};

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
  /** A record, complete; `path` names it for messages, e.g. `Tasks/Task[12]`. */
  record(kind: RecordKind, node: XmlNode, path: string): void;
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
  private readonly parser = new XmlTokenizer({
    open: (name, attributes) => this.open(name, attributes),
    close: (name) => this.close(name),
    text: (t) => this.addText(t),
  });
  private depth = 0;
  private rootSeen = false;
  /** Depth at which a skipped subtree began (0: not skipping). */
  private skipFrom = 0;
  private kind: RecordKind | undefined;
  /** The project field being read (a child of <Project> that is not a collection). */
  private field: string | undefined;
  private counts: Record<string, number> = {};
  private recordPath = '';
  /** The open elements of the current record, outermost first, with their names. */
  private stack: { name: string; node: XmlNode | undefined }[] = [];
  private text = '';
  private chars = 0;

  constructor(
    private readonly sink: ScanSink,
    private readonly maxBytes = MAX_MSPDI_BYTES,
  ) {}

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

  private open(name: string, attributes: Record<string, string>) {
    const depth = ++this.depth;
    if (depth > MAX_MSPDI_DEPTH)
      throw new MspdiError(
        `Elements nest more than ${MAX_MSPDI_DEPTH} deep; MSPDI does not`,
        this.where(name),
      );
    this.text = '';
    if (this.skipFrom) return;
    if (depth === 1) return this.root(name, attributes);
    if (depth === 2) {
      // A collection of records, or a project field (or a part Pharos does not read: Views …).
      this.kind = RECORDS[name];
      this.field = this.kind ? undefined : name;
      return;
    }
    if (depth === 3 && this.field) {
      this.field = undefined;
      return this.skip(depth);
    }
    if (depth === 3) {
      if (!this.kind || name !== this.kind) return this.skip(depth);
      const n = (this.counts[name] ?? 0) + 1;
      this.counts[name] = n;
      this.recordPath = `${name}s/${name}[${n}]`;
      this.stack = [{ name, node: {} }];
      return;
    }
    if (SKIPPED.has(name) || (name === 'Baseline' && this.kind !== 'Task')) return this.skip(depth);
    const parent = this.nodeOf(this.stack.length - 1);
    if (REPEATED.has(name)) {
      const node: XmlNode = {};
      const list = parent[name] ?? [];
      if (!Array.isArray(list)) throw this.twice(name);
      parent[name] = list;
      list.push(node);
      this.stack.push({ name, node });
    } else {
      if (name in parent) throw this.twice(name);
      // A leaf gets its text on closing; a node is made only if a child element opens.
      parent[name] = '';
      this.stack.push({ name, node: undefined });
    }
  }

  /** The node of an open element, made (and put in its parent) when its first child opens. */
  private nodeOf(i: number): XmlNode {
    const el = this.stack[i]!;
    if (el.node) return el.node;
    el.node = {};
    this.nodeOf(i - 1)[el.name] = el.node;
    return el.node;
  }

  private close(name: string) {
    const depth = this.depth--;
    if (this.skipFrom) {
      if (depth === this.skipFrom) this.skipFrom = 0;
      return;
    }
    if (depth === 2) {
      if (this.field) this.project[name] = this.text;
      this.field = undefined;
      this.kind = undefined;
      return;
    }
    if (depth < 3) return;
    const el = this.stack.pop()!;
    // A leaf element becomes its text; an element with children stays a node.
    if (!el.node) this.stack.at(-1)!.node![name] = this.text;
    this.text = '';
    if (depth === 3) this.sink.record(this.kind!, el.node ?? {}, this.recordPath);
  }

  private addText(t: string) {
    if (this.skipFrom) return;
    this.text += t;
    if (this.text.length > MAX_MSPDI_TEXT)
      throw new MspdiError('An element holds more than 1 MiB of text', this.where(this.stack.at(-1)?.name));
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

  private skip(depth: number) {
    this.skipFrom = depth;
  }

  private where(name?: string) {
    const inner = this.stack.slice(1).map((s) => s.name);
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
  const decoder = textDecoder(bytes);
  try {
    for (let i = 0; i < bytes.length; i += chunk)
      yield decoder.decode(bytes.subarray(i, i + chunk), { stream: i + chunk < bytes.length });
  } catch (e) {
    if (e instanceof TypeError) throw new MspdiError(`The file is not ${decoder.encoding} text`);
    throw e;
  }
}

export function textDecoder(head: Uint8Array): TextDecoder {
  let label = 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) label = 'utf-16le';
  else if (head[0] === 0xfe && head[1] === 0xff) label = 'utf-16be';
  else {
    const decl = /^(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(
      new TextDecoder('latin1').decode(head.subarray(0, 200)),
    );
    if (decl) label = decl[1]!.toLowerCase();
  }
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false });
  } catch {
    throw new MspdiError(`The file's encoding ${label} is not one Pharos reads`);
  }
}
