import { describe, expect, it } from 'vitest';
import { buildTree, collectIds, countNodes, filterTree, weightShares } from './tree';

const items = [
  { id: 'b', parentId: 'a', name: 'B', weight: 30 },
  { id: 'a', parentId: null, name: 'A', weight: 100 },
  { id: 'c', parentId: 'a', name: 'C', weight: 10 },
  { id: 'd', parentId: 'missing', name: 'D', weight: 0 },
  { id: 'e', parentId: 'c', name: 'E', weight: 5 },
];
const byName = (x: { name: string }, y: { name: string }) => x.name.localeCompare(y.name);

describe('buildTree', () => {
  it('nests children under parents and keeps orphans as roots', () => {
    const roots = buildTree(items, byName);
    expect(roots.map((n) => n.item.id)).toEqual(['a', 'd']);
    expect(roots[0]?.children.map((n) => n.item.id)).toEqual(['b', 'c']);
    expect(roots[0]?.children[1]?.children[0]?.depth).toBe(2);
    expect(countNodes(roots)).toBe(5);
    expect(collectIds(roots)).toEqual(['a', 'c']);
  });

  it('survives a cycle in the data', () => {
    const roots = buildTree([
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ]);
    expect(countNodes(roots)).toBe(2);
  });
});

describe('filterTree', () => {
  it('keeps matches with their ancestors', () => {
    const roots = filterTree(buildTree(items, byName), (i) => i.name === 'E');
    expect(roots.map((n) => n.item.id)).toEqual(['a']);
    expect(roots[0]?.children.map((n) => n.item.id)).toEqual(['c']);
    expect(roots[0]?.children[0]?.children.map((n) => n.item.id)).toEqual(['e']);
  });
});

describe('weightShares', () => {
  it('normalizes among siblings and multiplies down the path', () => {
    const shares = weightShares(buildTree(items, byName));
    expect(shares.get('a')?.local).toBeCloseTo(1);
    expect(shares.get('d')?.local).toBeCloseTo(0);
    expect(shares.get('b')?.local).toBeCloseTo(0.75);
    expect(shares.get('c')?.global).toBeCloseTo(0.25);
    expect(shares.get('e')?.global).toBeCloseTo(0.25);
  });
});
