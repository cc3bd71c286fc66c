import { AppError } from '@pharos/server';

/**
 * The positions of `items` ordered so that each comes after its parent (when the parent is in
 * the list too), keeping file order otherwise. A parent chain that loops is an error.
 */
export function parentFirst<T>(
  section: string,
  items: T[],
  key: (t: T) => string,
  parent: (t: T) => string | null,
): number[] {
  const index = new Map(items.map((t, i) => [key(t), i]));
  const state = new Map<number, 'visiting' | 'done'>();
  const order: number[] = [];
  const visit = (i: number) => {
    if (state.get(i) === 'done') return;
    if (state.get(i) === 'visiting')
      throw new AppError(
        'cycle',
        `${key(items[i]!)} is its own ancestor: the parent chain loops`,
        `${section}[${i}].parent`,
      );
    state.set(i, 'visiting');
    const p = parent(items[i]!);
    const pi = p === null ? undefined : index.get(p);
    if (pi !== undefined) visit(pi);
    state.set(i, 'done');
    order.push(i);
  };
  for (let i = 0; i < items.length; i++) visit(i);
  return order;
}
