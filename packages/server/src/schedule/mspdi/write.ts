import type { PlanLinkT, PlanTaskT } from '@pharos/api';
import type { PlanDocument } from '../document';
import { FORMAT_OF_UNIT, LINK_TYPES } from './formats';
import { MSPDI_NAMESPACE } from './scan';
import { calendarXml } from './write-calendar';
import { Element, xmlDuration, xmlInstant } from './xml-out';

/** MS Project 2010 and later (its schema has manually scheduled tasks). */
const SAVE_VERSION = 14;
const CONSTRAINTS = ['ASAP', 'ALAP', 'MSO', 'MFO', 'SNET', 'SNLT', 'FNET', 'FNLT'];
/** Roughly how much XML one yielded piece holds, so a huge plan is never one string. */
const PIECE = 1 << 20;

function project(doc: PlanDocument, now: string) {
  return new Element('Project')
    .set('SaveVersion', SAVE_VERSION)
    .set('Name', doc.name)
    .set('Title', doc.name)
    .set('CreationDate', now)
    .set('LastSaved', now)
    .set('ScheduleFromStart', true)
    .set('StartDate', xmlInstant(doc.startDate))
    .set('FinishDate', xmlInstant(doc.finish ?? doc.startDate))
    .set('CalendarUID', doc.calendarUid)
    .set('MinutesPerDay', doc.minutesPerDay)
    .set('MinutesPerWeek', doc.minutesPerWeek)
    .set('DaysPerMonth', doc.daysPerMonth)
    .set('StatusDate', xmlInstant(doc.statusDate))
    .set('NewTasksAreManual', false);
}

function link(l: PlanLinkT) {
  const percent = l.lagUnit === '%' || l.lagUnit === 'e%';
  return new Element('PredecessorLink')
    .set('PredecessorUID', l.predecessorUid)
    .set('Type', LINK_TYPES.indexOf(l.type))
    .set('CrossProject', false)
    .set('LinkLag', Math.round(percent ? l.lag : l.lag * 10))
    .set('LagFormat', FORMAT_OF_UNIT[l.lagUnit])
    .toString();
}

function baseline(b: PlanTaskT['baselines'][number]) {
  return new Element('Baseline', 'Task/Baseline')
    .set('Number', b.number)
    .set('Start', xmlInstant(b.start))
    .set('Finish', xmlInstant(b.finish))
    .set('Duration', xmlDuration(b.duration))
    .set('DurationFormat', b.duration === null ? undefined : FORMAT_OF_UNIT.d)
    .set('Work', xmlDuration(b.work))
    .set('Cost', b.cost)
    .toString();
}

function task(t: PlanTaskT, outline: string, links: PlanLinkT[] | undefined) {
  const e = new Element('Task')
    .set('UID', t.uid)
    .set('ID', t.row)
    .set('Name', t.name)
    .set('Active', true)
    .set('Manual', t.manual)
    .set('IsNull', false)
    .set('WBS', t.wbs || outline)
    .set('OutlineNumber', outline)
    .set('OutlineLevel', t.outlineLevel)
    .set('Start', xmlInstant(t.start))
    .set('Finish', xmlInstant(t.finish))
    .set('Duration', xmlDuration(t.duration))
    .set('DurationFormat', FORMAT_OF_UNIT[t.durationUnit])
    .set('Estimated', false)
    .set('Milestone', t.milestone)
    .set('Summary', t.summary)
    .set('Critical', t.critical)
    .set('EarlyStart', xmlInstant(t.earlyStart))
    .set('EarlyFinish', xmlInstant(t.earlyFinish))
    .set('LateStart', xmlInstant(t.lateStart))
    .set('LateFinish', xmlInstant(t.lateFinish))
    .set('FreeSlack', t.freeSlack === null ? undefined : Math.round(t.freeSlack * 10))
    .set('TotalSlack', t.totalSlack === null ? undefined : Math.round(t.totalSlack * 10))
    .set('PercentComplete', t.percentComplete)
    .set('ActualStart', xmlInstant(t.actualStart))
    .set('ActualFinish', xmlInstant(t.actualFinish))
    .set('RemainingDuration', xmlDuration(t.remainingDuration))
    .set('ConstraintType', CONSTRAINTS.indexOf(t.constraintType))
    .set('CalendarUID', t.calendarUid ?? -1)
    .set('ConstraintDate', xmlInstant(t.constraintDate))
    .set('Deadline', xmlInstant(t.deadline))
    .set('Notes', t.notes || undefined);
  if (t.manual)
    e.set('ManualStart', xmlInstant(t.manualStart ?? t.start))
      .set('ManualFinish', xmlInstant(t.finish))
      .set('ManualDuration', xmlDuration(t.duration));
  if (links) e.add('PredecessorLink', links.map(link).join(''));
  if (t.baselines.length) e.add('Baseline', t.baselines.map(baseline).join(''));
  return e.toString();
}

/** MS Project's project summary task (UID 0), spanning the plan. */
function summaryTask(doc: PlanDocument) {
  return new Element('Task')
    .set('UID', 0)
    .set('ID', 0)
    .set('Name', doc.name)
    .set('Active', true)
    .set('Manual', false)
    .set('IsNull', false)
    .set('WBS', '0')
    .set('OutlineNumber', '0')
    .set('OutlineLevel', 0)
    .set('Start', xmlInstant(doc.startDate))
    .set('Finish', xmlInstant(doc.finish ?? doc.startDate))
    .set('Summary', true)
    .set('ConstraintType', 0)
    .set('CalendarUID', -1)
    .toString();
}

/** Outline numbers (1, 1.1, 1.2, 2 …) from the outline levels, as MS Project numbers rows. */
function outlineNumbers(tasks: PlanTaskT[]) {
  const counters: number[] = [];
  return tasks.map((t) => {
    const level = Math.max(1, Math.min(t.outlineLevel, counters.length + 1));
    counters.length = level;
    counters[level - 1] = (counters[level - 1] ?? 0) + 1;
    return counters.join('.');
  });
}

/**
 * A plan document as MSPDI, in pieces of about a megabyte (a plan of hundreds of thousands of
 * tasks is larger than one JavaScript string may be). Elements come in the order of MS Project's
 * schema; task UID 0 is MS Project's project summary, so the plan's tasks must not use it.
 */
export function* writeMspdi(doc: PlanDocument, now = new Date()): Generator<string> {
  if (doc.tasks.some((t) => t.uid === 0))
    throw new Error('Task UID 0 is the project summary task in MSPDI; plan tasks start at UID 1');
  const stamp = now.toISOString().slice(0, 19);
  const head = project(doc, stamp).toString();
  // The project's fields, then its collections (which come last in the schema's order).
  yield `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${head.replace('<Project>', `<Project xmlns="${MSPDI_NAMESPACE}">\n`).replace('</Project>\n', '')}`;
  yield `<Calendars>\n${doc.calendars.map(calendarXml).join('')}</Calendars>\n`;
  const bySuccessor = new Map<number, PlanLinkT[]>();
  for (const l of doc.links) {
    const list = bySuccessor.get(l.successorUid);
    if (list) list.push(l);
    else bySuccessor.set(l.successorUid, [l]);
  }
  const outline = outlineNumbers(doc.tasks);
  let piece = `<Tasks>\n${summaryTask(doc)}`;
  for (let i = 0; i < doc.tasks.length; i++) {
    const t = doc.tasks[i]!;
    piece += task(t, outline[i]!, bySuccessor.get(t.uid));
    if (piece.length > PIECE) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}</Tasks>\n<Resources>\n`;
  piece = '';
  doc.resources.forEach((r, i) => {
    piece += new Element('Resource')
      .set('UID', r.uid)
      .set('ID', i + 1)
      .set('Name', r.name)
      .set('Type', r.type === 'work' ? 1 : 0)
      .set('IsNull', false)
      .set('Initials', r.initials || undefined)
      .set('Group', r.group || undefined)
      .set('MaxUnits', r.type === 'work' ? r.maxUnits : undefined)
      .set('StandardRate', r.type === 'cost' ? undefined : r.standardRate)
      .set('CalendarUID', r.calendarUid ?? undefined)
      .set('IsCostResource', r.type === 'cost')
      .toString();
  });
  yield `${piece}</Resources>\n<Assignments>\n`;
  piece = '';
  for (const a of doc.assignments) {
    piece += new Element('Assignment')
      .set('UID', a.uid)
      .set('TaskUID', a.taskUid)
      .set('ResourceUID', a.resourceUid)
      .set('ActualWork', xmlDuration(a.actualWork))
      .set('Finish', xmlInstant(a.finish))
      .set('Start', xmlInstant(a.start))
      .set('Units', a.units)
      .set('Work', xmlDuration(a.work))
      .toString();
    if (piece.length > PIECE) {
      yield piece;
      piece = '';
    }
  }
  yield `${piece}</Assignments>\n</Project>\n`;
}

/** A plan document as one MSPDI string (for plans that fit in one; see `writeMspdi`). */
export function documentToMspdi(doc: PlanDocument, now = new Date()): string {
  return [...writeMspdi(doc, now)].join('');
}
