// Test data for the roll-ups and the dashboard: a portfolio of its own (a sub-portfolio, a program
// and projects, made through the API) and submitted status reports written straight into the
// database as the status-report service stores them. Not used by the server.
import { randomUUID } from 'node:crypto';
import { dayFromIso, isoDay, RAG_DIMENSIONS, type RagRating } from '@pharos/engine';
import type { TestUser, TestWorld } from '../test/harness';

let n = 0;

export interface HealthWorld {
  officeId: string;
  portfolio: { id: string; code: string };
  sub: { id: string; code: string };
  program: { id: string; code: string };
  /** a, b, c, d in the program; e directly in the portfolio; f in the sub-portfolio. */
  projects: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', { id: string; code: string }>;
}

async function post(admin: TestUser, url: string, payload: Record<string, unknown>) {
  const res = await admin.req({ method: 'POST', url, payload });
  if (res.statusCode !== 201) throw new Error(`${url}: ${res.body}`);
  return res.json() as { id: string; code: string };
}

/** A portfolio with a sub-portfolio, a program and six active projects, owned by a program office. */
export async function healthWorld(w: TestWorld, admin: TestUser, managerId?: string): Promise<HealthWorld> {
  const tag = `${++n}${randomUUID().slice(0, 4)}`.toUpperCase();
  const office = w.org.offices.find((o) => o.kind === 'program')!;
  const portfolio = await post(admin, '/api/v1/portfolios', {
    code: `PF-H${tag}`,
    name: `Health portfolio ${tag}`,
    officeId: office.id,
  });
  const sub = await post(admin, '/api/v1/portfolios', {
    code: `PF-HS${tag}`,
    name: `Health sub-portfolio ${tag}`,
    officeId: office.id,
    parentId: portfolio.id,
  });
  const program = await post(admin, '/api/v1/programs', {
    code: `PG-H${tag}`,
    name: `Health program ${tag}`,
    officeId: office.id,
    portfolioId: portfolio.id,
  });
  const project = (key: string, where: Record<string, string>) =>
    post(admin, '/api/v1/projects', {
      code: `PR-H${tag}-${key.toUpperCase()}`,
      name: `Health project ${key.toUpperCase()} ${tag}`,
      typeId: w.org.projectTypes[0]!.id,
      officeId: office.id,
      status: 'active',
      plannedStart: '2025-01-06',
      plannedFinish: '2027-12-31',
      ...(managerId ? { managerId } : {}),
      ...where,
    });
  const inProgram = { programId: program.id, portfolioId: portfolio.id };
  return {
    officeId: office.id,
    portfolio,
    sub,
    program,
    projects: {
      a: await project('a', inProgram),
      b: await project('b', inProgram),
      c: await project('c', inProgram),
      d: await project('d', inProgram),
      e: await project('e', { portfolioId: portfolio.id }),
      f: await project('f', { portfolioId: sub.id }),
    },
  };
}

/** The Monday of the ISO week holding a day. */
export const mondayOf = (date: string) => {
  const d = dayFromIso(date);
  return isoDay(d - ((((d + 3) % 7) + 7) % 7));
};
export const addDays = (date: string, days: number) => isoDay(dayFromIso(date) + days);

/** The first day of the latest week whose reports are due today (weekly, due the Monday after). */
export const lastDueWeek = (today = isoDay(Math.floor(Date.now() / 86_400_000))) =>
  addDays(mondayOf(today), -7);

export interface FiledReport {
  overall: RagRating;
  /** Colours per dimension; green when left out. */
  dims?: Partial<Record<(typeof RAG_DIMENSIONS)[number], RagRating>>;
  /** The day it was submitted (by default the Friday of its week). */
  submittedOn?: string;
  justification?: string;
  /** The overall the rules suggested (by default the overall itself; a justification explains the difference). */
  suggested?: RagRating;
  /** Reasons per dimension, as the rules write them. */
  reasons?: Partial<Record<(typeof RAG_DIMENSIONS)[number], string[]>>;
  state?: 'draft' | 'submitted';
}

/** Writes a weekly report of a project for the week starting `monday`. */
export async function fileReport(w: TestWorld, projectId: string, monday: string, r: FiledReport) {
  const dims = Object.fromEntries(RAG_DIMENSIONS.map((d) => [d, r.dims?.[d] ?? 'green']));
  const dimensions = Object.fromEntries(
    RAG_DIMENSIONS.map((d) => [
      d,
      {
        suggested: dims[d],
        rag: dims[d],
        justification: '',
        reasons: (r.reasons?.[d] ?? []).map((message) => ({
          dimension: d,
          fact: 'highRisks',
          rag: dims[d],
          message,
        })),
      },
    ]),
  );
  const end = addDays(monday, 6);
  const submitted = r.submittedOn ?? addDays(monday, 4);
  const state = r.state ?? 'submitted';
  const res = await w.database.pool.query(
    `insert into status_reports (project_id, period_kind, period_start, period_end, due_on, as_of, state,
       overall_suggested, overall_rag, overall_justification, schedule_rag, cost_rag, scope_rag, risk_rag,
       quality_rag, resources_rag, dimensions, narrative, metrics, submitted_at)
     values ($1, 'weekly', $2, $3, $4, $3, $5, $18, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     returning id`,
    [
      projectId,
      monday,
      end,
      addDays(end, 1),
      state,
      r.overall,
      r.justification ?? '',
      dims.schedule,
      dims.cost,
      dims.scope,
      dims.risk,
      dims.quality,
      dims.resources,
      JSON.stringify(dimensions),
      JSON.stringify({ done: 'Done things', next: 'Next things', issues: '', helpNeeded: '' }),
      JSON.stringify({
        currency: 'EUR',
        entered: { actualCost: 50_000_00, eac: 210_000_00, percentComplete: 40 },
        measured: { budget: 200_000_00, spi: 0.9, overdueIssues: 0 },
        facts: { asOf: end, schedule: { spi: 0.9 } },
      }),
      state === 'submitted' ? `${submitted}T16:00:00Z` : null,
      r.suggested ?? r.overall,
    ],
  );
  w.database.reads.invalidate(); // written outside a use case: forget what was read before
  return res.rows[0].id as string;
}

/** Runs SQL straight on the test database, then forgets what the server remembered (as a write would). */
export async function write(w: TestWorld, text: string, values: unknown[] = []) {
  const res = await w.database.pool.query(text, values);
  w.database.reads.invalidate();
  return res;
}
