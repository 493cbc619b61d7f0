import type { BackorderLine } from '../domain/backorder-line';

type Quantities = Pick<
  BackorderLine,
  'qtyBackordered' | 'qtyCancelled' | 'qtyAllocated' | 'qtyPicked' | 'qtyShipped'
>;

// Where a line's backordered units are. Every unit is in exactly one bucket:
//   qtyBackordered = qtyShipped + qtyCancelled + open + toPick + toShip
// open: owed and not yet allocated (what the planner takes); toPick: allocated, not picked yet;
// toShip: picked, waiting at packing. The line keeps cumulative counters and the buckets follow,
// so a short pick (allocation released) or a removed item (picked taken back) puts units back in
// `open` without a second line.

// Still owed to the customer: not shipped and not cancelled.
export const owedQty = (l: Quantities): number => l.qtyBackordered - l.qtyShipped - l.qtyCancelled;

export const openQty = (l: Quantities): number =>
  l.qtyBackordered - l.qtyCancelled - l.qtyAllocated;

export const toPickQty = (l: Quantities): number => l.qtyAllocated - l.qtyPicked;

export const toShipQty = (l: Quantities): number => l.qtyPicked - l.qtyShipped;

// The order every line keeps, whatever happens: no bucket is negative.
//   0 ≤ shipped ≤ picked ≤ allocated ≤ backordered − cancelled, cancelled ≥ 0
export const lineQuantitiesHold = (l: Quantities): boolean =>
  l.qtyShipped >= 0 &&
  l.qtyCancelled >= 0 &&
  l.qtyShipped <= l.qtyPicked &&
  l.qtyPicked <= l.qtyAllocated &&
  l.qtyAllocated + l.qtyCancelled <= l.qtyBackordered;
