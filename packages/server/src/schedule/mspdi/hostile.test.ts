import { describe, expect, it } from 'vitest';
import { MAX_MSPDI_BYTES, MspdiError } from './errors';
import { mspdiStreamToDocument, mspdiToDocument } from './to-document';

const NS = 'http://schemas.microsoft.com/project';
const task = (fields: string) => `<Task>${fields}</Task>`;
const project = (body: string, head = '<StartDate>2024-01-08T08:00:00</StartDate>') =>
  `<?xml version="1.0" encoding="UTF-8"?><Project xmlns="${NS}">${head}${body}</Project>`;
const tasks = (...t: string[]) => project(`<Tasks>${t.join('')}</Tasks>`);

/** The error a file gets, as `{ code, field, message }`. */
function refusal(input: string | Uint8Array, maxBytes?: number) {
  try {
    mspdiToDocument(input, maxBytes);
  } catch (e) {
    expect(e).toBeInstanceOf(MspdiError);
    const err = e as MspdiError;
    expect(err.status).toBe(422);
    return { code: err.code, field: err.field, message: err.message };
  }
  throw new Error('the file was accepted');
}

describe('hostile MSPDI', () => {
  it('refuses entity expansion (billion laughs) before expanding anything', () => {
    const lol = [
      '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa">',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `<!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`,
      ),
      `]><Project xmlns="${NS}"><Name>&j;</Name><StartDate>2024-01-08T08:00:00</StartDate></Project>`,
    ].join('');
    const began = performance.now();
    expect(refusal(lol)).toMatchObject({ code: 'invalid_file', field: 'DOCTYPE' });
    expect(performance.now() - began).toBeLessThan(100);
  });

  it('refuses external entities and any DOCTYPE at all', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="${NS}"><Name>&x;</Name></Project>`;
    expect(refusal(xxe).field).toBe('DOCTYPE');
    expect(
      refusal(`<!DOCTYPE Project SYSTEM "http://example.invalid/p.dtd"><Project xmlns="${NS}"/>`).field,
    ).toBe('DOCTYPE');
  });

  it('does not expand an undeclared entity', () => {
    expect(refusal(project('<Name>&x;</Name>')).message).toMatch(/Not well-formed XML/);
  });

  it('refuses what is not XML, not well-formed, not MSPDI, or empty', () => {
    expect(refusal('%PDF-1.7 binary').message).toMatch(/Not well-formed XML/);
    expect(refusal(project('<Tasks><Task><UID>1</UID></Tasks>')).message).toMatch(/Not well-formed/);
    expect(refusal(`<Project xmlns="${NS}"><Tasks>`).message).toMatch(/Not well-formed/);
    expect(refusal('<html><body/></html>')).toMatchObject({ field: 'html' });
    expect(refusal('<Project xmlns="urn:other"/>').message).toMatch(/namespace/);
    expect(refusal('').message).toMatch(/empty|well-formed/);
    expect(refusal(new Uint8Array([0x3c, 0x50, 0xff, 0xfe, 0xfd])).message).toMatch(/not utf-8 text/);
  });

  it('refuses files over the size limit (2 GiB), counting a stream as it arrives', async () => {
    expect(MAX_MSPDI_BYTES).toBe(2 * 1024 ** 3);
    const xml = tasks(task('<UID>1</UID>'));
    expect(refusal(xml, 100).message).toMatch(/larger than 100 bytes/);
    expect(refusal(new TextEncoder().encode(xml), 100).message).toMatch(/larger than 100 bytes/);
    let pulled = 0;
    async function* endless() {
      for (;;) {
        pulled++;
        yield new TextEncoder().encode(`<!-- ${'x'.repeat(1000)} -->`);
      }
    }
    await expect(mspdiStreamToDocument(endless(), 10_000)).rejects.toThrow(/larger than 10000 bytes/);
    expect(pulled).toBeLessThan(12);
  });

  it('refuses nesting deeper than MSPDI goes', () => {
    expect(refusal(project(`${'<a>'.repeat(40)}${'</a>'.repeat(40)}`)).message).toMatch(/nest/);
  });

  it('names the missing required field', () => {
    expect(refusal(`<Project xmlns="${NS}"><Name>x</Name></Project>`).field).toBe('Project/StartDate');
    expect(refusal(tasks(task('<UID>1</UID>'), task('<Name>no uid</Name>'))).field).toBe('Tasks/Task[2]/UID');
    expect(refusal(tasks(task('<UID>1</UID><PredecessorLink><Type>1</Type></PredecessorLink>'))).field).toBe(
      'Tasks/Task[1]/PredecessorLink[1]/PredecessorUID',
    );
  });

  it('names fields of the wrong type', () => {
    const bad = (fields: string) => refusal(tasks(task('<UID>1</UID>'), task(`<UID>2</UID>${fields}`)));
    expect(bad('<Duration>eight hours</Duration>')).toMatchObject({ field: 'Tasks/Task[2]/Duration' });
    expect(bad('<Duration>-PT8H0M0S</Duration>').field).toBe('Tasks/Task[2]/Duration');
    expect(bad('<Start>2024-02-30T08:00:00</Start>').field).toBe('Tasks/Task[2]/Start');
    expect(bad('<Start>tomorrow</Start>').message).toMatch(/"tomorrow", not a date/);
    expect(bad('<PercentComplete>lots</PercentComplete>').field).toBe('Tasks/Task[2]/PercentComplete');
    expect(bad('<PercentComplete>150</PercentComplete>').message).toMatch(/from 0 to 100/);
    expect(bad('<ConstraintType>9</ConstraintType>').field).toBe('Tasks/Task[2]/ConstraintType');
    expect(bad('<Milestone>maybe</Milestone>').field).toBe('Tasks/Task[2]/Milestone');
    expect(bad('<OutlineLevel>1.5</OutlineLevel>').field).toBe('Tasks/Task[2]/OutlineLevel');
    expect(bad('<UID>3</UID>').message).toMatch(/twice/);
    expect(refusal(tasks(task('<UID>x1</UID>'))).field).toBe('Tasks/Task[1]/UID');
    expect(
      refusal(
        project(
          '<Calendars><Calendar><UID>1</UID><WeekDays><WeekDay><DayType>8</DayType></WeekDay></WeekDays></Calendar></Calendars>',
        ),
      ).field,
    ).toBe('Calendars/Calendar[1]/WeekDays/WeekDay[1]/DayType');
    expect(
      refusal(project('', '<StartDate>2024-01-08T08:00:00</StartDate><MinutesPerDay>0</MinutesPerDay>'))
        .field,
    ).toBe('Project/MinutesPerDay');
  });

  it('refuses duplicated UIDs, naming both', () => {
    const err = refusal(tasks(task('<UID>1</UID>'), task('<UID>2</UID>'), task('<UID>1</UID>')));
    expect(err.field).toBe('Tasks/Task[3]/UID');
    expect(err.message).toMatch(/already used by Tasks\/Task\[1\]/);
  });

  it('drops, with a warning, links and assignments to what does not exist (as MS Project does)', () => {
    const link = (uid: number) =>
      `<PredecessorLink><PredecessorUID>${uid}</PredecessorUID><Type>1</Type></PredecessorLink>`;
    const { doc, warnings } = mspdiToDocument(
      project(
        `<Tasks>${task('<UID>1</UID>')}${task(`<UID>2</UID>${link(1)}${link(99)}${link(2)}${link(1)}`)}</Tasks>` +
          '<Assignments><Assignment><UID>1</UID><TaskUID>7</TaskUID><ResourceUID>1</ResourceUID></Assignment></Assignments>',
      ),
    );
    expect(doc.links).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/task 99 does not exist/);
    expect(warnings.join('\n')).toMatch(/linked to itself/);
    expect(warnings.join('\n')).toMatch(/twice/);
    expect(warnings.join('\n')).toMatch(/Assignment 1 refers to task 7/);
    expect(doc.calendars).toHaveLength(1); // the Standard calendar, added with a warning
  });

  it('skips the project summary task and blank rows, saying so', () => {
    const { doc, warnings } = mspdiToDocument(
      tasks(
        task('<UID>0</UID><OutlineLevel>0</OutlineLevel>'),
        task('<UID>1</UID><IsNull>1</IsNull>'),
        task('<UID>2</UID>'),
      ),
    );
    expect(doc.tasks.map((t) => t.uid)).toEqual([2]);
    expect(warnings.join('\n')).toMatch(/UID 0/);
    expect(warnings.join('\n')).toMatch(/1 blank \(null\) task/);
  });

  it('keeps text that looks like markup as text', () => {
    const { doc } = mspdiToDocument(
      tasks(task('<UID>1</UID><Name>a &lt;b&gt; &amp; <![CDATA[<c>]]></Name>')),
    );
    expect(doc.tasks[0]!.name).toBe('a <b> & <c>');
  });
});
