import type { AbilityKey, Me } from '@pharos/api';
import { routes } from '@pharos/api';
import { type QueryClient, queryOptions, useQuery } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from './client';
import { keys } from './keys';

/** Who is signed in, or null when nobody is. */
export async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.call(routes.me);
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export const meQuery = queryOptions({
  queryKey: keys.me,
  queryFn: fetchMe,
  staleTime: 5 * 60_000,
  retry: false,
});

export function useMe() {
  return useQuery(meQuery).data ?? null;
}

/** Record a fresh session (after sign-in). */
export function setSignedIn(qc: QueryClient, me: Me) {
  setCsrfToken(me.csrfToken);
  qc.setQueryData(keys.me, me);
}

/** Forget everything about the session (after sign-out or when the server says it ended). */
export function setSignedOut(qc: QueryClient) {
  setCsrfToken(null);
  qc.clear();
  qc.setQueryData(keys.me, null);
}

export function hasAbility(me: Me | null, key: AbilityKey): boolean {
  return me?.abilities[key] === true;
}

/** True when the signed-in user holds this organization-level ability (e.g. `project.create`). */
export function useAbility(key: AbilityKey): boolean {
  return hasAbility(useMe(), key);
}
