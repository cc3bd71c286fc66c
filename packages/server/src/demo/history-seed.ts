/*
 * Writes the demo's year of history — status reports and reporting settings, RAID registers with
 * their escalation trails, lifecycles, gate reviews, approved values, authority thresholds,
 * change requests, stop recommendations and a few notifications — into a database holding the
 * generated organization, in one transaction, each item's creation in the audit trail (dated when
 * the item was created). Seeding twice changes nothing: a database that has history is left alone.
 */
import { sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../db/connect';
import {
  auditEvents,
  changeRequests,
  gateReviews,
  lifecycles,
  notifications,
  officeAuthority,
  officeStatusSettings,
  projectApprovedValues,
  ragThresholds,
  raidEscalations,
  raidItems,
  statusReports,
  stopRecommendations,
} from '../db/schema/index';
import { generateGovernanceHistory } from './governance-history';
import { generateNotifications } from './history-notifications';
import { historyContext } from './history-parts';
import { HISTORY_SEED } from './history-story';
import { generateRaidHistory } from './raid-history';
import { type StatusReportRow, statusHistorySource } from './status-history';
import type { GeneratedOrg } from './types';

/** True when the database already holds a history (reports, RAID items or lifecycles). */
export async function hasHistory(db: Db | Tx): Promise<boolean> {
  const res = await db.execute<{ n: boolean }>(sql`select
    exists(select 1 from status_reports) or exists(select 1 from raid_items)
    or exists(select 1 from lifecycles) as n`);
  return res.rows[0]?.n === true;
}

async function insertAll(tx: Tx, table: PgTable, rows: readonly Record<string, unknown>[], chunk = 400) {
  for (let i = 0; i < rows.length; i += chunk) await tx.insert(table).values(rows.slice(i, i + chunk));
}

const created = (
  type: string,
  rows: readonly { id?: string | null; createdAt?: Date | null }[],
  after = (r: object) => r,
) =>
  rows.map((r) => ({
    action: 'create',
    entityType: type,
    entityId: r.id!,
    after: after(r) as Record<string, unknown>,
    requestId: 'seed',
    at: r.createdAt ?? new Date(),
  }));

/**
 * Seeds the history of `org` as of `today` (the seed date: the history is the year before it).
 * Returns false when the database already had one.
 */
export async function seedHistory(
  db: Db,
  org: GeneratedOrg,
  today: Date = new Date(),
  onProgress?: (what: string) => void,
): Promise<boolean> {
  const seed = HISTORY_SEED;
  const status = statusHistorySource(org, today, seed);
  const raid = generateRaidHistory(org, today, seed);
  const governance = generateGovernanceHistory(org, today, seed);
  const done = await db.transaction(async (tx) => {
    if (await hasHistory(tx)) return false;
    await tx.execute(sql`set local statement_timeout = 0`);
    const step = async (
      what: string,
      table: PgTable,
      rows: readonly Record<string, unknown>[],
      chunk?: number,
    ) => {
      onProgress?.(`${what}: ${rows.length}`);
      await insertAll(tx, table, rows, chunk);
    };
    await step('reporting settings', officeStatusSettings, status.settings);
    await step('RAG thresholds', ragThresholds, status.thresholds);
    await step('lifecycles', lifecycles, governance.lifecycles);
    await step('authority thresholds', officeAuthority, governance.authority);
    await step('approved values', projectApprovedValues, governance.approvedValues);
    await step('gate reviews', gateReviews, governance.gateReviews);
    await step('change requests', changeRequests, governance.changeRequests);
    await step('stop recommendations', stopRecommendations, governance.stopRecommendations);
    await step('RAID items', raidItems, raid.items);
    await step('escalations', raidEscalations, raid.escalations);
    const reports: StatusReportRow[] = [];
    for (const batch of status.batches()) {
      await insertAll(tx, statusReports, batch, 200);
      reports.push(...batch);
    }
    onProgress?.(`status reports: ${reports.length}`);
    const told = generateNotifications(historyContext(org), { reports, raid, governance }, today, seed);
    await step('notifications', notifications, told);
    await insertAll(tx, auditEvents, [
      ...created('lifecycle', governance.lifecycles),
      ...created('gateReview', governance.gateReviews, (g) => {
        const { evidence: _e, votes: _v, ...rest } = g as Record<string, unknown>;
        return rest;
      }),
      ...created('changeRequest', governance.changeRequests),
      ...created('stopRecommendation', governance.stopRecommendations),
      ...created('raidItem', raid.items),
      ...created('statusReport', reports, (x) => {
        const r = x as (typeof reports)[number];
        return {
          projectId: r.projectId,
          periodStart: r.periodStart,
          state: r.state,
          overallRag: r.overallRag,
        };
      }),
    ]);
    return true;
  });
  if (done)
    await db.execute(
      sql`analyze status_reports, project_health, raid_items, raid_escalations, gate_reviews, change_requests`,
    );
  return done;
}
