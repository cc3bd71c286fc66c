import type { PlanDocument } from '../document';
import { DocumentBuilder, settings } from './document-builder';
import { MAX_MSPDI_BYTES } from './errors';
import { type DurationUnit, isPercent, UNIT_OF_FORMAT } from './formats';
import { ChunkDecoder, decodeChunks, MspdiScanner, tooLarge } from './scan';

export { FORMAT_OF_UNIT, LINK_TYPES } from './formats';

export interface MspdiImport {
  doc: PlanDocument;
  /** What the file had that Pharos changed or does not keep, one sentence each. */
  warnings: string[];
}

/**
 * Reads MSPDI incrementally: `write` each piece of the file as it arrives, then `end`. Nothing
 * but the records being read is held, so a file of hundreds of megabytes streams through.
 */
export class MspdiDocumentReader {
  private readonly builder = new DocumentBuilder();
  private readonly scanner: MspdiScanner;
  private unitSet = false;

  constructor(maxBytes = MAX_MSPDI_BYTES) {
    this.scanner = new MspdiScanner(this.builder, maxBytes);
  }

  write(chunk: string) {
    this.scanner.write(chunk);
    if (!this.unitSet && this.scanner.project.DurationFormat !== undefined) {
      const u = UNIT_OF_FORMAT[Number(this.scanner.project.DurationFormat) & ~32];
      if (u && !isPercent(u)) this.builder.defaultUnit = u as DurationUnit;
      this.unitSet = true;
    }
  }

  end(): MspdiImport {
    this.scanner.end();
    const b = this.builder;
    const s = settings(this.scanner.project, b);
    const { links, resources, assignments } = b.finish();
    const set = new Set<number>();
    for (const t of b.tasks) for (const x of t.baselines) set.add(x.number);
    const numbers = [...set].sort((x, y) => x - y);
    const { setAt, ...rest } = s;
    const doc: PlanDocument = {
      ...rest,
      calendars: b.calendars,
      tasks: b.tasks,
      links,
      resources,
      assignments,
      baselinesSet: numbers.map((number) => ({ number, setAt })),
    };
    return { doc, warnings: [...this.scanner.warnings, ...b.warnings] };
  }
}

/**
 * An MSPDI (MS Project XML) file as a plan document, with warnings for what Pharos changed or
 * left out. Throws an `MspdiError` (code `invalid_file`, `field` naming the element) for a file
 * that is not well-formed MSPDI; nothing is half-read.
 */
export function mspdiToDocument(input: string | Uint8Array, maxBytes = MAX_MSPDI_BYTES): MspdiImport {
  const reader = new MspdiDocumentReader(maxBytes);
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    for (let i = 0; i < text.length; i += 1 << 22) reader.write(text.slice(i, i + (1 << 22)));
  } else for (const chunk of decodeChunks(input, maxBytes)) reader.write(chunk);
  return reader.end();
}

/** The same from a stream of bytes (an upload or a file), never holding the whole file. */
export async function mspdiStreamToDocument(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes = MAX_MSPDI_BYTES,
): Promise<MspdiImport> {
  const reader = new MspdiDocumentReader(maxBytes);
  let decoder: ChunkDecoder | undefined;
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    // Counted before reading, so an endless upload stops at the limit.
    if (bytes > maxBytes) throw tooLarge(maxBytes);
    decoder ??= new ChunkDecoder(chunk);
    reader.write(decoder.decode(chunk, true));
  }
  if (decoder) reader.write(decoder.decode(new Uint8Array(), false));
  return reader.end();
}
