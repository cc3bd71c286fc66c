import { AppError } from '../../errors';

/**
 * The largest MSPDI file Pharos reads: 2 GiB. MS Project 2016+ writes about 3.7 KB per task
 * (indented, some 80 fields each), so a 350,000-task plan is about 1.3 GB; past the limit the
 * file is refused as it arrives, before it is read further.
 */
export const MAX_MSPDI_BYTES = 2 * 1024 ** 3;

/** Deepest element nesting read: MSPDI goes 6 levels deep; deeper input is not MSPDI. */
export const MAX_MSPDI_DEPTH = 32;

/** Longest text of one element (task notes included): MS Project caps notes far below this. */
export const MAX_MSPDI_TEXT = 1024 ** 2;

/**
 * The file is not an MSPDI document Pharos can read. `field` names the element, e.g.
 * `Tasks/Task[12]/Duration` (positions count from 1, among elements of that name).
 * Its code is `invalid_file` (HTTP 422).
 */
export class MspdiError extends AppError {
  constructor(message: string, field?: string) {
    super('invalid_file', message, field);
    this.name = 'MspdiError';
  }
}
