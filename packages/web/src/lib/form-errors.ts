/** Pure helpers behind the forms: zod issues → field messages, and which fields the user changed. */

export interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = values;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

/** A message a person understands; zod's defaults speak of types and characters. */
export function friendlyMessage(issue: Issue, value: unknown): string {
  const empty = value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
  if (
    empty &&
    (issue.code === 'invalid_type' || issue.code === 'too_small' || issue.code === 'invalid_format')
  )
    return 'Required';
  if (issue.code === 'invalid_format' && typeof value === 'string' && /^\d{4}-/.test(value))
    return 'Not a valid date';
  if (issue.code === 'too_big' && typeof value === 'string')
    return issue.message.replace(/^Too big: expected string to have /, 'Use ');
  if (issue.code === 'invalid_value') return 'Choose one of the options';
  return issue.message;
}

/**
 * Field errors keyed by dotted path ("code", "charter.kpis.0.name"); the first message per field wins.
 * `mapPath` can strip a prefix, when the form edits a nested object of the body.
 */
export function issuesToErrors(
  issues: readonly Issue[],
  values: unknown,
  mapPath: (path: string) => string = (p) => p,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const field = mapPath(issue.path.map(String).join('.'));
    const message = friendlyMessage(issue, valueAt(values, issue.path));
    if (!(field in out)) out[field] = message;
  }
  return out;
}

function same(a: unknown, b: unknown) {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose value differs from the baseline. */
export function changedFields<V extends object>(values: V, baseline: V): Partial<V> {
  const out: Partial<V> = {};
  for (const k of Object.keys(values) as (keyof V)[]) if (!same(values[k], baseline[k])) out[k] = values[k];
  return out;
}

/** The form field an error belongs to: the exact path, or its closest rendered ancestor. */
export function closestField(field: string, known: readonly string[]): string | null {
  let f = field;
  while (f) {
    if (known.includes(f)) return f;
    const i = f.lastIndexOf('.');
    if (i < 0) return null;
    f = f.slice(0, i);
  }
  return null;
}
