import { fail, ok, type Result } from '../../result';
import type { Point, Warehouse } from '../layout/warehouse';
import { route, type RouteMethod } from '../routing/route';
import type { WaveOrder } from '../waves/wave-order';
import type { Cart } from './cart';
import { fcfsBatches } from './fcfs';
import { improveBatches } from './improve';
import { seedBatches } from './seed';
import { toteLoads, type ToteLoad } from './tote-load';

export const BATCH_METHODS = ['seed', 'fcfs'] as const;
export type BatchMethod = (typeof BATCH_METHODS)[number];

export interface PlannedTask {
  backorderLineId: string;
  orderId: string;
  skuId: string;
  locationId: string;
  qty: number;
  toteSlot: number;
}

export interface PlannedTour {
  totes: { slot: number; orderId: string }[];
  // In route order.
  tasks: PlannedTask[];
  routeLengthM: number;
  units: number;
  weightKg: number;
}

export interface BatchInput {
  warehouse: Warehouse;
  points: ReadonlyMap<string, Point>;
  // One wave's orders, most urgent first.
  orders: readonly WaveOrder[];
  cart: Cart;
  // `seed`: seed batching then local improvement; `fcfs`: first come, first served.
  method?: BatchMethod;
  routeMethod?: RouteMethod;
}

// A wave's orders onto carts (one order per tote) and each cart's route. Tours come most urgent
// first: ordered by the most urgent order they carry, and so are the totes on a cart.
export const batchTours = (input: BatchInput): Result<PlannedTour[]> => {
  const loads = toteLoads(input.orders, input.cart, input.points);
  if (!loads.ok) return loads;
  const rank = new Map(input.orders.map((o, i) => [o, i]));
  const urgency = (l: ToteLoad) => rank.get(l.order)!;
  const batches =
    (input.method ?? 'seed') === 'fcfs'
      ? fcfsBatches(loads.value, input.cart)
      : improveBatches(
          input.warehouse,
          seedBatches(input.warehouse, loads.value, input.cart),
          input.cart,
        );
  const ordered = batches
    .map((b) => [...b].sort((x, y) => urgency(x) - urgency(y) || (x.key < y.key ? -1 : 1)))
    .sort((x, y) => urgency(x[0]!) - urgency(y[0]!));
  const tours: PlannedTour[] = [];
  for (const batch of ordered) {
    const tasks: PlannedTask[] = batch.flatMap((load, slot) =>
      load.lines.flatMap((l) =>
        l.reservations.map((r) => ({
          backorderLineId: l.backorderLineId,
          orderId: l.orderId,
          skuId: l.skuId,
          locationId: r.locationId,
          qty: r.qty,
          toteSlot: slot,
        })),
      ),
    );
    const routed = route(
      input.warehouse,
      tasks.map((t, i) => ({ id: String(i), ...input.points.get(t.locationId)! })),
      input.routeMethod ?? 'optimal',
    );
    if (!routed.ok) return fail(routed.reason);
    tours.push({
      totes: batch.map((load, slot) => ({ slot, orderId: load.order.orderId })),
      tasks: routed.value.order.map((i) => tasks[Number(i)]!),
      routeLengthM: routed.value.lengthM,
      units: batch.reduce((s, l) => s + l.units, 0),
      weightKg: batch.reduce((s, l) => s + l.weightKg, 0),
    });
  }
  return ok(tours);
};
