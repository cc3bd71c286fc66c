import { describe, expect, it } from 'vitest';
import { type FiledReport, type ReportingRule, reportDeadline, reportingCompliance } from './compliance';
import { periodOf } from './period';

// Weekly reports due on the Friday of the ISO week, one day of grace.
const rule: ReportingRule = { cadence: { kind: 'weekly' }, dueOffsetDays: -2, graceDays: 1 };
const w10 = (() => {
  const r = periodOf('2025-03-05', rule.cadence); // 2025-W10: Monday 3 to Sunday 9 March
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

const projects = [
  { id: 'on-time' },
  { id: 'in-grace' },
  { id: 'filed-late' },
  { id: 'silent' },
  { id: 'not-started', reportingFrom: '2025-03-20' },
  { id: 'closed', reportingFrom: '2024-01-01', reportingTo: '2025-03-02' },
];
const reports: FiledReport[] = [
  { projectId: 'on-time', submittedOn: '2025-03-07' },
  { projectId: 'in-grace', submittedOn: '2025-03-08' },
  { projectId: 'filed-late', submittedOn: '2025-03-12' },
  { projectId: 'filed-late', submittedOn: '2025-03-10' }, // the earliest counts
];

function compliance(asOf: string) {
  const r = reportingCompliance({ period: w10, rule, asOf, projects, reports });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('reporting compliance', () => {
  it('knows the due date and the end of grace', () => {
    expect(reportDeadline(w10, rule)).toEqual({
      ok: true,
      value: { due: '2025-03-07', lateAfter: '2025-03-08' },
    });
  });

  it('sorts each project into its state as of a date', () => {
    const c = compliance('2025-03-12');
    expect(c.projects.map((p) => [p.projectId, p.state, p.daysLate])).toEqual([
      ['closed', 'not-required', null],
      ['filed-late', 'filed-late', 3],
      ['in-grace', 'on-time', null],
      ['not-started', 'not-required', null],
      ['on-time', 'on-time', null],
      ['silent', 'overdue', 5],
    ]);
    expect(c.late).toEqual(['filed-late', 'silent']);
    expect(c.missing).toEqual([]);
    expect(c.counts).toEqual({
      'on-time': 2,
      'filed-late': 1,
      'not-due': 0,
      overdue: 1,
      missing: 0,
      'not-required': 2,
    });
  });

  it('is not due before the grace ends, and missing once the next report is late too', () => {
    expect(compliance('2025-03-08').projects.find((p) => p.projectId === 'silent')?.state).toBe('not-due');
    // W11's report is late after Saturday 15 March.
    expect(compliance('2025-03-15').missing).toEqual([]);
    expect(compliance('2025-03-16').missing).toEqual(['silent']);
  });

  it('refuses a period of another cadence and bad dates', () => {
    const month = periodOf('2025-03-05', { kind: 'monthly' });
    if (!month.ok) throw new Error();
    const r = reportingCompliance({ period: month.value, rule, asOf: '2025-03-12', projects, reports });
    expect(!r.ok && r.error.code).toBe('period_mismatch');
    const bad = reportingCompliance({
      period: w10,
      rule,
      asOf: '2025-03-12',
      projects,
      reports: [{ projectId: 'x', submittedOn: 'soon' }],
    });
    expect(!bad.ok && bad.error.field).toBe('reports[0].submittedOn');
    const grace = reportDeadline(w10, { ...rule, graceDays: -1 });
    expect(!grace.ok && grace.error.field).toBe('rule.graceDays');
  });
});
