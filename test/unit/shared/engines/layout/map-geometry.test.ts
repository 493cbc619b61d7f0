import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  pathLengthM,
  tourPath,
  tourStops,
  warehouseMap,
} from '../../../../../shared/engines/layout/map-geometry';
import { routeLengthM, type Warehouse } from '../../../../../shared/engines/layout/warehouse';

const W: Warehouse = {
  aisles: 4,
  aisleLengthM: 20,
  aisleSpacingM: 3,
  crossAislesM: [0, 10, 20],
  depot: { aisle: 0, positionM: 0 },
};

describe('warehouseMap', () => {
  it('draws the aisles across, the cross aisles with the front at the bottom, the depot', () => {
    const map = warehouseMap(W);
    expect(map.aisles.map((a) => [a.number, a.x])).toEqual([
      [1, 0],
      [2, 3],
      [3, 6],
      [4, 9],
    ]);
    expect(map.crossAisles.map((c) => c.y)).toEqual([20, 10, 0]);
    expect(map.depot).toEqual({ x: 0, y: 20 });
    expect([map.width, map.height]).toEqual([9, 20]);
  });
});

describe('tourPath', () => {
  it('walks up an aisle, across the nearest cross aisle, and back to the depot', () => {
    const path = tourPath(W, [
      { aisle: 0, positionM: 5 },
      { aisle: 2, positionM: 8 },
    ]);
    expect(path).toEqual([
      { x: 0, y: 20 },
      { x: 0, y: 15 },
      // 5 m up aisle 1, on to the middle cross aisle (10 m), across to aisle 3, down to 8 m.
      { x: 0, y: 10 },
      { x: 6, y: 10 },
      { x: 6, y: 12 },
      { x: 6, y: 20 },
      { x: 0, y: 20 },
    ]);
  });

  it('is as long as the route it draws, on any warehouse and stops', () => {
    const pt = fc.record({
      aisle: fc.integer({ min: 0, max: 3 }),
      positionM: fc.double({ min: 0, max: 20, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(pt, { maxLength: 30 }), (stops) => {
        expect(pathLengthM(tourPath(W, stops))).toBeCloseTo(routeLengthM(W, stops), 6);
      }),
    );
  });
});

describe('tourStops', () => {
  it('numbers the stops in route order, tasks in a row at one location as one stop', () => {
    const points = new Map([
      ['A', { aisle: 1, positionM: 4 }],
      ['B', { aisle: 3, positionM: 16 }],
    ]);
    const stops = tourStops(W, points, [
      { locationId: 'B' },
      { locationId: 'A' },
      { locationId: 'A' },
    ]);
    expect(stops).toEqual([
      { number: 1, locationId: 'B', tasks: 1, x: 9, y: 4 },
      { number: 2, locationId: 'A', tasks: 2, x: 3, y: 16 },
    ]);
  });
});
