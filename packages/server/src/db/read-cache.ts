import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from './connect';

export const CHANGES_CHANNEL = 'pharos_changes';

/**
 * Reads that only a write can change — how many items match a list's filter, the names of
 * referenced items, the offices and portfolios below a grant — remembered until the next committed
 * write. Every write transaction (`inTx`) forgets everything here when it ends and, on PostgreSQL,
 * announces its commit to the other Pharos processes on the database, which forget too.
 *
 * A value read while a write committed may be older than that write: it is returned to its
 * caller, as any read concurrent with a write may be, but not kept (generations). Concurrent
 * misses of one key share one load.
 */
export class ReadCache {
  /** Tells this process's own notices from other processes'. */
  readonly origin = randomUUID();
  private generation = 0;
  private readonly entries = new Map<string, unknown>();
  private readonly loading = new Map<string, Promise<unknown>>();
  hits = 0;
  misses = 0;

  constructor(
    /** Sends the notice inside the writing transaction (delivered on commit), or nothing. */
    private readonly announceIn: ((tx: Tx, origin: string) => Promise<void>) | null = null,
    private readonly max = 50_000,
  ) {}

  /** Something was written: forget everything. */
  invalidate() {
    this.generation++;
    this.entries.clear();
    this.loading.clear();
  }

  /** Tells the other processes, from inside the writing transaction, to forget on its commit. */
  async announce(tx: Tx) {
    await this.announceIn?.(tx, this.origin);
  }

  /** A notice from the channel: forget, unless it is this process's own (already forgotten). */
  heard(origin: string) {
    if (origin !== this.origin) this.invalidate();
  }

  /** The generation now: pass it to `put` after reading. */
  mark() {
    return this.generation;
  }

  get<T>(key: string): T | undefined {
    const v = this.entries.get(key) as T | undefined;
    if (v === undefined) this.misses++;
    else this.hits++;
    return v;
  }

  /** Keeps `value` unless a write committed since `mark` was taken. */
  put(key: string, value: unknown, mark: number) {
    if (mark !== this.generation || value === undefined) return;
    if (this.entries.size >= this.max) this.entries.clear();
    this.entries.set(key, value);
  }

  /**
   * A map kept under `key` that callers fill as they read (e.g. names by id), or null when a write
   * committed since `mark` (what was read then is not kept).
   */
  mapAt<K, V>(key: string, mark: number): Map<K, V> | null {
    if (mark !== this.generation) return null;
    let map = this.entries.get(key) as Map<K, V> | undefined;
    if (!map) {
      if (this.entries.size >= this.max) this.entries.clear();
      map = new Map();
      this.entries.set(key, map);
    }
    return map;
  }

  /** `key` from memory, or loaded once by `load` (concurrent callers share the load). */
  async memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.get<T>(key);
    if (hit !== undefined) return hit;
    const pending = this.loading.get(key) as Promise<T> | undefined;
    if (pending) return pending;
    const mark = this.generation;
    const p = load();
    this.loading.set(key, p);
    try {
      const value = await p;
      this.put(key, value, mark);
      return value;
    } finally {
      if (this.loading.get(key) === p) this.loading.delete(key);
    }
  }
}

/** On PostgreSQL the notice rides the transaction: it reaches the others only if it commits. */
export const announceOnServer = async (tx: Tx, origin: string) => {
  await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${origin})`);
};
