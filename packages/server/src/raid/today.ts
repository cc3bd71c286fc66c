/** Today's date (YYYY-MM-DD) on the clock of a time zone (the organization's). */
export function todayIn(timeZone: string, now = new Date()): string {
  return dayIn(timeZone, now);
}

/** The calendar day of an instant on a time zone's clock. */
export function dayIn(timeZone: string, at: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}
