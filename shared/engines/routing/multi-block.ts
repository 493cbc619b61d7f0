import { routeLengthM, type Warehouse } from '../layout/warehouse';
import { byId } from './blocks';
import { combinedRoute } from './combined';
import { heldKarp } from './held-karp';
import {
  largestGapBlocksRoute,
  midpointBlocksRoute,
  returnBlocksRoute,
  sShapeBlocksRoute,
} from './multi-block-baselines';
import { routeOneBlock, type RoutePick } from './one-block';
import { improveTour } from './tour-improvement';
import { tourMatrix } from './tour-matrix';

// The `optimal` method on several blocks. No exact method as fast as the one-block dynamic
// program is built here, so: Held–Karp, exact, up to EXACT_UP_TO picks; beyond, the shortest of
// the STARTS below, each improved by 2-opt and or-opt. Every candidate is measured by walking it,
// and the unimproved starts stay in the running, so no baseline can come out shorter.
export const EXACT_UP_TO = 12;
// The distance matrix and the local search grow with the square of the picks (measured: 0.2 s
// for 300 picks, 3 s for 1,000); past this the starts are taken as they are.
export const IMPROVE_UP_TO = 300;

type Routed = { order: string[]; lengthM: number };

// The exact one-block tour with the middle cross aisles ignored (and the depot moved to the nearer
// end): walked with them it can only get shorter, and it often holds the shape the best tour has
// (up one aisle, down another) that block-by-block heuristics cannot make.
const ignoringMiddleCrossAisles = (w: Warehouse, picks: readonly RoutePick[]): string[] => {
  const L = w.aisleLengthM;
  const depot = { aisle: w.depot.aisle, positionM: w.depot.positionM <= L / 2 ? 0 : L };
  return routeOneBlock({ ...w, crossAislesM: [0, L], depot }, picks).order;
};

const STARTS: ((w: Warehouse, picks: readonly RoutePick[]) => string[])[] = [
  ignoringMiddleCrossAisles,
  (w, picks) => combinedRoute(w, picks, true),
  (w, picks) => combinedRoute(w, picks, false),
  largestGapBlocksRoute,
  sShapeBlocksRoute,
  midpointBlocksRoute,
  returnBlocksRoute,
];

// The best improved heuristic route, ignoring EXACT_UP_TO: what `optimal` gives for larger tours,
// exported so tests and the bench can measure it against the optimum on small ones.
export const routeSeveralBlocksHeuristic = (w: Warehouse, picks: readonly RoutePick[]): Routed =>
  shortest(w, candidates(w, picks, false));

export const routeSeveralBlocks = (w: Warehouse, picks: readonly RoutePick[]): Routed =>
  shortest(w, candidates(w, picks, picks.length <= EXACT_UP_TO));

const candidates = (w: Warehouse, unsorted: readonly RoutePick[], exact: boolean) => {
  // Sorted by id, so that Held–Karp, which keeps the first of equal tours, breaks ties by id.
  const picks = [...unsorted].sort(byId);
  const byIdMap = new Map(picks.map((p) => [p.id, p]));
  const starts = STARTS.map((start) => start(w, picks).map((id) => byIdMap.get(id)!));
  if (picks.length > IMPROVE_UP_TO) return starts;
  const matrix = tourMatrix(w, picks);
  const index = new Map(picks.map((p, i) => [p.id, i + 1]));
  const toPicks = (order: number[]) => order.map((i) => picks[i - 1]!);
  const toIndices = (order: RoutePick[]) => order.map((p) => index.get(p.id)!);
  const improved = starts.map((s) => toPicks(improveTour(matrix, toIndices(s))));
  return [...(exact ? [toPicks(heldKarp(matrix))] : []), ...improved, ...starts];
};

// Measured the way every route is reported; the first of equal lengths wins.
const shortest = (w: Warehouse, orders: RoutePick[][]): Routed => {
  let best: Routed | null = null;
  for (const order of orders) {
    const lengthM = routeLengthM(w, order);
    if (!best || lengthM < best.lengthM) best = { order: order.map((p) => p.id), lengthM };
  }
  return best!;
};
