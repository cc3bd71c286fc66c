import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Database } from '../db/connect';
import type { TestUser } from '../test/harness';
import type { RouteCase } from './matrix.cases';
import type { Fixture } from './matrix.fixture';

interface CaseTools {
  add: (method: string, path: string, c: RouteCase) => unknown;
  as: (u: TestUser | null, opts: InjectOptions) => Promise<LightMyRequestResponse>;
  ok: (...codes: number[]) => (res: LightMyRequestResponse) => boolean;
  db: Database['pool'];
}

const riskDetails = {
  probability: 3,
  impact: { cost: 4 },
  strategy: 'mitigate',
  mitigation: [],
  trigger: '',
  residual: null,
};

/**
 * The RAID routes' cases (see matrix.cases.ts). The targets sit in the fixture's project, so in its
 * program, portfolio, project office and program office: a risk at its own office, and an issue
 * escalated to the program office (its step acknowledged only by that office's people). They are
 * written straight into the database the first time a case runs.
 */
export function raidCases(
  { add, as, ok, db }: CaseTools,
  f: Fixture,
  s: Record<'P' | 'G' | 'F' | 'OP' | 'OG', string>,
) {
  const risk = { id: randomUUID(), code: 'R-9001' };
  const issue = { id: randomUUID(), code: 'I-9001' };
  const step = { id: randomUUID() };
  let made: Promise<void> | null = null;
  const ready = () =>
    (made ??= (async () => {
      await db.query(
        `insert into raid_items (id, kind, code, title, project_id, status, probability, impact, score, residual_score, details)
         values ($1, 'risk', $2, 'Matrix risk', $3, 'open', 3, 4, 12, 12, $4)`,
        [risk.id, risk.code, f.project.id, JSON.stringify(riskDetails)],
      );
      await db.query(
        `insert into raid_items (id, kind, code, title, project_id, status, severity, details, escalated_to_office_id, escalation_level, escalated_at)
         values ($1, 'issue', $2, 'Matrix issue', $3, 'open', 'high', $4, $5, 1, now())`,
        [
          issue.id,
          issue.code,
          f.project.id,
          JSON.stringify({ severity: 'high', resolution: '' }),
          f.programOffice.id,
        ],
      );
      await db.query(
        `insert into raid_escalations (id, item_id, level, from_office_id, to_office_id, reason, detail)
         values ($1, $2, 1, $3, $4, 'tolerance', 'Severity high is above the project office tolerance of medium')`,
        [step.id, issue.id, f.projectOffice.id, f.programOffice.id],
      );
    })());
  const as$ = async (u: TestUser | null, opts: InjectOptions) => {
    await ready();
    return as(u, opts);
  };
  const version = async (id: string) =>
    (await db.query('select version from raid_items where id = $1', [id])).rows[0].version as number;
  const unarchive = async () => {
    await db.query('update raid_items set archived_at = null where id = $1', [risk.id]);
  };
  const inItems = (id: string) => (res: LightMyRequestResponse) =>
    (res.json().items as { id: string }[]).some((x) => x.id === id);
  const ITEM = [s.P, s.G, s.F, s.OP, s.OG];
  const base = '/api/v1/raid';
  const item = `${base}/${risk.id}`;

  // The register and the heat map answer anyone who may read RAID items somewhere, showing only what they may.
  add('GET', base, {
    call: (u) => as$(u, { method: 'GET', url: `${base}?q=${risk.code}` }),
    scopes: ITEM,
    list: true,
    visible: inItems(risk.id),
    allowed: ok(200),
  });
  add('GET', `${base}/heat-map`, {
    call: (u) => as$(u, { method: 'GET', url: `${base}/heat-map?projectId=${f.project.id}` }),
    scopes: ITEM,
    list: true,
    visible: (res) => (res.json().risks as { id: string }[]).some((r) => r.id === risk.id),
    allowed: ok(200),
  });
  add('GET', `${base}/:id`, {
    call: (u) => as$(u, { method: 'GET', url: item }),
    scopes: ITEM,
    allowed: ok(200),
  });
  add('POST', base, {
    call: (u) =>
      as$(u, {
        method: 'POST',
        url: base,
        payload: { kind: 'risk', title: 'New matrix risk', projectId: f.project.id, details: riskDetails },
      }),
    scopes: ITEM,
    allowed: ok(201),
  });
  add('PATCH', `${base}/:id`, {
    call: async (u) =>
      as$(u, {
        method: 'PATCH',
        url: item,
        payload: { kind: 'risk', version: await version(risk.id), description: randomUUID() },
      }),
    scopes: ITEM,
    allowed: ok(200),
  });
  add('POST', `${base}/:id/archive`, {
    call: async (u) =>
      as$(u, { method: 'POST', url: `${item}/archive`, payload: { version: await version(risk.id) } }),
    scopes: ITEM,
    allowed: ok(200),
    reset: unarchive,
  });
  add('POST', `${base}/:id/restore`, {
    call: async (u) => {
      await ready();
      await db.query('update raid_items set archived_at = now() where id = $1', [risk.id]);
      return as(u, { method: 'POST', url: `${item}/restore`, payload: { version: await version(risk.id) } });
    },
    scopes: ITEM,
    allowed: ok(200),
    reset: unarchive,
  });

  // Escalation: the trail follows reading; a step by hand, changing (sent stale: 409 once allowed).
  add('GET', `${base}/:id/escalations`, {
    call: (u) => as$(u, { method: 'GET', url: `${base}/${issue.id}/escalations` }),
    scopes: ITEM,
    allowed: ok(200),
  });
  add('POST', `${base}/:id/escalate`, {
    call: (u) =>
      as$(u, { method: 'POST', url: `${item}/escalate`, payload: { version: 999_999, reason: 'Matrix' } }),
    scopes: ITEM,
    allowed: ok(409),
  });
  add('POST', `${base}/:id/de-escalate`, {
    call: (u) =>
      as$(u, {
        method: 'POST',
        url: `${base}/${issue.id}/de-escalate`,
        payload: { version: 999_999, reason: 'Matrix' },
      }),
    scopes: ITEM,
    allowed: ok(409),
  });
  // Acknowledging is the receiving office's: a grant over the program office (or the organization).
  add('POST', `${base}/:id/escalations/:escalationId/acknowledge`, {
    call: (u) => as$(u, { method: 'POST', url: `${base}/${issue.id}/escalations/${step.id}/acknowledge` }),
    scopes: [s.OG],
    allowed: ok(200),
    reset: async () => {
      await db.query(
        'update raid_escalations set acknowledged_at = null, acknowledged_by = null where id = $1',
        [step.id],
      );
    },
  });
  add('GET', '/api/v1/offices/:id/escalation-queue', {
    call: (u) => as$(u, { method: 'GET', url: `/api/v1/offices/${f.programOffice.id}/escalation-queue` }),
    scopes: ITEM,
    list: true,
    visible: (res) => (res.json().items as { item: { id: string } }[]).some((e) => e.item.id === issue.id),
    allowed: ok(200),
  });

  add('GET', `${base}/escalation-summary`, {
    call: (u) => as$(u, { method: 'GET', url: `${base}/escalation-summary` }),
    scopes: ITEM,
    list: true,
    visible: (res) =>
      (res.json().offices as { officeId: string }[]).some((o) => o.officeId === f.programOffice.id),
    allowed: ok(200),
  });

  // Tolerances: everyone reads them; changing them is organization-level (sent stale: 409 once allowed).
  add('GET', '/api/v1/settings/raid-tolerances', {
    call: (u) => as(u, { method: 'GET', url: '/api/v1/settings/raid-tolerances' }),
    scopes: [],
    allowed: ok(200),
  });
  add('PUT', '/api/v1/settings/raid-tolerances', {
    call: (u) =>
      as(u, {
        method: 'PUT',
        url: '/api/v1/settings/raid-tolerances',
        payload: {
          version: 999_999,
          byOfficeKind: Object.fromEntries(
            ['strategic', 'program', 'project', 'coe'].map((k) => [
              k,
              { maxScore: null, maxSeverity: null, resolutionDays: null },
            ]),
          ),
          offices: [],
        },
      }),
    scopes: [],
    allowed: ok(409),
  });
}
