import fc from 'fast-check';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isoInstant } from './list-sql';

const viaDate = (text: string) => (pg.types.getTypeParser(1184) as (t: string) => Date)(text).toISOString();

describe('instants in lists', () => {
  it('writes what a Date would, for every way PostgreSQL prints an instant', () => {
    for (const text of [
      '2026-11-22 08:37:04+00',
      '2026-11-22 08:37:04.3+00',
      '2026-11-22 08:37:04.339+00',
      '2026-11-22 08:37:04.339999+00',
      '2026-11-22 09:37:04.339+01',
      '2026-11-22 03:07:04.339-05:30',
      '0999-01-01 00:00:00+00',
    ])
      expect(isoInstant(text)).toBe(viaDate(text));
  });

  it('agrees with Date for any instant in UTC', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1000-01-01T00:00:00Z'),
          max: new Date('9999-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 999 }),
        (d, micros) => {
          const iso = d.toISOString();
          const text = `${iso.slice(0, 10)} ${iso.slice(11, 23)}${String(micros).padStart(3, '0')}+00`;
          expect(isoInstant(text)).toBe(viaDate(text));
        },
      ),
    );
  });
});
