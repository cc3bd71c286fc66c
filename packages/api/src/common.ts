import { z } from 'zod';

export const Id = z.uuid().describe('A UUID');
export const IsoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD');
export const Timestamp = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 in UTC');
export const Code = z
  .string()
  .trim()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'Use letters, digits, dot, dash or underscore');
export const Name = z.string().trim().min(1).max(200);
export const Description = z.string().max(20_000);
export const Version = z
  .int()
  .min(1)
  .describe('The version you loaded; a stale one gets 409 version_conflict');

/** A list filter on a reference: an id, or `none` for items that have no such reference. */
export const RefFilter = z.union([Id, z.literal('none')]).describe('An id, or none for items without one');

export const IdParams = z.object({ id: Id });
export const VersionBody = z.object({ version: Version });

/** Fields every registry entity carries. */
export const entityMeta = {
  id: Id,
  version: z.int(),
  archivedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
};

export const Abilities = z
  .object({ update: z.boolean(), archive: z.boolean() })
  .describe('What the caller may do with this item');

export const Labels = z
  .record(z.string(), z.string())
  .describe('Display names of the items this one refers to, by field (e.g. officeId → office name)');

export const ArchivedFilter = z.enum(['active', 'archived', 'all']).default('active');

/** Query parameters shared by every list: paging, sorting, search, archived filter. */
export function listQuery<const S extends readonly [string, ...string[]]>(sortFields: S) {
  const sortValues = sortFields.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];
  return z.object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(500).default(50),
    sort: z.enum(sortValues).optional().describe('A field name; prefix with - for descending'),
    q: z.string().trim().max(200).optional().describe('Search in code and name'),
    archived: ArchivedFilter,
  });
}

export function page<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.int(),
    page: z.int(),
    pageSize: z.int(),
  });
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
