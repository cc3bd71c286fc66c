/** Dates are calendar dates (YYYY-MM-DD), shown without any time-zone shift. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.split('-').map(Number);
  if (!y || !m || !d) return iso;
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, d)),
  );
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});

/** Instants are shown in the reader's time zone, which is named. */
export function formatDateTime(ts: string | null | undefined): string {
  if (!ts) return '—';
  const d = new Date(ts);
  if (Number.isNaN(d.getTime())) return ts;
  return dateTimeFormat.format(d);
}

/** "on_hold" → "On hold". */
export function humanize(value: string): string {
  const s = value.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

export function options<T extends string>(values: readonly T[], labels?: Partial<Record<T, string>>) {
  return values.map((value) => ({ value, label: labels?.[value] ?? humanize(value) }));
}
