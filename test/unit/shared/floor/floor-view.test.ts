import { describe, expect, it } from 'vitest';
import { DEFAULT_FLOOR_SETTINGS } from '../../../../shared/domain/floor-settings';
import type { PickTask } from '../../../../shared/domain/pick-task';
import type { Tour } from '../../../../shared/domain/tour';
import type { Wave } from '../../../../shared/domain/wave';
import { floorOf } from '../../../../shared/floor/floor-view';

const wave = (id: string, status: Wave['status'], releasedAt: string): Wave => ({
  id,
  name: `Wave ${id}`,
  status,
  releasedAt,
  releasedBy: 'op-lee',
});
const tour = (
  id: string,
  waveId: string,
  sequence: number,
  status: Tour['status'],
  pickerId: string | null = null,
): Tour => ({
  id,
  waveId,
  sequence,
  status,
  pickerId,
  routeLengthM: 50,
});
const task = (
  id: string,
  tourId: string,
  waveId: string,
  status: PickTask['status'],
  orderId = 'SO-1',
): PickTask => ({
  id,
  tourId,
  waveId,
  backorderLineId: `${orderId}/${id}`,
  orderId,
  locationId: 'L1',
  skuId: 'S1',
  qty: 2,
  sequence: 0,
  toteSlot: 0,
  status,
  pickedQty: status === 'picked' ? 2 : 0,
  shortQty: status === 'short' ? 2 : 0,
});

const rows = {
  waves: [
    wave('W2', 'released', '2026-12-01T08:00:00Z'),
    wave('W1', 'picking', '2026-12-01T07:00:00Z'),
    wave('W0', 'done', '2026-12-01T06:00:00Z'),
  ],
  tours: [
    tour('T1', 'W1', 0, 'picking', 'op-ann'),
    tour('T2', 'W1', 1, 'dropped', 'op-bo'),
    tour('T3', 'W2', 0, 'assigned', 'op-ann'),
    tour('T4', 'W2', 1, 'cancelled'),
    tour('T0', 'W0', 0, 'dropped', 'op-ann'),
  ],
  tasks: [
    task('K1', 'T1', 'W1', 'picked'),
    task('K2', 'T1', 'W1', 'short', 'SO-2'),
    task('K3', 'T1', 'W1', 'open', 'SO-2'),
    task('K4', 'T2', 'W1', 'picked'),
    task('K5', 'T3', 'W2', 'open'),
    task('K6', 'T3', 'W2', 'cancelled'),
  ],
  operators: [
    { id: 'op-ann', badge: 'A', name: 'Ann', role: 'picker' as const, active: true },
    { id: 'op-bo', badge: 'B', name: 'Bo', role: 'picker' as const, active: true },
  ],
  events: [
    { type: 'tour.claimed', at: '2026-12-01T07:10:00.000Z', payload: { tourId: 'T1' } },
    { type: 'pick.confirmed', at: '2026-12-01T07:20:00.000Z', payload: { pickTaskId: 'K1' } },
  ],
};

describe('the floor view', () => {
  const floor = floorOf(rows, DEFAULT_FLOOR_SETTINGS, new Date('2026-12-01T07:40:00.000Z'));

  it('lists live waves in release order with their tours, leaving done waves and cancelled tours out', () => {
    expect(floor.waves.map((w) => [w.name, w.tours.map((t) => t.name)])).toEqual([
      ['Wave W1', ['Tour 1 of Wave W1', 'Tour 2 of Wave W1']],
      ['Wave W2', ['Tour 1 of Wave W2']],
    ]);
    expect(floor.waves.map((w) => w.started)).toEqual([true, false]);
  });

  it('gives each tour its picker, orders and units, and its figures from the log', () => {
    const t1 = floor.waves[0]!.tours[0]!;
    expect(t1).toMatchObject({ pickerName: 'Ann', orders: 2, lines: 3, units: 6 });
    expect(t1.figures).toMatchObject({
      tasks: 3,
      done: 2,
      shorts: 1,
      elapsedMin: 30,
      idleMin: 20,
      stalled: true,
    });
    // A cancelled task is not counted.
    expect(floor.waves[1]!.tours[0]).toMatchObject({ units: 2, figures: { tasks: 1 } });
  });

  it('adds the tours up per wave and per picker', () => {
    expect(floor.waves[0]!.totals).toMatchObject({
      tours: 2,
      tasks: 4,
      done: 3,
      shorts: 1,
      stalled: 1,
    });
    expect(
      floor.pickers.map((p) => [p.name, p.tours.map((t) => t.id), p.totals.done, p.totals.tasks]),
    ).toEqual([
      ['Ann', ['T1', 'T3'], 2, 4],
      ['Bo', ['T2'], 1, 1],
    ]);
  });
});
