/*
 * The dated events of a project's story: its gate reviews (a go for every gate it has passed,
 * some holds and recycles on the way, a few reviews open now) and its change requests (the
 * extensions that brought the approved finish to where the phase says it is, budget and scope
 * changes approved, rejected, withdrawn or still in approval).
 */
import { measureChange, type RoutedStep, type Rule, routeChange } from '../governance/authority-rules';
import { changeSizePercent } from '../governance/facts';
import { isoOf, uuidOf } from './history-parts';
import type { ProjectStory, Window } from './history-story';

export type GateDecision = 'go' | 'hold' | 'recycle' | 'stop';

export interface GateReviewEvent {
  id: string;
  /** Null while the review is open. */
  decision: GateDecision | null;
  openedOn: number;
  scheduledOn: number;
  decidedOn: number | null;
  /** Checklist items not met. */
  failed: number;
}

export interface GateEvent {
  /** The index (in PHASES) of the phase the gate leads to; the project was in the one before. */
  to: number;
  reviews: GateReviewEvent[];
}

export type ChangeState = 'approved' | 'rejected' | 'submitted' | 'withdrawn';

export interface ChangeEvent {
  id: string;
  raisedOn: number;
  submittedOn: number;
  decidedOn: number | null;
  state: ChangeState;
  /** Minor units (a multiple of €10,000); null when the budget does not move. */
  budgetDelta: number | null;
  finishDeltaDays: number | null;
  /** Whether it changes the scope too (the words come with the governance rows). */
  scope: boolean;
  /** The approved budget and finish it was measured against when submitted, and before it was applied. */
  submittedAgainst: { budget: number; finish: number };
  appliedTo: { budget: number; finish: number } | null;
  /** Its size as governance measures it (undefined for a change of scope in words only). */
  sizePercent: number | undefined;
  /** The approval steps the authority rules gave it, and how many were decided. */
  steps: RoutedStep[];
  decidedSteps: number;
  /** Which title of the phrase bank. */
  topic: number;
}

/**
 * The strategic office's authority thresholds (the demo stores them as its own): small budget
 * and schedule changes are the program level's, larger ones go to the PMO director and the board.
 */
export const DEMO_AUTHORITY_RULES: Rule[] = [
  {
    kind: 'budget',
    upToPercent: 10,
    upToDays: null,
    steps: [{ label: 'Program manager', roles: ['program_manager', 'portfolio_manager'] }],
  },
  {
    kind: 'budget',
    upToPercent: null,
    upToDays: null,
    steps: [
      { label: 'PMO director', roles: ['pmo_director'] },
      { label: 'Portfolio board', roles: ['executive'] },
    ],
  },
  {
    kind: 'schedule',
    upToPercent: null,
    upToDays: 30,
    steps: [{ label: 'Program manager', roles: ['program_manager', 'portfolio_manager'] }],
  },
  {
    kind: 'schedule',
    upToPercent: null,
    upToDays: null,
    steps: [
      { label: 'PMO director', roles: ['pmo_director'] },
      { label: 'Portfolio board', roles: ['executive'] },
    ],
  },
  {
    kind: 'scope',
    upToPercent: null,
    upToDays: null,
    steps: [
      { label: 'Program manager', roles: ['program_manager', 'portfolio_manager'] },
      { label: 'PMO director', roles: ['pmo_director'] },
    ],
  },
];

/** How long each phase lasts, as shares of the whole (initiation … closing). */
const PHASE_SHARE = [0.08, 0.17, 0.45, 0.18, 0.12];
const ENTERED = [0, 0.08, 0.25, 0.7, 0.88, 1];

export function gateEvents(s: ProjectStory, win: Window): GateEvent[] {
  const { r } = s;
  const status = s.project.status;
  const stop = status === 'cancelled';
  const reached = stop ? r.int(1, 3) : s.phaseIndex;
  const end = s.endedOn ?? s.holdOn ?? win.today;
  // Where `end` lies in the lifecycle: inside the current phase, or at the end of a closed one.
  const position =
    status === 'completed' ? 1 : ENTERED[reached]! + (0.3 + 0.5 * r.next()) * PHASE_SHARE[reached]!;
  const dateOf = (entered: number) => Math.round(s.start + ((end - s.start) * entered) / position);
  const gates: GateEvent[] = [];
  for (let to = 1; to <= reached; to++) {
    const on = Math.min(end, Math.max(s.start + 3 * to, dateOf(ENTERED[to]!)));
    const reviews: GateReviewEvent[] = [];
    if (r.next() < 0.15) {
      const earlier = on - r.int(14, 35);
      reviews.push(review(s, r.next() < 0.6 ? 'hold' : 'recycle', earlier, r.int(1, 3)));
    }
    reviews.push(review(s, 'go', on, r.next() < 0.04 ? 1 : 0));
    gates.push({ to, reviews });
  }
  const next = reached + 1;
  if (stop) gates.push({ to: next, reviews: [review(s, 'stop', end, r.int(2, 3))] });
  else if (status === 'on_hold') gates.push({ to: next, reviews: [review(s, 'hold', end, r.int(1, 3))] });
  else if (status === 'active' && next < 6) {
    const u = r.next();
    const reviews: GateReviewEvent[] = [];
    if (u < 0.1 && next > 1) {
      reviews.push(review(s, r.next() < 0.6 ? 'hold' : 'recycle', win.today - r.int(7, 35), r.int(1, 3)));
      if (r.next() < 0.5) reviews.push(openReview(s, win.today));
    } else if (u < 0.32) reviews.push(openReview(s, win.today));
    if (reviews.length > 0) gates.push({ to: next, reviews });
  }
  return gates;
}

function review(s: ProjectStory, decision: GateDecision, on: number, failed: number): GateReviewEvent {
  const lead = s.r.int(7, 21);
  return { id: uuidOf(s.r), decision, openedOn: on - lead, scheduledOn: on, decidedOn: on, failed };
}

function openReview(s: ProjectStory, today: number): GateReviewEvent {
  const openedOn = today - s.r.int(2, 10);
  return {
    id: uuidOf(s.r),
    decision: null,
    openedOn,
    scheduledOn: today + s.r.int(2, 14),
    decidedOn: null,
    failed: 0,
  };
}

const EUR_10K = 1_000_000;

type Draft = Pick<
  ChangeEvent,
  'submittedOn' | 'decidedOn' | 'state' | 'budgetDelta' | 'finishDeltaDays' | 'scope'
>;

export function changeEvents(s: ProjectStory, win: Window): ChangeEvent[] {
  const { r } = s;
  const end = s.endedOn ?? win.today;
  const live = s.project.status === 'active' || s.project.status === 'on_hold';
  const drafts: Draft[] = [];
  const from = s.start + Math.round((end - s.start) * 0.25);
  const until = Math.max(from + 1, end - 21);
  const when = (a: number, b: number) => Math.round(a) + Math.floor(r.next() * Math.max(1, b - a));
  const money = (share: number) => Math.round((s.budget0 * share) / EUR_10K) * EUR_10K || null;
  // The extensions that brought the approved finish to where it is now.
  const extension = s.finish - s.finish0;
  if (extension > 0) {
    const parts = extension > 60 ? 2 : 1;
    const first = parts === 2 ? 7 * Math.round(extension / 14) : extension;
    for (let k = 0; k < parts; k++) {
      const submittedOn = when(
        from + ((until - from) * k) / parts,
        from + ((until - from) * (k + 1)) / parts,
      );
      const duration = Math.max(60, s.finish0 - s.start);
      drafts.push({
        submittedOn,
        decidedOn: Math.min(end, submittedOn + r.int(5, 18)),
        state: 'approved',
        budgetDelta: r.next() < 0.6 ? money((0.2 * (k === 0 ? first : extension - first)) / duration) : null,
        finishDeltaDays: k === 0 ? first : extension - first,
        scope: false,
      });
    }
  }
  // Other changes: budget and scope, mostly approved; schedule ones that were not.
  const others = r.int(0, 2) + (s.kind === 'steady' ? 0 : 1);
  for (let k = 0; k < others; k++) {
    const u = r.next();
    const kind = u < 0.4 ? 'budget' : u < 0.75 ? 'scope' : 'schedule';
    const v = r.next();
    const pending = live && v > 0.82;
    const state: ChangeState = pending
      ? 'submitted'
      : kind === 'schedule'
        ? v < 0.55
          ? 'rejected'
          : 'withdrawn'
        : v < 0.68
          ? 'approved'
          : v < 0.78
            ? 'rejected'
            : 'withdrawn';
    const submittedOn = pending ? win.today - r.int(2, 20) : when(from, until);
    const share = (r.next() < 0.15 ? -1 : 1) * (0.02 + 0.13 * r.next());
    drafts.push({
      submittedOn,
      decidedOn: pending ? null : Math.min(end, submittedOn + r.int(4, 20)),
      state,
      budgetDelta:
        kind === 'schedule'
          ? null
          : kind === 'scope' && r.next() < 0.5
            ? null
            : money(share * (kind === 'scope' ? 0.4 : 1)),
      finishDeltaDays: kind === 'schedule' ? 7 * r.int(2, 8) : null,
      scope: kind === 'scope',
    });
  }
  if (s.kind === 'deteriorating')
    drafts.push({
      submittedOn: win.today - r.int(2, 9),
      decidedOn: null,
      state: 'submitted',
      budgetDelta: money(0.12 + 0.1 * r.next()),
      finishDeltaDays: null,
      scope: false,
    });
  return measured(s, drafts);
}

/**
 * The changes in the order they were submitted, each measured as governance measures it: routed
 * by the authority rules against the approved values when submitted, sized against them when
 * applied (approved changes apply in the order of their decisions).
 */
function measured(s: ProjectStory, drafts: Draft[]): ChangeEvent[] {
  const { r } = s;
  // Two approvals of one project never fall on the same day: the order of applying is the order of days.
  const approved = drafts.filter((d) => d.state === 'approved').sort((a, b) => a.decidedOn! - b.decidedOn!);
  for (let k = 1; k < approved.length; k++)
    if (approved[k]!.decidedOn! <= approved[k - 1]!.decidedOn!)
      approved[k]!.decidedOn = approved[k - 1]!.decidedOn! + 1;
  const inForce = (day: number, strictly: boolean) => {
    let budget = s.budget0;
    let finish = s.finish0;
    for (const a of approved)
      if (strictly ? a.decidedOn! < day : a.decidedOn! <= day) {
        budget += a.budgetDelta ?? 0;
        finish += a.finishDeltaDays ?? 0;
      }
    return { budget, finish };
  };
  return drafts
    .sort((a, b) => a.submittedOn - b.submittedOn)
    .map((d) => {
      const submittedAgainst = inForce(d.submittedOn, false);
      const appliedTo = d.state === 'approved' ? inForce(d.decidedOn!, true) : null;
      const impact = {
        budgetDelta: d.budgetDelta,
        finishDeltaDays: d.finishDeltaDays,
        scopeChange: d.scope ? 'scope' : '',
      };
      const routed = routeChange(DEMO_AUTHORITY_RULES, measureChange(impact, submittedAgainst.budget));
      const steps = 'steps' in routed ? routed.steps : [];
      const against = appliedTo ?? submittedAgainst;
      return {
        ...d,
        id: uuidOf(r),
        raisedOn: d.submittedOn - r.int(1, 6),
        submittedAgainst,
        appliedTo,
        sizePercent: changeSizePercent(impact, {
          budget: against.budget,
          start: isoOf(s.start),
          finish: isoOf(against.finish),
        }),
        steps,
        decidedSteps:
          d.state === 'approved'
            ? steps.length
            : d.state === 'rejected'
              ? r.int(1, steps.length)
              : d.state === 'submitted'
                ? r.int(0, steps.length - 1)
                : 0,
        topic: r.int(0, 99),
      };
    });
}
