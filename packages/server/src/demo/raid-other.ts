/*
 * The RAID items that are not risks or issues of a project's story: each project's assumptions,
 * its dependencies on other projects of its program or portfolio, its decision log; and a few
 * risks in the registers of the programs and of the strategic office.
 */
import { type HistoryContext, isoOf, type Project, type Stream, uuidOf } from './history-parts';
import type { RiskEvent } from './history-raid-story';
import { stamp, type Window } from './history-story';
import type { RaidHistory } from './raid-history';
import { ASSUMPTIONS, DECISIONS, DEPENDENCIES } from './raid-phrases';
import type { RiskText } from './raid-risks';
import { item, riskRow } from './raid-rows';

/** Risks a program or the strategic office holds in its own register. */
const PROGRAM_RISKS: RiskText[] = [
  [
    'Projects of the program compete for the same integration team',
    'Two projects plan the team above capacity in the same month',
    ['Sequence the integration work in the program plan', 'Agree a shared backlog with one owner'],
  ],
  [
    'Benefits of the program counted twice in the business cases',
    'The benefits review finds overlaps between projects',
    ['Keep one benefits register for the program', 'Have Finance sign off each benefit once'],
  ],
  [
    'Key program roles depend on two people',
    'Either is absent for more than two weeks',
    ['Name deputies for the program architect and the test manager'],
  ],
];
const OFFICE_RISKS: RiskText[] = [
  [
    'Portfolio committed beyond the capacity of scarce architects',
    'Architect demand above 110 % of capacity for a quarter',
    [
      'Portfolio board to re-sequence starts',
      'Build a pool of external architects under a framework contract',
    ],
  ],
  [
    'Status reporting discipline drops in the second half of the year',
    'On-time report rate below 85 % for a month',
    ['Monthly compliance review with the project offices', 'Coaching for the managers who report late'],
  ],
  [
    'Inflation erodes the capital budget of the energy portfolio',
    'Construction price index up more than 6 % a year',
    ['Review contingencies at each gate', 'Index-linked clauses in new contracts'],
  ],
];

/** Assumptions, dependencies and decisions of a project. */
export function otherItems(
  ctx: HistoryContext,
  out: RaidHistory,
  p: Project,
  start: number,
  /** Projects that report, by program (or by portfolio for those in none). */
  peersOf: ReadonlyMap<string, readonly Project[]>,
  r: Stream,
  win: Window,
) {
  const theme = ctx.theme(p);
  const T = win.today;
  const raised = () => Math.min(T - 1, start + r.int(3, 60));
  for (let k = r.int(1, 3); k > 0; k--) {
    const on = raised();
    const due = on + r.int(30, 90);
    const row = item(
      'assumption',
      uuidOf(r),
      { projectId: p.id },
      r.pick(ASSUMPTIONS[theme]),
      r,
      win,
      on,
      null,
    );
    const status = due > T ? 'unvalidated' : r.next() < 0.8 ? 'valid' : 'invalid';
    Object.assign(row, {
      ownerId: p.managerId,
      status,
      dueOn: isoOf(due),
      closedAt: status === 'unvalidated' ? null : stamp(win, Math.min(T, due), 15),
      details: {
        impactIfWrong:
          status === 'invalid' ? 'Plan revised: see the change log.' : 'Re-plan the affected work packages.',
      },
    });
    out.items.push(row);
  }
  const peers = (peersOf.get(p.programId ?? p.portfolioId) ?? []).filter((q) => q.id !== p.id);
  for (let k = peers.length > 0 ? r.int(0, 2) : 0; k > 0; k--) {
    const provider = r.pick(peers);
    const on = raised();
    const need = on + r.int(40, 160);
    const row = item(
      'dependency',
      uuidOf(r),
      { projectId: p.id },
      `${r.pick(DEPENDENCIES)} (${provider.code})`,
      r,
      win,
      on,
      null,
    );
    const status = need < T ? (r.next() < 0.8 ? 'met' : 'broken') : r.next() < 0.3 ? 'at_risk' : 'open';
    Object.assign(row, {
      ownerId: p.managerId,
      status,
      dueOn: isoOf(need),
      dependsOnProjectId: provider.id,
      closedAt: status === 'met' || status === 'broken' ? stamp(win, need, 12) : null,
      details: {
        dependsOnProjectId: provider.id,
        externalParty: '',
        deliverable: `${provider.name}: the release we build on`,
      },
    });
    out.items.push(row);
  }
  for (let k = r.int(1, 4); k > 0; k--) {
    const [decision, rationale] = r.pick(DECISIONS);
    // The latest decision is waiting now and then; the others were taken when they came up.
    const proposed = k === 1 && r.next() < 0.25;
    const on = proposed
      ? Math.max(start + 3, T - r.int(3, 30))
      : Math.min(T - 1, start + r.int(10, Math.max(11, T - start)));
    const decidedOn = proposed ? null : Math.min(T, on + r.int(2, 14));
    const decidedBy = r.next() < 0.5 ? p.sponsorId : p.managerId;
    const row = item('decision', uuidOf(r), { projectId: p.id }, decision, r, win, on, null);
    Object.assign(row, {
      ownerId: p.managerId,
      status: proposed ? 'proposed' : 'decided',
      dueOn: isoOf(on + r.int(7, 21)),
      closedAt: decidedOn === null ? null : stamp(win, decidedOn, 16),
      details: {
        decision,
        rationale,
        alternatives: 'Keep the current approach.',
        decidedBy: proposed ? null : decidedBy,
        decidedOn: decidedOn === null ? null : isoOf(decidedOn),
      },
    });
    out.items.push(row);
  }
}

/** A few risks in the program registers and the strategic office's own. */
export function registerItems(ctx: HistoryContext, out: RaidHistory, r: Stream, win: Window) {
  const add = (texts: RiskText[], register: Parameters<typeof item>[2], ownerId: string | null) => {
    const [title, trigger, actions] = r.pick(texts);
    const p = r.int(2, 4);
    const i = r.int(2, 4);
    const e: RiskEvent = {
      id: uuidOf(r),
      title: 0,
      openedOn: win.today - r.int(20, 200),
      closedOn: null,
      outcome: null,
      probability: p,
      impact: { cost: i },
      score: p * i,
      residual: { probability: Math.max(1, p - 1), impact: { cost: i } },
      residualScore: Math.max(1, p - 1) * i,
      response: 'mitigate',
      trail: [],
    };
    out.items.push(riskRow(e, register, title, trigger, actions, ownerId, r, win));
  };
  for (const g of ctx.org.programs)
    for (let k = r.int(1, 2); k > 0; k--) add(PROGRAM_RISKS, { programId: g.id }, g.managerId);
  for (let k = 0; k < 2; k++) add(OFFICE_RISKS, { officeId: ctx.strategic.id }, ctx.director);
}
