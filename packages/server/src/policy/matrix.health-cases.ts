import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { fileReport } from '../status/rollup-testing';
import type { TestUser, TestWorld } from '../test/harness';
import type { RouteCase } from './matrix.cases';
import type { Fixture } from './matrix.fixture';

interface CaseTools {
  add: (method: string, path: string, c: RouteCase) => unknown;
  as: (u: TestUser | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  ok: (...codes: number[]) => (res: LightMyRequestResponse) => boolean;
}

/** A week of its own, long past, so that no other capability's reports of the project collide with it. */
const WEEK = '2024-01-08';

/**
 * The health routes' cases: roll-up, dashboard and exports of the fixture's program, and the
 * PDF of a red report of the fixture's project. Whoever may read the project's status reports is
 * allowed (sees at least that project); anyone else finds neither the program's health nor the
 * report (404).
 */
export function healthCases(
  { add, as, ok }: CaseTools,
  w: TestWorld,
  f: Fixture,
  { P, G, F, OP, OG }: Record<'P' | 'G' | 'F' | 'OP' | 'OG', string>,
) {
  let report: Promise<string> | null = null;
  const redReport = () => {
    report ??= fileReport(w, f.project.id, WEEK, {
      overall: 'red',
      dims: { schedule: 'red' },
      reasons: { schedule: ['Slipped milestones 2 is at or above 2 (red)'] },
    });
    return report;
  };
  const scopes = [P, G, F, OP, OG];
  const program = `scope=program&id=${f.program.id}&period=${WEEK}`;

  add('GET', '/api/v1/health/rollup', {
    call: async (u) => {
      await redReport();
      return as(u, { method: 'GET', url: `/api/v1/health/rollup?${program}` });
    },
    scopes,
    allowed: ok(200),
    visible: (res) =>
      res.statusCode === 200 && (res.json().children as { id: string }[]).some((c) => c.id === f.project.id),
  });
  add('GET', '/api/v1/health/dashboard', {
    call: async (u) => {
      await redReport();
      return as(u, { method: 'GET', url: `/api/v1/health/dashboard?${program}` });
    },
    scopes,
    allowed: ok(200),
    visible: (res) =>
      res.statusCode === 200 &&
      (res.json().attention.items as { projectId: string }[]).some((a) => a.projectId === f.project.id),
  });
  add('GET', '/api/v1/health/deck.pptx', {
    call: async (u) => {
      await redReport();
      return as(u, { method: 'GET', url: `/api/v1/health/deck.pptx?${program}` });
    },
    scopes,
    allowed: ok(200),
  });
  add('GET', '/api/v1/health/table.xlsx', {
    call: async (u) => {
      await redReport();
      return as(u, { method: 'GET', url: `/api/v1/health/table.xlsx?${program}` });
    },
    scopes,
    allowed: ok(200),
  });
  add('GET', '/api/v1/status-reports/:id/pdf', {
    call: async (u) => as(u, { method: 'GET', url: `/api/v1/status-reports/${await redReport()}/pdf` }),
    scopes,
    allowed: ok(200),
  });
  add('GET', '/api/v1/projects/:id/status-reports/latest.pdf', {
    call: async (u) => {
      await redReport();
      return as(u, { method: 'GET', url: `/api/v1/projects/${f.project.id}/status-reports/latest.pdf` });
    },
    scopes,
    allowed: ok(200),
  });
}
