import type { Actor } from '../policy/access';

type Entry = { actor: Actor & { lastSeenAt?: Date }; at: number; generation: number };

/**
 * Who is behind a session or token, remembered for a few seconds so most requests need no
 * authentication query. Anything that changes a user's access (sign-out, password, tokens, grants,
 * deactivation) forgets that user here and, through the database, in every other Pharos process.
 * A lookup that raced with such a change is not stored (generations).
 */
export class ActorCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private globalGeneration = 0;

  constructor(
    private readonly ttlMs = 15_000,
    private readonly max = 20_000,
  ) {}

  get(key: string): Entry['actor'] | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (Date.now() - e.at > this.ttlMs || e.generation !== this.generationOf(e.actor.userId)) {
      this.entries.delete(key);
      return null;
    }
    return e.actor;
  }

  /** Marks the start of a lookup; pass the mark to `set`. */
  mark(): number {
    return this.globalGeneration;
  }

  set(key: string, actor: Entry['actor'], mark: number) {
    if (mark !== this.globalGeneration) return; // something changed while we looked it up
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { actor, at: Date.now(), generation: this.generationOf(actor.userId) });
  }

  forgetUser(userId: string) {
    this.generations.set(userId, this.generationOf(userId) + 1);
    this.globalGeneration++;
  }

  private generationOf(userId: string) {
    return this.generations.get(userId) ?? 0;
  }
}
