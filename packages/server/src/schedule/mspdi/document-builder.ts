import type { PlanCalendarT, PlanLinkT, PlanTaskT } from '@pharos/api';
import { constraintTypes } from '@pharos/api';
import { type PlanDocument, standardCalendar } from '../document';
import { MspdiError } from './errors';
import { Fields } from './fields';
import { type DurationUnit, isPercent, LINK_TYPES, UNIT_OF_FORMAT } from './formats';
import type { RecordKind, ScanSink, XmlNode } from './scan';
import { calendarOf } from './to-calendar';

type Resource = PlanDocument['resources'][number];
type Assignment = PlanDocument['assignments'][number];

/**
 * The fields read of each kind of record (and of a task's links and baselines): the scanner keeps
 * only these, so the 50-odd other fields of a task cost no memory. `Fields` refuses to read a
 * field not listed here, so the list cannot fall behind the reading code unnoticed.
 */
const FIELDS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries({
    Task: [
      'UID',
      'IsNull',
      'DurationFormat',
      'OutlineLevel',
      'Name',
      'Notes',
      'Manual',
      'Start',
      'WBS',
      'Summary',
      'Milestone',
      'Duration',
      'ConstraintType',
      'ConstraintDate',
      'Deadline',
      'CalendarUID',
      'PercentComplete',
      'ActualStart',
      'ActualFinish',
      'ManualStart',
      'Finish',
      'EarlyStart',
      'EarlyFinish',
      'LateStart',
      'LateFinish',
      'TotalSlack',
      'FreeSlack',
      'Critical',
      'RemainingDuration',
      'Baseline',
      'PredecessorLink',
    ],
    PredecessorLink: ['PredecessorUID', 'CrossProject', 'LagFormat', 'LinkLag', 'Type'],
    Baseline: ['Number', 'Start', 'Finish', 'Duration', 'Work', 'Cost'],
    Resource: [
      'UID',
      'Name',
      'IsNull',
      'IsCostResource',
      'Type',
      'Initials',
      'Group',
      'MaxUnits',
      'StandardRate',
      'CalendarUID',
    ],
    Assignment: ['UID', 'TaskUID', 'ResourceUID', 'Units', 'Work', 'ActualWork', 'Start', 'Finish'],
  }).map(([k, v]) => [k, new Set(v)]),
);

/** Builds a plan document from MSPDI records as they stream in. */
export class DocumentBuilder implements ScanSink {
  readonly fields = FIELDS;
  readonly warnings: string[] = [];
  readonly calendars: PlanCalendarT[] = [];
  readonly tasks: PlanTaskT[] = [];
  /** Links as read, with where each was (its task's record number, its own position there). */
  readonly links: PlanLinkT[] = [];
  private readonly linkTask: number[] = [];
  private readonly linkIndex: number[] = [];
  readonly resources: Resource[] = [];
  readonly assignments: Assignment[] = [];
  /** UIDs met, with the record number (from 1) that had each. */
  private readonly taskUids = new Map<number, number>();
  private readonly skippedTasks = new Set<number>();
  private readonly resourceUids = new Map<number, number>();
  private readonly assignmentUids = new Map<number, number>();
  private readonly calendarUids = new Map<number, number>();
  /** Records read, by kind. */
  private readonly counts = { Calendar: 0, Task: 0, Resource: 0, Assignment: 0 };
  private nullTasks = 0;
  /** The project's default duration unit, once the project fields are known. */
  defaultUnit: DurationUnit = 'd';

  record(kind: RecordKind, node: XmlNode, path: string) {
    const f = new Fields(node, path, FIELDS, kind);
    const n = ++this.counts[kind];
    if (kind === 'Task') this.task(f, n);
    else if (kind === 'Calendar') {
      const c = calendarOf(f, this.warnings);
      this.unique(this.calendarUids, c.uid, f, kind, n);
      this.calendars.push(c);
    } else if (kind === 'Resource') this.resource(f, n);
    else this.assignment(f, n);
  }

  private unique(seen: Map<number, number>, uid: number, f: Fields, kind: RecordKind, n: number) {
    const first = seen.get(uid);
    if (first !== undefined)
      throw new MspdiError(
        `${f.at('UID')} repeats UID ${uid}, already used by ${kind}s/${kind}[${first}]`,
        f.at('UID'),
      );
    seen.set(uid, n);
  }

  private task(f: Fields, n: number) {
    const uid = f.required('UID', (k) => f.int(k, 0));
    this.unique(this.taskUids, uid, f, 'Task', n);
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
    const totalSlack = f.num('TotalSlack');
    const freeSlack = f.num('FreeSlack');
    this.tasks.push({
      uid,
      row: this.tasks.length + 1,
      wbs: f.value('WBS') ?? '',
      summary: f.bool('Summary') ?? false,
      version: 1,
      name: name.length > 500 ? name.slice(0, 500) : name,
      outlineLevel: Math.max(1, level),
      notes: notes.length > 50_000 ? notes.slice(0, 50_000) : notes,
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
      totalSlack: totalSlack === undefined ? null : totalSlack / 10,
      freeSlack: freeSlack === undefined ? null : freeSlack / 10,
      critical: f.bool('Critical') ?? false,
      remainingDuration: f.duration('RemainingDuration') ?? null,
      baselines: this.baselines(f),
    });
    const links = f.list('PredecessorLink');
    for (let i = 0; i < links.length; i++) this.link(links[i]!, uid, n, i);
  }

  private calendarRef(uid: number | undefined) {
    return uid === undefined || uid < 0 ? null : uid;
  }

  private baselines(f: Fields): PlanTaskT['baselines'] {
    const list = f.list('Baseline');
    if (list.length === 0) return [];
    const out = new Map<number, PlanTaskT['baselines'][number]>();
    for (const b of list) {
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
    const all = [...out.values()];
    return all.length > 1 ? all.sort((a, b) => a.number - b.number) : all;
  }

  private link(l: Fields, successorUid: number, task: number, index: number) {
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
    });
    this.linkTask.push(task);
    this.linkIndex.push(index);
  }

  private resource(f: Fields, n: number) {
    const uid = f.required('UID', (k) => f.int(k));
    this.unique(this.resourceUids, uid, f, 'Resource', n);
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

  private assignment(f: Fields, n: number) {
    const uid = f.required('UID', (k) => f.int(k));
    this.unique(this.assignmentUids, uid, f, 'Assignment', n);
    const taskUid = f.required('TaskUID', (k) => f.int(k));
    const resourceUid = f.required('ResourceUID', (k) => f.int(k));
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

  /** A task kept in the plan (not the project summary task, not a blank row). */
  private kept(uid: number) {
    return this.taskUids.has(uid) && !this.skippedTasks.has(uid);
  }

  /** Checks what refers to what, as MS Project does on opening: dangling references are dropped. */
  finish(): { links: PlanLinkT[]; resources: Resource[]; assignments: Assignment[] } {
    if (this.nullTasks) this.warnings.push(`${this.nullTasks} blank (null) task rows were left out`);
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
    const links: PlanLinkT[] = [];
    // The links of one task come one after the other, and a task's UID is its own: a link
    // twice is twice among its task's links.
    let group = 0;
    for (let i = 0; i < this.links.length; i++) {
      const l = this.links[i]!;
      if (i === 0 || this.linkTask[i] !== this.linkTask[i - 1]) group = links.length;
      const path = () => `Tasks/Task[${this.linkTask[i]}]/PredecessorLink[${this.linkIndex[i]! + 1}]`;
      if (this.skippedTasks.has(l.predecessorUid)) continue;
      if (!this.kept(l.predecessorUid))
        this.warnings.push(`${path()}: task ${l.predecessorUid} does not exist; the link was left out`);
      else if (l.predecessorUid === l.successorUid)
        this.warnings.push(`${path()}: task ${l.successorUid} is linked to itself; the link was left out`);
      else if (twice(links, group, l.predecessorUid))
        this.warnings.push(
          `${path()}: task ${l.successorUid} is linked to ${l.predecessorUid} twice; the second link was left out`,
        );
      else links.push(l);
    }
    const resources = new Set(this.resources.map((r) => r.uid));
    const assignments = this.assignments.filter((a) => {
      const ok = this.kept(a.taskUid) && resources.has(a.resourceUid);
      if (!ok && !this.skippedTasks.has(a.taskUid))
        this.warnings.push(
          `Assignment ${a.uid} refers to ${this.kept(a.taskUid) ? `resource ${a.resourceUid}` : `task ${a.taskUid}`}, which does not exist; it was left out`,
        );
      return ok;
    });
    return { links, resources: this.resources, assignments };
  }
}

/** Whether a link from `predecessorUid` is among `links` from `from` on. */
function twice(links: PlanLinkT[], from: number, predecessorUid: number) {
  for (let k = from; k < links.length; k++) if (links[k]!.predecessorUid === predecessorUid) return true;
  return false;
}

/** Settings from the project's own fields. */
export function settings(project: Record<string, string>, b: DocumentBuilder) {
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
