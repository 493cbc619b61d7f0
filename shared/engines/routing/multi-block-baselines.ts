import type { Warehouse } from '../layout/warehouse';
import {
  blocksFromTheBack,
  orientedFromDepot,
  subaislesOf,
  upTheLeftAisle,
  type Subaisle,
} from './blocks';
import type { RoutePick } from './one-block';

// The baselines on several blocks, as visiting orders measured by walking them along shortest
// paths (route.ts), like their one-block forms in baselines.ts.

// S-shape (Roodbergen and De Koster 2001): up the leftmost aisle with picks to the farthest block;
// there, its subaisles left to right, alternately up and down; then each block nearer the depot
// from whichever end is nearer, alternately down and up.
export const sShapeBlocksRoute = (warehouse: Warehouse, picks: readonly RoutePick[]): string[] => {
  const { w, picks: oriented } = orientedFromDepot(warehouse, picks);
  const { first, rest } = upTheLeftAisle(w, subaislesOf(w, oriented));
  const order = [...first];
  let aisle = first[0]?.aisle ?? w.depot.aisle;
  blocksFromTheBack(rest).forEach((block, b) => {
    const sweep = b > 0 && nearerFromRight(block, aisle) ? [...block].reverse() : block;
    sweep.forEach((s, i) => {
      const up = (i + (b === 0 ? 0 : 1)) % 2 === 0;
      order.push(...(up ? s.picks : [...s.picks].reverse()));
      aisle = s.aisle;
    });
  });
  return order.map((p) => p.id);
};

const nearerFromRight = (sweep: readonly Subaisle[], aisle: number) =>
  Math.abs(sweep[sweep.length - 1]!.aisle - aisle) < Math.abs(sweep[0]!.aisle - aisle);

// Return, midpoint and largest gap split each subaisle into a lower part, reached from the cross
// aisle below it, and an upper part, reached from the cross aisle above. The picker sweeps the
// cross aisles from the back to the front, alternating direction and starting from whichever end
// is nearer; along each it takes the lower parts of the block above and the upper parts of the
// block below, aisle by aisle, each walked out from the cross aisle.
type Split = (s: Subaisle, frontM: number, backM: number) => number; // picks in the lower part

const sweepRoute = (warehouse: Warehouse, picks: readonly RoutePick[], split: Split): string[] => {
  const { w, picks: oriented } = orientedFromDepot(warehouse, picks);
  const c = w.crossAislesM;
  // along[i]: per aisle, the picks taken from cross aisle i.
  const along = c.map(() => new Map<number, RoutePick[]>());
  for (const s of subaislesOf(w, oriented)) {
    const cut = split(s, c[s.block]!, c[s.block + 1]!);
    const take = (i: number, list: RoutePick[]) =>
      along[i]!.set(s.aisle, [...(along[i]!.get(s.aisle) ?? []), ...list]);
    // Blocks come in from the front, so at each aisle's stop on a cross aisle the picker goes
    // down into the block below first, then up into the block above.
    take(s.block, s.picks.slice(0, cut));
    take(s.block + 1, s.picks.slice(cut).reverse());
  }
  const order: RoutePick[] = [];
  let aisle = w.depot.aisle;
  for (let i = c.length - 1; i >= 0; i--) {
    const stops = [...along[i]!.entries()].filter(([, l]) => l.length).sort(([a], [b]) => a - b);
    if (!stops.length) continue;
    const leftEnd = stops[0]![0];
    const rightEnd = stops[stops.length - 1]![0];
    if (Math.abs(rightEnd - aisle) < Math.abs(leftEnd - aisle)) stops.reverse();
    for (const [, list] of stops) order.push(...list);
    aisle = stops[stops.length - 1]![0];
  }
  return order.map((p) => p.id);
};

// Return: every subaisle from the cross aisle in front of it, in and back out.
export const returnBlocksRoute = (w: Warehouse, picks: readonly RoutePick[]): string[] =>
  sweepRoute(w, picks, (s) => s.picks.length);

// Midpoint: the front half of each subaisle from the front, the back half from the back.
export const midpointBlocksRoute = (w: Warehouse, picks: readonly RoutePick[]): string[] =>
  sweepRoute(
    w,
    picks,
    (s, frontM, backM) => s.picks.filter((p) => p.positionM <= (frontM + backM) / 2).length,
  );

// Largest gap (Roodbergen and De Koster 2001): each subaisle is split at its widest gap, between
// picks or to either cross aisle, so the longest stretch is never walked.
export const largestGapBlocksRoute = (w: Warehouse, picks: readonly RoutePick[]): string[] =>
  sweepRoute(w, picks, (s, frontM, backM) => {
    const stops = [frontM, ...s.picks.map((p) => p.positionM), backM];
    let cut = 0;
    let widest = -1;
    for (let i = 0; i + 1 < stops.length; i++)
      if (stops[i + 1]! - stops[i]! > widest) [widest, cut] = [stops[i + 1]! - stops[i]!, i];
    return cut;
  });
