// Batching and the whole plan on the standard shift of docs/planning.md (test/fixtures/
// shift-orders.ts): 10 aisles of 30 bays, 80/20 SKU popularity, 1–5 lines per order.
// - batch.distance: 1,000 orders on carts of 8 totes, our batching against first come, first
//   served, both routed by the exact router (ratio = ours / FCFS; goal ≤ 0.85).
// - plan.whole: waves, tours and routes for 50,000 fill-list lines, against FCFS batching with
//   S-shape routes over the same lines in the same run (goal: under 2 s).
import { allocate } from '../../shared/engines/allocation/allocate';
import type { BatchMethod } from '../../shared/engines/batching/batch-tours';
import { warehouseFrom } from '../../shared/engines/layout/warehouse';
import { planWaves } from '../../shared/engines/plan/plan-waves';
import type { RouteMethod } from '../../shared/engines/routing/route';
import { shiftOrders } from '../fixtures/shift-orders';
import type { BenchGroup } from './harness';

const CART = { totes: 8, maxUnits: 200, maxWeightKg: 150 };
const ONE_WAVE = {
  maxOrders: 1_000_000,
  maxLines: 10_000_000,
  maxUnits: 10_000_000,
  maxWeightKg: 1e9,
  maxVolumeL: 1e9,
  zones: null,
};
// A wave of about 60 carts: what a shift of pickers clears in an hour or so.
const HOURLY_WAVE = { ...ONE_WAVE, maxOrders: 500 };

const shift = (orders: number, seed: number) => {
  const s = shiftOrders(orders, seed);
  const place = warehouseFrom(s.layout, s.locations);
  if (!place.ok) throw new Error(place.reason);
  const fill = allocate({ ...s, ...place.value });
  if (!fill.ok) throw new Error(fill.reason);
  return { ...s, ...place.value, fillList: fill.value.fillList };
};

const planned = (
  s: ReturnType<typeof shift>,
  template: typeof ONE_WAVE,
  batchMethod: BatchMethod,
  routeMethod: RouteMethod,
) => {
  const started = performance.now();
  const plan = planWaves({ ...s, template, cart: CART, batchMethod, routeMethod });
  const ms = performance.now() - started;
  if (!plan.ok) throw new Error(plan.reason);
  return { ms, metres: plan.value.waves.reduce((m, w) => m + w.routeLengthM, 0), plan: plan.value };
};

const group: BenchGroup = {
  group: 'batch',
  benches: [
    {
      name: 'distance',
      run: async () => {
        const s = shift(1000, 1);
        const fcfs = planned(s, ONE_WAVE, 'fcfs', 'optimal');
        const ours = planned(s, ONE_WAVE, 'seed', 'optimal');
        return [{ name: 'distance', value: ours.metres, unit: 'm walked', baseline: fcfs.metres }];
      },
    },
    {
      name: 'plan.whole',
      run: async () => {
        const s = shift(22_000, 7);
        if (s.fillList.length < 49_000) throw new Error(`only ${s.fillList.length} lines`);
        // Warm both paths once, then the median of three runs each.
        const median = (batch: BatchMethod, route: RouteMethod) => {
          planned(s, HOURLY_WAVE, batch, route);
          const runs = [0, 1, 2].map(() => planned(s, HOURLY_WAVE, batch, route));
          return runs.sort((a, b) => a.ms - b.ms)[1]!;
        };
        const fcfs = median('fcfs', 's-shape');
        const ours = median('seed', 'optimal');
        const tours = ours.plan.waves.reduce((n, w) => n + w.tours.length, 0);
        return [
          {
            name: 'plan.whole',
            value: ours.ms,
            unit: `ms for ${s.fillList.length} lines, ${ours.plan.waves.length} waves, ${tours} tours`,
            baseline: fcfs.ms,
          },
          {
            name: 'plan.whole.distance',
            value: ours.metres,
            unit: 'm walked (FCFS with S-shape routes as baseline)',
            baseline: fcfs.metres,
          },
        ];
      },
    },
  ],
};

export default group;
