import { describe, expect, it } from 'vitest';
import { ReadCache } from './read-cache';

const later = <T>(value: T, ms = 5) => new Promise<T>((ok) => setTimeout(() => ok(value), ms));

describe('read cache', () => {
  it('loads a key once, shares a load between concurrent callers, and forgets on a write', async () => {
    const c = new ReadCache();
    let loads = 0;
    const load = () => later(++loads);
    expect(await Promise.all([c.memo('k', load), c.memo('k', load), c.memo('k', load)])).toEqual([1, 1, 1]);
    expect(await c.memo('k', load)).toBe(1);
    expect(loads).toBe(1);
    c.invalidate();
    expect(await c.memo('k', load)).toBe(2);
  });

  it('does not keep a value read while a write committed', async () => {
    const c = new ReadCache();
    let n = 0;
    const slow = c.memo('k', () => later(++n, 20));
    c.invalidate(); // a write commits during the load
    expect(await slow).toBe(1); // the caller gets what it read…
    expect(await c.memo('k', () => later(++n))).toBe(2); // …but it was not kept
    const mark = c.mark();
    c.invalidate();
    c.put('x', 'stale', mark);
    expect(c.get('x')).toBeUndefined();
  });

  it('ignores its own notices and forgets on another process’s', async () => {
    const c = new ReadCache();
    await c.memo('k', async () => 'v');
    c.heard(c.origin);
    expect(c.get('k')).toBe('v');
    c.heard('another process');
    expect(c.get('k')).toBeUndefined();
  });

  it('stays bounded', async () => {
    const c = new ReadCache(null, 3);
    for (const k of ['a', 'b', 'c', 'd']) c.put(k, k, c.mark());
    expect(['a', 'b', 'c', 'd'].filter((k) => c.get(k) !== undefined).length).toBeLessThanOrEqual(3);
    expect(c.get('d')).toBe('d');
  });
});
