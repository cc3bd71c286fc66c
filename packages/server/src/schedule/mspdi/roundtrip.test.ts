import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { orderViolations } from './order-check';
import { mspdiToDocument } from './to-document';
import { documentToMspdi } from './write';

const corpus = fileURLToPath(new URL('../../../../../../shared/corpus/mspdi/mpxj/', import.meta.url));
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.xml') ? [p] : [];
  });

describe('MSPDI round trip over the MS Project corpus', () => {
  const all = files(corpus);
  it('finds the corpus', () => expect(all.length).toBeGreaterThanOrEqual(55));

  for (const path of all) {
    it(path.slice(corpus.length), () => {
      const first = mspdiToDocument(readFileSync(path));
      const xml = documentToMspdi(first.doc);
      expect(orderViolations(xml)).toEqual([]);
      const again = mspdiToDocument(xml);
      // The written file carries its own save time; everything else must come back as it was.
      const strip = (d: typeof first.doc) => ({ ...d, baselinesSet: d.baselinesSet.map((b) => b.number) });
      expect(strip(again.doc)).toEqual(strip(first.doc));
      expect(again.warnings.filter((w) => !w.includes('UID 0'))).toEqual([]);
    });
  }

  it('lays recurring exceptions out on the days MS Project did (its dated WeekDays are the oracle)', () => {
    const days = (xml: string) => {
      const out = new Set<string>();
      for (const m of xml.matchAll(
        /<DayType>0<\/DayType>[\s\S]*?<FromDate>([\d-]+)T[\s\S]*?<ToDate>([\d-]+)T/g,
      ))
        for (let d = Date.parse(m[1]!); d <= Date.parse(m[2]!); d += 86_400_000)
          out.add(new Date(d).toISOString());
      return out;
    };
    for (const path of all.filter((p) => p.includes('recurring-exceptions'))) {
      const original = readFileSync(path, 'utf8');
      const { doc } = mspdiToDocument(original);
      expect(doc.calendars[0]!.exceptions.filter((e) => e.recurrence).length).toBeGreaterThan(20);
      expect(days(documentToMspdi(doc))).toEqual(days(original));
    }
  });

  it('writes elements in the schema order MS Project saves them in (the corpus agrees with the list)', () => {
    for (const path of all) expect(orderViolations(readFileSync(path, 'utf8')), path).toEqual([]);
  });
});
