import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeLengthM, type Warehouse } from '../../../../../shared/engines/layout/warehouse';
import { routeOneBlock, type RoutePick } from '../../../../../shared/engines/routing/one-block';
import { route, ROUTE_METHODS } from '../../../../../shared/engines/routing/route';
import { optimalTourLength } from '../../../../fixtures/routing-reference';
import { HEAVY_PROPERTY_TIMEOUT_MS } from '../../../../fixtures/timeouts';

const instance = fc
  .record({
    aisles: fc.integer({ min: 1, max: 10 }),
    aisleLengthM: fc.integer({ min: 4, max: 30 }),
    aisleSpacingM: fc.integer({ min: 1, max: 6 }),
    depotAtBack: fc.boolean(),
  })
  .chain((w) =>
    fc.record({
      warehouse: fc.integer({ min: 0, max: w.aisles - 1 }).map((depotAisle): Warehouse => ({
        aisles: w.aisles,
        aisleLengthM: w.aisleLengthM,
        aisleSpacingM: w.aisleSpacingM,
        crossAislesM: [0, w.aisleLengthM],
        depot: { aisle: depotAisle, positionM: w.depotAtBack ? w.aisleLengthM : 0 },
      })),
      picks: fc.array(
        fc.record({
          aisle: fc.integer({ min: 0, max: w.aisles - 1 }),
          positionM: fc.double({ min: 0, max: w.aisleLengthM, noNaN: true }),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    }),
  );

const withIds = (picks: { aisle: number; positionM: number }[]): RoutePick[] =>
  picks.map((p, i) => ({ ...p, id: `p${i}` }));

describe('the exact one-block router', { timeout: HEAVY_PROPERTY_TIMEOUT_MS }, () => {
  it('finds the optimal tour: its length equals Held–Karp on the explicit aisle graph, on thousands of random instances', () => {
    fc.assert(
      fc.property(instance, ({ warehouse, picks }) => {
        const route = routeOneBlock(warehouse, withIds(picks));
        expect(route.lengthM).toBeCloseTo(optimalTourLength(warehouse, picks), 6);
      }),
      { numRuns: 2000, seed: 4780 },
    );
  });

  it('visits every pick once, starting and ending at the depot, and its order walks as long as it says', () => {
    fc.assert(
      fc.property(instance, ({ warehouse, picks }) => {
        const tasks = withIds(picks);
        const route = routeOneBlock(warehouse, tasks);
        expect([...route.order].sort()).toEqual(tasks.map((t) => t.id).sort());
        const byId = new Map(tasks.map((t) => [t.id, t]));
        // Walking the order by shortest paths is never longer than the tour the DP built.
        expect(
          routeLengthM(
            warehouse,
            route.order.map((id) => byId.get(id)!),
          ),
        ).toBeLessThanOrEqual(route.lengthM + 1e-6);
      }),
      { numRuns: 1000, seed: 4781 },
    );
  });

  it('routes the example of docs/planning.md', () => {
    const w: Warehouse = {
      aisles: 10,
      aisleLengthM: 30,
      aisleSpacingM: 3,
      crossAislesM: [0, 30],
      depot: { aisle: 0, positionM: 0 },
    };
    expect(routeOneBlock(w, [{ id: 'p1', aisle: 3, positionM: 12.5 }])).toEqual({
      order: ['p1'],
      lengthM: 43,
    });
    expect(routeOneBlock(w, [])).toEqual({ order: [], lengthM: 0 });
  });
});

describe('the baselines', { timeout: HEAVY_PROPERTY_TIMEOUT_MS }, () => {
  it('visit every pick once and are never shorter than the optimum', () => {
    fc.assert(
      fc.property(instance, ({ warehouse, picks }) => {
        const tasks = withIds(picks);
        const best = routeOneBlock(warehouse, tasks).lengthM;
        for (const method of ROUTE_METHODS) {
          const r = route(warehouse, tasks, method);
          if (!r.ok) throw new Error(r.reason);
          expect([...r.value.order].sort(), method).toEqual(tasks.map((t) => t.id).sort());
          expect(r.value.lengthM, method).toBeGreaterThanOrEqual(best - 1e-6);
        }
      }),
      { numRuns: 500, seed: 4782 },
    );
  });
});
