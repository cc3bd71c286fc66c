import { Button, Group, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useEffect, useState } from 'react';
import type { ArchivedFilter } from '../lib/list-state';
import { SearchIcon } from './icons';

/** Search box that writes to the URL a moment after typing stops. */
export function SearchBox({
  value,
  onChange,
  label = 'Search',
  placeholder = 'Search code or name',
}: {
  value: string | undefined;
  onChange: (q: string | undefined) => void;
  label?: string;
  placeholder?: string;
}) {
  const [text, setText] = useState(value ?? '');
  useEffect(() => setText(value ?? ''), [value]);
  const commit = useDebouncedCallback((q: string) => onChange(q.trim() || undefined), 300);
  return (
    <TextInput
      aria-label={label}
      placeholder={placeholder}
      leftSection={<SearchIcon />}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        commit(e.currentTarget.value);
      }}
      onKeyDown={(e) => e.key === 'Enter' && onChange(text.trim() || undefined)}
      w={{ base: '100%', sm: 260 }}
      type="search"
    />
  );
}

export function ArchivedToggle({
  value,
  onChange,
  archivedLabel = 'Archived',
}: {
  value: ArchivedFilter | undefined;
  onChange: (v: 'archived' | 'all' | undefined) => void;
  archivedLabel?: string;
}) {
  return (
    <SegmentedControl
      aria-label="Show"
      size="sm"
      value={value ?? 'active'}
      onChange={(v) => onChange(v === 'active' ? undefined : (v as 'archived' | 'all'))}
      data={[
        { value: 'active', label: 'Active' },
        { value: 'archived', label: archivedLabel },
        { value: 'all', label: 'All' },
      ]}
    />
  );
}

/** A select filter whose empty choice means "any". */
export function FilterSelect({
  label,
  value,
  onChange,
  data,
}: {
  label: string;
  value: string | undefined;
  onChange: (v: string | undefined) => void;
  data: { value: string; label: string }[];
}) {
  return (
    <Select
      label={label}
      placeholder="Any"
      data={data}
      value={value ?? null}
      onChange={(v) => onChange(v ?? undefined)}
      clearable
      w={{ base: '100%', sm: 170 }}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

export function ListToolbar({ children }: { children: ReactNode }) {
  return (
    <Group gap="sm" mb="md" wrap="wrap" align="flex-end" role="search">
      {children}
    </Group>
  );
}

/** The filters of a list: inline on wide screens, behind a "Filters" button on narrow ones. */
export function FilterGroup({ active, children }: { active: number; children: ReactNode }) {
  const narrow = useMediaQuery('(max-width: 48em)');
  const [open, setOpen] = useState(false);
  if (!narrow) return <>{children}</>;
  return (
    <>
      <Button variant="default" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
        {open ? 'Hide filters' : `Filters${active > 0 ? ` (${active})` : ''}`}
      </Button>
      {open && (
        <Stack w="100%" gap="sm">
          {children}
        </Stack>
      )}
    </>
  );
}
