import { useCallback, useMemo, useState } from 'react';
import type { z } from 'zod';
import { errorMessage, fieldErrorCodes, isApiError } from '../api/client';
import { changedFields, issuesToErrors } from '../lib/form-errors';

export interface FormApi<V extends object> {
  values: V;
  baseline: V;
  errors: Record<string, string>;
  formError: string | null;
  dirty: boolean;
  readOnly: boolean;
  set: <F extends keyof V>(field: F, value: V[F]) => void;
  setValues: (next: Partial<V>) => void;
  /** Start over from new values (they become the baseline for "changed"). */
  reset: (values: V) => void;
  error: (field: string) => string | undefined;
  setFormError: (message: string | null) => void;
  setFieldError: (field: string, message: string) => void;
  changed: () => Partial<V>;
  /** Validate a request body with the shared zod schema; on failure the messages go beside the fields. */
  validate: <S extends z.ZodType>(
    schema: S,
    body: unknown,
    mapPath?: (p: string) => string,
  ) => z.output<S> | null;
  /** Show a server error beside its field when it names one the form has, otherwise above the form. */
  applyServerError: (e: unknown, mapPath?: (p: string) => string) => void;
}

export function useZodForm<V extends object>(initial: V, opts: { readOnly?: boolean } = {}): FormApi<V> {
  const [baseline, setBaseline] = useState(initial);
  const [values, setAll] = useState(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const clearError = useCallback((field: string) => {
    setErrors((prev) => {
      const hit = Object.keys(prev).filter((k) => k === field || k.startsWith(`${field}.`));
      if (hit.length === 0) return prev;
      const next = { ...prev };
      for (const k of hit) delete next[k];
      return next;
    });
  }, []);

  const set = useCallback(
    <F extends keyof V>(field: F, value: V[F]) => {
      setAll((prev) => ({ ...prev, [field]: value }));
      clearError(String(field));
    },
    [clearError],
  );

  const setValues = useCallback(
    (next: Partial<V>) => {
      setAll((prev) => ({ ...prev, ...next }));
      for (const k of Object.keys(next)) clearError(k);
    },
    [clearError],
  );

  const reset = useCallback((v: V) => {
    setBaseline(v);
    setAll(v);
    setErrors({});
    setFormError(null);
  }, []);

  const changed = useCallback(() => changedFields(values, baseline), [values, baseline]);
  const dirty = useMemo(() => Object.keys(changedFields(values, baseline)).length > 0, [values, baseline]);

  const validate = useCallback(
    <S extends z.ZodType>(schema: S, body: unknown, mapPath?: (p: string) => string): z.output<S> | null => {
      const r = schema.safeParse(body);
      if (r.success) {
        setErrors({});
        setFormError(null);
        return r.data;
      }
      const errs = issuesToErrors(r.error.issues, body, mapPath);
      const known = Object.keys(values);
      const stray = Object.entries(errs).filter(([f]) => !known.includes(f.split('.')[0] ?? ''));
      setErrors(errs);
      setFormError(stray.length > 0 ? stray.map(([f, m]) => `${f}: ${m}`).join('; ') : null);
      return null;
    },
    [values],
  );

  const applyServerError = useCallback(
    (e: unknown, mapPath: (p: string) => string = (p) => p) => {
      if (isApiError(e) && e.field && fieldErrorCodes.has(e.code)) {
        const field = mapPath(e.field);
        if (Object.keys(values).includes(field.split('.')[0] ?? '')) {
          setErrors((prev) => ({ ...prev, [field]: e.message }));
          return;
        }
      }
      setFormError(errorMessage(e));
    },
    [values],
  );

  return {
    values,
    baseline,
    errors,
    formError,
    dirty,
    readOnly: opts.readOnly ?? false,
    set,
    setValues,
    reset,
    error: (field) => errors[field],
    setFormError,
    setFieldError: (field, message) => setErrors((prev) => ({ ...prev, [field]: message })),
    changed,
    validate,
    applyServerError,
  };
}
