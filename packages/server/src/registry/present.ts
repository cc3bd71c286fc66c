/** Whitelists what leaves the server: timestamps as ISO strings, never a password hash. */
export function present<T extends Record<string, unknown>>(
  row: T,
  abilities: { update: boolean; archive: boolean },
) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k === 'passwordHash') continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  out.abilities = abilities;
  // biome-ignore lint/suspicious/noExplicitAny: the route's response schema checks the shape
  return out as any;
}
