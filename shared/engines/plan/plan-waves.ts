import { ok, type Result } from '../../result';
import type { Point, Warehouse } from '../layout/warehouse';
import type { RouteMethod } from '../routing/route';
import { batchTours, type BatchMethod, type PlannedTour } from '../batching/batch-tours';
import type { Cart } from '../batching/cart';
import { buildWaves, type WaveInput, type WavePlan } from '../waves/build-waves';

export interface PlanInput extends WaveInput {
  warehouse: Warehouse;
  points: ReadonlyMap<string, Point>;
  cart: Cart;
  batchMethod?: BatchMethod;
  routeMethod?: RouteMethod;
}

export interface PlannedWaveTours {
  cutoffAt: string | null;
  orders: number;
  lines: number;
  units: number;
  tours: PlannedTour[];
  routeLengthM: number;
}

export interface ShiftPlan {
  waves: PlannedWaveTours[];
  left: WavePlan['left'];
}

// The whole plan from a fill list: waves by the template, each wave's orders onto carts, each
// cart routed. What the lead reviews before releasing a wave.
export const planWaves = (input: PlanInput): Result<ShiftPlan> => {
  const built = buildWaves(input);
  if (!built.ok) return built;
  const waves: PlannedWaveTours[] = [];
  for (const wave of built.value.waves) {
    const tours = batchTours({
      warehouse: input.warehouse,
      points: input.points,
      orders: wave.orders,
      cart: input.cart,
      method: input.batchMethod,
      routeMethod: input.routeMethod,
    });
    if (!tours.ok) return tours;
    waves.push({
      cutoffAt: wave.cutoffAt,
      orders: wave.orders.length,
      lines: wave.lines,
      units: wave.units,
      tours: tours.value,
      routeLengthM: tours.value.reduce((s, t) => s + t.routeLengthM, 0),
    });
  }
  return ok({ waves, left: built.value.left });
};
