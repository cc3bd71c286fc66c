/** Search-param readers for pages that are not paged lists. */

export interface TabSearch {
  tab?: string;
}

export function parseTabSearch(raw: Record<string, unknown>): TabSearch {
  return typeof raw.tab === 'string' && /^[a-z-]{1,30}$/.test(raw.tab) ? { tab: raw.tab } : {};
}

export interface TreeSearch {
  view?: string;
  q?: string;
  archived?: 'archived' | 'all';
}

export function parseTreeSearch(raw: Record<string, unknown>, views: readonly string[]): TreeSearch {
  const out: TreeSearch = {};
  if (typeof raw.view === 'string' && views.includes(raw.view)) out.view = raw.view;
  const q = typeof raw.q === 'string' || typeof raw.q === 'number' ? String(raw.q).trim().slice(0, 200) : '';
  if (q) out.q = q;
  if (raw.archived === 'archived' || raw.archived === 'all') out.archived = raw.archived;
  return out;
}

export interface LoginSearch {
  redirect?: string;
}

export function parseLoginSearch(raw: Record<string, unknown>): LoginSearch {
  return typeof raw.redirect === 'string' ? { redirect: raw.redirect } : {};
}
