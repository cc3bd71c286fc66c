/* What the status-reporting use cases share: the organization's today, engine failures as errors, a project's place. */
import type { StatusError, StatusResult } from '@pharos/engine';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/connect';
import { projects } from '../db/schema/index';
import { AppError, notFound } from '../errors';
import type { Anchors } from '../policy/reach';
import { projectSpec } from '../registry/specs';

/** Today (YYYY-MM-DD) on the clock of a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** YYYY-MM-DD plus `n` calendar days. */
export function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** The earlier of two days (YYYY-MM-DD). */
export const earlierDay = (a: string, b: string) => (a < b ? a : b);

/** Calendar days from one YYYY-MM-DD to another. */
export function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** An engine failure as a validation error naming the field (under `prefix` when given). */
export function engineError(error: StatusError, prefix = '', fields: Record<string, string> = {}): AppError {
  const field = fields[error.field] ?? (prefix ? `${prefix}.${error.field}` : error.field);
  return new AppError('validation_failed', error.message, field);
}

/** The value of an engine result, or its failure thrown as a validation error. */
export function engineValue<T>(result: StatusResult<T>, prefix = '', fields: Record<string, string> = {}): T {
  if (!result.ok) throw engineError(result.error, prefix, fields);
  return result.value;
}

export type ProjectRow = typeof projects.$inferSelect;

/** A project as stored, or not_found. */
export async function projectRow(tx: Tx, id: string): Promise<ProjectRow> {
  const [row] = await tx.select().from(projects).where(eq(projects.id, id));
  if (!row) throw notFound('Project');
  return row;
}

/** Where a project sits, for the permission checks. */
export const projectAnchors = (p: ProjectRow): Anchors =>
  projectSpec.anchors(p as unknown as Parameters<typeof projectSpec.anchors>[0]);
