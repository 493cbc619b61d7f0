import { fitsCart, type ToteLoad } from './tote-load';
import type { Cart } from './cart';
import { compareText as cmp } from '../../compare';

// First come, first served: orders by order date onto carts, a new cart when the next one does
// not fit. The baseline batching is measured against.
export const fcfsBatches = (loads: readonly ToteLoad[], cart: Cart): ToteLoad[][] => {
  const sorted = [...loads].sort(
    (a, b) => cmp(a.order.lead.orderedAt, b.order.lead.orderedAt) || cmp(a.key, b.key),
  );
  const batches: ToteLoad[][] = [];
  let current: ToteLoad[] = [];
  for (const load of sorted) {
    if (current.length && !fitsCart(cart, [...current, load])) {
      batches.push(current);
      current = [];
    }
    current.push(load);
  }
  if (current.length) batches.push(current);
  return batches;
};
