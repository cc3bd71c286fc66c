import { ApiError, createClient } from '@pharos/api';

let csrfToken: string | null = null;

/** Remember the CSRF token of the current session; every non-GET call sends it. */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** The one client the web app uses; it talks to the server at the same origin. */
export const api = createClient({ csrfToken: () => csrfToken });

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Error codes whose message belongs beside the form field the error names. */
export const fieldErrorCodes = new Set(['validation_failed', 'duplicate', 'invalid_reference', 'cycle']);

export function errorMessage(e: unknown): string {
  if (isApiError(e)) {
    switch (e.code) {
      case 'forbidden':
        return 'You do not have permission to do this.';
      case 'not_found':
        return 'This item does not exist, or you may not see it.';
      case 'rate_limited':
        return 'Too many attempts. Wait a moment and try again.';
      case 'service_unavailable':
        return 'The server is not available right now. Try again shortly.';
      case 'version_conflict':
        return 'Someone else changed this item since you opened it.';
      default:
        return e.message || 'Something went wrong.';
    }
  }
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}
