// Status history for the health benchmark: the demo generator's year of weekly reports
// (`statusHistorySource`, every office weekly) for a generated organization, topped up to 52
// submitted reports per project for the 52 weeks whose reports are due — a week the generator left
// empty (the project had not started, had finished, or the manager did not file) takes a copy of
// the project's nearest report — plus the current week as the generator has it (partly filed,
// partly in draft); written with binary COPY:
// written with binary COPY: a staged file on PGlite, a server-side file on PostgreSQL (the bench's
// own cluster, as its superuser). Batches of projects, so the reports are never all in memory.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, type GeneratedOrg, schema } from '@pharos/server';
import { stagedFilesOf } from '../../packages/server/src/db/connect';
import { binaryCopy, type CopyColumn } from '../../packages/server/src/db/copy-binary';
import { statusHistorySource } from '../../packages/server/src/demo/status-history';

const WEEKS = 52;
const DAY = 86_400_000;
/** Days from 1970-01-01 to 2000-01-01: PostgreSQL dates count from 2000. */
const PG_EPOCH_DAYS = 10_957;

type Row = Record<string, unknown> & { projectId: string; periodStart: string };

const dayOf = (iso: string) => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
const isoOf = (d: number) => new Date(d * DAY).toISOString().slice(0, 10);
const date =
  (get: (r: Row) => unknown): CopyColumn<Row>[1] =>
  (r) => {
    const v = get(r);
    return typeof v === 'string' ? dayOf(v) - PG_EPOCH_DAYS : null;
  };
const instant =
  (get: (r: Row) => unknown): CopyColumn<Row>[1] =>
  (r) => {
    const v = get(r);
    if (v === null || v === undefined) return null;
    return (v instanceof Date ? v.toISOString() : String(v)).slice(0, 16);
  };
const json =
  (get: (r: Row) => unknown): CopyColumn<Row>[1] =>
  (r) =>
    JSON.stringify(get(r) ?? {});

/** The columns written, as binary COPY takes them (dates as day numbers since 2000). */
const COLUMNS: [string, CopyColumn<Row>][] = [
  ['id', ['uuid', (r) => r.id]],
  ['project_id', ['uuid', (r) => r.projectId]],
  ['period_kind', ['text', (r) => r.periodKind]],
  ['period_start', ['int4', date((r) => r.periodStart)]],
  ['period_end', ['int4', date((r) => r.periodEnd)]],
  ['due_on', ['int4', date((r) => r.dueOn)]],
  ['as_of', ['int4', date((r) => r.asOf)]],
  ['state', ['text', (r) => r.state]],
  ['overall_suggested', ['text', (r) => r.overallSuggested]],
  ['overall_rag', ['text', (r) => r.overallRag]],
  ['overall_justification', ['text', (r) => r.overallJustification ?? '']],
  ['schedule_rag', ['text', (r) => r.scheduleRag]],
  ['cost_rag', ['text', (r) => r.costRag]],
  ['scope_rag', ['text', (r) => r.scopeRag]],
  ['risk_rag', ['text', (r) => r.riskRag]],
  ['quality_rag', ['text', (r) => r.qualityRag]],
  ['resources_rag', ['text', (r) => r.resourcesRag]],
  ['dimensions', ['jsonb', json((r) => r.dimensions)]],
  ['narrative', ['jsonb', json((r) => r.narrative)]],
  ['metrics', ['jsonb', json((r) => r.metrics)]],
  ['author_id', ['uuid', (r) => r.authorId ?? null]],
  ['submitted_at', ['timestamp', instant((r) => r.submittedAt)]],
  ['submitted_by', ['uuid', (r) => r.submittedBy ?? null]],
  ['version', ['int4', (r) => r.version ?? 1]],
  ['created_at', ['timestamp', instant((r) => r.createdAt)]],
  ['updated_at', ['timestamp', instant((r) => r.updatedAt)]],
];

let uuidCounter = 0;
/** A deterministic UUID (version 4 layout) for a topped-up report. */
function copyId(seed: string): string {
  const n = (++uuidCounter).toString(16).padStart(12, '0');
  return `${seed.slice(0, 8)}-${seed.slice(9, 13)}-4${seed.slice(15, 18)}-a${seed.slice(20, 23)}-${n}`;
}

/**
 * Each project's 52 weeks ending with `lastWeek`, all submitted, then its rows of later weeks as
 * they are. `others` are projects the generator gave no report: they take the first row's copies.
 */
function topUp(
  rows: Row[],
  lastWeek: number,
  others: readonly { id: string; managerId: string | null }[] = [],
): Row[] {
  const byProject = new Map<string, Map<number, Row>>();
  const template = rows[0];
  if (template)
    for (const p of others)
      byProject.set(
        p.id,
        new Map([
          [
            dayOf(template.periodStart),
            {
              ...template,
              id: copyId(String(template.id)),
              projectId: p.id,
              authorId: p.managerId,
              submittedBy: p.managerId,
            },
          ],
        ]),
      );
  const later: Row[] = [];
  for (const r of rows) {
    if (dayOf(r.periodStart) > lastWeek) {
      later.push(r);
      continue;
    }
    let weeks = byProject.get(r.projectId);
    if (!weeks) {
      weeks = new Map();
      byProject.set(r.projectId, weeks);
    }
    weeks.set(dayOf(r.periodStart), r);
  }
  const out: Row[] = [];
  for (const weeks of byProject.values()) {
    const have = [...weeks.keys()].sort((a, b) => a - b);
    for (let k = WEEKS - 1; k >= 0; k--) {
      const start = lastWeek - 7 * k;
      const own = weeks.get(start);
      const near =
        own ??
        weeks.get(have.reduce((best, d) => (Math.abs(d - start) < Math.abs(best - start) ? d : best)))!;
      const end = start + 6;
      const submitted = own?.submittedAt ?? `${isoOf(end - 1)}T16:00`;
      out.push({
        ...near,
        id: own ? own.id : copyId(String(near.id)),
        periodStart: isoOf(start),
        periodEnd: isoOf(end),
        dueOn: isoOf(end + 1),
        asOf: own ? own.asOf : isoOf(end - 1),
        state: 'submitted',
        submittedAt: submitted,
        submittedBy: near.submittedBy ?? near.authorId ?? null,
        createdAt: own?.createdAt ?? submitted,
        updatedAt: own?.updatedAt ?? submitted,
      });
    }
  }
  return [...out, ...later];
}

async function copyIn(database: Database, bytes: Uint8Array, files: string) {
  const names = COLUMNS.map(([n]) => n).join(', ');
  const id = (
    await database.pool.query<{ id: string }>(`select current_setting('pharos.embedded', true) as id`)
  ).rows[0]?.id;
  const staged = stagedFilesOf(id);
  if (staged) {
    const path = await staged.stage(bytes);
    try {
      await database.pool.query(`copy status_reports (${names}) from '${path}' with (format binary)`);
    } finally {
      staged.unstage(path);
    }
    return;
  }
  const path = join(files, `reports-${++uuidCounter}.bin`);
  writeFileSync(path, bytes, { mode: 0o644 });
  try {
    await database.pool.query(`copy status_reports (${names}) from '${path}' with (format binary)`);
  } finally {
    rmSync(path, { force: true });
  }
}

/** The reports to write, a batch of projects at a time (52 submitted weeks each, then the current week). */
export function* historyRows(
  org: GeneratedOrg,
  source = statusHistorySource(org, new Date(), 13, { weeklyOnly: true }),
) {
  // The generator's weeks are first … first + 7 × (weeks − 1), the last one the current week.
  const lastWeek = source.world.win.first + 7 * (source.world.win.weeks - 2);
  const seen = new Set<string>();
  // A repeated id (an earlier generator repeated a few at this size) is renamed, not refused.
  const ids = new Set<string>();
  const unique = (rows: Row[]) => {
    for (const r of rows) {
      while (ids.has(String(r.id))) r.id = copyId(String(r.id));
      ids.add(String(r.id));
    }
    return rows;
  };
  let template: Row | undefined;
  for (const batch of source.batches(100)) {
    for (const r of batch) seen.add(r.projectId);
    template ??= batch[0] as unknown as Row;
    yield unique(topUp(batch as unknown as Row[], lastWeek));
  }
  if (!template) return;
  const others = org.projects.filter((p) => !seen.has(p.id));
  for (let i = 0; i < others.length; i += 100)
    yield unique(
      topUp([template], lastWeek, others.slice(i, i + 100)).filter((r) => r.projectId !== template.projectId),
    );
}

/** Writes the offices' reporting settings, the RAG thresholds and 52 weekly reports per project. */
export async function seedStatusHistory(database: Database, org: GeneratedOrg, say: (line: string) => void) {
  const t0 = performance.now();
  const source = statusHistorySource(org, new Date(), 13, { weeklyOnly: true });
  await database.db.insert(schema.officeStatusSettings).values(source.settings).onConflictDoNothing();
  if (source.thresholds.length)
    await database.db.insert(schema.ragThresholds).values(source.thresholds).onConflictDoNothing();
  const files = mkdtempSync(join(tmpdir(), 'pharos-health-copy-'));
  chmodSync(files, 0o755);
  let written = 0;
  try {
    for (const rows of historyRows(org, source)) {
      const bytes = binaryCopy(
        rows,
        0,
        rows.length,
        COLUMNS.map(([, c]) => c),
      );
      if (!bytes) throw new Error('a report could not be written in binary');
      await copyIn(database, bytes, files);
      written += rows.length;
      if (written % 52_000 < rows.length)
        say(`  status reports: ${written} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    rmSync(files, { recursive: true, force: true });
  }
  return written;
}
