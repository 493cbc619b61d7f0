import { describe, expect, it } from 'vitest';
import { allocate } from '../../../../../shared/engines/allocation/allocate';
import { warehouseFrom } from '../../../../../shared/engines/layout/warehouse';
import { planWaves } from '../../../../../shared/engines/plan/plan-waves';
import { shiftOrders } from '../../../../fixtures/shift-orders';
import { HEAVY_PROPERTY_TIMEOUT_MS } from '../../../../fixtures/timeouts';

// The standard shift of docs/planning.md: orders onto carts of 8 totes, both batchings routed by
// the exact router, so only the batching differs.
describe('batching orders into tours', { timeout: HEAVY_PROPERTY_TIMEOUT_MS }, () => {
  it('walks at least 15% less than first come, first served on the standard shift', () => {
    const shift = shiftOrders(400, 11);
    const place = warehouseFrom(shift.layout, shift.locations);
    if (!place.ok) throw new Error(place.reason);
    const { warehouse, points } = place.value;
    const fill = allocate({ ...shift, warehouse, points });
    if (!fill.ok) throw new Error(fill.reason);
    const walk = (batchMethod: 'seed' | 'fcfs') => {
      const plan = planWaves({
        ...shift,
        fillList: fill.value.fillList,
        warehouse,
        points,
        template: {
          maxOrders: 1000,
          maxLines: 5000,
          maxUnits: 100_000,
          maxWeightKg: 100_000,
          maxVolumeL: 100_000,
          zones: null,
        },
        cart: { totes: 8, maxUnits: 200, maxWeightKg: 150 },
        batchMethod,
      });
      if (!plan.ok) throw new Error(plan.reason);
      return plan.value.waves.reduce((s, w) => s + w.routeLengthM, 0);
    };
    const fcfs = walk('fcfs');
    const ours = walk('seed');
    console.log(
      `batching: ${ours.toFixed(0)} m against FCFS ${fcfs.toFixed(0)} m (${(ours / fcfs).toFixed(3)})`,
    );
    expect(ours).toBeLessThanOrEqual(0.85 * fcfs);
  });
});
