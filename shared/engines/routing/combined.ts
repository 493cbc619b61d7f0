import { distanceM, type Point, type Warehouse } from '../layout/warehouse';
import { blocksFromTheBack, orientedFromDepot, subaislesOf, upTheLeftAisle } from './blocks';
import type { RoutePick } from './one-block';

// The combined heuristic for several blocks (Roodbergen and De Koster 2001), as a visiting order:
// optionally up the leftmost aisle with picks first, then block by block from the farthest back
// towards the depot; in each block its subaisles with picks in aisle order, left to right or right
// to left. Where the paper chooses per subaisle between traversing it and returning, a visiting
// order only needs a direction (up or down): the walk from one pick to the next is always a
// shortest path, which also gives the combined+ refinement of leaving a block by whichever aisle
// is shortest. A dynamic program chooses every direction, and each block's sweep, for the shortest
// order, scoring each step with distanceM.
interface Step {
  costM: number;
  at: Point;
  prev: Step | null;
  picks: readonly RoutePick[];
}

export const combinedRoute = (
  warehouse: Warehouse,
  picks: readonly RoutePick[],
  leftAisleFirst: boolean,
): string[] => {
  const { w, picks: oriented } = orientedFromDepot(warehouse, picks);
  const all = subaislesOf(w, oriented);
  const { first, rest } = leftAisleFirst ? upTheLeftAisle(w, all) : { first: [], rest: all };
  let start: Step = { costM: 0, at: w.depot, prev: null, picks: [] };
  if (first.length)
    start = {
      costM: distanceM(w, w.depot, first[0]!) + distanceM(w, first[0]!, first[first.length - 1]!),
      at: first[first.length - 1]!,
      prev: null,
      picks: first,
    };
  let states: Step[] = [start];
  for (const block of blocksFromTheBack(rest)) {
    // One state per (sweep, direction of its last subaisle): all the next block needs to know.
    const next: Step[] = [];
    for (const sweep of [block, [...block].reverse()]) {
      const ends: (Step | null)[] = [null, null];
      for (const from of states) {
        let last: Step[] = [from];
        sweep.forEach((s) => {
          const up = s.picks;
          const down = [...s.picks].reverse();
          last = [up, down].map((list) => {
            let best: Step | null = null;
            for (const prev of last) {
              const costM =
                prev.costM +
                distanceM(w, prev.at, list[0]!) +
                distanceM(w, list[0]!, list[list.length - 1]!);
              if (!best || costM < best.costM)
                best = { costM, at: list[list.length - 1]!, prev, picks: list };
            }
            return best!;
          });
        });
        last.forEach((step, dir) => {
          if (!ends[dir] || step.costM < ends[dir].costM) ends[dir] = step;
        });
      }
      next.push(...ends.filter((s): s is Step => s !== null));
    }
    states = next;
  }
  let best = states[0]!;
  for (const s of states)
    if (s.costM + distanceM(w, s.at, w.depot) < best.costM + distanceM(w, best.at, w.depot))
      best = s;
  const chain: (readonly RoutePick[])[] = [];
  for (let s: Step | null = best; s; s = s.prev) chain.push(s.picks);
  return chain.reverse().flatMap((list) => list.map((p) => p.id));
};
