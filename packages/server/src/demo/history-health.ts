/*
 * A project's latent health, week by week and per dimension: 0 is healthy, 1 is in trouble. The
 * status facts (SPI, CPI, slips, defects, staffing) and the risks raised are read from it.
 */
import { clamp, noise, type Stream } from './history-parts';
import type { StoryKind, Window } from './history-story';

const DIMENSIONS = 6;

/**
 * Latent health per dimension and week: a project-level level that drifts back to the project's
 * mean (AR(1)), plus a bias per dimension (most projects have one weak spot). Deteriorating
 * projects slide for 4–6 weeks and turn red in the last week whose report is due; recovering ones
 * come down over the last ten weeks from a bad patch.
 */
export function latentHealth(r: Stream, win: Window, kind: StoryKind, meanOverride?: number): Float32Array {
  const W = win.weeks;
  const u = r.next();
  let mean = meanOverride ?? (u < 0.58 ? 0.14 : u < 0.85 ? 0.33 : 0.56) + noise(r, 0.05);
  if (kind !== 'steady') mean = 0.16;
  const level = new Float32Array(W);
  let h = mean + noise(r, 0.08);
  for (let w = 0; w < W; w++) {
    h += 0.2 * (mean - h) + noise(r, 0.045);
    level[w] = h;
  }
  if (kind === 'deteriorating') {
    // Slides from green to amber over 4–6 weeks, then turns red in the last week whose report is
    // due (the one before the current week): the dashboard's worst movers. It stays red now.
    const L = r.int(4, 6);
    const base = Math.min(0.16, level[W - L - 2]!);
    for (let k = 1; k < L; k++) level[W - L - 2 + k] = base + (0.22 * k) / (L - 1);
    level[W - 2] = base + 0.78;
    level[W - 1] = base + 0.8;
  } else if (kind === 'recovering') {
    for (let w = Math.max(0, W - 24); w < W; w++) {
      const x = w < W - 12 ? 0.72 : 0.72 - (0.55 * (w - (W - 12))) / 11;
      level[w] = x + noise(r, 0.03);
    }
  }
  const weak = r.next() < 0.4 ? r.int(0, 5) : -1;
  const out = new Float32Array(DIMENSIONS * W);
  for (let d = 0; d < DIMENSIONS; d++) {
    const bias = noise(r, 0.08) + (d === weak ? 0.2 : 0) - (d === 2 ? 0.1 : 0);
    let wobble = 0;
    for (let w = 0; w < W; w++) {
      wobble = 0.7 * wobble + noise(r, 0.03);
      out[d * W + w] = clamp(level[w]! + bias + wobble, 0, 1);
    }
  }
  return out;
}
