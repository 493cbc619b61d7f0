// Route quality on the standard setting: 10 aisles of 30 m (bays every metre), the depot at the
// front of the leftmost aisle; 1,000 seeded random tours for each number of picks. Each method's
// average length as a ratio to a baseline over the same tours:
// - one block (a front and a back cross aisle): the optimum, from the exact one-block router;
// - two blocks (cross aisles at 0, 15, 30) and three (0, 10, 20, 30): up to 12 picks the optimum,
//   by Held–Karp in the test reference (independent of the engine); beyond, no optimum is at hand,
//   so the best baseline's average. `heuristic` is what `optimal` does past 12 picks (the best
//   improved heuristic), measured where the optimum is known.
import type { Warehouse } from '../../shared/engines/layout/warehouse';
import { EXACT_UP_TO, routeSeveralBlocksHeuristic } from '../../shared/engines/routing/multi-block';
import type { RoutePick } from '../../shared/engines/routing/one-block';
import { route, ROUTE_METHODS, type RouteMethod } from '../../shared/engines/routing/route';
import { seededRng } from '../../shared/random';
import { optimalTourLength } from '../fixtures/routing-reference';
import type { Bench, BenchGroup, Figure } from './harness';

const warehouse = (crossAislesM: number[]): Warehouse => ({
  aisles: 10,
  aisleLengthM: 30,
  aisleSpacingM: 3,
  crossAislesM,
  depot: { aisle: 0, positionM: 0 },
});
const TOURS = 1000;
const SIZES = [5, 10, 20, 30, 60];

const tours = (size: number): RoutePick[][] => {
  const rng = seededRng(size);
  return Array.from({ length: TOURS }, () =>
    Array.from({ length: size }, (_, i) => ({
      id: `p${i}`,
      aisle: Math.floor(rng() * 10),
      positionM: 0.5 + Math.floor(rng() * 30),
    })),
  );
};

// Average length per method over the same tours.
const averages = (w: Warehouse, all: RoutePick[][]): Map<RouteMethod, number> => {
  const totals = new Map<RouteMethod, number>(ROUTE_METHODS.map((m) => [m, 0]));
  for (const picks of all) {
    for (const method of ROUTE_METHODS) {
      const r = route(w, picks, method);
      if (!r.ok) throw new Error(r.reason);
      totals.set(method, totals.get(method)! + r.value.lengthM);
    }
  }
  return new Map([...totals].map(([m, total]) => [m, total / all.length]));
};

// Figure names: `optimal.10` on one block, as before; `two-block.optimal.10` and so on beyond.
const oneBlock = (size: number): Bench => ({
  name: `one-block.${size}`,
  run: async () => {
    const means = averages(warehouse([0, 30]), tours(size));
    return ROUTE_METHODS.map((m): Figure => ({
      name: `${m}.${size}`,
      value: means.get(m)!,
      unit: 'm per tour',
      baseline: means.get('optimal')!,
    }));
  },
});

const severalBlocks = (name: string, crossAislesM: number[], size: number): Bench => ({
  name: `${name}.${size}`,
  run: async () => {
    const w = warehouse(crossAislesM);
    const all = tours(size);
    const means = averages(w, all);
    const figure = (method: string, value: number, baseline: number): Figure => ({
      name: `${name}.${method}.${size}`,
      value,
      unit: 'm per tour',
      baseline,
    });
    if (size > EXACT_UP_TO) {
      const best = Math.min(
        ...ROUTE_METHODS.filter((m) => m !== 'optimal').map((m) => means.get(m)!),
      );
      return ROUTE_METHODS.map((m) => figure(m, means.get(m)!, best));
    }
    let optimum = 0;
    let heuristic = 0;
    for (const picks of all) {
      optimum += optimalTourLength(w, picks) / all.length;
      heuristic += routeSeveralBlocksHeuristic(w, picks).lengthM / all.length;
    }
    return [
      ...ROUTE_METHODS.map((m) => figure(m, means.get(m)!, optimum)),
      figure('heuristic', heuristic, optimum),
    ];
  },
});

const group: BenchGroup = {
  group: 'route',
  benches: [
    ...SIZES.map(oneBlock),
    ...SIZES.map((size) => severalBlocks('two-block', [0, 15, 30], size)),
    ...SIZES.map((size) => severalBlocks('three-block', [0, 10, 20, 30], size)),
  ],
};

export default group;
