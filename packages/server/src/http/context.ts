import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config';
import type { Db, Tx } from '../db/connect';
import type { ReadCache } from '../db/read-cache';
import type { Access, Actor } from '../policy/access';

/** Everything a use case needs about the request it serves. Every write takes it, so its audit row cannot be forgotten. */
export interface Ctx {
  db: Db;
  /** Reads remembered until the next write: counts, names of referenced items, grant trees. */
  reads: ReadCache;
  config: Config;
  actor: Actor | null;
  access: Access;
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  log: FastifyBaseLogger;
  /** Call after committing a change to someone's access: every process forgets who they were. */
  authChanged(userId: string): Promise<void>;
}

/**
 * Runs `fn` in one transaction: every write and its audit rows commit together or not at all.
 * Remembered reads are forgotten when it ends, in this process and (on commit) in every other.
 */
export async function inTx<T>(ctx: Ctx, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const out = await fn(tx);
      await ctx.reads.announce(tx);
      return out;
    });
  } finally {
    ctx.reads.invalidate();
  }
}
