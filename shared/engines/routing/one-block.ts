import type { Point, Warehouse } from '../layout/warehouse';

// The exact shortest tour for a one-block warehouse (a front and a back cross aisle), after
// Ratliff and Rosenthal (1983): a dynamic program over the aisles, left to right, whose state is
// what the rest of the tour needs to know about the part built so far — the degree parity of the
// two frontier corners (front a, back b) and whether they are already connected. Linear in the
// number of aisles. The tour is then read off the chosen edges as an Euler circuit from the depot.
export interface RoutePick extends Point {
  id: string;
}

type Parity = 0 | 1 | 2; // no edge, odd degree, even degree > 0
interface Vertical {
  name: 'none' | 'through' | 'twice' | 'front' | 'back' | 'gap';
  dA: number;
  dB: number;
  connects: boolean;
  cost: number;
  gapAfter?: number; // for 'gap': the index of the last pick reached from the front
}
interface State {
  pa: Parity;
  pb: Parity;
  conn: boolean;
  depot: boolean;
}
interface Entry {
  cost: number;
  prev: string | null;
  f: number;
  k: number;
  v: Vertical;
}

const key = (s: State) => `${s.pa}${s.pb}${s.conn ? 1 : 0}${s.depot ? 1 : 0}`;
const parse = (k: string): State => ({
  pa: Number(k[0]) as Parity,
  pb: Number(k[1]) as Parity,
  conn: k[2] === '1',
  depot: k[3] === '1',
});
const add = (p: Parity, d: number): Parity => {
  const odd = p === 1 ? 1 : 0;
  if (p === 0 && d === 0) return 0;
  return (odd + d) % 2 === 1 ? 1 : 2;
};

// The parity horizontal edges from the previous aisle give a corner: none, one (odd), two (even).
const incoming = (copies: number): Parity => (copies === 0 ? 0 : copies === 1 ? 1 : 2);

const verticals = (positions: readonly number[], length: number): Vertical[] => {
  if (positions.length === 0) {
    return [
      { name: 'none', dA: 0, dB: 0, connects: false, cost: 0 },
      { name: 'through', dA: 1, dB: 1, connects: true, cost: length },
      { name: 'twice', dA: 2, dB: 2, connects: true, cost: 2 * length },
    ];
  }
  const first = positions[0]!;
  const last = positions[positions.length - 1]!;
  const options: Vertical[] = [
    { name: 'through', dA: 1, dB: 1, connects: true, cost: length },
    { name: 'twice', dA: 2, dB: 2, connects: true, cost: 2 * length },
    { name: 'front', dA: 2, dB: 0, connects: false, cost: 2 * last },
    { name: 'back', dA: 0, dB: 2, connects: false, cost: 2 * (length - first) },
  ];
  let gapAt = -1;
  let widest = -1;
  for (let i = 0; i + 1 < positions.length; i++) {
    const gap = positions[i + 1]! - positions[i]!;
    if (gap > widest) [widest, gapAt] = [gap, i];
  }
  if (gapAt >= 0)
    options.push({
      name: 'gap',
      dA: 2,
      dB: 2,
      connects: false,
      cost: 2 * (length - widest),
      gapAfter: gapAt,
    });
  return options;
};

export const routeOneBlock = (
  w: Warehouse,
  picks: readonly RoutePick[],
): { order: string[]; lengthM: number } => {
  if (w.crossAislesM.length !== 2) throw new Error('routeOneBlock needs a one-block warehouse');
  if (picks.length === 0) return { order: [], lengthM: 0 };
  const L = w.aisleLengthM;
  // A depot on the back cross aisle is the mirror image of one on the front.
  const mirrored = w.depot.positionM === L;
  const pos = (p: Point) => (mirrored ? L - p.positionM : p.positionM);
  const byAisle = new Map<number, RoutePick[]>();
  for (const p of picks) byAisle.set(p.aisle, [...(byAisle.get(p.aisle) ?? []), p]);
  for (const list of byAisle.values())
    list.sort((x, y) => pos(x) - pos(y) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const d = w.depot.aisle;
  const lo = Math.min(d, ...picks.map((p) => p.aisle));
  const hi = Math.max(d, ...picks.map((p) => p.aisle));
  const s = w.aisleSpacingM;

  // layers[j - lo]: state key -> best entry after aisle j's vertical edges.
  const layers: Map<string, Entry>[] = [];
  let frontier = new Map<string, Entry>([
    [
      key({ pa: 0, pb: 0, conn: false, depot: false }),
      { cost: 0, prev: null, f: 0, k: 0, v: verticals([], L)[0]! },
    ],
  ]);
  for (let j = lo; j <= hi; j++) {
    const next = new Map<string, Entry>();
    const options = verticals((byAisle.get(j) ?? []).map(pos), L);
    for (const [prevKey, entry] of frontier) {
      const st = parse(prevKey);
      for (let f = 0; f <= 2; f++) {
        for (let k = 0; k <= 2; k++) {
          if (j === lo && (f > 0 || k > 0)) continue;
          if (j > lo) {
            // The corners of aisle j - 1 are final now: even degree, and nothing left behind.
            if (((st.pa === 1 ? 1 : 0) + f) % 2 === 1) continue;
            if (((st.pb === 1 ? 1 : 0) + k) % 2 === 1) continue;
            if (st.pa > 0 && st.pb > 0 && st.conn && f === 0 && k === 0) continue;
            if (st.pa > 0 && !(st.pb > 0 && st.conn) && f === 0) continue;
            if (st.pb > 0 && !(st.pa > 0 && st.conn) && k === 0) continue;
            if (j - 1 === d && !(st.pa > 0 || f > 0)) continue;
          }
          const depotSeen = st.depot || (j - 1 === d && (st.pa > 0 || f > 0));
          const sameIncoming = f > 0 && k > 0 && st.pa > 0 && st.pb > 0 && st.conn;
          for (const v of options) {
            const pa = add(incoming(f), v.dA);
            const pb = add(incoming(k), v.dB);
            const conn = pa > 0 && pb > 0 && (v.connects || sameIncoming);
            const state: State = { pa, pb, conn, depot: depotSeen };
            const cost = entry.cost + (f + k) * s + v.cost;
            const at = key(state);
            const best = next.get(at);
            if (!best || cost < best.cost - 1e-12) next.set(at, { cost, prev: prevKey, f, k, v });
          }
        }
      }
    }
    layers.push(next);
    frontier = next;
  }

  // A finished tour at the last aisle: even corners, one piece, the depot on it.
  let bestKey: string | null = null;
  let bestCost = Infinity;
  for (const [k, e] of frontier) {
    const st = parse(k);
    if (st.pa === 1 || st.pb === 1) continue;
    if (st.pa > 0 && st.pb > 0 && !st.conn) continue;
    if (!(st.depot || (hi === d && st.pa > 0))) continue;
    if (st.pa === 0 && st.pb === 0) continue;
    if (e.cost < bestCost) [bestCost, bestKey] = [e.cost, k];
  }
  if (bestKey === null) throw new Error('no tour found: a bug in the router');

  // Read the chosen edges back, aisle by aisle.
  type Edge = { to: string; id: number };
  const graph = new Map<string, Edge[]>();
  let edgeId = 0;
  const link = (x: string, y: string, times: number) => {
    for (let t = 0; t < times; t++) {
      const id = edgeId++;
      graph.set(x, [...(graph.get(x) ?? []), { to: y, id }]);
      graph.set(y, [...(graph.get(y) ?? []), { to: x, id }]);
    }
  };
  let cursor: string | null = bestKey;
  for (let j = hi; j >= lo; j--) {
    const e: Entry = layers[j - lo]!.get(cursor!)!;
    const aisle = byAisle.get(j) ?? [];
    const chain = (from: string, nodes: string[], times: number) => {
      let at = from;
      for (const n of nodes) {
        link(at, n, times);
        at = n;
      }
      return at;
    };
    const ids = aisle.map((p) => `p:${p.id}`);
    if (e.v.name === 'through' || e.v.name === 'twice') {
      const end = chain(`a${j}`, ids, e.v.name === 'twice' ? 2 : 1);
      link(end, `b${j}`, e.v.name === 'twice' ? 2 : 1);
    } else if (e.v.name === 'front') chain(`a${j}`, ids, 2);
    else if (e.v.name === 'back') chain(`b${j}`, [...ids].reverse(), 2);
    else if (e.v.name === 'gap') {
      chain(`a${j}`, ids.slice(0, e.v.gapAfter! + 1), 2);
      chain(`b${j}`, ids.slice(e.v.gapAfter! + 1).reverse(), 2);
    }
    if (j > lo) {
      link(`a${j - 1}`, `a${j}`, e.f);
      link(`b${j - 1}`, `b${j}`, e.k);
    }
    cursor = e.prev;
  }

  // Hierholzer from the depot; the order is each pick's first visit.
  const used = new Set<number>();
  const stack = [`a${d}`];
  const circuit: string[] = [];
  const next = new Map<string, number>();
  while (stack.length) {
    const v = stack[stack.length - 1]!;
    const edges = graph.get(v) ?? [];
    let i = next.get(v) ?? 0;
    while (i < edges.length && used.has(edges[i]!.id)) i++;
    next.set(v, i);
    if (i === edges.length) circuit.push(stack.pop()!);
    else {
      used.add(edges[i]!.id);
      stack.push(edges[i]!.to);
    }
  }
  const seen = new Set<string>();
  const order: string[] = [];
  for (const n of circuit.reverse()) {
    if (n.startsWith('p:') && !seen.has(n)) {
      seen.add(n);
      order.push(n.slice(2));
    }
  }
  return { order, lengthM: bestCost };
};
