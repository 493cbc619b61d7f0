import { describe, expect, it } from 'vitest';
import type { PickTask } from '../../../../shared/domain/pick-task';
import { walkTour } from '../../../../shared/picking/tour-walk';

const task = (
  id: string,
  sequence: number,
  locationId: string,
  status: PickTask['status'] = 'open',
): PickTask => ({
  id,
  tourId: 'T',
  waveId: 'W',
  backorderLineId: `L-${id}`,
  orderId: 'O',
  locationId,
  skuId: 'S',
  qty: 1,
  sequence,
  toteSlot: 0,
  status,
  pickedQty: 0,
  shortQty: 0,
});
const aisles: Record<string, number> = { A: 1, B: 1, C: 2, D: 3 };

describe('walking a tour', () => {
  it('goes in route order, skipped tasks last in the order skipped, and names the next aisle', () => {
    const tasks = [
      task('k3', 2, 'C'),
      task('k1', 0, 'A'),
      task('k2', 1, 'B'),
      task('k4', 3, 'D'),
      task('k0', 9, 'A', 'picked'),
    ];
    const walk = walkTour(tasks, ['k3', 'k1'], (id) => aisles[id]);
    expect(walk.todo.map((t) => t.id)).toEqual(['k2', 'k4', 'k3', 'k1']);
    expect(walk.current?.id).toBe('k2');
    expect(walk.nextAisle).toBe(3);
    expect(walk).toMatchObject({ picked: 1, short: 0, skipped: 2 });
  });

  it('ends with nothing current and the counts for the summary', () => {
    const walk = walkTour(
      [task('k1', 0, 'A', 'picked'), task('k2', 1, 'B', 'short')],
      ['k2'],
      (id) => aisles[id],
    );
    expect(walk).toMatchObject({ current: null, picked: 1, short: 1, skipped: 0, nextAisle: null });
  });
});
