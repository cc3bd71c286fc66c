import { type ErrorCode, errorCatalog } from '@pharos/api';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from '../errors';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

const fastifyCodes: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'validation_failed',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'validation_failed',
  FST_ERR_CTP_INVALID_JSON_BODY: 'validation_failed',
};

/** Turns any error into `{error:{code,message,field}}`; nothing else (no stack) leaves the server. */
export function toAppError(err: unknown): { error: AppError; unexpected: boolean } {
  if (err instanceof AppError) return { error: err, unexpected: false };
  if (hasZodFastifySchemaValidationErrors(err)) {
    const first = err.validation[0];
    const path = first?.instancePath?.replace(/^\//, '').replaceAll('/', '.') ?? '';
    const where = (err as { validationContext?: string }).validationContext;
    const field =
      path || (first?.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') || where;
    const msg = first?.message ?? 'Invalid input';
    return {
      error: new AppError('validation_failed', field ? `${field}: ${msg}` : msg, field),
      unexpected: false,
    };
  }
  if (isResponseSerializationError(err)) return { error: internal(), unexpected: true };
  // Drizzle wraps the driver's error; the Postgres code is on its cause.
  const pgErr = (
    (err as { cause?: PgError }).cause?.code ? (err as { cause: PgError }).cause : err
  ) as PgError;
  if (pgErr.code === '23505') {
    const field = fieldOfConstraint(pgErr.constraint);
    return { error: new AppError('duplicate', `That ${field} is already in use`, field), unexpected: false };
  }
  if (pgErr.code === '57014')
    return {
      error: new AppError(
        'timeout',
        'The request took longer than the database allows and was stopped; try a narrower request',
      ),
      unexpected: false,
    };
  if (pgErr.code === '23503')
    return {
      error: new AppError('invalid_reference', 'A referenced item does not exist'),
      unexpected: false,
    };
  const fe = err as FastifyError;
  if (fe.statusCode === 429) return { error: new AppError('rate_limited', fe.message), unexpected: false };
  const mapped = fe.code ? fastifyCodes[fe.code] : undefined;
  if (mapped) return { error: new AppError(mapped, fe.message), unexpected: false };
  if (fe.statusCode === 404 || fe.statusCode === 403)
    return { error: new AppError('not_found', 'Not found'), unexpected: false };
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500)
    return { error: new AppError('validation_failed', fe.message), unexpected: false };
  return { error: internal(), unexpected: true };
}

const internal = () => new AppError('internal_error', 'Something went wrong on our side; it has been logged');

/** `projects_code_unique` → `code`; `users_email_unique` → `email`. */
function fieldOfConstraint(c: string | undefined): string {
  const m = c?.match(/^[a-z_]+?_([a-z]+)_unique$/);
  return m?.[1] ?? 'value';
}

export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const { error, unexpected } = toAppError(err);
  if (unexpected) req.log.error({ err }, 'unexpected error');
  else req.log.info({ code: error.code, field: error.field }, error.message);
  const body = {
    error: {
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
      requestId: req.id,
    },
  };
  return reply.code(errorCatalog[error.code].status).type('application/json').send(body);
}
