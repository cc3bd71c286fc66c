/**
 * A readable diff of an audit event: which fields changed, from what to what. Nested objects (an
 * office's charter) are compared field by field with dotted paths; arrays are compared as a whole.
 */

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields that change on every write and say nothing to a reader. */
const ignored = new Set(['id', 'version', 'createdAt', 'updatedAt', 'abilities', 'passwordHash']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function walk(
  prefix: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  out: FieldChange[],
) {
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of fields) {
    if (!prefix && ignored.has(key)) continue;
    const field = prefix ? `${prefix}.${key}` : key;
    const b = before[key];
    const a = after[key];
    if (isPlainObject(b) && isPlainObject(a)) walk(field, b, a, out);
    else if (isPlainObject(a) && b == null) walk(field, {}, a, out);
    else if (isPlainObject(b) && a == null) walk(field, b, {}, out);
    else if (!same(b ?? null, a ?? null)) out.push({ field, before: b ?? null, after: a ?? null });
  }
}

/** The changed fields between before and after (either may be null: a creation has no before). */
export function diffAudit(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
): FieldChange[] {
  const out: FieldChange[] = [];
  walk('', before ?? {}, after ?? {}, out);
  return out;
}

/** "plannedFinish" → "Planned finish"; "charter.kpis" → "Charter › KPIs"; "orgUnitId" → "Org unit". */
export function fieldLabel(field: string): string {
  return field
    .split('.')
    .map((part) => {
      const special: Record<string, string> = { kpis: 'KPIs', objectiveIds: 'Objectives', typeId: 'Type' };
      if (special[part]) return special[part];
      const words = part
        .replace(/Ids?$/, '')
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .toLowerCase();
      return words.charAt(0).toUpperCase() + words.slice(1);
    })
    .join(' › ');
}

/** A value as text for a diff cell; ids are resolved by the caller when it can. */
export function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '—';
    if (v.every((x) => typeof x === 'string' || typeof x === 'number')) return v.join(', ');
    return v.map((x) => (isPlainObject(x) ? summarize(x) : formatValue(x))).join('; ');
  }
  if (isPlainObject(v)) return summarize(v);
  return String(v);
}

function summarize(o: Record<string, unknown>): string {
  return Object.entries(o)
    .filter(([, x]) => x !== '' && x !== null && x !== undefined)
    .map(([k, x]) => `${k}: ${formatValue(x)}`)
    .join(', ');
}
