import type { Network } from './cpm';
import { type Links, linksBy } from './links';
import { topologicalOrder } from './order';

/** The topological order of a network and its links regrouped by each end, in that order. */
export interface Topology {
  order: Int32Array;
  /** Each task's place in `order`. */
  pos: Int32Array;
  into: Links;
  from: Links;
}

export function topologyOf(net: Network): Topology {
  const n = net.duration.length;
  const order = topologicalOrder(n, net.pred, net.succ);
  const pos = new Int32Array(n);
  for (let o = 0; o < n; o++) pos[order[o]!] = o;
  // Each link's ends as positions, looked up once for both groupings.
  const m = net.pred.length;
  const pp = new Int32Array(m);
  const ps = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    pp[i] = pos[net.pred[i]!]!;
    ps[i] = pos[net.succ[i]!]!;
  }
  return { order, pos, into: linksBy(ps, pp, n, net), from: linksBy(pp, ps, n, net) };
}

const same = (a: ArrayLike<number> | null | undefined, b: ArrayLike<number> | null | undefined) => {
  if (!a || !b) return !a && !b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * What a critical path leaves for the next one over the same links: the topological order and
 * the links regrouped. Pass one to `criticalPath` (or `schedulePlan`) for every schedule of a
 * plan; it is reused while the network's tasks count and links (ends, types, lags, lag
 * calendars) are the same, which costs a comparison of the link arrays.
 */
export class NetworkMemo {
  private key: {
    n: number;
    pred: Int32Array;
    succ: Int32Array;
    type: Uint8Array;
    lag: Float64Array;
    lagCal: Uint16Array | null;
  } | null = null;
  private topology: Topology | null = null;

  /** @internal The network's topology, from memory when its links are the ones seen last. */
  topologyOf(net: Network): Topology {
    const k = this.key;
    const lagCal = net.calendars?.lag ?? null;
    if (
      k !== null &&
      this.topology !== null &&
      k.n === net.duration.length &&
      same(k.pred, net.pred) &&
      same(k.succ, net.succ) &&
      same(k.type, net.type) &&
      same(k.lag, net.lag) &&
      same(k.lagCal, lagCal)
    )
      return this.topology;
    this.key = null;
    const t = topologyOf(net);
    this.key = {
      n: net.duration.length,
      pred: net.pred.slice(),
      succ: net.succ.slice(),
      type: net.type.slice(),
      lag: net.lag.slice(),
      lagCal: lagCal ? lagCal.slice() : null,
    };
    this.topology = t;
    return t;
  }
}
