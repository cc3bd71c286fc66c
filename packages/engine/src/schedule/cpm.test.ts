import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Constraint, CycleError, criticalPath, LinkType, type Network } from './cpm';

const D = 480;
type L = [pred: number, succ: number, type: LinkType, lag: number];
const net = (durations: number[], links: L[]): Network => ({
  duration: Float64Array.from(durations),
  pred: Int32Array.from(links.map((l) => l[0])),
  succ: Int32Array.from(links.map((l) => l[1])),
  type: Uint8Array.from(links.map((l) => l[2])),
  lag: Float64Array.from(links.map((l) => l[3])),
});

describe('critical path', () => {
  it('schedules the four link types with lags and leads', () => {
    // A 5d; B 3d after A (FS +1d); C 2d starts with A (SS +2d); D 4d finishes 1d after C (FF +1d);
    // E 1d finishes when B starts (SF, −1d lead); F a milestone after B and D.
    const r = criticalPath(
      net(
        [5 * D, 3 * D, 2 * D, 4 * D, D, 0],
        [
          [0, 1, LinkType.FS, D],
          [0, 2, LinkType.SS, 2 * D],
          [2, 3, LinkType.FF, D],
          [1, 4, LinkType.SF, -D],
          [1, 5, LinkType.FS, 0],
          [3, 5, LinkType.FS, 0],
        ],
      ),
      0,
    );
    const days = (a: Float64Array) => [...a].map((x) => x / D);
    expect(days(r.earlyStart)).toEqual([0, 6, 2, 1, 4, 9]);
    expect(days(r.earlyFinish)).toEqual([5, 9, 4, 5, 5, 9]);
    expect(r.finish / D).toBe(9);
    expect(days(r.totalSlack)).toEqual([0, 0, 4, 4, 4, 0]);
    expect(days(r.freeSlack)).toEqual([0, 0, 0, 4, 4, 0]);
    expect([...r.critical]).toEqual([1, 1, 0, 0, 0, 1]);
  });

  it('honours date constraints over links, as MS Project does: a violated link shows as negative slack before it', () => {
    // A 2d → B 2d → C 2d (FS). Each case constrains B.
    const chain = (type: number, date: number) => ({
      ...net(
        [2 * D, 2 * D, 2 * D],
        [
          [0, 1, LinkType.FS, 0],
          [1, 2, LinkType.FS, 0],
        ],
      ),
      constraint: { type: Uint8Array.from([0, type, 0]), date: Float64Array.from([0, date, 0]) },
    });
    const b = (type: number, date: number) => {
      const r = criticalPath(chain(type, date * D), 0);
      // B's early start, late finish and slack; A's slack; the project's finish (days).
      return [r.earlyStart[1]!, r.lateFinish[1]!, r.totalSlack[1]!, r.totalSlack[0]!, r.finish].map(
        (x) => x / D,
      );
    };
    expect(b(Constraint.SNET, 5)).toEqual([5, 7, 0, 3, 9]); // pushed later: A has room
    expect(b(Constraint.SNET, 1)).toEqual([2, 4, 0, 0, 6]); // the link binds
    expect(b(Constraint.FNET, 6)).toEqual([4, 6, 0, 2, 8]);
    expect(b(Constraint.SNLT, 1)).toEqual([1, 3, 0, -1, 5]); // B starts by day 1 against its link: A is a day late
    expect(b(Constraint.FNLT, 3)).toEqual([1, 3, 0, -1, 5]);
    expect(b(Constraint.MSO, 3)).toEqual([3, 5, 0, 1, 7]);
    expect(b(Constraint.MFO, 3)).toEqual([1, 3, 0, -1, 5]);
    // A start constraint before the project start is kept (the project start is only a default).
    const early = criticalPath(
      {
        ...net([D], []),
        constraint: { type: Uint8Array.from([Constraint.SNET]), date: Float64Array.from([-3 * D]) },
      },
      0,
    );
    expect([early.earlyStart[0]! / D, early.finish / D]).toEqual([-3, -2]);
  });

  it('keeps manually scheduled tasks where they were put, and computes their late dates', () => {
    // A 2d → B 2d (FS), B put by hand on day 1 (against its link), then C 2d after B.
    const r = criticalPath(
      {
        ...net(
          [2 * D, 2 * D, 2 * D],
          [
            [0, 1, LinkType.FS, 0],
            [1, 2, LinkType.FS, 0],
          ],
        ),
        manual: { manual: Uint8Array.from([0, 1, 0]), start: Float64Array.from([0, D, 0]) },
      },
      0,
    );
    expect([...r.earlyStart].map((x) => x / D)).toEqual([0, 1, 3]);
    expect(r.finish / D).toBe(5);
    expect([...r.totalSlack].map((x) => x / D)).toEqual([-1, 0, 0]); // A should have finished by day 1
  });

  it('names the tasks of a cycle in link order, not the tasks that merely wait on it', () => {
    // 0 is a sink after the cycle 1 → 2 → 3 → 1; 4 waits on 0.
    const r = () =>
      criticalPath(
        net(
          [D, D, D, D, D],
          [
            [2, 0, LinkType.FS, 0],
            [1, 2, LinkType.FS, 0],
            [2, 3, LinkType.FS, 0],
            [3, 1, LinkType.FS, 0],
            [0, 4, LinkType.FS, 0],
          ],
        ),
        0,
      );
    expect(r).toThrow(CycleError);
    try {
      r();
    } catch (e) {
      const tasks = (e as CycleError).tasks;
      expect(tasks[0]).toBe(tasks.at(-1));
      const links = new Set(['1 2', '2 3', '3 1']);
      for (let i = 0; i + 1 < tasks.length; i++) expect(links.has(`${tasks[i]} ${tasks[i + 1]}`)).toBe(true);
      expect(new Set(tasks)).toEqual(new Set([1, 2, 3]));
    }
  });

  it('names the tasks of a cycle', () => {
    const cyclic = net(
      [D, D, D, D],
      [
        [0, 1, LinkType.FS, 0],
        [1, 2, LinkType.FS, 0],
        [2, 3, LinkType.FS, 0],
        [3, 1, LinkType.FS, 0],
      ],
    );
    try {
      criticalPath(cyclic, 0);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CycleError);
      const tasks = (e as CycleError).tasks;
      expect(new Set(tasks)).toEqual(new Set([1, 2, 3]));
      expect(tasks[0]).toBe(tasks.at(-1));
    }
  });

  describe('laws', () => {
    // Random plans without cycles: links go from an earlier to a later task of a random order.
    const plan = fc
      .integer({ min: 1, max: 30 })
      .chain((n) =>
        fc.record({
          durations: fc.array(
            fc.integer({ min: 0, max: 10 }).map((x) => x * 60),
            { minLength: n, maxLength: n },
          ),
          rank: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
          links: fc.array(
            fc.tuple(
              fc.integer({ min: 0, max: n - 1 }),
              fc.integer({ min: 0, max: n - 1 }),
              fc.constantFrom<LinkType>(0, 1, 2, 3),
              fc.integer({ min: -8, max: 12 }).map((x) => x * 60),
            ),
            { maxLength: 2 * n },
          ),
          start: fc.integer({ min: -10_000, max: 10_000 }),
        }),
      )
      .map(({ durations, rank, links, start }) => {
        const pos = new Map(rank.map((t, i) => [t, i]));
        const acyclic = links
          .filter(([a, b]) => a !== b)
          .map(([a, b, t, l]): L => (pos.get(a)! < pos.get(b)! ? [a, b, t, l] : [b, a, t, l]));
        return { durations, links: acyclic, start };
      });

    const allows = (r: ReturnType<typeof criticalPath>, d: number[], [p, s, t, l]: L) =>
      t === LinkType.FS
        ? r.earlyFinish[p]! + l
        : t === LinkType.SS
          ? r.earlyStart[p]! + l
          : t === LinkType.FF
            ? r.earlyFinish[p]! + l - d[s]!
            : r.earlyStart[p]! + l - d[s]!;

    it('no task starts before its links and the project start allow', () => {
      fc.assert(
        fc.property(plan, ({ durations, links, start }) => {
          const r = criticalPath(net(durations, links), start);
          for (const x of r.earlyStart) expect(x).toBeGreaterThanOrEqual(start);
          for (const l of links) expect(r.earlyStart[l[1]]).toBeGreaterThanOrEqual(allows(r, durations, l));
        }),
      );
    });

    it('slack is never negative, free slack never exceeds total slack, and the finish is critical', () => {
      fc.assert(
        fc.property(plan, ({ durations, links, start }) => {
          const r = criticalPath(net(durations, links), start);
          expect(r.finish).toBe(Math.max(start, ...r.earlyFinish));
          expect(Math.max(...r.lateFinish)).toBeLessThanOrEqual(r.finish);
          for (let t = 0; t < durations.length; t++) {
            expect(r.totalSlack[t]).toBeGreaterThanOrEqual(0);
            expect(r.freeSlack[t]).toBeGreaterThanOrEqual(0);
            expect(r.freeSlack[t]).toBeLessThanOrEqual(r.totalSlack[t]!);
            if (r.earlyFinish[t] === r.finish) expect(r.critical[t]).toBe(1);
          }
        }),
      );
    });

    it('adding a link never makes the project shorter', () => {
      fc.assert(
        fc.property(plan, fc.nat(), fc.nat(), fc.constantFrom<LinkType>(0, 1, 2, 3), (p, a, b, type) => {
          const n = p.durations.length;
          const before = criticalPath(net(p.durations, p.links), p.start).finish;
          const extra: L = [a % n, b % n, type, 0];
          try {
            expect(
              criticalPath(net(p.durations, [...p.links, extra]), p.start).finish,
            ).toBeGreaterThanOrEqual(before);
          } catch (e) {
            if (!(e instanceof CycleError)) throw e; // the new link closed a cycle: nothing to schedule
          }
        }),
      );
    });

    it('gives the same dates whatever order the tasks and links come in', () => {
      fc.assert(
        fc.property(plan, fc.infiniteStream(fc.nat()), ({ durations, links, start }, seeds) => {
          const n = durations.length;
          const perm = [...Array(n).keys()];
          const it = seeds[Symbol.iterator]();
          for (let i = n - 1; i > 0; i--) {
            const j = (it.next().value as number) % (i + 1);
            [perm[i], perm[j]] = [perm[j]!, perm[i]!];
          }
          const moved = Array(n);
          perm.forEach((to, from) => {
            moved[to] = durations[from];
          });
          const relinked = [...links].reverse().map(([p, s, t, l]): L => [perm[p]!, perm[s]!, t, l]);
          const a = criticalPath(net(durations, links), start);
          const b = criticalPath(net(moved, relinked), start);
          for (let t = 0; t < n; t++) {
            const u = perm[t]!;
            expect([b.earlyStart[u], b.lateFinish[u], b.totalSlack[u], b.freeSlack[u]]).toEqual([
              a.earlyStart[t],
              a.lateFinish[t],
              a.totalSlack[t],
              a.freeSlack[t],
            ]);
          }
        }),
      );
    });
  });
});
