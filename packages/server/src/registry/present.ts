/**
 * Makes a row read from the database into what leaves the server, in place (the row is the
 * caller's own, fresh from the driver): timestamps as ISO strings, never a password hash, with the
 * names of what it refers to and what the caller may do with it. The route's response serializer
 * then writes only the fields its schema declares.
 */
export function present<T extends Record<string, unknown>>(
  row: T,
  labels: Record<string, string>,
  abilities: { update: boolean; archive: boolean },
) {
  const out = row as Record<string, unknown>;
  for (const k in out) {
    const v = out[k];
    if (v instanceof Date) out[k] = v.toISOString();
  }
  if ('passwordHash' in out) delete out.passwordHash;
  out.labels = labels;
  out.abilities = abilities;
  // biome-ignore lint/suspicious/noExplicitAny: the route's response schema checks the shape
  return out as any;
}
