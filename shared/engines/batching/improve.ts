import type { Warehouse } from '../layout/warehouse';
import type { Cart } from './cart';
import { CartSketch } from './cart-sketch';
import type { ToteLoad } from './tote-load';

const EPSILON = 1e-9;
const MAX_PASSES = 3;
// Each cart trades only with the carts whose picks lie most like its own.
const NEIGHBOURS = 5;

const fits = (cart: Cart, c: CartSketch, out: ToteLoad | null, into: ToteLoad | null) =>
  c.loads.length - (out ? 1 : 0) + (into ? 1 : 0) <= cart.totes &&
  c.units - (out?.units ?? 0) + (into?.units ?? 0) <= cart.maxUnits &&
  c.weightKg - (out?.weightKg ?? 0) + (into?.weightKg ?? 0) <= cart.maxWeightKg + EPSILON;

// Per cart, the NEIGHBOURS carts nearest by the farthest pick per aisle (summed differences).
const neighbours = (w: Warehouse, carts: readonly CartSketch[]): number[][] => {
  const profiles = carts.map((c) => {
    const far = new Float64Array(w.aisles);
    for (const l of c.loads)
      l.aisles.forEach((a, i) => (far[a] = Math.max(far[a]!, l.farM[i]! + 1)));
    return far;
  });
  return profiles.map((p, a) => {
    const scored: [number, number][] = [];
    profiles.forEach((q, b) => {
      if (a === b) return;
      let d = 0;
      for (let k = 0; k < p.length; k++) d += Math.abs(p[k]! - q[k]!);
      scored.push([d, b]);
    });
    scored.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    return scored.slice(0, NEIGHBOURS).map(([, b]) => b);
  });
};

// Local improvement of a batching: swap two orders between carts, or move one to a cart with
// room, whenever the estimated total walk gets shorter; repeat until a pass finds nothing (at
// most a few passes, so a re-plan stays quick). Deterministic: carts and orders in order.
export const improveBatches = (
  w: Warehouse,
  batches: readonly ToteLoad[][],
  cart: Cart,
): ToteLoad[][] => {
  const carts = batches.map((b) => new CartSketch(w, b));
  // Pairs are looked at again only when one of the two carts changed since (don't-look bits).
  let changed = new Uint8Array(carts.length).fill(1);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let improved = false;
    const near = neighbours(w, carts);
    const next = new Uint8Array(carts.length);
    for (let a = 0; a < carts.length; a++) {
      const A = carts[a]!;
      for (let i = 0; i < A.loads.length; i++) {
        const o = A.loads[i]!;
        // An order that costs A nothing gains nothing by leaving; a swap that brings it to B
        // is found from B's side, as the order B gives up.
        if (A.saving(i) < EPSILON) continue;
        let swapped = false;
        for (const b of near[a]!) {
          if (!changed[a] && !changed[b] && !next[a] && !next[b]) continue;
          const B = carts[b]!;
          // j === B.loads.length: move o to B without taking one back.
          for (let j = 0; j <= B.loads.length && !swapped; j++) {
            const p = j < B.loads.length ? B.loads[j]! : null;
            if (!fits(cart, A, o, p) || !fits(cart, B, p, o)) continue;
            const dA = A.delta(o, p);
            // B's side can at best save what p costs it.
            if (dA - (p ? B.saving(j) : 0) > -EPSILON) continue;
            if (dA + B.delta(p, o) < -EPSILON) {
              A.swap(o, p);
              B.swap(p, o);
              next[a] = next[b] = 1;
              swapped = true;
            }
          }
          if (swapped) break;
        }
        if (swapped) {
          improved = true;
          i = -1; // A changed: look at it afresh
        }
      }
    }
    if (!improved) break;
    changed = next;
  }
  return carts.map((c) => c.loads).filter((loads) => loads.length > 0);
};
