import { scheduleDocument } from '../document';
import { mspdiToDocument } from './to-document';
import { writeMspdi } from './write';

export interface Rescheduled {
  /** The file, in pieces (join them, or write them one by one for a large plan). */
  pieces: Generator<string>;
  warnings: string[];
  /** Milliseconds the engine took. */
  scheduleMs: number;
}

/**
 * Reads an MSPDI file, recomputes every date with the Pharos engine and writes MSPDI with
 * Pharos's Start, Finish, EarlyStart, EarlyFinish, LateStart, LateFinish, TotalSlack, FreeSlack
 * and Critical, everything else as read: the standard check of the engine against MS Project
 * (open both files in MS Project, or compare them field by field).
 */
export function rescheduleMspdiPieces(input: string | Uint8Array, now = new Date()): Rescheduled {
  const { doc, warnings } = mspdiToDocument(input);
  // The file's own WBS codes stay (scheduling numbers rows from the outline).
  const wbs = doc.tasks.map((t) => t.wbs);
  const { ms } = scheduleDocument(doc);
  doc.tasks.forEach((t, i) => {
    t.wbs = wbs[i] || t.wbs;
  });
  return { pieces: writeMspdi(doc, now), warnings, scheduleMs: ms };
}

/** `rescheduleMspdiPieces` as one string, for plans that fit in one. */
export function rescheduleMspdi(xml: string | Uint8Array, now = new Date()): string {
  return [...rescheduleMspdiPieces(xml, now).pieces].join('');
}
