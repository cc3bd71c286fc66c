/*
 * Reporting compliance for one period: which projects filed on time, filed late, are overdue or
 * missing. A period's report is due `dueOffsetDays` after its last day (0: on the last day; −2:
 * the Friday of an ISO week) and counts late after `graceDays` more. An unfiled report is
 * `overdue` once the grace has passed and `missing` once the next period's report is late too.
 */
import { isoDay } from '../calendar/time';
import { byId, fail, failWith, numberError, ok, parseDay } from './internal';
import { periodAt, type ReportingCadence, type ReportingPeriod } from './period';
import type { StatusResult } from './types';

export interface ReportingRule {
  cadence: ReportingCadence;
  /** Days after the period's last day the report is due; 0 by default. */
  dueOffsetDays?: number;
  /** Days after the due date before the report counts late; 0 by default. */
  graceDays?: number;
}

export interface ReportDeadline {
  /** The due date. */
  due: string;
  /** The last day of grace: a report filed after it is late. */
  lateAfter: string;
}

export type ComplianceState = 'on-time' | 'filed-late' | 'not-due' | 'overdue' | 'missing' | 'not-required';

export interface ReportingProject {
  id: string;
  /** The first and last day the project has to report (its active window); open when left out. */
  reportingFrom?: string | null;
  reportingTo?: string | null;
}

export interface FiledReport {
  projectId: string;
  /** The day the report was submitted; the earliest counts when a project filed several. */
  submittedOn: string;
}

export interface ProjectCompliance {
  projectId: string;
  state: ComplianceState;
  submittedOn: string | null;
  /** Days past the due date when filed late or overdue; null otherwise. */
  daysLate: number | null;
}

export interface ComplianceSummary {
  period: ReportingPeriod;
  deadline: ReportDeadline;
  asOf: string;
  /** One per project, by id. */
  projects: ProjectCompliance[];
  counts: Record<ComplianceState, number>;
  /** Filed late or overdue, by id. */
  late: string[];
  missing: string[];
}

/** Day numbers of a period's deadline, after checking the period belongs to the cadence. */
function deadlineDays(
  period: ReportingPeriod,
  rule: ReportingRule,
): StatusResult<{ due: number; lateAfter: number }> {
  const offset = rule.dueOffsetDays ?? 0;
  const grace = rule.graceDays ?? 0;
  const error =
    numberError(offset, 'rule.dueOffsetDays', -366, 366) ?? numberError(grace, 'rule.graceDays', 0, 366);
  if (error) return failWith(error);
  if (!Number.isInteger(offset) || !Number.isInteger(grace)) {
    return fail('invalid_number', 'rule', 'dueOffsetDays and graceDays must be whole days');
  }
  const same = periodAt(period.index, rule.cadence);
  if (!same.ok) return same;
  if (same.value.start !== period.start || same.value.end !== period.end) {
    return fail(
      'period_mismatch',
      'period',
      `period ${period.key} is not a period of the ${rule.cadence.kind} cadence`,
    );
  }
  const end = parseDay(period.end, 'period.end');
  if (!end.ok) return end;
  return ok({ due: end.value + offset, lateAfter: end.value + offset + grace });
}

/** When a period's report is due and from when it is late. */
export function reportDeadline(period: ReportingPeriod, rule: ReportingRule): StatusResult<ReportDeadline> {
  const days = deadlineDays(period, rule);
  if (!days.ok) return days;
  return ok({ due: isoDay(days.value.due), lateAfter: isoDay(days.value.lateAfter) });
}

/** Each project's reporting state for a period, as of a date. */
export function reportingCompliance(input: {
  period: ReportingPeriod;
  rule: ReportingRule;
  asOf: string;
  projects: readonly ReportingProject[];
  reports: readonly FiledReport[];
}): StatusResult<ComplianceSummary> {
  const { period, rule } = input;
  const days = deadlineDays(period, rule);
  if (!days.ok) return days;
  const next = periodAt(period.index + 1, rule.cadence);
  if (!next.ok) return next;
  const nextDays = deadlineDays(next.value, rule);
  if (!nextDays.ok) return nextDays;
  const asOf = parseDay(input.asOf, 'asOf');
  if (!asOf.ok) return asOf;
  const start = parseDay(period.start, 'period.start');
  if (!start.ok) return start;
  const end = parseDay(period.end, 'period.end');
  if (!end.ok) return end;
  const { due, lateAfter } = days.value;

  const filed = new Map<string, number>();
  for (const [i, report] of input.reports.entries()) {
    const on = parseDay(report.submittedOn, `reports[${i}].submittedOn`);
    if (!on.ok) return on;
    const before = filed.get(report.projectId);
    if (before === undefined || on.value < before) filed.set(report.projectId, on.value);
  }

  const counts: Record<ComplianceState, number> = {
    'on-time': 0,
    'filed-late': 0,
    'not-due': 0,
    overdue: 0,
    missing: 0,
    'not-required': 0,
  };
  const projects: ProjectCompliance[] = [];
  const seen = new Set<string>();
  for (const [i, project] of input.projects.entries()) {
    if (seen.has(project.id))
      return fail('duplicate_id', `projects[${i}].id`, `project ${project.id} is given twice`);
    seen.add(project.id);
    const from = project.reportingFrom
      ? parseDay(project.reportingFrom, `projects[${i}].reportingFrom`)
      : ok(-Infinity);
    if (!from.ok) return from;
    const to = project.reportingTo
      ? parseDay(project.reportingTo, `projects[${i}].reportingTo`)
      : ok(Infinity);
    if (!to.ok) return to;
    const submitted = filed.get(project.id);
    let state: ComplianceState;
    let daysLate: number | null = null;
    if (from.value > end.value || to.value < start.value) {
      state = 'not-required';
    } else if (submitted !== undefined) {
      state = submitted > lateAfter ? 'filed-late' : 'on-time';
      if (state === 'filed-late') daysLate = submitted - due;
    } else if (asOf.value <= lateAfter) {
      state = 'not-due';
    } else {
      state = asOf.value > nextDays.value.lateAfter ? 'missing' : 'overdue';
      daysLate = asOf.value - due;
    }
    counts[state]++;
    projects.push({
      projectId: project.id,
      state,
      submittedOn: submitted === undefined ? null : isoDay(submitted),
      daysLate,
    });
  }
  projects.sort((a, b) => byId(a.projectId, b.projectId));
  const late = projects
    .filter((p) => p.state === 'filed-late' || p.state === 'overdue')
    .map((p) => p.projectId);
  const missing = projects.filter((p) => p.state === 'missing').map((p) => p.projectId);
  const deadline = { due: isoDay(due), lateAfter: isoDay(lateAfter) };
  return ok({ period, deadline, asOf: input.asOf, projects, counts, late, missing });
}
