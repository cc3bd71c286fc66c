import { type ErrorCode, errorCatalog } from '@pharos/api';

/** An error meant for the client: a stable code, a message, and the field it is about. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
  get status(): number {
    return errorCatalog[this.code].status;
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
export const forbidden = (message = 'You may not do this') => new AppError('forbidden', message);
export const conflict = (what: string) =>
  new AppError(
    'version_conflict',
    `This ${what} was changed by someone else since you loaded it. Reload it to see their changes, then apply yours again.`,
    'version',
  );
export const invalidRef = (field: string, message: string) =>
  new AppError('invalid_reference', message, field);
