import { fail, ok, type Result } from '../../result';
import type { Point } from '../layout/warehouse';
import { sumOf, type PlannedLine, type WaveOrder } from '../waves/wave-order';
import type { Cart } from './cart';

// What goes into one tote: an order's lines (an order too big for one cart fills several totes,
// each on its own tour). `aisles` and `farM` say where its picks are, for the tour estimate.
export interface ToteLoad {
  key: string;
  order: WaveOrder;
  lines: PlannedLine[];
  units: number;
  weightKg: number;
  aisles: number[];
  farM: number[];
}

const EPSILON = 1e-9;

const loadOf = (
  order: WaveOrder,
  lines: PlannedLine[],
  part: number,
  points: ReadonlyMap<string, Point>,
): ToteLoad => {
  const far = new Map<number, number>();
  for (const l of lines)
    for (const r of l.reservations) {
      const p = points.get(r.locationId)!;
      far.set(p.aisle, Math.max(far.get(p.aisle) ?? 0, p.positionM));
    }
  const aisles = [...far.keys()].sort((a, b) => a - b);
  const s = sumOf(lines);
  return {
    key: part === 0 ? order.orderId : `${order.orderId}#${part}`,
    order,
    lines,
    units: s.units,
    weightKg: s.weightKg,
    aisles,
    farM: aisles.map((a) => far.get(a)!),
  };
};

// One load per order, unless the order is more than a cart carries: then next fit, line by line.
// A single line more than a cart carries can never be picked: refused, naming it.
export const toteLoads = (
  orders: readonly WaveOrder[],
  cart: Cart,
  points: ReadonlyMap<string, Point>,
): Result<ToteLoad[]> => {
  const over = (lines: PlannedLine[]) => {
    const s = sumOf(lines);
    if (s.units > cart.maxUnits) return `${s.units} units (a cart takes ${cart.maxUnits})`;
    if (s.weightKg > cart.maxWeightKg + EPSILON)
      return `${s.weightKg.toFixed(2)} kg (a cart takes ${cart.maxWeightKg} kg)`;
    return null;
  };
  const loads: ToteLoad[] = [];
  for (const order of orders) {
    for (const l of order.lines)
      for (const r of l.reservations)
        if (!points.has(r.locationId))
          return fail(
            `backorder line ${l.backorderLineId}: location ${r.locationId} has no place in the layout`,
          );
    if (!over(order.lines)) {
      loads.push(loadOf(order, order.lines, 0, points));
      continue;
    }
    const parts: PlannedLine[][] = [[]];
    for (const l of order.lines) {
      const alone = over([l]);
      if (alone) return fail(`backorder line ${l.backorderLineId} is ${alone}`);
      const current = parts[parts.length - 1]!;
      if (over([...current, l])) parts.push([l]);
      else current.push(l);
    }
    parts.forEach((lines, i) => loads.push(loadOf(order, lines, i, points)));
  }
  return ok(loads);
};

export const fitsCart = (cart: Cart, loads: readonly ToteLoad[]) =>
  loads.length <= cart.totes &&
  loads.reduce((s, l) => s + l.units, 0) <= cart.maxUnits &&
  loads.reduce((s, l) => s + l.weightKg, 0) <= cart.maxWeightKg + EPSILON;
