import type { Warehouse } from '../layout/warehouse';
import type { RoutePick } from './one-block';

// A warehouse of several blocks as the multi-block heuristics see it: the subaisles (one aisle
// within one block) that hold picks. Block b runs from cross aisle b to cross aisle b + 1.
export interface Subaisle {
  aisle: number;
  block: number;
  picks: RoutePick[]; // from the front of the block to its back, ties by id
}

export const byId = (a: RoutePick, b: RoutePick) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byPosition = (a: RoutePick, b: RoutePick) => a.positionM - b.positionM || byId(a, b);

// A pick standing on a middle cross aisle belongs to the block below it: either is as near.
export const blockOf = (w: Warehouse, positionM: number): number => {
  let block = 0;
  for (let b = 1; b < w.crossAislesM.length - 1; b++) if (positionM > w.crossAislesM[b]!) block = b;
  return block;
};

// The heuristics build from the depot's side outwards, so when the depot stands nearer the back,
// positions are mirrored: the farthest block is then always the highest. A visiting order walks
// the same in both pictures, so the ids it lists need no mapping back.
export const orientedFromDepot = (
  w: Warehouse,
  picks: readonly RoutePick[],
): { w: Warehouse; picks: RoutePick[] } => {
  const L = w.aisleLengthM;
  if (w.depot.positionM <= L / 2) return { w, picks: [...picks] };
  return {
    w: {
      ...w,
      crossAislesM: w.crossAislesM.map((c) => L - c).reverse(),
      depot: { aisle: w.depot.aisle, positionM: L - w.depot.positionM },
    },
    picks: picks.map((p) => ({ ...p, positionM: L - p.positionM })),
  };
};

// Subaisles with picks, by block, then aisle.
export const subaislesOf = (w: Warehouse, picks: readonly RoutePick[]): Subaisle[] => {
  const map = new Map<string, Subaisle>();
  for (const p of picks) {
    const block = blockOf(w, p.positionM);
    const k = `${block}:${p.aisle}`;
    const s = map.get(k) ?? { aisle: p.aisle, block, picks: [] };
    s.picks.push(p);
    map.set(k, s);
  }
  return [...map.values()]
    .map((s) => ({ ...s, picks: s.picks.sort(byPosition) }))
    .sort((a, b) => a.block - b.block || a.aisle - b.aisle);
};

// The literature's opening move (Roodbergen and De Koster 2001): walk up the leftmost aisle with
// picks to the farthest block, taking that aisle's picks on the way. Returns them in walking
// order and the subaisles left for the blocks. With the depot on a middle cross aisle, the
// subaisles in front of it are not on the way up and wait for their block.
export const upTheLeftAisle = (
  w: Warehouse,
  subaisles: readonly Subaisle[],
): { first: RoutePick[]; rest: Subaisle[] } => {
  if (subaisles.length === 0) return { first: [], rest: [] };
  const farthest = Math.max(...subaisles.map((s) => s.block));
  const left = Math.min(...subaisles.map((s) => s.aisle));
  const onTheWay = (s: Subaisle) =>
    s.aisle === left && s.block < farthest && w.crossAislesM[s.block]! >= w.depot.positionM;
  return {
    first: subaisles.filter(onTheWay).flatMap((s) => s.picks),
    rest: subaisles.filter((s) => !onTheWay(s)),
  };
};

// Subaisles grouped by block, from the farthest block back to the front.
export const blocksFromTheBack = (subaisles: readonly Subaisle[]): Subaisle[][] => {
  const blocks = new Map<number, Subaisle[]>();
  for (const s of subaisles) blocks.set(s.block, [...(blocks.get(s.block) ?? []), s]);
  return [...blocks.entries()].sort(([a], [b]) => b - a).map(([, list]) => list);
};
