import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binaryCopy, wallMinutes } from './copy-binary';

/** What wallMinutes computes, the slow way (Date). */
function byDate(v: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:00)?$/.exec(v);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  if (y < 1000 || y > 2999 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59) return Number.NaN;
  const ms = Date.UTC(y, mo - 1, d, h, mi);
  return new Date(ms).getUTCDate() === d ? ms / 60_000 : Number.NaN;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

describe('wallMinutes', () => {
  it('reads wall-clock timestamps to the minute as Date does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 900, max: 3100 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 61 }),
        fc.constantFrom('T', ' ', 'x'),
        fc.constantFrom('', ':00', ':30', ':0'),
        (y, mo, d, h, mi, sep, tail) => {
          const v = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}${sep}${pad(h, 2)}:${pad(mi, 2)}${tail}`;
          expect(wallMinutes(v)).toStrictEqual(byDate(v));
        },
      ),
      { numRuns: 20_000 },
    );
    for (const v of ['2024-02-29T08:00', '2023-02-29T08:00', '2000-02-29T00:00', '1900-02-29T00:00'])
      expect(wallMinutes(v)).toStrictEqual(byDate(v));
    expect(wallMinutes('1970-01-01T00:01')).toBe(1);
    expect(wallMinutes('2026-1-05T08:00')).toBeNaN();
    expect(wallMinutes('2026-01-05T08:0a')).toBeNaN();
  });
});

describe('binaryCopy', () => {
  const cols = [
    ['int4', (r: Record<string, unknown>) => r.i],
    ['text', (r: Record<string, unknown>) => r.s],
  ] as const;

  it('writes the header, each row and the trailer', () => {
    const bytes = binaryCopy(
      [
        { i: 7, s: 'é' },
        { i: null, s: '' },
      ],
      0,
      2,
      cols,
    )!;
    const hex = Buffer.from(bytes).toString('hex');
    expect(hex).toBe(
      [
        '5047434f50590aff0d0a00', // PGCOPY\n\377\r\n\0
        '00000000', // flags
        '00000000', // header extension
        '0002',
        '00000004',
        '00000007',
        '00000002',
        'c3a9', // 7, 'é'
        '0002',
        'ffffffff',
        '00000000', // NULL, ''
        'ffff', // trailer
      ].join(''),
    );
  });

  it('leaves out what it cannot write as text would store it', () => {
    for (const i of [1.5, 2 ** 31, '7', true, Number.NaN])
      expect(binaryCopy([{ i, s: 'a' }], 0, 1, cols)).toBeNull();
    expect(binaryCopy([{ t: '2026-01-05T08:00:30' }], 0, 1, [['timestamp', (r) => r.t]])).toBeNull();
    expect(binaryCopy([{ t: 'x' }], 0, 1, [['uuid', (r) => r.t]])).toBeNull();
    expect(binaryCopy([{ t: 1 }], 0, 1, [['bool', (r) => r.t]])).toBeNull();
  });

  it('writes timestamps as microseconds since 2000 and -0 as 0', () => {
    const bytes = binaryCopy([{ t: '2000-01-01T00:01', f: -0 }], 0, 1, [
      ['timestamp', (r) => r.t],
      ['float8', (r) => r.f],
    ])!;
    const row = Buffer.from(bytes).subarray(19 + 2);
    expect(row.readInt32BE(0)).toBe(8);
    expect(row.readBigInt64BE(4)).toBe(60_000_000n);
    expect(Object.is(row.readDoubleBE(16), 0)).toBe(true);
    const late = binaryCopy([{ t: '2999-12-31T23:59' }], 0, 1, [['timestamp', (r) => r.t]])!;
    expect(Buffer.from(late).readBigInt64BE(19 + 2 + 4)).toBe(
      BigInt(Date.UTC(2999, 11, 31, 23, 59) / 1000 - 946_684_800) * 1_000_000n,
    );
  });
});
