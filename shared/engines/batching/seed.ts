import { compareText } from '../../compare';
import type { Warehouse } from '../layout/warehouse';
import type { Cart } from './cart';
import { TourEstimate } from './tour-estimate';
import type { ToteLoad } from './tote-load';

const EPSILON = 1e-9;

// Seed batching (de Koster, van der Poort and Wolters 1999): start a cart with the order whose
// tour alone is longest, then keep adding the order that lengthens the cart's tour least, until
// the cart is full. Ties go to the earlier key, so the result never depends on input order.
export const seedBatches = (w: Warehouse, loads: readonly ToteLoad[], cart: Cart): ToteLoad[][] => {
  const sorted = [...loads].sort((a, b) => compareText(a.key, b.key));
  const alone = sorted.map((l) => {
    const e = new TourEstimate(w);
    e.add(l);
    return e.cost;
  });
  const taken = new Uint8Array(sorted.length);
  let left = sorted.length;
  const batches: ToteLoad[][] = [];
  const estimate = new TourEstimate(w);
  while (left > 0) {
    let seed = -1;
    for (let i = 0; i < sorted.length; i++)
      if (!taken[i] && (seed < 0 || alone[i]! > alone[seed]! + EPSILON)) seed = i;
    estimate.clear();
    const batch = [sorted[seed]!];
    let units = sorted[seed]!.units;
    let weightKg = sorted[seed]!.weightKg;
    estimate.add(sorted[seed]!);
    taken[seed] = 1;
    left--;
    while (batch.length < cart.totes && left > 0) {
      let best = -1;
      let bestCost = Infinity;
      for (let i = 0; i < sorted.length; i++) {
        const l = sorted[i]!;
        if (taken[i] || units + l.units > cart.maxUnits) continue;
        if (weightKg + l.weightKg > cart.maxWeightKg + EPSILON) continue;
        const cost = estimate.added(l);
        if (cost < bestCost - EPSILON) [best, bestCost] = [i, cost];
      }
      if (best < 0) break;
      const l = sorted[best]!;
      batch.push(l);
      estimate.add(l);
      units += l.units;
      weightKg += l.weightKg;
      taken[best] = 1;
      left--;
    }
    batches.push(batch);
  }
  return batches;
};
