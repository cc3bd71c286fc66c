import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TestUser, TestWorld } from '../test/harness';
import type { RouteCase } from './matrix.cases';
import type { Fixture } from './matrix.fixture';

interface CaseTools {
  add: (method: string, path: string, c: RouteCase) => unknown;
  as: (u: TestUser | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  ok: (...codes: number[]) => (res: LightMyRequestResponse) => boolean;
}

/**
 * The status-reporting routes' cases (see matrix.cases.ts). The report they act on is a draft of
 * the fixture's project, started by the administrator on first use; every write is sent with a
 * stale version, so an allowed call gets 409 and nothing changes.
 */
export function statusCases(
  { add, as, ok }: CaseTools,
  w: TestWorld,
  f: Fixture,
  { P, G, F, OP, OG }: Record<'P' | 'G' | 'F' | 'OP' | 'OG', string>,
) {
  const PROJECT = [P, G, F, OP, OG];
  let report: Promise<string> | null = null;
  const reportId = () => {
    report ??= (async () => {
      const admin = await w.tokenFor('admin@pharos.demo');
      const res = await admin.req({
        method: 'POST',
        url: `/api/v1/projects/${f.project.id}/status-reports`,
        payload: { period: '2024-06-05', asOf: '2024-06-05' },
      });
      if (res.statusCode !== 201) throw new Error(`matrix status report: ${res.body}`);
      return res.json().id as string;
    })();
    return report;
  };
  const stale = { version: 999_999 };

  const settings = `/api/v1/offices/${f.projectOffice.id}/status-settings`;
  add('GET', '/api/v1/offices/:id/status-settings', {
    call: (u) => as(u, { method: 'GET', url: settings }),
    scopes: [OP, OG],
    allowed: ok(200),
  });
  add('PUT', '/api/v1/offices/:id/status-settings', {
    call: (u) =>
      as(u, {
        method: 'PUT',
        url: settings,
        payload: {
          cadence: { kind: 'weekly' },
          dueDaysAfterPeriod: 1,
          reminderDaysBefore: [1],
          rollup: { method: 'worst' },
          ...stale,
        },
      }),
    scopes: [OP, OG],
    allowed: ok(409),
  });

  const thresholds = `/api/v1/project-types/${f.projectType.id}/rag-thresholds`;
  add('GET', '/api/v1/project-types/:id/rag-thresholds', {
    call: (u) => as(u, { method: 'GET', url: thresholds }),
    scopes: [],
    allowed: ok(200),
  });
  add('PUT', '/api/v1/project-types/:id/rag-thresholds', {
    call: (u) => as(u, { method: 'PUT', url: thresholds, payload: { thresholds: {}, ...stale } }),
    scopes: [],
    allowed: ok(409),
  });

  const reports = `/api/v1/projects/${f.project.id}/status-reports`;
  add('GET', '/api/v1/projects/:id/status-reports', {
    call: async (u) => {
      await reportId();
      return as(u, { method: 'GET', url: reports });
    },
    scopes: PROJECT,
    allowed: ok(200),
  });
  // The first allowed call starts the report for the period; later ones are told it exists.
  add('POST', '/api/v1/projects/:id/status-reports', {
    call: (u) => as(u, { method: 'POST', url: reports, payload: { period: '2024-05-08' } }),
    scopes: PROJECT,
    allowed: (res) => res.statusCode === 201 || res.json().error?.code === 'duplicate',
  });
  add('GET', '/api/v1/status-reports/:id', {
    call: async (u) => as(u, { method: 'GET', url: `/api/v1/status-reports/${await reportId()}` }),
    scopes: PROJECT,
    allowed: ok(200),
  });
  add('PATCH', '/api/v1/status-reports/:id', {
    call: async (u) =>
      as(u, {
        method: 'PATCH',
        url: `/api/v1/status-reports/${await reportId()}`,
        payload: { ...stale, narrative: { done: 'x' } },
      }),
    scopes: PROJECT,
    allowed: ok(409),
  });
  for (const action of ['refresh', 'submit', 'archive', 'restore'])
    add('POST', `/api/v1/status-reports/:id/${action}`, {
      call: async (u) =>
        as(u, {
          method: 'POST',
          url: `/api/v1/status-reports/${await reportId()}/${action}`,
          payload: stale,
        }),
      scopes: PROJECT,
      allowed: ok(409),
    });
  // Reopening is the project office's PMO staff's: its permission is changing the office.
  add('POST', '/api/v1/status-reports/:id/reopen', {
    call: async (u) =>
      as(u, {
        method: 'POST',
        url: `/api/v1/status-reports/${await reportId()}/reopen`,
        payload: { ...stale, reason: 'matrix' },
      }),
    scopes: [OP, OG],
    allowed: ok(409),
  });

  // Compliance answers anyone who may read reports somewhere, showing only the projects they may read.
  add('GET', '/api/v1/offices/:id/reporting-compliance', {
    call: (u) =>
      as(u, {
        method: 'GET',
        url: `/api/v1/offices/${f.programOffice.id}/reporting-compliance?from=2025-01-06&to=2025-01-20&asOf=2025-01-20`,
      }),
    scopes: PROJECT,
    list: true,
    visible: (res) =>
      (res.json().projects as { projectId: string }[]).some((p) => p.projectId === f.project.id),
    allowed: ok(200),
  });
}
