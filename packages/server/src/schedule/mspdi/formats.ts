import type { durationUnits, lagUnits } from '@pharos/api';

export type DurationUnit = (typeof durationUnits)[number];
export type LagUnit = (typeof lagUnits)[number];

/** MSPDI `DurationFormat` / `LagFormat` numbers (the estimated variants are these plus 32). */
export const FORMAT_OF_UNIT: Record<LagUnit, number> = {
  m: 3,
  em: 4,
  h: 5,
  eh: 6,
  d: 7,
  ed: 8,
  w: 9,
  ew: 10,
  mo: 11,
  emo: 12,
  '%': 19,
  'e%': 20,
};
export const UNIT_OF_FORMAT = Object.fromEntries(
  Object.entries(FORMAT_OF_UNIT).map(([u, f]) => [f, u]),
) as Record<number, LagUnit>;
/** MSPDI link types: 0 FF, 1 FS, 2 SF, 3 SS. */
export const LINK_TYPES = ['FF', 'FS', 'SF', 'SS'] as const;
/** Percent lags are kept as the percentage itself; other lags are tenths of minutes. */
export const isPercent = (u: LagUnit) => u === '%' || u === 'e%';
