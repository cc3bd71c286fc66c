/*
 * The demo's RAID registers: every project's risks and issues from its story (the very items the
 * status history counted), with their escalation trails along the office chain; assumptions,
 * dependencies between projects (kept in the dependent project's register, seen from both), a
 * decision log with some decisions still proposed; and a few items in program and strategic
 * office registers. Rows as the RAID service writes them; codes in the order items were raised.
 */

import type { EscalationStep } from '@pharos/engine';
import type { raidEscalations, raidItems } from '../db/schema/index';
import {
  dayOf,
  type HistoryContext,
  historyContext,
  isoOf,
  type Project,
  remember,
  type Stream,
  streamFor,
  uuidOf,
} from './history-parts';
import { raidEvents } from './history-raid-story';
import { HISTORY_SEED, historyWorld, stamp, type Window } from './history-story';
import { otherItems, registerItems } from './raid-other';
import { CLOSE_NOTES, ISSUES } from './raid-phrases';
import { RISKS } from './raid-risks';
import { escalated, item, riskRow } from './raid-rows';
import type { GeneratedOrg } from './types';

export type RaidItemRow = typeof raidItems.$inferInsert & { id: string; createdAt: Date };
export type RaidEscalationRow = typeof raidEscalations.$inferInsert;

export interface RaidHistory {
  items: RaidItemRow[];
  escalations: RaidEscalationRow[];
}

const PREFIX = { risk: 'R', issue: 'I', assumption: 'A', dependency: 'D', decision: 'L' } as const;

export function generateRaidHistory(
  org: GeneratedOrg,
  today: Date | string = new Date(),
  seed = HISTORY_SEED,
): RaidHistory {
  const ctx = historyContext(org);
  const world = historyWorld(ctx, today, seed);
  const { win } = world;
  const out: RaidHistory = { items: [], escalations: [] };
  const peersOf = new Map<string, Project[]>();
  for (const p of org.projects)
    if (p.status !== 'proposed') remember(peersOf, p.programId ?? p.portfolioId, () => []).push(p);
  for (const p of org.projects) {
    const s = world.story(p);
    const raid = raidEvents(ctx, s, win, seed);
    const r = streamFor(seed, 4, p.id);
    const team = [p.managerId, ...ctx.holders(p, 'project_coordinator').slice(0, 2)].filter(
      (u): u is string => !!u,
    );
    const owner = () => (r.next() < 0.7 ? team[0] : r.pick(team)) ?? null;
    for (const e of raid.risks) {
      const [title, trigger, actions] = RISKS[s.theme][e.title % RISKS[s.theme].length]!;
      out.items.push(riskRow(e, { projectId: p.id }, title, trigger, actions, owner(), r, win));
      trailRows(ctx, out, e.id, e.trail, r, win);
    }
    for (const e of raid.issues) {
      const open = e.closedOn === null;
      const row = item(
        'issue',
        e.id,
        { projectId: p.id },
        ISSUES[s.theme][e.title % ISSUES[s.theme].length]!,
        r,
        win,
        e.openedOn,
        e.closedOn,
      );
      Object.assign(row, {
        description: `Raised in the weekly team meeting. Severity ${e.severity}: needs a decision or a fix by ${isoOf(e.due)}.`,
        ownerId: owner(),
        status: open ? (r.next() < 0.6 ? 'in_progress' : 'open') : r.next() < 0.7 ? 'resolved' : 'closed',
        dueOn: isoOf(e.due),
        severity: e.severity,
        details: { severity: e.severity, resolution: open ? '' : r.pick(CLOSE_NOTES.issue) },
      });
      escalated(row, e.trail, win);
      out.items.push(row);
      trailRows(ctx, out, e.id, e.trail, r, win);
    }
    if (s.reportFrom === null && p.status !== 'active') continue;
    otherItems(ctx, out, p, s.start, peersOf, r, win);
  }
  registerItems(ctx, out, streamFor(seed, 5, 'registers'), win);
  numbered(out.items);
  return out;
}

function trailRows(
  ctx: HistoryContext,
  out: RaidHistory,
  itemId: string,
  trail: readonly EscalationStep[],
  r: Stream,
  win: Window,
) {
  trail.forEach((step, i) => {
    const day = dayOf(step.on);
    const acknowledged = day < win.today - 5 && r.next() < 0.75;
    out.escalations.push({
      id: uuidOf(r),
      itemId,
      level: i + 1,
      fromOfficeId: step.fromOfficeId,
      toOfficeId: step.toOfficeId,
      reason: step.reasons.some((x) => x.kind === 'deadline') ? 'deadline' : 'tolerance',
      detail: step.reasons.map((x) => x.message).join('; '),
      actorId: null,
      at: stamp(win, day, 6.5 + i / 60),
      acknowledgedAt: acknowledged ? stamp(win, day + r.int(1, 4), 10) : null,
      acknowledgedBy: acknowledged ? ctx.headOf(step.toOfficeId) : null,
    });
  });
}

/** Codes per kind in the order the items were raised, as the service numbers them. */
function numbered(items: RaidItemRow[]) {
  items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : 1));
  const next = { risk: 0, issue: 0, assumption: 0, dependency: 0, decision: 0 };
  for (const x of items) x.code = `${PREFIX[x.kind]}-${String(++next[x.kind]).padStart(4, '0')}`;
}
