import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { minuteFromIso } from '@pharos/engine';
import { describe, expect, it } from 'vitest';
import { orderViolations } from './order-check';
import { rescheduleMspdi } from './reschedule';
import { mspdiToDocument } from './to-document';

const file = fileURLToPath(
  new URL(
    '../../../../../../shared/corpus/mspdi/mpxj/generated/task-links/task-links-project2007-mspdi.xml',
    import.meta.url,
  ),
);

describe('rescheduleMspdi', () => {
  it("writes Pharos's dates and slack, keeping the plan, and agrees with MS Project on an automatic plan", () => {
    const original = readFileSync(file);
    const before = mspdiToDocument(original).doc;
    const xml = rescheduleMspdi(original);
    expect(orderViolations(xml)).toEqual([]);
    const after = mspdiToDocument(xml).doc;
    expect(after.tasks.map((t) => [t.uid, t.name, t.wbs, t.duration])).toEqual(
      before.tasks.map((t) => [t.uid, t.name, t.wbs, t.duration]),
    );
    expect(after.links).toEqual(before.links);
    // MS Project's own numbers in the file agree with the engine's (as working-time slack).
    for (const [i, t] of after.tasks.entries()) {
      const ms = before.tasks[i]!;
      expect(t.totalSlack, `task ${t.uid}`).toBe(ms.totalSlack);
      expect(minuteFromIso(t.earlyStart!), `task ${t.uid}`).toBe(minuteFromIso(ms.earlyStart!));
      expect(t.critical).toBe(ms.critical);
    }
  });
});
