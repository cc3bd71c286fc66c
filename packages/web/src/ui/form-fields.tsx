import { NumberInput, PasswordInput, Select, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import type { EntityKey } from '../api/entities';
import { EntityMultiSelect, EntitySelect } from './entity-select';
import type { FormApi } from './use-zod-form';

/** The keys of V whose values are assignable to T. */
export type KeysOf<V, T> = {
  [K in keyof V]-?: V[K] extends T ? (T extends V[K] ? K : never) : never;
}[keyof V] &
  string;

/** The keys of V whose values are (narrower than) T, e.g. enum fields for T = string. */
export type SubKeysOf<V, T> = { [K in keyof V]-?: V[K] extends T ? K : never }[keyof V] & string;

interface Base<V extends object, T> {
  form: FormApi<V>;
  name: KeysOf<V, T>;
  label: string;
  description?: ReactNode;
  required?: boolean;
  placeholder?: string;
}

export function FormText<V extends object>(
  props: Base<V, string> & { autoComplete?: string; maxLength?: number },
) {
  const { form, name, ...rest } = props;
  return (
    <TextInput
      {...rest}
      value={form.values[name] as string}
      onChange={(e) => form.set(name, e.currentTarget.value as V[typeof name])}
      error={form.error(name)}
      readOnly={form.readOnly}
      variant={form.readOnly ? 'filled' : undefined}
    />
  );
}

export function FormPassword<V extends object>(props: Base<V, string> & { autoComplete?: string }) {
  const { form, name, ...rest } = props;
  return (
    <PasswordInput
      {...rest}
      value={form.values[name] as string}
      onChange={(e) => form.set(name, e.currentTarget.value as V[typeof name])}
      error={form.error(name)}
      readOnly={form.readOnly}
      variant={form.readOnly ? 'filled' : undefined}
    />
  );
}

export function FormTextarea<V extends object>(props: Base<V, string> & { minRows?: number }) {
  const { form, name, minRows, ...rest } = props;
  return (
    <Textarea
      {...rest}
      autosize
      minRows={minRows ?? 3}
      maxRows={14}
      value={form.values[name] as string}
      onChange={(e) => form.set(name, e.currentTarget.value as V[typeof name])}
      error={form.error(name)}
      readOnly={form.readOnly}
      variant={form.readOnly ? 'filled' : undefined}
    />
  );
}

export function FormSelect<V extends object>(
  props: Omit<Base<V, string>, 'name'> & {
    name: SubKeysOf<V, string>;
    data: { value: string; label: string }[];
    clearable?: false;
  },
) {
  const { form, name, data, ...rest } = props;
  return (
    <Select
      {...rest}
      data={data}
      allowDeselect={false}
      value={form.values[name] as string}
      onChange={(v) => v !== null && form.set(name, v as V[typeof name])}
      error={form.error(name)}
      readOnly={form.readOnly}
      variant={form.readOnly ? 'filled' : undefined}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

/** A calendar date (YYYY-MM-DD) or none. */
export function FormDate<V extends object>(props: Base<V, string | null>) {
  const { form, name, ...rest } = props;
  return (
    <TextInput
      {...rest}
      type="date"
      value={(form.values[name] as string | null) ?? ''}
      onChange={(e) => form.set(name, (e.currentTarget.value || null) as V[typeof name])}
      error={form.error(name)}
      readOnly={form.readOnly}
      variant={form.readOnly ? 'filled' : undefined}
    />
  );
}

export function FormNumber<V extends object>(
  props: Base<V, number> & { min?: number; max?: number; step?: number },
) {
  const { form, name, ...rest } = props;
  return (
    <NumberInput
      {...rest}
      value={form.values[name] as number}
      onChange={(v) => form.set(name, (typeof v === 'number' ? v : Number(v) || 0) as V[typeof name])}
      error={form.error(name)}
      readOnly={form.readOnly}
      variant={form.readOnly ? 'filled' : undefined}
    />
  );
}

export function FormEntitySelect<V extends object, K extends EntityKey>(
  props: Base<V, string | null> & {
    entity: K;
    where?: Record<string, string | undefined>;
    excludeId?: string;
    onPicked?: (item: { id: string } & Record<string, unknown>) => void;
  },
) {
  const { form, name, onPicked, ...rest } = props;
  return (
    <EntitySelect
      {...rest}
      value={(form.values[name] as string | null) ?? null}
      onChange={(id, item) => {
        form.set(name, id as V[typeof name]);
        if (item && onPicked) onPicked(item);
      }}
      error={form.error(name)}
      readOnly={form.readOnly}
      variant={form.readOnly ? 'filled' : undefined}
    />
  );
}

export function FormEntityMultiSelect<V extends object>(props: Base<V, string[]> & { entity: EntityKey }) {
  const { form, name, ...rest } = props;
  return (
    <EntityMultiSelect
      {...rest}
      value={form.values[name] as string[]}
      onChange={(ids) => form.set(name, ids as V[typeof name])}
      error={form.error(name)}
      readOnly={form.readOnly}
      variant={form.readOnly ? 'filled' : undefined}
    />
  );
}
