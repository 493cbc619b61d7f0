import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkWarehouse,
  distanceM,
  routeLengthM,
  warehouseFrom,
  type Warehouse,
} from '../../../../shared/engines/layout/warehouse';
import { optimalTourLength, shortestPaths } from '../../../fixtures/routing-reference';
import { HEAVY_PROPERTY_TIMEOUT_MS } from '../../../fixtures/timeouts';

const warehouseArb = fc
  .record({
    aisles: fc.integer({ min: 1, max: 8 }),
    aisleLengthM: fc.integer({ min: 5, max: 40 }),
    aisleSpacingM: fc.integer({ min: 1, max: 5 }),
    blocks: fc.integer({ min: 1, max: 3 }),
  })
  .chain((w) =>
    fc.record({
      warehouse: fc.constant<Warehouse>({
        aisles: w.aisles,
        aisleLengthM: w.aisleLengthM,
        aisleSpacingM: w.aisleSpacingM,
        crossAislesM: Array.from(
          { length: w.blocks + 1 },
          (_, i) => (i * w.aisleLengthM) / w.blocks,
        ),
        depot: { aisle: 0, positionM: 0 },
      }),
      points: fc.array(
        fc.record({
          aisle: fc.integer({ min: 0, max: w.aisles - 1 }),
          positionM: fc.integer({ min: 0, max: w.aisleLengthM }),
        }),
        { minLength: 2, maxLength: 6 },
      ),
    }),
  );

describe('the warehouse model', { timeout: HEAVY_PROPERTY_TIMEOUT_MS }, () => {
  it('measures walking distance as the shortest path on the explicit aisle graph', () => {
    fc.assert(
      fc.property(warehouseArb, ({ warehouse, points }) => {
        const reference = shortestPaths(warehouse, points);
        points.forEach((p, i) =>
          points.forEach((q, j) =>
            expect(distanceM(warehouse, p, q)).toBeCloseTo(reference[i]![j]!, 9),
          ),
        );
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('no route through the picks is shorter than the optimal tour (Held–Karp on the explicit graph)', () => {
    fc.assert(
      fc.property(warehouseArb, ({ warehouse, points }) => {
        expect(routeLengthM(warehouse, points)).toBeGreaterThanOrEqual(
          optimalTourLength(warehouse, points) - 1e-9,
        );
      }),
      { numRuns: 200, seed: 12 },
    );
  });

  it('measures a known walk: across two aisles by the front', () => {
    const w: Warehouse = {
      aisles: 10,
      aisleLengthM: 30,
      aisleSpacingM: 3,
      crossAislesM: [0, 30],
      depot: { aisle: 0, positionM: 0 },
    };
    expect(distanceM(w, { aisle: 1, positionM: 4 }, { aisle: 3, positionM: 5 })).toBe(4 + 6 + 5);
    expect(distanceM(w, { aisle: 1, positionM: 26 }, { aisle: 3, positionM: 29 })).toBe(4 + 6 + 1);
    expect(routeLengthM(w, [{ aisle: 3, positionM: 12.5 }])).toBe(2 * (9 + 12.5));
  });

  it('refuses a contradictory layout, naming what is wrong', () => {
    const base: Warehouse = {
      aisles: 10,
      aisleLengthM: 30,
      aisleSpacingM: 3,
      crossAislesM: [0, 30],
      depot: { aisle: 0, positionM: 0 },
    };
    expect(checkWarehouse(base)).toBeNull();
    expect(checkWarehouse({ ...base, crossAislesM: [0, 20] })).toBe(
      'crossAisles: [0, 20] must start at 0 (the front) and end at the aisle length 30 (the back)',
    );
    expect(checkWarehouse({ ...base, depot: { aisle: 12, positionM: 0 } })).toBe(
      'depot.aisle: 12 is not an aisle (0 to 9)',
    );
    expect(checkWarehouse({ ...base, depot: { aisle: 0, positionM: 7 } })).toBe(
      'depot.position: 7 is not on a cross aisle',
    );
  });

  it('builds from the synced layout and refuses locations outside it by name', () => {
    const layout = {
      id: 'main',
      name: 'M',
      aisleCount: 2,
      aisleLengthM: 20,
      aisleSpacingM: 3,
      crossAislesM: [0, 20],
      depotAisle: 1,
      depotCrossAisleM: 0,
    };
    const loc = (code: string, aisle: number, positionM: number) => ({
      id: code,
      code,
      zone: 'A',
      aisle,
      positionM,
      level: 0,
      side: 'left' as const,
      countRequired: false,
    });
    const built = warehouseFrom(layout, [loc('A1', 1, 2), loc('B1', 2, 19)]);
    expect(built.ok && [...built.value.points.entries()]).toEqual([
      ['A1', { aisle: 0, positionM: 2 }],
      ['B1', { aisle: 1, positionM: 19 }],
    ]);
    expect(warehouseFrom(layout, [loc('A1', 1, 2), loc('X9', 3, 2), loc('Y1', 1, 25)])).toEqual({
      ok: false,
      reason:
        'layout main: 2 locations outside it: X9 (aisle 3 of 2); Y1 (at 25 m of a 20 m aisle)',
    });
  });
});
