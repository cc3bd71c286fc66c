import type { TextDecoder } from 'node:util';
import type { PlanCalendarT, PlanLinkT, PlanTaskT } from '@pharos/api';
import { constraintTypes, type durationUnits, type lagUnits } from '@pharos/api';
import type { PlanDocument } from '../document';
import { MAX_MSPDI_BYTES, MspdiError } from './errors';
import { Fields } from './fields';
import { decodeChunks, MspdiScanner, type RecordKind, textDecoder, tooLarge, type XmlNode } from './scan';
import { calendarOf, standardCalendar } from './to-calendar';

type Resource = PlanDocument['resources'][number];
type Assignment = PlanDocument['assignments'][number];
type DurationUnit = (typeof durationUnits)[number];
type LagUnit = (typeof lagUnits)[number];

/** MSPDI `DurationFormat` / `LagFormat` numbers (the estimated variants are these plus 32). */
export const FORMAT_OF_UNIT: Record<LagUnit, number> = {
  m: 3,
  em: 4,
  h: 5,
  eh: 6,
  d: 7,
  ed: 8,
  w: 9,
  ew: 10,
  mo: 11,
  emo: 12,
  '%': 19,
  'e%': 20,
};
const UNIT_OF_FORMAT = Object.fromEntries(Object.entries(FORMAT_OF_UNIT).map(([u, f]) => [f, u])) as Record<
  number,
  LagUnit
>;
/** MSPDI link types: 0 FF, 1 FS, 2 SF, 3 SS. */
export const LINK_TYPES = ['FF', 'FS', 'SF', 'SS'] as const;
/** Percent lags are kept as the percentage itself; other lags are tenths of minutes. */
const isPercent = (u: LagUnit) => u === '%' || u === 'e%';

export interface MspdiImport {
  doc: PlanDocument;
  /** What the file had that Pharos changed or does not keep, one sentence each. */
  warnings: string[];
}

interface PendingLink extends PlanLinkT {
  path: string;
}

/** Builds a plan document from MSPDI records as they stream in. */
class DocumentBuilder {
  readonly warnings: string[] = [];
  readonly calendars: PlanCalendarT[] = [];
  readonly tasks: PlanTaskT[] = [];
  readonly links: PendingLink[] = [];
  readonly resources: Resource[] = [];
  readonly assignments: Assignment[] = [];
  private readonly taskUids = new Map<number, string>();
  private readonly skippedTasks = new Set<number>();
  private readonly resourceUids = new Map<number, string>();
  private readonly assignmentUids = new Map<number, string>();
  private readonly calendarUids = new Map<number, string>();
  private nullTasks = 0;
  /** The project's default duration unit, once the project fields are known. */
  defaultUnit: DurationUnit = 'd';

  record(kind: RecordKind, node: XmlNode, path: string) {
    const f = new Fields(node, path);
    if (kind === 'Task') this.task(f);
    else if (kind === 'Calendar') {
      const c = calendarOf(f, this.warnings);
      this.unique(this.calendarUids, c.uid, f);
      this.calendars.push(c);
    } else if (kind === 'Resource') this.resource(f);
    else this.assignment(f);
  }

  private unique(seen: Map<number, string>, uid: number, f: Fields) {
    const first = seen.get(uid);
    if (first !== undefined)
      throw new MspdiError(`${f.at('UID')} repeats UID ${uid}, already used by ${first}`, f.at('UID'));
    seen.set(uid, f.path);
  }

  private task(f: Fields) {
    const uid = f.required('UID', (n) => f.int(n, 0));
    this.unique(this.taskUids, uid, f);
    if (uid === 0) {
      this.skippedTasks.add(uid);
      this.warnings.push('The project summary task (UID 0) is not kept: Pharos rolls the project up itself');
      return;
    }
    if (f.bool('IsNull')) {
      this.skippedTasks.add(uid);
      this.nullTasks++;
      return;
    }
    const format = f.int('DurationFormat', 0, 255);
    const unit = format === undefined ? this.defaultUnit : UNIT_OF_FORMAT[format & ~32];
    const level = f.int('OutlineLevel', 0, 100) ?? 1;
    const name = f.text('Name') ?? '';
    const notes = f.text('Notes') ?? '';
    if (name.length > 500) this.warnings.push(`${f.path}: the name was cut to 500 characters`);
    if (notes.length > 50_000) this.warnings.push(`${f.path}: the notes were cut to 50,000 characters`);
    const manual = f.bool('Manual') ?? false;
    const start = f.instant('Start') ?? null;
    const slack = (k: string) => {
      const v = f.num(k);
      return v === undefined ? null : v / 10;
    };
    this.tasks.push({
      uid,
      row: this.tasks.length + 1,
      wbs: f.value('WBS') ?? '',
      summary: f.bool('Summary') ?? false,
      version: 1,
      name: name.slice(0, 500),
      outlineLevel: Math.max(1, level),
      notes: notes.slice(0, 50_000),
      milestone: f.bool('Milestone') ?? false,
      manual,
      duration: f.duration('Duration') ?? 0,
      durationUnit: unit && !isPercent(unit) ? (unit as DurationUnit) : this.defaultUnit,
      constraintType: constraintTypes[f.int('ConstraintType', 0, 7) ?? 0]!,
      constraintDate: f.instant('ConstraintDate') ?? null,
      deadline: f.instant('Deadline') ?? null,
      calendarUid: this.calendarRef(f.int('CalendarUID')),
      percentComplete: f.num('PercentComplete', 0, 100) ?? 0,
      actualStart: f.instant('ActualStart') ?? null,
      actualFinish: f.instant('ActualFinish') ?? null,
      manualStart: manual ? (f.instant('ManualStart') ?? start) : null,
      start,
      finish: f.instant('Finish') ?? null,
      earlyStart: f.instant('EarlyStart') ?? null,
      earlyFinish: f.instant('EarlyFinish') ?? null,
      lateStart: f.instant('LateStart') ?? null,
      lateFinish: f.instant('LateFinish') ?? null,
      totalSlack: slack('TotalSlack'),
      freeSlack: slack('FreeSlack'),
      critical: f.bool('Critical') ?? false,
      remainingDuration: f.duration('RemainingDuration') ?? null,
      baselines: this.baselines(f),
    });
    for (const l of f.list('PredecessorLink')) this.link(l, uid);
  }

  private calendarRef(uid: number | undefined) {
    return uid === undefined || uid < 0 ? null : uid;
  }

  private baselines(f: Fields): PlanTaskT['baselines'] {
    const out = new Map<number, PlanTaskT['baselines'][number]>();
    for (const b of f.list('Baseline')) {
      const number = b.required('Number', (n) => b.int(n, 0, 10));
      out.set(number, {
        number,
        start: b.instant('Start') ?? null,
        finish: b.instant('Finish') ?? null,
        duration: b.duration('Duration') ?? null,
        work: b.duration('Work') ?? null,
        // MSPDI costs are in hundredths of the currency: Pharos's minor units.
        cost: b.num('Cost') ?? null,
      });
    }
    return [...out.values()].sort((a, b) => a.number - b.number);
  }

  private link(l: Fields, successorUid: number) {
    const predecessorUid = l.required('PredecessorUID', (n) => l.int(n));
    if (l.bool('CrossProject')) {
      this.warnings.push(`${l.path}: a link to another project's task is not kept`);
      return;
    }
    const format = l.int('LagFormat', 0, 255) ?? 7;
    const lagUnit = UNIT_OF_FORMAT[format & ~32] ?? l.fail('LagFormat', 'a lag format (3–12, 19, 20)');
    const raw = l.num('LinkLag') ?? 0;
    this.links.push({
      predecessorUid,
      successorUid,
      type: LINK_TYPES[l.int('Type', 0, 3) ?? 1]!,
      lag: isPercent(lagUnit) ? raw : raw / 10,
      lagUnit,
      path: l.path,
    });
  }

  private resource(f: Fields) {
    const uid = f.required('UID', (n) => f.int(n));
    this.unique(this.resourceUids, uid, f);
    const name = f.text('Name') ?? '';
    // MS Project writes a blank resource with UID 0 in every file; it is no one.
    if ((uid === 0 && !name) || f.bool('IsNull')) return;
    if (uid < 0) throw new MspdiError(`${f.at('UID')} is negative`, f.at('UID'));
    this.resources.push({
      uid,
      name: name.slice(0, 500),
      type: f.bool('IsCostResource') ? 'cost' : f.int('Type', 0, 2) === 0 ? 'material' : 'work',
      initials: (f.text('Initials') ?? '').slice(0, 100),
      group: (f.text('Group') ?? '').slice(0, 500),
      maxUnits: f.num('MaxUnits', 0) ?? 1,
      standardRate: f.num('StandardRate', 0) ?? 0,
      calendarUid: this.calendarRef(f.int('CalendarUID')),
    });
  }

  private assignment(f: Fields) {
    const uid = f.required('UID', (n) => f.int(n));
    this.unique(this.assignmentUids, uid, f);
    const taskUid = f.required('TaskUID', (n) => f.int(n));
    const resourceUid = f.required('ResourceUID', (n) => f.int(n));
    // MS Project records a task without resources as an assignment to resource -65535.
    if (resourceUid < 0) return;
    this.assignments.push({
      uid,
      taskUid,
      resourceUid,
      units: f.num('Units', 0) ?? 1,
      work: f.duration('Work') ?? 0,
      actualWork: f.duration('ActualWork') ?? 0,
      start: f.instant('Start') ?? null,
      finish: f.instant('Finish') ?? null,
    });
  }

  /** Checks what refers to what, as MS Project does on opening: dangling references are dropped. */
  finish(): { links: PlanLinkT[]; resources: Resource[]; assignments: Assignment[] } {
    if (this.nullTasks) this.warnings.push(`${this.nullTasks} blank (null) task rows were left out`);
    const kept = new Set(this.tasks.map((t) => t.uid));
    const calendars = new Set(this.calendars.map((c) => c.uid));
    for (const t of this.tasks)
      if (t.calendarUid !== null && !calendars.has(t.calendarUid)) {
        this.warnings.push(
          `Task ${t.uid} uses calendar ${t.calendarUid}, which the file does not define; it uses the project calendar`,
        );
        t.calendarUid = null;
      }
    for (const r of this.resources)
      if (r.calendarUid !== null && !calendars.has(r.calendarUid)) r.calendarUid = null;
    for (const c of this.calendars)
      if (c.baseUid !== null && !calendars.has(c.baseUid)) {
        this.warnings.push(
          `Calendar ${c.uid} is based on calendar ${c.baseUid}, which the file does not define`,
        );
        c.baseUid = null;
        c.week = c.week.map((d) => d ?? []);
      }
    const seen = new Set<string>();
    const links: PlanLinkT[] = [];
    for (const { path, ...l } of this.links) {
      const key = `${l.predecessorUid}>${l.successorUid}`;
      if (this.skippedTasks.has(l.predecessorUid)) continue;
      if (!kept.has(l.predecessorUid))
        this.warnings.push(`${path}: task ${l.predecessorUid} does not exist; the link was left out`);
      else if (l.predecessorUid === l.successorUid)
        this.warnings.push(`${path}: task ${l.successorUid} is linked to itself; the link was left out`);
      else if (seen.has(key))
        this.warnings.push(
          `${path}: task ${l.successorUid} is linked to ${l.predecessorUid} twice; the second link was left out`,
        );
      else {
        seen.add(key);
        links.push(l);
      }
    }
    const resources = new Set(this.resources.map((r) => r.uid));
    const assignments = this.assignments.filter((a) => {
      const ok = kept.has(a.taskUid) && resources.has(a.resourceUid);
      if (!ok && !this.skippedTasks.has(a.taskUid))
        this.warnings.push(
          `Assignment ${a.uid} refers to ${kept.has(a.taskUid) ? `resource ${a.resourceUid}` : `task ${a.taskUid}`}, which does not exist; it was left out`,
        );
      return ok;
    });
    return { links, resources: this.resources, assignments };
  }
}

/** Settings from the project's own fields. */
function settings(project: Record<string, string>, b: DocumentBuilder) {
  const f = new Fields(project, 'Project');
  const startDate = f.required('StartDate', (n) => f.instant(n));
  if (f.bool('ScheduleFromStart') === false)
    b.warnings.push('The project is scheduled from its finish date; Pharos schedules it from its start date');
  const minutesPerDay = f.int('MinutesPerDay', 1, 1440) ?? 480;
  let calendarUid = f.int('CalendarUID') ?? 1;
  if (b.calendars.length === 0) {
    b.warnings.push(
      'The file defines no calendar; the Standard calendar (Monday–Friday, 8:00–17:00) was added',
    );
    calendarUid = Math.max(1, calendarUid);
    b.calendars.push(standardCalendar(calendarUid));
  } else if (!b.calendars.some((c) => c.uid === calendarUid)) {
    const first = b.calendars.find((c) => c.baseUid === null) ?? b.calendars[0]!;
    b.warnings.push(
      `The project calendar ${calendarUid} is not in the file; calendar ${first.uid} (${first.name}) is used`,
    );
    calendarUid = first.uid;
  }
  const lastSaved = f.instant('LastSaved') ?? f.instant('CreationDate') ?? startDate;
  return {
    name: (f.value('Title') ?? f.value('Name') ?? '').slice(0, 500),
    startDate,
    statusDate: f.instant('StatusDate') ?? null,
    calendarUid,
    minutesPerDay,
    minutesPerWeek: f.int('MinutesPerWeek', 1, 10080) ?? minutesPerDay * 5,
    daysPerMonth: f.int('DaysPerMonth', 1, 31) ?? 20,
    finish: f.instant('FinishDate') ?? null,
    setAt: `${lastSaved}:00Z`,
  };
}

/**
 * Reads MSPDI incrementally: `write` each piece of the file as it arrives, then `end`. Nothing
 * but the records being read is held, so a file of hundreds of megabytes streams through.
 */
export class MspdiDocumentReader {
  private readonly builder = new DocumentBuilder();
  private readonly scanner: MspdiScanner;
  private unitSet = false;

  constructor(maxBytes = MAX_MSPDI_BYTES) {
    this.scanner = new MspdiScanner(this.builder, maxBytes);
  }

  write(chunk: string) {
    this.scanner.write(chunk);
    if (!this.unitSet && this.scanner.project.DurationFormat !== undefined) {
      const u = UNIT_OF_FORMAT[Number(this.scanner.project.DurationFormat) & ~32];
      if (u && !isPercent(u)) this.builder.defaultUnit = u as DurationUnit;
      this.unitSet = true;
    }
  }

  end(): MspdiImport {
    this.scanner.end();
    const b = this.builder;
    const s = settings(this.scanner.project, b);
    const { links, resources, assignments } = b.finish();
    const numbers = [...new Set(b.tasks.flatMap((t) => t.baselines.map((x) => x.number)))].sort(
      (x, y) => x - y,
    );
    const { setAt, ...rest } = s;
    const doc: PlanDocument = {
      ...rest,
      calendars: b.calendars,
      tasks: b.tasks,
      links,
      resources,
      assignments,
      baselinesSet: numbers.map((number) => ({ number, setAt })),
    };
    return { doc, warnings: [...this.scanner.warnings, ...b.warnings] };
  }
}

/**
 * An MSPDI (MS Project XML) file as a plan document, with warnings for what Pharos changed or
 * left out. Throws an `MspdiError` (code `invalid_file`, `field` naming the element) for a file
 * that is not well-formed MSPDI; nothing is half-read.
 */
export function mspdiToDocument(input: string | Uint8Array, maxBytes = MAX_MSPDI_BYTES): MspdiImport {
  const reader = new MspdiDocumentReader(maxBytes);
  if (typeof input === 'string') {
    const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
    for (let i = 0; i < text.length; i += 1 << 22) reader.write(text.slice(i, i + (1 << 22)));
  } else for (const chunk of decodeChunks(input, maxBytes)) reader.write(chunk);
  return reader.end();
}

/** The same from a stream of bytes (an upload or a file), never holding the whole file. */
export async function mspdiStreamToDocument(
  chunks: AsyncIterable<Uint8Array>,
  maxBytes = MAX_MSPDI_BYTES,
): Promise<MspdiImport> {
  const reader = new MspdiDocumentReader(maxBytes);
  let decoder: TextDecoder | undefined;
  let bytes = 0;
  for await (const chunk of chunks) {
    bytes += chunk.length;
    // Counted before reading, so an endless upload stops at the limit.
    if (bytes > maxBytes) throw tooLarge(maxBytes);
    decoder ??= textDecoder(chunk);
    reader.write(decodeStrict(decoder, chunk, true));
  }
  if (decoder) reader.write(decodeStrict(decoder, new Uint8Array(), false));
  return reader.end();
}

function decodeStrict(d: TextDecoder, bytes: Uint8Array, stream: boolean) {
  try {
    return d.decode(bytes, { stream });
  } catch {
    throw new MspdiError(`The file is not ${d.encoding} text`);
  }
}
