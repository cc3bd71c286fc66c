import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildForest, descendantsOf, flattenForest, wouldCycle } from './tree';

const items = [
  { id: 'a', parentId: null },
  { id: 'b', parentId: 'a' },
  { id: 'c', parentId: 'b' },
  { id: 'd', parentId: 'a' },
  { id: 'e', parentId: null },
];

describe('tree', () => {
  it('builds a forest with depths in input order', () => {
    const flat = flattenForest(buildForest(items)).map((n) => `${n.item.id}${n.depth}`);
    expect(flat).toEqual(['a0', 'b1', 'c2', 'd1', 'e0']);
  });

  it('finds descendants and ancestors', () => {
    expect([...descendantsOf(items, ['b'])].sort()).toEqual(['b', 'c']);
    expect(ancestorsOf(items, 'c')).toEqual(['b', 'a']);
  });

  it('refuses moves that would put an item under itself', () => {
    expect(wouldCycle(items, 'a', 'c')).toBe(true);
    expect(wouldCycle(items, 'a', 'a')).toBe(true);
    expect(wouldCycle(items, 'c', 'd')).toBe(false);
    expect(wouldCycle(items, 'c', null)).toBe(false);
  });

  it('never loses an item, whatever the parent links (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(30), { maxLength: 30 }), (parents) => {
        const list = parents.map((p, i) => ({ id: `n${i}`, parentId: p < parents.length ? `n${p}` : null }));
        const flat = flattenForest(buildForest(list));
        expect(flat.map((n) => n.item.id).sort()).toEqual(list.map((i) => i.id).sort());
      }),
    );
  });

  it('a move refused by wouldCycle is exactly one that makes a cycle (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat(20), { minLength: 1, maxLength: 20 }),
        fc.nat(19),
        fc.nat(19),
        (ps, x, y) => {
          // a valid tree: each node's parent has a smaller index
          const list = ps.map((p, i) => ({ id: `n${i}`, parentId: i > 0 && p < i ? `n${p}` : null }));
          const id = `n${x % list.length}`;
          const np = `n${y % list.length}`;
          const moved = list.map((i) => (i.id === id ? { ...i, parentId: np } : i));
          const cyclic = ancestorsOf(moved, id).length > 0 && descendantsOf(list, [id]).has(np);
          expect(wouldCycle(list, id, np)).toBe(cyclic || id === np);
        },
      ),
    );
  });
});
