/**
 * Trees of the registry (org units, offices, objectives, portfolios) as plain data.
 * Pure: arrays in, arrays out.
 */
export interface TreeItem {
  id: string;
  parentId: string | null;
}

export interface TreeNode<T extends TreeItem> {
  item: T;
  depth: number;
  children: TreeNode<T>[];
}

/** Builds a forest; items whose parent is absent become roots. Children keep the input order. */
export function buildForest<T extends TreeItem>(items: readonly T[]): TreeNode<T>[] {
  const nodes = new Map<string, TreeNode<T>>();
  for (const item of items) nodes.set(item.id, { item, depth: 0, children: [] });
  const roots: TreeNode<T>[] = [];
  for (const item of items) {
    const node = nodes.get(item.id)!;
    const parent = item.parentId === null ? undefined : nodes.get(item.parentId);
    if (parent && !isAncestorOrSelf(items, item.id, parent.item.id)) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (n: TreeNode<T>, d: number) => {
    n.depth = d;
    for (const c of n.children) setDepth(c, d + 1);
  };
  for (const r of roots) setDepth(r, 0);
  return roots;
}

/** Depth-first order with depths: what an indented tree table shows. */
export function flattenForest<T extends TreeItem>(forest: readonly TreeNode<T>[]): TreeNode<T>[] {
  const out: TreeNode<T>[] = [];
  const visit = (n: TreeNode<T>) => {
    out.push(n);
    for (const c of n.children) visit(c);
  };
  for (const r of forest) visit(r);
  return out;
}

/** The ids of `rootIds` and everything below them. */
export function descendantsOf(items: readonly TreeItem[], rootIds: Iterable<string>): Set<string> {
  const children = new Map<string, string[]>();
  for (const it of items) {
    if (it.parentId === null) continue;
    const list = children.get(it.parentId);
    if (list) list.push(it.id);
    else children.set(it.parentId, [it.id]);
  }
  const out = new Set<string>();
  const stack = [...rootIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (out.has(id)) continue;
    out.add(id);
    for (const c of children.get(id) ?? []) stack.push(c);
  }
  return out;
}

/** Ancestors of `id`, nearest first (not including `id`); stops at a cycle. */
export function ancestorsOf(items: readonly TreeItem[], id: string): string[] {
  const parent = new Map(items.map((i) => [i.id, i.parentId]));
  const out: string[] = [];
  const seen = new Set([id]);
  let p = parent.get(id) ?? null;
  while (p !== null && !seen.has(p)) {
    out.push(p);
    seen.add(p);
    p = parent.get(p) ?? null;
  }
  return out;
}

/** True if making `newParentId` the parent of `id` would put `id` under itself. */
export function wouldCycle(items: readonly TreeItem[], id: string, newParentId: string | null): boolean {
  if (newParentId === null) return false;
  if (newParentId === id) return true;
  return ancestorsOf(items, newParentId).includes(id);
}

function isAncestorOrSelf(items: readonly TreeItem[], id: string, parentId: string): boolean {
  return parentId === id || ancestorsOf(items, parentId).includes(id);
}
