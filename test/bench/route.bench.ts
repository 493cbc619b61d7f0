// Route quality on the standard setting: 10 aisles of 30 m (bays every metre), a front and a back
// cross aisle, the depot at the front of the leftmost aisle; 1,000 seeded random tours for each
// number of picks. Each method's average length as a ratio to the optimum (the exact one-block
// router) over the same tours.
import type { Warehouse } from '../../shared/engines/layout/warehouse';
import type { RoutePick } from '../../shared/engines/routing/one-block';
import { route, ROUTE_METHODS } from '../../shared/engines/routing/route';
import { seededRng } from '../../shared/random';
import type { BenchGroup, Figure } from './harness';

const WAREHOUSE: Warehouse = {
  aisles: 10,
  aisleLengthM: 30,
  aisleSpacingM: 3,
  crossAislesM: [0, 30],
  depot: { aisle: 0, positionM: 0 },
};
const TOURS = 1000;

const group: BenchGroup = {
  group: 'route',
  benches: [5, 10, 20, 30, 60].map((size) => ({
    name: `one-block.${size}`,
    run: async () => {
      const rng = seededRng(size);
      const totals = new Map<string, number>(ROUTE_METHODS.map((m) => [m, 0]));
      for (let t = 0; t < TOURS; t++) {
        const picks: RoutePick[] = Array.from({ length: size }, (_, i) => ({
          id: `p${i}`,
          aisle: Math.floor(rng() * 10),
          positionM: 0.5 + Math.floor(rng() * 30),
        }));
        for (const method of ROUTE_METHODS) {
          const r = route(WAREHOUSE, picks, method);
          if (!r.ok) throw new Error(r.reason);
          totals.set(method, totals.get(method)! + r.value.lengthM);
        }
      }
      const optimal = totals.get('optimal')! / TOURS;
      return ROUTE_METHODS.map((m): Figure => ({
        name: `${m}.${size}`,
        value: totals.get(m)! / TOURS,
        unit: 'm per tour',
        baseline: optimal,
      }));
    },
  })),
};

export default group;
