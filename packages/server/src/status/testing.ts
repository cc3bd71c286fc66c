// Test data for status reporting: projects made through the API, RAID and governance rows written
// straight into the test database (as those capabilities store them). Not used by the server.
import { randomUUID } from 'node:crypto';
import type { TestUser, TestWorld } from '../test/harness';

let n = 0;

export interface TestProject {
  id: string;
  code: string;
  officeId: string;
  programId: string;
  portfolioId: string;
  managerId: string;
}

/** A new active project in a demo program, managed by `managerId`, starting on `plannedStart`. */
export async function newProject(
  w: TestWorld,
  admin: TestUser,
  managerId: string,
  plannedStart = '2025-01-06',
): Promise<TestProject> {
  const program = w.org.programs[0]!;
  const code = `ST-${++n}-${randomUUID().slice(0, 4)}`;
  const res = await admin.req({
    method: 'POST',
    url: '/api/v1/projects',
    payload: {
      code,
      name: `Status test ${n}`,
      typeId: w.org.projectTypes[0]!.id,
      officeId: program.officeId,
      programId: program.id,
      portfolioId: program.portfolioId,
      managerId,
      status: 'active',
      plannedStart,
      plannedFinish: '2026-12-31',
    },
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const p = res.json();
  return {
    id: p.id,
    code,
    officeId: program.officeId,
    programId: program.id,
    portfolioId: program.portfolioId,
    managerId,
  };
}

type Sql = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;
const sqlOf =
  (w: TestWorld): Sql =>
  (text, values) =>
    w.database.pool.query(text, values);

export async function addRisk(
  w: TestWorld,
  projectId: string,
  r: { score: number; status?: string; createdAt?: string; closedAt?: string | null },
) {
  const id = randomUUID();
  await sqlOf(w)(
    `insert into raid_items (id, kind, code, title, project_id, status, probability, impact, score, created_at, closed_at)
     values ($1, 'risk', $2, 'A risk', $3, $4, 5, 5, $5, $6, $7)`,
    [
      id,
      `R-T${++n}`,
      projectId,
      r.status ?? 'open',
      r.score,
      r.createdAt ?? '2025-01-02',
      r.closedAt ?? null,
    ],
  );
  return id;
}

export async function addIssue(
  w: TestWorld,
  projectId: string,
  i: { severity: string; dueOn?: string | null; escalated?: boolean; status?: string },
) {
  const id = randomUUID();
  await sqlOf(w)(
    `insert into raid_items (id, kind, code, title, project_id, status, severity, due_on, escalation_level, created_at)
     values ($1, 'issue', $2, 'An issue', $3, $4, $5, $6, $7, '2025-01-02')`,
    [id, `I-T${++n}`, projectId, i.status ?? 'open', i.severity, i.dueOn ?? null, i.escalated ? 1 : 0],
  );
  return id;
}

export async function setApprovedBudget(w: TestWorld, projectId: string, budget: number) {
  await sqlOf(w)(
    `insert into project_approved_values (project_id, currency, budget, approved_start, approved_finish)
     values ($1, 'EUR', $2, '2025-01-06', '2025-12-31')
     on conflict (project_id) do update set budget = excluded.budget`,
    [projectId, budget],
  );
}

export async function addApprovedChange(
  w: TestWorld,
  projectId: string,
  c: { budgetDelta: number; decidedAt: string; budgetBefore: number },
) {
  const id = randomUUID();
  await sqlOf(w)(
    `insert into change_requests (id, code, project_id, title, kinds, impact, state, decided_at, applied)
     values ($1, $2, $3, 'A change', '{budget}', $4, 'approved', $5, $6)`,
    [
      id,
      `CR-T${++n}`,
      projectId,
      JSON.stringify({ budgetDelta: c.budgetDelta, finishDeltaDays: null, scopeChange: '' }),
      c.decidedAt,
      JSON.stringify({
        before: { budget: c.budgetBefore, currency: 'EUR', approvedFinish: '2025-12-31', scope: '' },
        after: {
          budget: c.budgetBefore + c.budgetDelta,
          currency: 'EUR',
          approvedFinish: '2025-12-31',
          scope: '',
        },
      }),
    ],
  );
  return id;
}

/** A decided gate review whose checklist has `failed` items not met (and one met). */
export async function addDecidedGate(w: TestWorld, projectId: string, failed: number, decidedAt: string) {
  const lifecycle = randomUUID();
  const q = sqlOf(w);
  await q(
    `insert into lifecycles (id, family_id, code, name, office_id, phases, status)
     values ($1, $1, $2, 'Test lifecycle', $3, '[]', 'published')`,
    [lifecycle, `LC-T${++n}`, w.org.offices[0]!.id],
  );
  const checklist: Record<string, { met: boolean; note: string }> = { ok: { met: true, note: '' } };
  for (let i = 0; i < failed; i++) checklist[`item${i}`] = { met: false, note: '' };
  await q(
    `insert into gate_reviews (project_id, lifecycle_id, gate_key, from_phase, to_phase, state, decision, evidence, decided_at)
     values ($1, $2, 'g1', 'initiation', 'planning', 'decided', 'go', $3, $4)`,
    [projectId, lifecycle, JSON.stringify({ checklist, deliverables: {} }), decidedAt],
  );
}

/** Notifications of a kind sent to a user about a subject. */
export async function notificationsOf(w: TestWorld, userId: string, kind: string) {
  const res = await sqlOf(w)(
    'select kind, title, link, subject_id from notifications where user_id = $1 and kind = $2 order by created_at',
    [userId, kind],
  );
  return res.rows;
}
