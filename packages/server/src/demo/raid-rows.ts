/* One RAID item row as the RAID service writes it: its register, dates, and for a risk its ratings and details. */
import type { EscalationStep } from '@pharos/engine';
import { dayOf, isoOf, type Stream } from './history-parts';
import type { RiskEvent } from './history-raid-story';
import { stamp, type Window } from './history-story';
import type { RaidItemRow } from './raid-history';

const EFFECT: Record<string, string> = {
  cost: 'Would add cost beyond the contingency.',
  schedule: 'Would delay the next milestone by several weeks.',
  scope: 'Would force scope out of the first release.',
  quality: 'Would put the quality of what we hand over at risk.',
};

export function item(
  kind: RaidItemRow['kind'],
  id: string,
  register: Partial<Pick<RaidItemRow, 'projectId' | 'programId' | 'portfolioId' | 'officeId'>>,
  title: string,
  r: Stream,
  win: Window,
  openedOn: number,
  closedOn: number | null,
): RaidItemRow {
  const createdAt = stamp(win, openedOn, 9 + 2 * r.next());
  const closedAt = closedOn === null ? null : stamp(win, closedOn, 14 + 3 * r.next());
  return {
    id,
    kind,
    code: '',
    title,
    description: '',
    ...register,
    status: 'open',
    details: {},
    createdAt,
    updatedAt: closedAt ?? createdAt,
    closedAt,
    version: closedAt ? 2 : 1,
  };
}

export function riskRow(
  e: RiskEvent,
  register: Parameters<typeof item>[2],
  title: string,
  trigger: string,
  actions: string[],
  ownerId: string | null,
  r: Stream,
  win: Window,
): RaidItemRow {
  const row = item('risk', e.id, register, title, r, win, e.openedOn, e.closedOn);
  const main = Object.entries(e.impact).sort((a, b) => b[1] - a[1])[0]![0];
  const open = e.closedOn === null;
  Object.assign(row, {
    description:
      `${EFFECT[main]} ${e.response === 'accept' ? 'Accepted: the cost of avoiding it is higher than the exposure.' : ''}`.trim(),
    ownerId,
    status: open ? 'open' : e.outcome === 'occurred' ? 'occurred' : 'closed',
    dueOn: isoOf(open ? win.today + r.int(3, 28) : e.closedOn!),
    probability: e.probability,
    impact: Math.max(...Object.values(e.impact)),
    score: e.score,
    residualScore: e.residualScore,
    details: {
      probability: e.probability,
      impact: e.impact,
      strategy: e.response,
      mitigation:
        e.response === 'accept'
          ? []
          : actions.map((text, k) => {
              const due = e.openedOn + 14 * (k + 1) + r.int(0, 10);
              return { text, ownerId, due: isoOf(due), done: !open || due < win.today - 7 };
            }),
      trigger,
      residual: e.response === 'accept' ? null : e.residual,
    },
  });
  escalated(row, e.trail, win);
  return row;
}

/** Where the item sits after its trail: the office it last rose to, at which level, since when. */
export function escalated(row: RaidItemRow, trail: readonly EscalationStep[], win: Window) {
  const last = trail.at(-1);
  if (!last) return;
  row.escalatedToOfficeId = last.toOfficeId;
  row.escalationLevel = trail.length;
  row.escalatedAt = stamp(win, dayOf(last.on), 6.5 + (trail.length - 1) / 60);
  row.version = (row.version ?? 1) + trail.length;
  if (row.escalatedAt > (row.updatedAt as Date)) row.updatedAt = row.escalatedAt;
}
