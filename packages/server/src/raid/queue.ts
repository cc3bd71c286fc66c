/*
 * An office's escalation queue (C8): the open risks and issues escalated to it, with their trails
 * and whether the office has acknowledged them; and the counts other capabilities show (the
 * executive dashboard's "escalations").
 */
import type { RaidEscalationSummary, RaidQueue, RaidQueueQuery } from '@pharos/api';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../db/connect';
import { notFound } from '../errors';
import type { Ctx } from '../http/context';
import { isoInstant } from '../registry/list-sql';
import { trailsOf } from './escalation';
import { placeJoins } from './place';
import { presentItems } from './present';
import { selectRows } from './register';
import { openSql, reachSql } from './register-sql';
import { todayIn } from './today';

export async function escalationQueue(
  ctx: Ctx,
  officeId: string,
  q: z.output<typeof RaidQueueQuery>,
): Promise<RaidQueue> {
  const office = await ctx.db.execute(sql`select 1 from offices where id = ${officeId}`);
  if (office.rows.length === 0) throw notFound('Office');
  const reach = await ctx.access.reach('raidItem', 'read');
  const rows = await selectRows(
    ctx.db,
    [
      reachSql(reach),
      sql`t.escalated_to_office_id = ${officeId}`,
      sql`t.archived_at is null`,
      openSql,
      ...(q.kind ? [sql`t.kind = ${q.kind}`] : []),
    ],
    sql`'owner'`,
    sql`order by t.code`,
  );
  const trails = await trailsOf(ctx, rows);
  const items = await presentItems(ctx, rows, todayIn(ctx.config.timeZone));
  const entries = items.map((item) => {
    const trail = trails.get(item.id)!;
    const arrival = trail.filter((s) => s.toOfficeId === officeId).at(-1) ?? trail.at(-1)!;
    return { item, trail, arrival };
  });
  const wanted =
    q.acknowledged === undefined
      ? [...entries]
      : entries.filter((e) => (e.arrival.acknowledgedAt !== null) === (q.acknowledged === 'true'));
  // What waits for the office first, then the latest arrivals.
  const waiting = (e: (typeof entries)[number]) => (e.arrival.acknowledgedAt === null ? 0 : 1);
  wanted.sort((a, b) => waiting(a) - waiting(b) || b.arrival.at.localeCompare(a.arrival.at));
  return { officeId, items: wanted };
}

/** Per receiving office, the open escalated items the caller may read, and how many wait for it. */
export async function escalationSummary(ctx: Ctx): Promise<RaidEscalationSummary> {
  const reach = await ctx.access.reach('raidItem', 'read');
  const res = await ctx.db.execute<RaidEscalationSummary['offices'][number]>(sql`
    select o.id::text as "officeId", o.name, o.kind, count(*)::int as open,
      count(*) filter (where (${latestUnacknowledged}))::int as waiting
    from raid_items t ${sql.raw(placeJoins)}
    join offices o on o.id = t.escalated_to_office_id
    where t.archived_at is null and ${openSql} and ${reachSql(reach)}
    group by o.id, o.name, o.kind
    order by count(*) filter (where (${latestUnacknowledged})) desc, o.name`);
  return { offices: res.rows };
}

/** Whether an item's latest step has not been acknowledged (over `raid_items t`). */
const latestUnacknowledged = sql`select e.acknowledged_at is null from raid_escalations e
  where e.item_id = t.id order by e.at desc, e.level desc limit 1`;

export interface OpenEscalationCount {
  officeId: string;
  /** Open risks and issues escalated to the office. */
  open: number;
  /** Of those, the ones the office has not acknowledged yet. */
  unacknowledged: number;
  /** When the oldest of them arrived. */
  oldestAt: Date | null;
}

/**
 * Open escalations per receiving office, for the given offices or all of them: no permission is
 * checked here (the caller filters what it shows).
 */
export async function openEscalations(
  tx: Tx,
  which: { officeIds: readonly string[] } | { all: true },
): Promise<OpenEscalationCount[]> {
  const only =
    'officeIds' in which
      ? sql`and t.escalated_to_office_id = any(${sql.param([...which.officeIds])}::uuid[])`
      : sql``;
  const res = await tx.execute<{
    office_id: string;
    open: number;
    unacknowledged: number;
    oldest_at: Date | string | null;
  }>(sql`
    select t.escalated_to_office_id::text as office_id, count(*)::int as open,
      count(*) filter (where (${latestUnacknowledged}))::int as unacknowledged,
      min(t.escalated_at) as oldest_at
    from raid_items t
    where t.escalated_to_office_id is not null and t.archived_at is null and ${openSql} ${only}
    group by t.escalated_to_office_id
    order by 1`);
  return res.rows.map((r) => ({
    officeId: r.office_id,
    open: r.open,
    unacknowledged: r.unacknowledged,
    oldestAt: r.oldest_at
      ? new Date(typeof r.oldest_at === 'string' ? isoInstant(r.oldest_at) : r.oldest_at)
      : null,
  }));
}
