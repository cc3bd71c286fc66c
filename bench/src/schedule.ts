// The scheduling engine's critical path on generated networks: random acyclic plans with two
// links per task of all four types, lags and leads, durations of 0–10 days, one calendar; and
// whole plans through schedulePlan (what the server runs), on one calendar and on five with date
// constraints.
import {
  type CalendarDefinition,
  Constraint,
  compileCalendars,
  criticalPath,
  type Interval,
  minuteFromIso,
  type Network,
  type PlanInput,
  STANDARD_WEEK,
  schedulePlan,
  topologicalOrder,
} from '@pharos/engine';
import { prng } from '@pharos/server';
import type { Bench } from './bench';
import { median } from './stats';

export function generateNetwork(tasks: number, links: number, seed = 1): Network {
  const r = prng(seed).next;
  // Tasks ranked in a random order; every link goes from a lower rank to a higher one, mostly nearby.
  const rank = new Int32Array(tasks);
  for (let i = 0; i < tasks; i++) rank[i] = i;
  for (let i = tasks - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rank[i], rank[j]] = [rank[j]!, rank[i]!];
  }
  const duration = new Float64Array(tasks);
  for (let i = 0; i < tasks; i++) duration[i] = Math.floor(r() * 11) * 480;
  const pred = new Int32Array(links);
  const succ = new Int32Array(links);
  const type = new Uint8Array(links);
  const lag = new Float64Array(links);
  for (let i = 0; i < links; i++) {
    const a = Math.floor(r() * (tasks - 1));
    const b = Math.min(tasks - 1, a + 1 + Math.floor(r() * r() * 50));
    pred[i] = rank[a]!;
    succ[i] = rank[b]!;
    type[i] = r() < 0.7 ? 0 : Math.floor(r() * 4);
    lag[i] = r() < 0.8 ? 0 : Math.floor(r() * 9 - 3) * 480;
  }
  return { duration, pred, succ, type, lag };
}

const hours = (...h: [number, number][]): Interval[] => h.map(([a, b]) => [a * 60, b * 60]);
/** Five calendars: weekdays, every day, evenings, four 10-hour days, six days. */
const CALENDARS = new Map<number, CalendarDefinition>([
  [1, { week: STANDARD_WEEK }],
  [2, { week: Array.from({ length: 7 }, () => hours([8, 12], [13, 17])) }],
  [3, { week: STANDARD_WEEK.map((d) => (d.length ? hours([18, 22]) : [])) }],
  [4, { week: [[], ...Array.from({ length: 4 }, () => hours([7, 12], [13, 18])), [], []] }],
  [5, { week: [[], ...Array.from({ length: 6 }, () => hours([8, 12], [13, 17]))] }],
]);

/** A generated network as a plan: with `calendars`, tasks spread over five calendars and one in ten constrained. */
export function generatePlan(net: Network, calendars: boolean, seed = 2): PlanInput {
  const r = prng(seed).next;
  const start = minuteFromIso('2025-01-06T08:00');
  const types = [Constraint.SNET, Constraint.FNET, Constraint.SNLT, Constraint.FNLT, Constraint.MSO];
  return {
    start,
    statusDate: null,
    calendarUid: 1,
    calendars: calendars ? CALENDARS : new Map([[1, CALENDARS.get(1)!]]),
    tasks: Array.from(net.duration, (duration, i) => {
      const constrained = calendars && r() < 0.1;
      return {
        uid: i + 1,
        outlineLevel: 1,
        milestone: duration === 0,
        manual: false,
        manualStart: null,
        duration,
        elapsed: false,
        constraint: constrained ? types[Math.floor(r() * types.length)]! : Constraint.ASAP,
        constraintDate: constrained ? start + Math.floor(r() * 400) * 1440 + 480 : null,
        deadline: null,
        calendarUid: calendars ? 1 + Math.floor(r() * 5) : null,
        percentComplete: 0,
        actualStart: null,
        actualFinish: null,
        remainingDuration: null,
      };
    }),
    links: Array.from(net.pred, (p, i) => ({
      predecessorUid: p + 1,
      successorUid: net.succ[i]! + 1,
      type: net.type[i] as 0 | 1 | 2 | 3,
      lag: net.lag[i]!,
      lagKind: 'work' as const,
    })),
  };
}

function timeRuns(runs: number, fn: () => void) {
  fn(); // warm up
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const sizes = [
  { tasks: 10_000, links: 20_000, runs: 41, target: 10 },
  { tasks: 100_000, links: 200_000, runs: 11, target: 150 },
  { tasks: 1_000_000, links: 2_000_000, runs: 3, target: 1500 },
];

export async function scheduleBench(bench: Bench) {
  console.log('\n[engine] critical path on generated networks (one calendar)');
  for (const s of bench.opts.quick ? sizes.slice(0, 2) : sizes) {
    const net = generateNetwork(s.tasks, s.links);
    let finish = 0;
    const cpm = timeRuns(s.runs, () => {
      finish = criticalPath(net, 0).finish;
    });
    const bare = timeRuns(s.runs, () => {
      topologicalOrder(s.tasks, net.pred, net.succ);
    });
    const ns = (cpm * 1e6) / s.links;
    const size = `${s.tasks.toLocaleString('en')} tasks / ${s.links.toLocaleString('en')} links`;
    console.log(
      `  ${size}: p50 ${cpm.toFixed(2)} ms (${ns.toFixed(0)} ns per link; bare topological pass ${bare.toFixed(2)} ms, ×${(cpm / bare).toFixed(1)}); project ${Math.round(finish / 480)} days`,
    );
    bench.raw[`cpm ${s.tasks}`] = {
      ...s,
      p50Ms: cpm,
      bareTopologicalMs: bare,
      nsPerLink: ns,
      finishDays: finish / 480,
    };
    bench.row('schedule', {
      figure: `Full CPM (forward, backward, total/free slack, critical; topological sort included), ${size}, FS/SS/FF/SF with lags, one calendar`,
      db: 'engine',
      measured: `p50 ${cpm.toFixed(2)} ms; ${ns.toFixed(0)} ns/link; ×${(cpm / bare).toFixed(1)} a bare topological pass (${bare.toFixed(2)} ms)`,
      target: `≤ ${s.target.toLocaleString('en')} ms`,
      pass: cpm <= s.target,
    });
  }
  console.log(
    '\n[engine] schedulePlan (what the server runs: plan in, dates out), 10,000 tasks / 20,000 links',
  );
  const net = generateNetwork(10_000, 20_000);
  for (const c of [
    { calendars: false, label: 'one calendar', target: 10 },
    { calendars: true, label: '5 calendars, 1 task in 10 date-constrained', target: 25 },
  ]) {
    const plan = generatePlan(net, c.calendars);
    const cals = compileCalendars(plan); // kept by the server while the calendars do not change
    let finish = 0;
    const ms = timeRuns(41, () => {
      finish = schedulePlan(plan, cals).projectFinish;
    });
    console.log(
      `  ${c.label}: p50 ${ms.toFixed(2)} ms; project finish ${new Date(finish * 60_000).toISOString().slice(0, 10)}`,
    );
    bench.raw[`schedulePlan 10000 ${c.label}`] = { p50Ms: ms, target: c.target };
    bench.row('schedule', {
      figure: `schedulePlan (network built from the plan, CPM, dates and summaries out), 10,000 tasks / 20,000 links, ${c.label}`,
      db: 'engine',
      measured: `p50 ${ms.toFixed(2)} ms`,
      target: `≤ ${c.target} ms`,
      pass: ms <= c.target,
    });
  }
}
