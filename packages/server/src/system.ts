import pino from 'pino';
import type { Config } from './config';
import type { Database } from './db/connect';
import type { Ctx } from './http/context';
import { Access } from './policy/access';

/** A context for the command line: full access, audit rows with no actor and request id `cli`. */
export function systemCtx(config: Config, database: Database): Ctx {
  return {
    db: database.db,
    reads: database.reads,
    config,
    actor: null,
    access: Access.system(database.db),
    requestId: 'cli',
    ip: null,
    userAgent: 'pharos-cli',
    log: pino({ level: 'silent' }),
    authChanged: (userId) => database.notify('pharos_auth', userId),
  };
}
