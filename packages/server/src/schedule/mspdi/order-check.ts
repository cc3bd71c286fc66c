import { SaxesParser } from 'saxes';
import { orderOf } from './order';

/** Every element's children against the schema order: the out-of-order ones, as messages. */
export function orderViolations(xml: string): string[] {
  const out: string[] = [];
  const stack: { name: string; last: number; lastName: string; order: readonly string[] | undefined }[] = [];
  const p = new SaxesParser();
  p.on('opentag', (tag) => {
    const parent = stack.at(-1);
    if (parent?.order) {
      const i = parent.order.indexOf(tag.name);
      if (i < 0) out.push(`<${tag.name}> is not a child of <${parent.name}> in the schema`);
      else if (i < parent.last) out.push(`<${tag.name}> after <${parent.lastName}> in <${parent.name}>`);
      else [parent.last, parent.lastName] = [i, tag.name];
    }
    stack.push({ name: tag.name, last: -1, lastName: '', order: orderOf(tag.name, parent?.name ?? '') });
  });
  p.on('closetag', () => stack.pop());
  p.write(xml).close();
  return out;
}
