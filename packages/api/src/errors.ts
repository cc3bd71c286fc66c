/**
 * Every error Pharos returns has a stable `code`. This registry maps each code to its HTTP
 * status and a one-line meaning; docs/errors.md is kept in sync with it by a test.
 * The `satisfies` clause makes the type checker prove the map is complete.
 */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'forbidden',
  'csrf_failed',
  'not_found',
  'version_conflict',
  'duplicate',
  'invalid_reference',
  'cycle',
  'invalid_file',
  'archived',
  'has_active_children',
  'invalid_state',
  'rate_limited',
  'payload_too_large',
  'unsupported_media_type',
  'service_unavailable',
  'timeout',
  'internal_error',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export const errorCatalog = {
  validation_failed: {
    status: 400,
    meaning: 'The request does not match the schema; `field` names the first offending field.',
  },
  unauthenticated: { status: 401, meaning: 'No valid session cookie or API token was sent.' },
  invalid_credentials: {
    status: 401,
    meaning: 'The e-mail address or password is wrong, or the account is deactivated.',
  },
  forbidden: { status: 403, meaning: 'You are signed in but no role you hold allows this action here.' },
  csrf_failed: {
    status: 403,
    meaning: 'A cookie-authenticated write lacked the X-CSRF-Token header of its session.',
  },
  not_found: { status: 404, meaning: 'No such thing exists, or you may not see it.' },
  version_conflict: {
    status: 409,
    meaning: 'Someone else changed this since you loaded it; reload and apply your edit again.',
  },
  duplicate: {
    status: 409,
    meaning: 'A unique value (such as a code or an e-mail address) is already taken; `field` names it.',
  },
  invalid_reference: {
    status: 422,
    meaning: 'A referenced item (named by `field`) does not exist or is archived.',
  },
  cycle: {
    status: 422,
    meaning:
      'The move would make an item its own ancestor, or the links would make tasks wait on each other in a circle.',
  },
  invalid_file: {
    status: 422,
    meaning:
      'An uploaded file (e.g. MS Project XML) is broken, hostile or not of the expected kind; `field` names the place in it.',
  },
  archived: { status: 409, meaning: 'The item is archived; restore it before changing it.' },
  has_active_children: {
    status: 409,
    meaning: 'The item still has active children; move or archive them first.',
  },
  invalid_state: {
    status: 409,
    meaning:
      'The item is not in a state that allows this (e.g. a pipeline step that does not start from its status); `field` names what was asked.',
  },
  rate_limited: { status: 429, meaning: 'Too many attempts; wait and try again.' },
  payload_too_large: { status: 413, meaning: 'The request body is larger than the server accepts.' },
  unsupported_media_type: {
    status: 415,
    meaning: 'The request body is not JSON (or, for a file upload, not the file with its XML content type).',
  },
  service_unavailable: {
    status: 503,
    meaning: 'The server is shutting down or its database is not reachable.',
  },
  timeout: {
    status: 503,
    meaning:
      'A database statement ran past the time limit (PHAROS_STATEMENT_TIMEOUT_MS) and was stopped; nothing was written.',
  },
  internal_error: { status: 500, meaning: 'An unexpected error; it is logged with the request id.' },
} as const satisfies Record<ErrorCode, { status: number; meaning: string }>;

export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; field?: string; requestId?: string };
}
